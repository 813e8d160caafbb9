import * as fc from 'fast-check';
import { Step, STEPS, WORLD_PARAMS } from './model-commands';
import { WorldParams } from './model-ec2';
import { AgentFactory, emptyStats, ModelStats, ModelSystem, PROPERTY_IDS, PropertyId } from './model-system';

/** Steps per sequence at most; a sequence then settles (P3). */
export const MAX_STEPS = 40;

export interface ModelRunOptions {
  readonly seed: number;
  readonly runs: number;
  readonly stats: ModelStats;
  /** The properties whose violation fails a sequence. @default all */
  readonly checked?: readonly PropertyId[];
  /** @default the agent of lib/ */
  readonly agent?: AgentFactory;
}

/** The property of issue 11: any sequence of steps, then settling, keeps the checked properties. */
export function agentModelProperty(options: Pick<ModelRunOptions, 'stats' | 'checked' | 'agent'>) {
  const checked = new Set(options.checked ?? PROPERTY_IDS);
  return fc.asyncProperty(WORLD_PARAMS, fc.commands([...STEPS], { maxCommands: MAX_STEPS, size: 'max' }), async (params, steps) => {
    options.stats.sequences++;
    const system = new ModelSystem(params, { stats: options.stats, checked, agent: options.agent });
    await fc.asyncModelRun(() => ({ model: system, real: system }), steps);
    await system.settle();
  });
}

/** Runs the property; the details carry the shrunk counterexample of a failure. */
export function checkAgentModel(options: ModelRunOptions) {
  return fc.check(agentModelProperty(options), { seed: options.seed, numRuns: options.runs });
}

/** One line of figures, for the test's log and the script's last line. */
export function statsLine(stats: ModelStats, seconds: number): string {
  const violations = PROPERTY_IDS.map((id) => `${id} ${stats.violations[id]}`).join(', ');
  return `model-agent: ${stats.sequences} sequences, ${stats.commands} steps, ${stats.invocations} invocations `
    + `(${stats.moved} moved, ${stats.noop} noop, ${stats.gaveUp} gave up, ${stats.ignored} ignored, ${stats.failed} failed, `
    + `${stats.lambdaRetries} Lambda retries), settled: ${stats.settledHome} home, ${stats.settledOutside} held outside the pair, ${stats.settledNoTaker} with no member able to take it; `
    + `violations: ${violations}; ${seconds.toFixed(1)} s`;
}

/** One given sequence (a counterexample kept as a regression case): its steps, then settling, with every property checked. */
export async function runSequence(
  params: WorldParams,
  steps: readonly Step[],
  options: { agent?: AgentFactory; stats?: ModelStats } = {},
): Promise<void> {
  const system = new ModelSystem(params, { stats: options.stats ?? emptyStats(), checked: new Set(PROPERTY_IDS), agent: options.agent });
  for (const step of steps) {
    if (step.check(system)) await step.run(system, system);
  }
  await system.settle();
}
