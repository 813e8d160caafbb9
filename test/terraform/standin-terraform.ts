import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { describeTerraform } from './jest-helpers';
import {
  Diagnostic, failure, formatDiagnostic, isTerraformStateOrCache, jsonLines, runTerraform, synthAndPlanWith,
  TerraformAvailability, terraformAvailability,
} from './offline-terraform';
import { PROVIDER_BINDINGS, ProviderBindingSpec } from '../../scripts/generate-provider-bindings';

/*
 * Plans stacks of the clouds that have no provider binary here (Alibaba Cloud, NHN Cloud) with the
 * real terraform, against stand-in providers that serve their schemas (standin-provider/README.md).
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SCRATCH_ROOT = path.join(REPO_ROOT, '.tmp');
const STANDIN_ROOT = path.join(SCRATCH_ROOT, 'standin');
const SERVER_FILE = path.join(__dirname, 'standin-provider', 'server.ts');
const STACK_FILE = 'cdk.tf.json';
const PLAN_FILE = 'standin.tfplan';
const STARTUP_TIMEOUT_MS = 30_000;
// sockaddr_un holds 108 bytes on Linux and 104 on macOS, the terminating NUL included.
const MAX_SOCKET_PATH_BYTES = 103;

/** What TF_REATTACH_PROVIDERS needs of a running stand-in: the server's ready line. */
interface RunningStandin {
  readonly address: string;
  readonly reattach: { readonly Pid: number; readonly Addr: { readonly String: string } };
}

/** The provider address Terraform uses for a registry source such as `aliyun/alicloud`. */
function providerAddress(source: string): string {
  const parts = source.toLowerCase().split('/');
  return parts.length === 3 ? parts.join('/') : `registry.terraform.io/${parts.join('/')}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what the stand-ins of exited processes left (a killed server cannot clean up after itself). */
function removeLeftovers(): void {
  for (const name of fs.readdirSync(STANDIN_ROOT)) {
    const owner = /^(\d+)-/.exec(name);
    if (owner && !isAlive(Number(owner[1]))) fs.rmSync(path.join(STANDIN_ROOT, name), { force: true });
  }
}

function readRunning(readyFile: string): RunningStandin | undefined {
  try {
    return JSON.parse(fs.readFileSync(readyFile, 'utf8'));
  } catch {
    return undefined;
  }
}

function waitForReadyLine(child: ReturnType<typeof spawn>, logFile: string): Promise<RunningStandin> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`the stand-in provider server ${why}:\n${fs.readFileSync(logFile, 'utf8')}`));
    };
    const timer = setTimeout(() => fail(`did not listen within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    child.on('error', (error) => fail(`did not start (${error.message})`));
    child.on('exit', (code) => fail(`exited with ${code} before listening`));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const end = output.indexOf('\n');
      if (end < 0) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout!.destroy();
      resolve(JSON.parse(output.slice(0, end)));
    });
  });
}

/**
 * Starts the stand-in server of a provider, or finds the one this process started earlier (jest
 * gives each test file fresh modules, but the worker process and its server stay).
 */
async function startStandin(spec: ProviderBindingSpec): Promise<RunningStandin> {
  fs.mkdirSync(STANDIN_ROOT, { recursive: true });
  removeLeftovers();
  const base = path.join(STANDIN_ROOT, `${process.pid}-${spec.name}`);
  const running = readRunning(`${base}.json`);
  if (running && isAlive(running.reattach.Pid) && fs.existsSync(running.reattach.Addr.String)) return running;

  const socket = `${base}.sock`;
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH_BYTES) {
    throw new Error(`the stand-in provider's socket path ${socket} is longer than a unix socket allows; move the repository to a shorter path`);
  }
  const schemaFile = path.resolve(REPO_ROOT, spec.schemaFile);
  const logFile = `${base}.log`;
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [
    '--require', require.resolve('tsx/cjs'), SERVER_FILE,
    '--schema', schemaFile,
    '--notes', schemaFile.replace(/\.schema\.json$/, '.notes.json'),
    '--address', providerAddress(spec.source),
    '--socket', socket,
    '--ready-file', `${base}.json`,
    '--exit-with-parent',
  ], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', log] });
  fs.closeSync(log);
  const ready = await waitForReadyLine(child, logFile);
  // The server leaves when this process does (--exit-with-parent); nothing here waits for it.
  child.unref();
  return ready;
}

const standins = new Map<string, Promise<RunningStandin>>();

function standin(spec: ProviderBindingSpec): Promise<RunningStandin> {
  let started = standins.get(spec.name);
  if (started === undefined) {
    started = startStandin(spec);
    // A failed start is retried by the next caller rather than remembered.
    started.catch(() => standins.delete(spec.name));
    standins.set(spec.name, started);
  }
  return started;
}

type TerraformJson = Record<string, any>;

/** Whether a synthesized stack folder plans through stand-ins (it requires a provider no binary exists for here). */
export function needsStandin(stackDir: string): boolean {
  return standinsFor(JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'))).length > 0;
}

/** The stand-ins a configuration needs: the providers of PROVIDER_BINDINGS that its `required_providers` name. */
function standinsFor(config: TerraformJson): ProviderBindingSpec[] {
  const required = Object.values(config.terraform?.required_providers ?? {}) as Array<{ source?: string }>;
  const addresses = new Set(required.flatMap((provider) => (provider.source === undefined ? [] : [providerAddress(provider.source)])));
  return PROVIDER_BINDINGS.filter((spec) => addresses.has(providerAddress(spec.source)));
}

/** A resource in `terraform show -json` of the plan. */
export interface StandinResourceChange {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  /** `["create"]`, `["update"]`, `["delete", "create"]`, ... */
  readonly actions: string[];
  /** The planned values; those known only after apply are null or absent here. */
  readonly after: Record<string, any>;
  /** `true` at each path whose value is known only after apply (`after_unknown` of the plan). */
  readonly afterUnknown: Record<string, any>;
}

/** What terraform plans for a configuration against the stand-in providers, from an empty state. */
export interface StandinPlan {
  /** The managed resources, in Terraform's order (by address). */
  readonly resourceChanges: StandinResourceChange[];
  /** Warnings from `terraform validate` and `terraform plan` (deprecated arguments and the like). */
  readonly warnings: string[];
  /** Milliseconds of each terraform command; `initMs` is 0 when init was not needed. */
  readonly timings: { readonly initMs: number; readonly validateMs: number; readonly planMs: number; readonly showMs: number };
}

function resourceChanges(shown: TerraformJson): StandinResourceChange[] {
  return (shown.resource_changes ?? []).filter((change: TerraformJson) => change.mode === 'managed').map((change: TerraformJson) => ({
    address: change.address,
    type: change.type,
    name: change.name,
    actions: change.change.actions,
    after: change.change.after ?? {},
    afterUnknown: change.change.after_unknown ?? {},
  }));
}

/**
 * Runs terraform in a prepared folder. `init` only when the stack has modules: the stand-ins are
 * attached (init skips them) and the backend is the default local one, so there is nothing else
 * to initialize.
 */
async function validatePlanShow(label: string, workDir: string, config: TerraformJson): Promise<StandinPlan> {
  const running = await Promise.all(standinsFor(config).map(standin));
  const env = { TF_REATTACH_PROVIDERS: JSON.stringify(Object.fromEntries(running.map((provider) => [provider.address, provider.reattach]))) };

  let initMs = 0;
  if (config.module !== undefined) {
    const init = await runTerraform(workDir, ['init', '-input=false', '-no-color'], env);
    if (init.exitCode !== 0) throw failure('init', label, workDir, init, []);
    initMs = init.ms;
  }

  const validate = await runTerraform(workDir, ['validate', '-json', '-no-color'], env);
  const validation = JSON.parse(validate.stdout || '{}') as { valid?: boolean; diagnostics?: Diagnostic[] };
  const validateDiagnostics = (validation.diagnostics ?? []).map(formatDiagnostic);
  if (validate.exitCode !== 0 || validation.valid !== true) throw failure('validate', label, workDir, validate, validateDiagnostics);

  const plan = await runTerraform(workDir, ['plan', '-json', '-refresh=false', '-input=false', '-lock=false', '-no-color', `-out=${PLAN_FILE}`], env);
  const planDiagnostics = jsonLines(plan.stdout).filter((message) => message.type === 'diagnostic').map((message) => formatDiagnostic(message.diagnostic));
  if (plan.exitCode !== 0) throw failure('plan', label, workDir, plan, planDiagnostics);

  const show = await runTerraform(workDir, ['show', '-json', '-no-color', PLAN_FILE], env);
  if (show.exitCode !== 0) throw failure('show', label, workDir, show, []);

  return {
    resourceChanges: resourceChanges(JSON.parse(show.stdout)),
    // plan validates again, so validate's warnings come twice.
    warnings: [...new Set([...validateDiagnostics, ...planDiagnostics])].filter((diagnostic) => diagnostic.startsWith('Warning:')),
    timings: { initMs, validateMs: validate.ms, planMs: plan.ms, showMs: show.ms },
  };
}

/**
 * Plans `config` in a fresh folder under `.tmp/tf-standin-*` (with the files of `copyFrom` first),
 * removed afterwards. The backend is dropped: cdktf's local one points into the synth folder.
 */
async function planInScratchFolder(label: string, config: TerraformJson, copyFrom?: string): Promise<StandinPlan> {
  fs.mkdirSync(SCRATCH_ROOT, { recursive: true });
  const workDir = fs.mkdtempSync(path.join(SCRATCH_ROOT, 'tf-standin-'));
  try {
    if (copyFrom !== undefined) {
      fs.cpSync(copyFrom, workDir, { recursive: true, filter: (source) => !isTerraformStateOrCache(path.basename(source)) });
    }
    const { backend: _ignored, ...terraformBlock } = config.terraform ?? {};
    fs.writeFileSync(path.join(workDir, STACK_FILE), JSON.stringify({ ...config, terraform: terraformBlock }, null, 2));
    return await validatePlanShow(label, workDir, config);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Validates and plans a Terraform JSON configuration (what cdktf writes to `cdk.tf.json`) with the
 * real terraform, attached to the stand-in providers its `required_providers` name.
 *
 * @throws TerraformCommandError with Terraform's diagnostics when validate or plan fails
 */
export function planConfigWithStandin(config: TerraformJson): Promise<StandinPlan> {
  return planInScratchFolder('the given configuration', config);
}

/**
 * {@link planConfigWithStandin} for a synthesized stack folder (the one holding `cdk.tf.json`),
 * which stays untouched.
 */
export function planStackWithStandin(stackDir: string): Promise<StandinPlan> {
  const config = JSON.parse(fs.readFileSync(path.join(stackDir, STACK_FILE), 'utf8'));
  return planInScratchFolder(stackDir, config, stackDir);
}

/**
 * Builds an app with `build`, synthesizes it into a temporary folder and plans every stack with
 * {@link planStackWithStandin}. Synthesis errors propagate as thrown by `app.synth()`.
 */
export function synthAndPlanWithStandin(build: (app: App) => void): Promise<Array<StandinPlan & { readonly stackName: string }>> {
  return synthAndPlanWith(build, planStackWithStandin);
}

/** The stand-in tests need only the terraform binary: no provider mirror, no provider binary. */
export function standinAvailability(): TerraformAvailability {
  const terraform = terraformAvailability();
  const missing = terraform.terraformVersion === undefined
    ? [`the terraform binary "${terraform.terraformBinary}" (not runnable; set TERRAFORM_BINARY_NAME)`]
    : [];
  return { ...terraform, available: missing.length === 0, missing };
}

/** `describe` for tests that plan with the stand-in providers: {@link describeTerraform} without the mirror. */
export function describeStandinTerraform(name: string, fn: () => void): void {
  describeTerraform(name, fn, standinAvailability());
}
