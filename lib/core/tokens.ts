import { Token } from 'cdktf';

/**
 * True when a value, or any element of a list value, is a token whose value is only known at
 * deploy time. Construction-time checks skip such values instead of guessing.
 */
export function isUnresolved(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return Token.isUnresolved(value) || value.some((v) => Token.isUnresolved(v));
  return Token.isUnresolved(value);
}

/** The literal value, or `undefined` when it is missing or a token. */
export function literal<T>(value: T | undefined): T | undefined {
  return value === undefined || isUnresolved(value) ? undefined : value;
}
