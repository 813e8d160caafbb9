/**
 * Generates the cdktf provider bindings of the clouds that have no prebuilt ones into
 * `lib/<name>/bindings/<resource>/index.ts`, offline, from the schema files in data/provider-schemas/
 * (see its README). The output is not committed (.gitignore) nor exported from lib/index.ts: the
 * constructs import single resources, e.g. `import { EcsNetworkInterface } from '../bindings/ecs-network-interface'`.
 *
 * It calls @cdktf/provider-generator, the code `cdktf get` runs, with the schema read from the file and
 * the provider constraint built in memory, so no cdktf-cli, cdktf.json, Terraform or network is involved.
 * A stamp in each bindings folder records what it was generated from; a run whose inputs match it
 * does nothing, so the build can run this every time.
 *
 * Usage: tsx scripts/generate-provider-bindings.ts [--outdir <dir>] [--force]
 *   --outdir  the folder standing in for lib/ (bindings go to <dir>/<name>/bindings/); default lib
 *   --force   regenerate even when the stamps match
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
export const DEFAULT_OUTDIR = join(ROOT, 'lib');

/** One provider whose bindings are generated. */
export interface ProviderBindingSpec {
  /** The provider's local name in Terraform, which is also the cloud's folder under lib/. */
  readonly name: string;
  /** The registry source, as `required_providers` names it. */
  readonly source: string;
  /** The exact version: `required_providers` pins it, and the schema file describes it. */
  readonly version: string;
  /** The schema file (format of `terraform providers schema -json`), relative to the repository root or absolute. */
  readonly schemaFile: string;
}

/** The providers whose bindings the build generates: a cloud is one line. */
export const PROVIDER_BINDINGS: readonly ProviderBindingSpec[] = [
  { name: 'alicloud', source: 'aliyun/alicloud', version: '1.289.0', schemaFile: 'data/provider-schemas/alicloud-1.289.0.schema.json' },
  { name: 'nhncloud', source: 'nhn-cloud/nhncloud', version: '1.0.7', schemaFile: 'data/provider-schemas/nhncloud-1.0.7.schema.json' },
];

const STAMP_FILE = '.generated.json';
const GENERATOR_PACKAGE = '@cdktf/provider-generator';

export interface GenerationResult {
  readonly spec: ProviderBindingSpec;
  /** The bindings folder. */
  readonly dir: string;
  /** False when the stamp matched and nothing was written. */
  readonly generated: boolean;
  /** The TypeScript files in the folder and their lines. */
  readonly files: number;
  readonly lines: number;
}

/**
 * Generates one provider's bindings into `<outdir>/<name>/bindings/`, replacing whatever was there,
 * unless its stamp shows they were generated from the same schema, generator and script.
 */
export async function generateProviderBindings(spec: ProviderBindingSpec, outdir: string = DEFAULT_OUTDIR, force = false): Promise<GenerationResult> {
  const dir = join(outdir, spec.name, 'bindings');
  const schemaText = readFileSync(resolve(ROOT, spec.schemaFile), 'utf8');
  const stamp = stampOf(spec, schemaText);
  if (!force && readStamp(dir) === stamp) {
    return { spec, dir, generated: false, ...sizeOf(dir) };
  }

  // Written next to the destination, so the swap is a rename: an interrupted run leaves no stamp behind
  // and the next one starts over.
  const staging = join(outdir, spec.name, `.bindings-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    await emitBindings(spec, JSON.parse(schemaText), staging);
    const emitted = join(staging, 'providers', spec.name);
    pruneToResources(emitted, spec);
    writeFileSync(join(emitted, STAMP_FILE), stamp + '\n');
    rmSync(dir, { recursive: true, force: true });
    renameSync(emitted, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { spec, dir, generated: true, ...sizeOf(dir) };
}

/** Everything the output depends on: the schema, the provider constraint, the generator and this script. */
function stampOf(spec: ProviderBindingSpec, schemaText: string): string {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  return JSON.stringify({
    source: spec.source,
    version: spec.version,
    schemaFile: spec.schemaFile,
    schemaSha256: sha256(schemaText),
    generator: `${GENERATOR_PACKAGE}@${generatorVersion()}`,
    scriptSha256: sha256(readFileSync(__filename, 'utf8')),
  }, null, 2);
}

function generatorVersion(): string {
  return JSON.parse(readFileSync(require.resolve(`${GENERATOR_PACKAGE}/package.json`), 'utf8')).version;
}

function readStamp(dir: string): string | undefined {
  const file = join(dir, STAMP_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

async function emitBindings(spec: ProviderBindingSpec, schema: import('@cdktf/commons').ProviderSchema, staging: string): Promise<void> {
  const fqpn = `registry.terraform.io/${spec.source}`;
  if (!schema.provider_schemas?.[fqpn]) {
    throw new Error(`${spec.schemaFile} has no provider ${fqpn} (it has: ${Object.keys(schema.provider_schemas ?? {}).join(', ') || 'none'})`);
  }
  // `cdktf get` adds the version of the provider it read the schema from, and the generated provider
  // class writes that version, not the constraint, into `required_providers`.
  schema.provider_versions = { ...schema.provider_versions, [fqpn]: spec.version };

  const { generator: { CodeMaker, TerraformProviderGenerator }, commons } = loadGenerator();
  const code = new CodeMaker();
  const constraint = new commons.TerraformProviderConstraint({ name: spec.name, source: spec.source, version: spec.version });
  new TerraformProviderGenerator(code, schema).generate(new commons.ConstructsMakerProviderTarget(constraint, commons.Language.TYPESCRIPT));
  mkdirSync(staging, { recursive: true });
  await code.save(staging);
}

/**
 * Loads the generator, and the @cdktf/commons it was built with (the target class lives there), without
 * their side effects: @cdktf/commons runs `terraform version -json` when it is loaded (for the CLI's
 * debug report) and reports failures to HashiCorp's checkpoint service. The generator needs neither,
 * so the spawn is pointed at a binary that does not exist (it fails at once, silently) and checkpoint
 * is off. The spawn happens during `require`, so the environment is restored right after.
 */
function loadGenerator(): { generator: typeof import('@cdktf/provider-generator'); commons: typeof import('@cdktf/commons') } {
  const saved = { TERRAFORM_BINARY_NAME: process.env.TERRAFORM_BINARY_NAME, CHECKPOINT_DISABLE: process.env.CHECKPOINT_DISABLE };
  process.env.TERRAFORM_BINARY_NAME = 'cdktf-provider-generator-needs-no-terraform';
  process.env.CHECKPOINT_DISABLE = '1';
  try {
    const entry = require.resolve(GENERATOR_PACKAGE);
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when generating, with the environment above */
    return {
      generator: require(entry) as typeof import('@cdktf/provider-generator'),
      commons: require(require.resolve('@cdktf/commons', { paths: [dirname(entry)] })) as typeof import('@cdktf/commons'),
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/**
 * Keeps one folder per resource (and the provider). The generator also writes a README per resource
 * and two index files exporting everything; nothing imports them, and an index would invite exporting
 * the whole provider from the library.
 */
function pruneToResources(dir: string, spec: ProviderBindingSpec): void {
  const header = `// ~~ Generated by scripts/generate-provider-bindings.ts from ${spec.schemaFile}. Do not edit; not committed.\n`
    + '// The descriptions come from the provider\'s source (MPL-2.0); see data/provider-schemas/README.md.\n';
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (!entry.isDirectory()) {
      rmSync(path);
      continue;
    }
    rmSync(join(path, 'README.md'), { force: true });
    for (const file of typescriptFiles(path)) writeFileSync(file, header + readFileSync(file, 'utf8'));
  }
}

/** Walked by hand: `readdirSync`'s `recursive` and `parentPath` are newer than Node 20.9, the oldest supported. */
function typescriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typescriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function sizeOf(dir: string): { files: number; lines: number } {
  const files = typescriptFiles(dir);
  return { files: files.length, lines: files.reduce((sum, file) => sum + readFileSync(file, 'utf8').split('\n').length - 1, 0) };
}

function parseArguments(argv: string[]): { outdir: string; force: boolean } {
  const index = argv.indexOf('--outdir');
  const value = index === -1 ? undefined : argv[index + 1];
  if (index !== -1 && (!value || value.startsWith('--'))) {
    throw new Error('--outdir needs a directory');
  }
  return { outdir: value ? resolve(value) : DEFAULT_OUTDIR, force: argv.includes('--force') };
}

async function main(): Promise<void> {
  const { outdir, force } = parseArguments(process.argv.slice(2));
  for (const spec of PROVIDER_BINDINGS) {
    const started = Date.now();
    const result = await generateProviderBindings(spec, outdir, force);
    const where = relative(process.cwd(), result.dir) || result.dir;
    const what = result.generated ? `generated in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'up to date';
    console.log(`${spec.source} ${spec.version} bindings ${what}: ${where} (${result.files} files, ${result.lines} lines)`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
