import { execFile, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { App } from 'cdktf';
import { offlineOverride } from './offline-provider';

const execFileAsync = promisify(execFile);

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SCRATCH_ROOT = path.join(REPO_ROOT, '.tmp');
const CHECKED_IN_CLI_CONFIG = path.join(__dirname, 'terraform.rc');
const DEFAULT_PLUGIN_MIRROR = '/opt/tf-plugins';
const OVERRIDE_FILE = 'offline_override.tf.json';
// `terraform plan -json` can be large for big stacks; execFile's default 1 MB would cut it.
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** The hashicorp/aws version that the pinned `@cdktf/provider-aws` generates code for. */
const AWS_PROVIDER_VERSION: string = JSON.parse(
  fs.readFileSync(require.resolve('@cdktf/provider-aws/package.json'), 'utf8'),
).cdktf.provider.version;

/** Where the hashicorp/* provider mirror lives: `NIC_TF_PLUGIN_MIRROR`, else `/opt/tf-plugins`. */
export function pluginMirror(): string {
  return path.resolve(process.env.NIC_TF_PLUGIN_MIRROR ?? DEFAULT_PLUGIN_MIRROR);
}

/** The terraform executable: `TERRAFORM_BINARY_NAME` (the cdktf CLI's variable), else `terraform`. */
export function terraformBinary(): string {
  return process.env.TERRAFORM_BINARY_NAME ?? 'terraform';
}

function writeFileAtomically(file: string, content: string): void {
  // Jest workers may race on the same file: write aside, then rename over.
  const aside = `${file}.${process.pid}`;
  fs.writeFileSync(aside, content);
  fs.renameSync(aside, file);
}

/**
 * The CLI config file to use with `mirror`: the checked-in `terraform.rc` when it already names that
 * mirror, else a copy under `.tmp/` with the mirror path replaced.
 */
export function terraformCliConfigFile(mirror: string = pluginMirror()): string {
  const checkedIn = fs.readFileSync(CHECKED_IN_CLI_CONFIG, 'utf8');
  const mirrorPathSetting = /(filesystem_mirror\s*\{[^}]*?path\s*=\s*)"[^"]*"/;
  const match = mirrorPathSetting.exec(checkedIn);
  if (!match) throw new Error(`${CHECKED_IN_CLI_CONFIG} has no filesystem_mirror path`);
  if (match[0].endsWith(`"${mirror}"`)) return CHECKED_IN_CLI_CONFIG;

  const adapted = checkedIn.replace(mirrorPathSetting, `$1${JSON.stringify(mirror)}`);
  const digest = createHash('sha256').update(adapted).digest('hex').slice(0, 12);
  const file = path.join(SCRATCH_ROOT, `terraform-${digest}.rc`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(SCRATCH_ROOT, { recursive: true });
    writeFileAtomically(file, adapted);
  }
  return file;
}

function terraformPlatform(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch === 'ia32' ? '386' : process.arch;
  return `${process.platform}_${arch}`;
}

/** What the offline tests need, and what of it is missing on this machine. */
export interface TerraformAvailability {
  readonly available: boolean;
  /** Human-readable descriptions of each missing piece (empty when available). */
  readonly missing: string[];
  readonly terraformBinary: string;
  /** `terraform version` output, when the binary runs. */
  readonly terraformVersion?: string;
  readonly pluginMirror: string;
}

export interface AvailabilityOptions {
  /** @default - terraformBinary() */
  readonly terraformBinary?: string;
  /** @default - pluginMirror() */
  readonly pluginMirror?: string;
}

function terraformEnv(mirror: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: terraformCliConfigFile(mirror),
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  // A plugin cache would make init copy the ~700 MB provider; the unpacked mirror is symlinked instead.
  delete env.TF_PLUGIN_CACHE_DIR;
  // The working folder must hold the .terraform folder that init creates, whatever the caller's setup.
  delete env.TF_DATA_DIR;
  delete env.TF_WORKSPACE;
  return env;
}

function checkAvailability(binary: string, mirror: string): TerraformAvailability {
  const missing: string[] = [];
  const version = spawnSync(binary, ['version'], { env: terraformEnv(mirror), encoding: 'utf8' });
  const terraformVersion = version.status === 0 ? version.stdout.split('\n')[0].trim() : undefined;
  if (terraformVersion === undefined) {
    missing.push(`the terraform binary "${binary}" (not runnable: ${version.error?.message ?? version.stderr.trim()}; set TERRAFORM_BINARY_NAME)`);
  }
  const providerFolder = path.join(mirror, 'registry.terraform.io', 'hashicorp', 'aws');
  const unpacked = path.join(providerFolder, AWS_PROVIDER_VERSION, terraformPlatform());
  const packed = path.join(providerFolder, `terraform-provider-aws_${AWS_PROVIDER_VERSION}_${terraformPlatform()}.zip`);
  if (!fs.existsSync(unpacked) && !fs.existsSync(packed)) {
    missing.push(`hashicorp/aws ${AWS_PROVIDER_VERSION} in the provider mirror (looked for ${unpacked}; set NIC_TF_PLUGIN_MIRROR)`);
  }
  return { available: missing.length === 0, missing, terraformBinary: binary, terraformVersion, pluginMirror: mirror };
}

const availabilityCache = new Map<string, TerraformAvailability>();

/** Whether terraform and the hashicorp/aws mirror are present (cached per binary and mirror). */
export function terraformAvailability(options: AvailabilityOptions = {}): TerraformAvailability {
  const binary = options.terraformBinary ?? terraformBinary();
  const mirror = path.resolve(options.pluginMirror ?? pluginMirror());
  const key = `${binary}\0${mirror}`;
  let availability = availabilityCache.get(key);
  if (availability === undefined) {
    availability = checkAvailability(binary, mirror);
    availabilityCache.set(key, availability);
  }
  return availability;
}

/** A terraform command failed; the message carries Terraform's own diagnostics. */
export class TerraformCommandError extends Error {
  constructor(
    message: string,
    /** The temporary working folder (already removed when the error reaches the caller). */
    public readonly workDir: string,
  ) {
    super(message);
    this.name = 'TerraformCommandError';
  }
}

/** One diagnostic of `terraform validate -json` or `plan -json`. */
export interface Diagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail?: string;
  readonly range?: { readonly filename: string; readonly start: { readonly line: number } };
  readonly snippet?: { readonly context?: string | null };
}

/** A diagnostic as one readable line. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.range ? ` (${diagnostic.range.filename}:${diagnostic.range.start.line}` +
    `${diagnostic.snippet?.context ? `, in ${diagnostic.snippet.context}` : ''})` : '';
  const detail = diagnostic.detail ? `: ${diagnostic.detail}` : '';
  const severity = diagnostic.severity.charAt(0).toUpperCase() + diagnostic.severity.slice(1);
  return `${severity}: ${diagnostic.summary}${where}${detail}`;
}

/** Output and exit code of one terraform command. */
export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly ms: number;
}

/**
 * Runs terraform in `workDir` offline (the mirror's CLI config), with `extraEnv` added to its
 * environment; a non-zero exit is returned, not thrown.
 */
export async function runTerraform(workDir: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  const started = performance.now();
  try {
    const { stdout, stderr } = await execFileAsync(terraformBinary(), args, {
      cwd: workDir,
      env: { ...terraformEnv(pluginMirror()), ...extraEnv },
      maxBuffer: MAX_OUTPUT_BYTES,
    });
    return { stdout, stderr, exitCode: 0, ms: performance.now() - started };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number | string; message: string };
    if (typeof failed.code !== 'number') throw error; // not started at all (ENOENT, ...)
    return { stdout: failed.stdout ?? '', stderr: failed.stderr ?? '', exitCode: failed.code, ms: performance.now() - started };
  }
}

/** Parses the JSON lines of `terraform plan -json`. */
export function jsonLines(stdout: string): Array<Record<string, any>> {
  return stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
}

/** What `terraform plan` would do to a stack, from an empty state. */
export interface PlanSummary {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  /** Managed resources with a planned action, counted by resource type. */
  readonly byType: Record<string, number>;
  /** Warnings from `terraform validate` and `terraform plan` (deprecations and the like). */
  readonly warnings: string[];
  readonly timings: { readonly initMs: number; readonly validateMs: number; readonly planMs: number };
}

/** The error for a failed terraform command: Terraform's diagnostics, else its output. */
export function failure(command: string, stackDir: string, workDir: string, result: CommandResult, diagnostics: string[]): TerraformCommandError {
  const text = diagnostics.length > 0 ? diagnostics.join('\n') : (result.stderr || result.stdout).trim();
  return new TerraformCommandError(`terraform ${command} failed for ${stackDir} (exit ${result.exitCode}):\n${text}`, workDir);
}

async function initValidatePlan(stackDir: string, workDir: string): Promise<PlanSummary> {
  const init = await runTerraform(workDir, ['init', '-input=false', '-no-color']);
  if (init.exitCode !== 0) throw failure('init', stackDir, workDir, init, []);

  const validate = await runTerraform(workDir, ['validate', '-json', '-no-color']);
  const validation = JSON.parse(validate.stdout || '{}') as { valid?: boolean; diagnostics?: Diagnostic[] };
  const validateDiagnostics = (validation.diagnostics ?? []).map(formatDiagnostic);
  if (validate.exitCode !== 0 || validation.valid !== true) throw failure('validate', stackDir, workDir, validate, validateDiagnostics);

  // `plan -json` streams the planned changes and the summary, so no `show -json` (which would start
  // the ~700 MB provider a third time) is needed.
  const plan = await runTerraform(workDir, ['plan', '-json', '-refresh=false', '-input=false', '-lock=false', '-no-color']);
  const messages = jsonLines(plan.stdout);
  const planDiagnostics = messages.filter((m) => m.type === 'diagnostic').map((m) => formatDiagnostic(m.diagnostic));
  const summary = messages.find((m) => m.type === 'change_summary')?.changes;
  if (plan.exitCode !== 0 || summary === undefined) throw failure('plan', stackDir, workDir, plan, planDiagnostics);

  const byType: Record<string, number> = {};
  for (const message of messages.filter((m) => m.type === 'planned_change')) {
    const resource = message.change.resource;
    if (resource.addr.startsWith('data.')) continue;
    byType[resource.resource_type] = (byType[resource.resource_type] ?? 0) + 1;
  }
  return {
    add: summary.add,
    change: summary.change,
    destroy: summary.remove,
    byType,
    warnings: [...validateDiagnostics, ...planDiagnostics].filter((d) => d.startsWith('Warning:')),
    timings: { initMs: init.ms, validateMs: validate.ms, planMs: plan.ms },
  };
}

/** Whether a file of a stack folder is Terraform's own state or cache, which a copy must leave out. */
export function isTerraformStateOrCache(name: string): boolean {
  return name === '.terraform' || name === '.terraform.lock.hcl' || name.includes('.tfstate');
}

/**
 * Copies a synthesized stack folder (the one holding `cdk.tf.json`) into a fresh folder under
 * `.tmp/tf-*`, adds the offline override, then runs `terraform init`, `validate` and
 * `plan -refresh=false` there with no network. The folder is removed afterwards, on failure too,
 * so the source folder (for example `cdktf.out`) stays untouched.
 *
 * @throws TerraformCommandError with Terraform's diagnostics when any step fails
 */
export async function planStack(stackDir: string): Promise<PlanSummary> {
  const stackFile = path.join(stackDir, 'cdk.tf.json');
  const stackConfig = JSON.parse(fs.readFileSync(stackFile, 'utf8'));
  fs.mkdirSync(SCRATCH_ROOT, { recursive: true });
  const workDir = fs.mkdtempSync(path.join(SCRATCH_ROOT, 'tf-'));
  try {
    fs.cpSync(stackDir, workDir, { recursive: true, filter: (source) => !isTerraformStateOrCache(path.basename(source)) });
    fs.writeFileSync(path.join(workDir, OVERRIDE_FILE), JSON.stringify(offlineOverride(stackConfig), null, 2));
    return await initValidatePlan(stackDir, workDir);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** The plan of one stack of an app. */
export interface StackPlan extends PlanSummary {
  readonly stackName: string;
}

/** Shape of cdktf's `manifest.json`, as far as the harness reads it. */
export interface CdktfManifest {
  readonly stacks: Record<string, {
    readonly name: string;
    readonly workingDirectory: string;
    readonly synthesizedStackPath: string;
    readonly annotations: Array<{ readonly constructPath: string; readonly level: string; readonly message: string }>;
  }>;
}

/** Reads `manifest.json` of a cdktf output folder. */
export function readManifest(outdir: string): CdktfManifest {
  return JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
}

/**
 * Builds an app with `build`, synthesizes it into a temporary folder under `.tmp/tf-synth-*` and
 * plans every stack offline (one after the other), removing the folder afterwards.
 * Synthesis errors (error annotations included) propagate as thrown by `app.synth()`.
 */
export async function synthAndPlan(build: (app: App) => void): Promise<StackPlan[]> {
  return synthAndPlanWith(build, planStack);
}

/** {@link synthAndPlan} with another planner for each stack folder (the stand-in providers' one, for example). */
export async function synthAndPlanWith<T extends object>(
  build: (app: App) => void,
  planStackDir: (stackDir: string) => Promise<T>,
): Promise<Array<T & { readonly stackName: string }>> {
  fs.mkdirSync(SCRATCH_ROOT, { recursive: true });
  const outdir = fs.mkdtempSync(path.join(SCRATCH_ROOT, 'tf-synth-'));
  try {
    const app = new App({ outdir, stackTraces: false });
    build(app);
    app.synth();
    const plans: Array<T & { readonly stackName: string }> = [];
    for (const stack of Object.values(readManifest(outdir).stacks)) {
      const plan = await planStackDir(path.join(outdir, stack.workingDirectory));
      plans.push({ stackName: stack.name, ...plan });
    }
    return plans;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
