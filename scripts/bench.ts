/**
 * `npm run bench`: what this library and its NetworkRules cost at synth time, against the same
 * resources written raw. See BENCHMARKS.md for what is measured and the latest results.
 *
 * Fleets of BENCH_SIZES hosts (default 10,100,1000) for each of BENCH_CLOUDS (default aws,alicloud).
 * AWS: each host an instance with three interfaces in three subnets, a security group per interface
 * (two ingress rules and the all-traffic egress rule) and two Elastic IPs. Alibaba Cloud: each host an
 * ECS instance with three secondary ENIs in three vSwitches, two EIPs in NAT mode on two of them and a
 * security group with two ingress rules. Each fleet is built (a) with the library's constructs and
 * `NetworkRules` on the app, (b) as raw provider resources. Each (cloud, variant, size) is synthesized
 * with `app.synth()` in a fresh `node` process, BENCH_RUNS times (default 5), variants
 * alternating so that load on the machine hits both alike. BENCH_LIBRARY=build|source picks the
 * library copy (default: `build/` when current); BENCH_PROFILE=<dir> writes a CPU profile per child.
 *
 * The last lines are `ratio library+rules/raw at <largest size> hosts (<cloud>): <x.xx>`, one per cloud.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { compileBenchmark, librarySource, LibrarySource, providerSubmodulesOf, ROOT } from './bench/compile';
import { importTime } from './bench/import-time';
import { mebibytes, median, milliseconds } from './bench/stats';
import type { SynthSample } from './bench/synth-child';
import { Cloud, CLOUDS, Variant, VARIANTS } from './bench/variants';
import { renderTable } from './demo/stack-summary';

/** Goals of issue 6 (AWS) and issue 12 (Alibaba Cloud). */
const MAX_RATIO = 1.15;
const MAX_SCALING = 11;

function positiveIntegers(text: string | undefined, name: string): number[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`${name} must be positive whole numbers, got '${text}'`);
  return values;
}

function clouds(text: string | undefined): Cloud[] {
  if (text === undefined || text.trim() === '') return [...CLOUDS];
  const names = text.split(',').map((part) => part.trim());
  const unknown = names.filter((name) => !CLOUDS.includes(name as Cloud));
  if (unknown.length > 0) throw new Error(`BENCH_CLOUDS takes ${CLOUDS.join(', ')}, got '${text}'`);
  return CLOUDS.filter((cloud) => names.includes(cloud));
}

const benchClouds = clouds(process.env.BENCH_CLOUDS);
const sizes = (positiveIntegers(process.env.BENCH_SIZES, 'BENCH_SIZES') ?? [10, 100, 1000]).sort((a, b) => a - b);
// Five runs even at 1,000 hosts: on a shared machine a median of three still swings by 10 %.
const runs = positiveIntegers(process.env.BENCH_RUNS, 'BENCH_RUNS')?.[0] ?? 5;
const importRuns = positiveIntegers(process.env.BENCH_IMPORT_RUNS, 'BENCH_IMPORT_RUNS')?.[0] ?? 5;
const profileDir = process.env.BENCH_PROFILE;

const work = join(ROOT, '.tmp', `bench-${process.pid}`);

function synthOnce(childScript: string, library: LibrarySource, cloud: Cloud, variant: Variant, hosts: number, run: number): SynthSample {
  const outdir = join(work, 'out', `${cloud}-${variant}-${hosts}-${run}`);
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, `${cloud}-${variant}-${hosts}`)}`] : [];
  try {
    const child = spawnSync(process.execPath, [...profile, childScript, cloud, variant, String(hosts), outdir], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
      env: { ...process.env, BENCH_LIBRARY_MODULE: library.modulePath, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
    });
    if (child.status !== 0) throw new Error(`${cloud} ${variant} ${hosts} hosts failed (exit ${child.status}):\n${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as SynthSample;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const totalMs = (sample: SynthSample): number => sample.buildMs + sample.synthMs;

function countsLine(counts: Record<string, number>): string {
  return Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => `${type} ${n}`).join(', ');
}

/** Both variants must write the same resources, or the comparison means nothing. */
function checkSameResources(cloud: Cloud, hosts: number, samples: SynthSample[]): Record<string, number> {
  const reference = countsLine(samples[0].resourcesByType);
  const different = samples.find((sample) => countsLine(sample.resourcesByType) !== reference);
  if (different) {
    throw new Error(`${cloud}, ${hosts} hosts: the variants synthesized different resources:\n  ${samples[0].variant}: ${reference}\n  ${different.variant}: ${countsLine(different.resourcesByType)}`);
  }
  if (samples.some((sample) => sample.configurationDigest !== samples[0].configurationDigest)) {
    throw new Error(`${cloud}, ${hosts} hosts: the variants synthesized the same resource counts but different attributes`);
  }
  return samples[0].resourcesByType;
}

type SamplesBySize = Map<number, Map<Variant, SynthSample[]>>;

function measure(childScript: string, library: LibrarySource, cloud: Cloud): SamplesBySize {
  const bySize: SamplesBySize = new Map();
  for (const hosts of sizes) {
    const samples = new Map<Variant, SynthSample[]>(VARIANTS.map((variant) => [variant, []]));
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
      for (const variant of order) {
        const sample = synthOnce(childScript, library, cloud, variant, hosts, run);
        samples.get(variant)!.push(sample);
        process.stderr.write(`  ${cloud}, ${hosts} hosts, run ${run + 1}/${runs}, ${variant}: ${(totalMs(sample) / 1000).toFixed(2)} s\n`);
      }
    }
    bySize.set(hosts, samples);
  }
  return bySize;
}

/** The library fleet is a valid one: an ERROR finding (which `applyTo` turns into a failed synth) would mean a wrong benchmark. */
function checkNoErrors(cloud: Cloud, hosts: number, library: SynthSample[]): void {
  const failed = library.find((sample) => !/: 0 errors,/.test(sample.rulesSummary ?? ''));
  if (failed) throw new Error(`${cloud}, ${hosts} hosts: the library fleet has findings at ERROR level: ${failed.rulesSummary}`);
}

/** Table rows of one cloud, and the median total of each `variant@hosts`. */
function summarize(cloud: Cloud, bySize: SamplesBySize): { rows: Array<Array<string | number>>; medianTotal: Map<string, number> } {
  const rows: Array<Array<string | number>> = [];
  const medianTotal = new Map<string, number>();
  for (const [hosts, samples] of bySize) {
    const all = [...samples.values()].flat();
    const counts = checkSameResources(cloud, hosts, all);
    const resources = Object.values(counts).reduce((sum, n) => sum + n, 0);
    console.log(`${cloud}, ${hosts} hosts, same ${resources} resources and attributes in both variants: ${countsLine(counts)}`);
    const checked = samples.get('library')!;
    checkNoErrors(cloud, hosts, checked);
    const rulesMs = median(checked.map((sample) => sample.rulesMs ?? 0));
    console.log(`  ${checked[0].rulesSummary}; rules ${milliseconds(rulesMs)} ms, ${(1000 * rulesMs / resources).toFixed(1)} µs per resource`);
    for (const variant of VARIANTS) {
      const list = samples.get(variant)!;
      const total = median(list.map(totalMs));
      medianTotal.set(`${variant}@${hosts}`, total);
      rows.push([
        cloud, hosts, resources, variant === 'library' ? 'library+rules' : 'raw', list.length,
        milliseconds(median(list.map((s) => s.buildMs))), milliseconds(median(list.map((s) => s.synthMs))),
        milliseconds(median(list.map((s) => s.resolveMs))), variant === 'library' ? milliseconds(median(list.map((s) => s.rulesMs ?? 0))) : '-',
        milliseconds(total),
        `${milliseconds(Math.min(...list.map(totalMs)))}-${milliseconds(Math.max(...list.map(totalMs)))}`,
        mebibytes(median(list.map((s) => s.peakRssBytes))), milliseconds(median(list.map((s) => s.readyMs))),
      ]);
    }
  }
  return { rows, medianTotal };
}

/** Scaling and goal lines of one cloud; returns its ratio line, which the report ends with. */
function reportGoals(cloud: Cloud, medianTotal: Map<string, number>): string {
  const [small, large] = [sizes.at(-2), sizes.at(-1)!];
  if (small !== undefined) {
    for (const variant of VARIANTS) {
      const scaling = medianTotal.get(`${variant}@${large}`)! / medianTotal.get(`${variant}@${small}`)!;
      const goal = large === small * 10 ? ` (goal <= ${MAX_SCALING}x: ${scaling <= MAX_SCALING ? 'met' : 'MISSED'})` : '';
      console.log(`${cloud}: scaling ${small} -> ${large} hosts, ${variant === 'library' ? 'library+rules' : 'raw'}: ${scaling.toFixed(2)}x the time${goal}`);
    }
  }
  const ratio = medianTotal.get(`library@${large}`)! / medianTotal.get(`raw@${large}`)!;
  console.log(`${cloud}: goal ratio <= ${MAX_RATIO}: ${ratio <= MAX_RATIO ? 'met' : 'MISSED'}`);
  return `ratio library+rules/raw at ${large} hosts (${cloud}): ${ratio.toFixed(2)}`;
}

function main(): void {
  mkdirSync(join(work, 'out'), { recursive: true });
  const loadBefore = loadavg();
  const childScript = join(compileBenchmark(join(work, 'js')), 'synth-child.js');
  const library = librarySource(join(work, 'js'));
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${mebibytes(totalmem())} MiB, node ${process.version}`);
  console.log(`library: ${library.description}`);
  console.log(`clouds: ${benchClouds.join(', ')}; sizes: ${sizes.join(', ')} hosts, ${runs} runs each; load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);

  const results = benchClouds.map((cloud) => ({ cloud, ...summarize(cloud, measure(childScript, library, cloud)) }));
  console.log();
  console.log(renderTable(
    ['cloud', 'hosts', 'resources', 'variant', 'runs', 'build ms', 'synth ms', 'resolve ms', 'rules ms', 'total ms', 'total min-max', 'peak RSS MiB', 'start+import ms'],
    results.flatMap((result) => result.rows),
  ));

  const submodules = providerSubmodulesOf(library);
  const base = importTime(['constructs', 'cdktf'], importRuns);
  const provider = importTime(['constructs', 'cdktf', ...submodules], importRuns);
  const entry = importTime([library.modulePath], importRuns);
  console.log();
  console.log(renderTable(['require (fresh process, median of ' + importRuns + ')', 'ms', 'RSS MiB'], [
    ['constructs + cdktf', milliseconds(base.ms), mebibytes(base.rssBytes)],
    [`constructs + cdktf + the ${submodules.length} provider submodules the library uses`, milliseconds(provider.ms), mebibytes(provider.rssBytes)],
    ['the library entry (all of the above included)', milliseconds(entry.ms), mebibytes(entry.rssBytes)],
  ]));
  console.log(`library's own modules: ${milliseconds(entry.ms - provider.ms)} ms on top of the provider submodules it uses`);

  console.log();
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const ratioLines = results.map((result) => reportGoals(result.cloud, result.medianTotal));
  ratioLines.forEach((line) => console.log(line));
}

try {
  main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
