/**
 * The model-based test of the failover agent (issue 11) at a larger count than `npm test` runs:
 * random sequences of instance failures and recoveries, late, repeated and out-of-order events,
 * Terraform placements and console actions against a model EC2, each followed by settling, with the
 * properties P1 to P6 of test/aws/failover/agent/model/model-system.ts checked throughout.
 *
 * MODEL_RUNS sequences (default 5000) from MODEL_SEED (default: random, printed); MODEL_CHECK, a
 * comma-separated list such as `P2,P4`, names the properties whose violation stops the run (default
 * all; the others are only counted). The regression counterexamples run first. Prints the figures,
 * failed invocations by kind and, on a violation, the shrunk counterexample with its trace; exits 1
 * when a property fails.
 */
import * as fc from 'fast-check';
import { COUNTEREXAMPLES } from '../test/aws/failover/agent/model/model-counterexamples';
import { checkAgentModel, runSequence, statsLine } from '../test/aws/failover/agent/model/model-run';
import { emptyStats, PROPERTY_IDS, PropertyId } from '../test/aws/failover/agent/model/model-system';

function envCount(name: string, fallback: number): number {
  const text = process.env[name]?.trim();
  if (!text) return fallback;
  if (!/^\d+$/.test(text)) throw new Error(`${name} must be a whole number, got '${text}'`);
  return Number(text);
}

function envProperties(): PropertyId[] {
  const text = process.env.MODEL_CHECK?.trim();
  if (!text) return PROPERTY_IDS;
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(PROPERTY_IDS as string[]).includes(name));
  if (unknown.length > 0) throw new Error(`MODEL_CHECK names unknown properties ${unknown.join(', ')} (known: ${PROPERTY_IDS.join(', ')})`);
  return names as PropertyId[];
}

async function regressionCases(): Promise<number> {
  let failed = 0;
  for (const counterexample of COUNTEREXAMPLES) {
    try {
      await runSequence(counterexample.params, counterexample.steps);
      console.log(`  pass  ${counterexample.property} ${counterexample.name}`);
    } catch (error) {
      failed++;
      console.log(`  FAIL  ${counterexample.property} ${counterexample.name}\n        ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return failed;
}

async function main(): Promise<number> {
  const runs = envCount('MODEL_RUNS', 5000);
  const seed = envCount('MODEL_SEED', Math.floor(Math.random() * 2 ** 31));
  const checked = envProperties();

  console.log(`model-agent: ${COUNTEREXAMPLES.length} regression cases`);
  const regressions = await regressionCases();

  console.log(`model-agent: ${runs} sequences from seed ${seed} (MODEL_SEED=${seed} repeats them), checking ${checked.join(', ')}`);
  const stats = emptyStats();
  const started = performance.now();
  const details = await checkAgentModel({ seed, runs, stats, checked });
  const seconds = (performance.now() - started) / 1000;

  const failures = Object.entries(stats.failures).sort(([, a], [, b]) => b - a).slice(0, 12);
  console.log(`failed invocations by kind (top ${failures.length}):`);
  for (const [kind, count] of failures) console.log(`  ${String(count).padStart(6)}  ${kind}`);
  if (details.failed) {
    console.log(`\n${fc.defaultReportMessage(details)}\n\n${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}\n`);
  }
  console.log(`fast-check: ${details.numRuns} sequences run, ${details.numShrinks} shrinks; regression cases: ${regressions} of ${COUNTEREXAMPLES.length} failed`);
  console.log(statsLine(stats, seconds));
  return details.failed || regressions > 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(2);
});
