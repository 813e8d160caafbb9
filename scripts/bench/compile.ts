/**
 * Turns the benchmark's TypeScript into plain JavaScript once per run, so every child is a bare
 * `node` process: no loader hooks, no source maps (tsx enables them, and cdktf formats a full
 * stack trace for every token it creates, which source maps make several times slower).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSync } from 'esbuild';

export const ROOT = join(__dirname, '..', '..');

/** Which copy of the library the library variant loads. */
export interface LibrarySource {
  /** Absolute path of the module the children `require`. */
  readonly modulePath: string;
  /** The folder the module's files are in (scanned for the provider submodules it imports). */
  readonly folder: string;
  /** Why this copy, for the report. */
  readonly description: string;
}

function filesUnder(folder: string, suffix: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix) && !file.endsWith('.d.ts'))
    .map((file) => join(folder, file));
}

function transpile(entryPoints: string[], outdir: string): void {
  // Same language level as the jsii build (tsconfig target), one output file per input file.
  buildSync({ entryPoints, outdir, outbase: ROOT, format: 'cjs', platform: 'node', target: 'es2022', logLevel: 'warning' });
}

/** Compiles `scripts/bench/*.ts` into `<outdir>/scripts/bench/`; returns that folder. */
export function compileBenchmark(outdir: string): string {
  transpile(filesUnder(join(ROOT, 'scripts', 'bench'), '.ts'), outdir);
  return join(outdir, 'scripts', 'bench');
}

/**
 * Sources of `lib/` newer than their compiled `build/` file. Sources jsii does not compile (the
 * failover agent) have none; a new source not compiled yet is caught through the file importing it.
 */
function staleBuildFiles(): string[] {
  return filesUnder(join(ROOT, 'lib'), '.ts').filter((source) => {
    const compiled = join(ROOT, 'build', relative(join(ROOT, 'lib'), source)).replace(/\.ts$/, '.js');
    return existsSync(compiled) && statSync(compiled).mtimeMs < statSync(source).mtimeMs;
  }).map((source) => relative(ROOT, source));
}

/**
 * The jsii output in `build/` (what users install) when it is there and no older than `lib/`;
 * otherwise `lib/` transpiled into `outdir`. BENCH_LIBRARY=build|source forces one.
 */
export function librarySource(outdir: string, forced = process.env.BENCH_LIBRARY): LibrarySource {
  if (forced !== undefined && forced !== 'build' && forced !== 'source') {
    throw new Error(`BENCH_LIBRARY must be 'build' or 'source', got '${forced}'`);
  }
  const build = join(ROOT, 'build');
  const buildEntry = join(build, 'index.js');
  const stale = existsSync(buildEntry) ? staleBuildFiles() : ['build/index.js (missing)'];
  if (forced === 'build' || (forced === undefined && stale.length === 0)) {
    if (!existsSync(buildEntry)) throw new Error('BENCH_LIBRARY=build but build/index.js is missing: run `npx projen compile`');
    const note = stale.length > 0 ? `, older than ${stale.length} source file(s)` : '';
    return { modulePath: buildEntry, folder: build, description: `build/ (jsii output${note})` };
  }
  transpile(filesUnder(join(ROOT, 'lib'), '.ts'), outdir);
  const why = forced === 'source' ? 'BENCH_LIBRARY=source' : `build/ is missing or stale: ${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', ...' : ''}`;
  return { modulePath: join(outdir, 'lib', 'index.js'), folder: join(outdir, 'lib'), description: `lib/ transpiled by esbuild (${why})` };
}

/** The `@cdktf/provider-aws/lib/<name>` submodules the library's files import. */
export function providerSubmodulesOf(library: LibrarySource): string[] {
  const found = new Set<string>();
  for (const file of filesUnder(library.folder, '.js')) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/@cdktf\/provider-aws\/lib\/[\w-]+/g)) found.add(match[0]);
  }
  return [...found].sort();
}
