import { NetworkConstraintError } from './errors';

/** Recognises the library's errors in any jsii language. */
export class NetworkErrors {
  /** Whether `error` is a `NetworkConstraintError`. */
  public static isNetworkConstraintError(error: any): boolean {
    return error instanceof NetworkConstraintError;
  }

  /**
   * The stable code of a `NetworkConstraintError` (for example `ReservedAddress`), read from the
   * error or its message.
   * @returns the code, or undefined when `error` is not one of the library's errors
   */
  public static codeOf(error: any): string | undefined {
    if (error instanceof NetworkConstraintError) return error.code;
    const match = /^\[([A-Z][A-Za-z0-9]+)\] /.exec(String(error?.message ?? ''));
    return match?.[1];
  }

  private constructor() {}
}
