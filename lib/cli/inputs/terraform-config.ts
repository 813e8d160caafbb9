import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';

/** Terraform JSON syntax: `{ resource: { type: { name: body } }, data?, variable?, ... }`. */
export type TerraformJson = Record<string, unknown>;

/** Something the loader found but did not read, so the user knows what was left unchecked. */
export interface SkippedInput {
  /** Terraform address of what was skipped (`module.vpc`, `module.a.module.b`). */
  readonly address: string;
  /** Where it would have come from (a module's `source`). */
  readonly source: string;
  /** Why it was not read (`not a local path`, `module cycle`, ...). */
  readonly reason: string;
}

/** One configuration to check: a synthesized stack, a module of HCL, or a plan. */
export interface TerraformConfig {
  /** Stack name, module folder relative to the working directory, or `plan`. */
  readonly name: string;
  /** File or folder it came from. */
  readonly source: string;
  /** `''` for a root module, `module.net.` for a child module (`module.a.module.b.` when nested). */
  readonly addressPrefix: string;
  readonly terraformJson: TerraformJson;
  /**
   * Module calls of this configuration that were not followed (a registry or git source, a cycle,
   * a missing folder): their resources are not checked.
   * @default - nothing was skipped
   */
  readonly skipped?: SkippedInput[];
}

/** The error for an input the loader cannot read (code `CliInputNotRecognized`). */
export function inputNotRecognized(inputPath: string, problem: string, fix?: string): NetworkConstraintError {
  return new NetworkConstraintError({
    code: ErrorCode.CliInputNotRecognized,
    subject: 'nic-check',
    problem,
    received: inputPath,
    allowed: 'a cdktf.out folder (with manifest.json), a folder of *.tf / *.tf.json files, a `terraform show -json` plan or a Terraform JSON file',
    fix,
  });
}

/** Whether `value` is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a JSON file, turning a syntax error into the loader's error. */
export function readJsonFile(file: string, contents: string): unknown {
  try {
    return JSON.parse(contents);
  } catch (error) {
    throw inputNotRecognized(file, `not valid JSON (${(error as Error).message})`);
  }
}
