/**
 * One measurement, in a fresh process: builds one fleet variant and synthesizes it with
 * `app.synth()` into the given folder, then prints one JSON line (a `SynthSample`).
 *
 *   node <compiled>/scripts/bench/synth-child.js <aws|alicloud> <library|raw> <hosts> <outdir>
 *
 * `scripts/bench.ts` compiles it (see compile.ts) and names the library module to load in
 * BENCH_LIBRARY_MODULE (`build/index.js`, or `lib/` transpiled). Time is measured from the end of the imports, so process start and module loading are
 * not in `buildMs`/`synthMs` (they are in `readyMs`); memory is the process's peak resident set.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { App, TerraformStack } from 'cdktf';
import type { Library } from './library-fleet';
import { Cloud, CLOUDS, Variant, VARIANTS } from './variants';

/** What one child reports. */
export interface SynthSample {
  readonly cloud: Cloud;
  readonly variant: Variant;
  readonly hosts: number;
  /** From process start to the end of the imports. */
  readonly readyMs: number;
  /** Building the construct tree. */
  readonly buildMs: number;
  /** `app.synth()`: aspects (NetworkRules), Terraform JSON, files. */
  readonly synthMs: number;
  /** Inside `TerraformStack.toTerraform()`: resolving the stack's tokens into Terraform JSON. */
  readonly resolveMs: number;
  /** The checks on their own: reading back the synthesized JSON, the index, every rule, the report (library variant only). */
  readonly rulesMs?: number;
  /** Peak resident set size of the process, in bytes. */
  readonly peakRssBytes: number;
  /** Resident set size once the modules are loaded, in bytes. */
  readonly readyRssBytes: number;
  readonly resourcesByType: Record<string, number>;
  /** Hash of every resource body, names and metadata left out: equal when both variants write the same configuration. */
  readonly configurationDigest: string;
  /** NetworkRules' one-line summary (library variant only). */
  readonly rulesSummary?: string;
}

const timers = { resolveMs: 0, rulesMs: 0 };

// Every resolution of a stack into Terraform JSON, by the synthesizer or by the rules.
const toTerraform = TerraformStack.prototype.toTerraform;
TerraformStack.prototype.toTerraform = function (this: TerraformStack) {
  const start = performance.now();
  try {
    return toTerraform.call(this);
  } finally {
    timers.resolveMs += performance.now() - start;
  }
};

/**
 * Times what `NetworkRules.applyTo` adds to `app.synth()`: the app runs its validations in the order
 * they were added, so one added before the fleet (which calls `applyTo`) and one after bracket it.
 */
function timeChecks(app: App, build: () => TerraformStack): TerraformStack {
  let start = 0;
  app.node.addValidation({ validate: () => { start = performance.now(); return []; } });
  const stack = build();
  app.node.addValidation({ validate: () => { timers.rulesMs += performance.now() - start; return []; } });
  return stack;
}

function libraryModulePath(): string {
  const modulePath = process.env.BENCH_LIBRARY_MODULE;
  if (!modulePath) throw new Error('BENCH_LIBRARY_MODULE is not set');
  return modulePath;
}

type FleetBuilder = (app: App, hosts: number) => TerraformStack;

/* eslint-disable @typescript-eslint/no-require-imports -- each variant loads only its own modules */
function loadRawFleet(cloud: Cloud): FleetBuilder {
  if (cloud === 'aws') return (require('./raw-fleet') as typeof import('./raw-fleet')).buildRawFleet;
  const { loadAlicloudBindings } = require('./alicloud-fleet-spec') as typeof import('./alicloud-fleet-spec');
  const { buildAlicloudRawFleet } = require('./alicloud-raw-fleet') as typeof import('./alicloud-raw-fleet');
  const bindings = loadAlicloudBindings(libraryModulePath());
  return (app, hosts) => buildAlicloudRawFleet(bindings, app, hosts);
}

function loadLibraryFleet(cloud: Cloud, library: Library): FleetBuilder {
  if (cloud === 'aws') {
    const { buildLibraryFleet } = require('./library-fleet') as typeof import('./library-fleet');
    return (app, hosts) => buildLibraryFleet(library, app, hosts);
  }
  const { loadAlicloudBindings } = require('./alicloud-fleet-spec') as typeof import('./alicloud-fleet-spec');
  const { buildAlicloudLibraryFleet } = require('./alicloud-library-fleet') as typeof import('./alicloud-library-fleet');
  const bindings = loadAlicloudBindings(libraryModulePath());
  return (app, hosts) => buildAlicloudLibraryFleet(library, bindings, app, hosts);
}

function loadFleet(cloud: Cloud, variant: Variant): { build: FleetBuilder; summary?: (stack: TerraformStack) => string } {
  if (variant === 'raw') return { build: loadRawFleet(cloud) };
  const library = require(libraryModulePath()) as Library;
  const build = loadLibraryFleet(cloud, library);
  return {
    build: (app, hosts) => timeChecks(app, () => build(app, hosts)),
    summary: (stack) => library.NetworkRules.summaryOf(stack),
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

type ResourceBlocks = Record<string, Record<string, Record<string, unknown>>>;

function synthesizedResources(outdir: string, stack: TerraformStack): ResourceBlocks {
  const json = JSON.parse(readFileSync(join(outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8')) as { resource?: ResourceBlocks };
  return json.resource ?? {};
}

function countByType(resources: ResourceBlocks): Record<string, number> {
  return Object.fromEntries(Object.entries(resources).map(([type, byName]) => [type, Object.keys(byName).length]));
}

/** The resource bodies without their names: references keep the type and attribute they point to. */
function configurationDigest(resources: ResourceBlocks): string {
  const bodies = Object.entries(resources).flatMap(([type, byName]) => Object.values(byName).map((body) => {
    const { ['//']: _metadata, ...attributes } = body;
    return `${type} ${JSON.stringify(attributes).replace(/\$\{([\w-]+)\.[\w-]+\.([\w-]+)\}/g, '${$1.*.$2}')}`;
  }));
  return createHash('sha256').update(bodies.sort().join('\n')).digest('hex');
}

function main(): void {
  const [cloud, variant, hostsArgument, outdir] = process.argv.slice(2) as [Cloud, Variant, string, string];
  if (!CLOUDS.includes(cloud) || !VARIANTS.includes(variant) || !hostsArgument || !outdir) {
    throw new Error(`usage: synth-child <${CLOUDS.join('|')}> <${VARIANTS.join('|')}> <hosts> <outdir>`);
  }
  const fleet = loadFleet(cloud, variant);
  const readyMs = performance.now();
  const readyRssBytes = process.memoryUsage().rss;

  const app = new App({ outdir });
  const stack = fleet.build(app, Number(hostsArgument));
  const built = performance.now();
  app.synth();
  const synthesized = performance.now();

  const resources = synthesizedResources(outdir, stack);
  const sample: SynthSample = {
    cloud,
    variant,
    hosts: Number(hostsArgument),
    readyMs,
    buildMs: built - readyMs,
    synthMs: synthesized - built,
    resolveMs: timers.resolveMs,
    rulesMs: variant === 'library' ? timers.rulesMs : undefined,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    readyRssBytes,
    resourcesByType: countByType(resources),
    configurationDigest: configurationDigest(resources),
    rulesSummary: fleet.summary?.(stack),
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

main();
