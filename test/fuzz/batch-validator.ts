import * as fs from 'fs';
import * as path from 'path';
import { offlineOverride } from '../terraform/offline-provider';
import { Diagnostic, formatDiagnostic, runTerraform } from '../terraform/offline-terraform';

/** A synthesized case to validate: its number and the folder holding its `cdk.tf.json`. */
export interface AcceptedCase {
  readonly index: number;
  readonly stackDir: string;
}

/** What `terraform validate` said, by case. */
export interface BatchValidation {
  /** Error diagnostics of each invalid case, by case number. */
  readonly invalid: Map<number, string[]>;
  /** Errors that name no case (init failures, root module problems). */
  readonly unattributed: string[];
  readonly validateRuns: number;
}

const MODULE_PREFIX = 'case_';
/** Each pass drops the cases found invalid and validates the rest again, since an error in one
 * module can keep Terraform from evaluating the others; this bounds the passes. */
const MAX_VALIDATE_PASSES = 5;

/** The module name of a case. */
export function moduleName(index: number): string {
  return `${MODULE_PREFIX}${index}`;
}

type Json = Record<string, any>;

/**
 * Rewrites a synthesized stack as a child module: its provider and backend belong to the root.
 * Returns the module's variables and their types, which the root declares and passes through, so
 * that variable tokens stay unknown values as in the stack itself.
 */
function toChildModule(stackDir: string): { source: string; variables: Record<string, Json>; requiredProviders: Json } {
  const file = path.join(stackDir, 'cdk.tf.json');
  const config: Json = JSON.parse(fs.readFileSync(file, 'utf8'));
  delete config.provider;
  const requiredProviders = config.terraform?.required_providers ?? {};
  if (config.terraform) delete config.terraform.backend;
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return { source: stackDir, variables: config.variable ?? {}, requiredProviders };
}

/** Which case a diagnostic is about: the module named in its address, or the case folder of its file. */
function caseOf(diagnostic: Diagnostic & { address?: string }, rootDir: string, folders: Map<string, number>): number | undefined {
  const fromAddress = new RegExp(`module\\.${MODULE_PREFIX}(\\d+)`).exec(diagnostic.address ?? '');
  if (fromAddress) return Number(fromAddress[1]);
  const filename = diagnostic.range?.filename;
  if (filename === undefined) return undefined;
  for (const [folder, index] of folders) {
    if (path.resolve(rootDir, filename).startsWith(folder + path.sep)) return index;
  }
  return undefined;
}

/**
 * Puts every case into one root configuration under `rootDir` (`module "case_N"` each, one
 * provider block with the offline settings), runs `terraform init` once and `terraform validate
 * -json`, and maps each error diagnostic back to its case.
 */
export async function validateBatch(rootDir: string, cases: AcceptedCase[]): Promise<BatchValidation> {
  const invalid = new Map<number, string[]>();
  const unattributed: string[] = [];
  if (cases.length === 0) return { invalid, unattributed, validateRuns: 0 };

  const modules: Record<string, Json> = {};
  const variables: Record<string, Json> = {};
  const folders = new Map<string, number>();
  let requiredProviders: Json = {};
  for (const { index, stackDir } of cases) {
    const child = toChildModule(stackDir);
    requiredProviders = { ...requiredProviders, ...child.requiredProviders };
    const inputs: Json = {};
    for (const [name, declaration] of Object.entries(child.variables)) {
      const rootName = `${moduleName(index)}_${name}`;
      variables[rootName] = { type: declaration.type };
      inputs[name] = `\${var.${rootName}}`;
    }
    modules[moduleName(index)] = { source: `./${path.relative(rootDir, child.source).split(path.sep).join('/')}`, ...inputs };
    folders.set(path.resolve(child.source), index);
  }
  const root: Json = { terraform: { required_providers: requiredProviders }, provider: { aws: [{}] }, module: modules };
  if (Object.keys(variables).length > 0) root.variable = variables;
  fs.writeFileSync(path.join(rootDir, 'main.tf.json'), JSON.stringify(root, null, 2));
  fs.writeFileSync(path.join(rootDir, 'offline_override.tf.json'), JSON.stringify(offlineOverride(root), null, 2));

  const init = await runTerraform(rootDir, ['init', '-input=false', '-no-color', '-backend=false']);
  if (init.exitCode !== 0) {
    unattributed.push(`terraform init failed (exit ${init.exitCode}): ${(init.stderr || init.stdout).trim()}`);
    return { invalid, unattributed, validateRuns: 0 };
  }

  let validateRuns = 0;
  for (let pass = 0; pass < MAX_VALIDATE_PASSES; pass++) {
    validateRuns++;
    const validate = await runTerraform(rootDir, ['validate', '-json', '-no-color']);
    let result: { valid?: boolean; diagnostics?: Array<Diagnostic & { address?: string }> };
    try {
      result = JSON.parse(validate.stdout);
    } catch {
      unattributed.push(`terraform validate printed no JSON (exit ${validate.exitCode}): ${validate.stderr.trim()}`);
      break;
    }
    const errors = (result.diagnostics ?? []).filter((d) => d.severity === 'error');
    if (result.valid === true && errors.length === 0) break;
    let attributed = 0;
    for (const diagnostic of errors) {
      const index = caseOf(diagnostic, rootDir, folders);
      if (index === undefined) {
        unattributed.push(formatDiagnostic(diagnostic));
        continue;
      }
      attributed++;
      invalid.set(index, [...invalid.get(index) ?? [], formatDiagnostic(diagnostic)]);
    }
    if (attributed === 0) break;
    // Validate the others again without the invalid ones.
    for (const index of invalid.keys()) delete modules[moduleName(index)];
    const remainingVariables = Object.fromEntries(Object.entries(variables)
      .filter(([name]) => [...invalid.keys()].every((index) => !name.startsWith(`${moduleName(index)}_`))));
    root.variable = Object.keys(remainingVariables).length > 0 ? remainingVariables : undefined;
    if (Object.keys(modules).length === 0) break;
    fs.writeFileSync(path.join(rootDir, 'main.tf.json'), JSON.stringify(root, null, 2));
  }
  return { invalid, unattributed, validateRuns };
}
