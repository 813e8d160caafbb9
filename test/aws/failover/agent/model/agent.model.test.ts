import { AttachNetworkInterfaceCommand, DescribeNetworkInterfacesCommand, DetachNetworkInterfaceCommand } from '@aws-sdk/client-ec2';
import * as fc from 'fast-check';
import { classifyEvent } from '../../../../../lib/aws/failover/agent/events';
import { ENI, PRIMARY, STANDBY } from '../fake-ec2';
import { COUNTEREXAMPLES } from './model-counterexamples';
import { agentModelProperty, runSequence, statsLine } from './model-run';
import { AgentFactory, emptyStats, PROPERTIES, PropertyViolation } from './model-system';

// A fixed seed and a count that keeps `npm test` within seconds; `npx tsx scripts/model-agent.ts` runs thousands.
const SEED = Number(process.env.MODEL_SEED ?? 11);
const RUNS = Number(process.env.MODEL_RUNS ?? 200);
const TIMEOUT_MS = 120_000;

/** An agent with none of the safeguards: every failure event moves the interface to the partner, forced. */
const recklessAgent: AgentFactory = (config, { ec2, clock }) => async (event) => {
  const request = classifyEvent(event);
  if (request.kind !== 'instance-state' && request.kind !== 'alarm') return { outcome: 'ignored' };
  const target = request.instanceId === PRIMARY ? STANDBY : PRIMARY;
  const [eni] = (await ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [ENI] }))).NetworkInterfaces ?? [];
  if (eni?.Attachment?.InstanceId === target) return { outcome: 'noop' };
  if (eni?.Attachment) await ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: eni.Attachment.AttachmentId, Force: true }));
  await clock.sleep(10_000);
  await ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: ENI, InstanceId: target, DeviceIndex: config.deviceIndex }));
  return { outcome: 'moved', to: target };
};

describe('failover agent: model-based test (issue 11)', () => {
  test(`GIVEN ${RUNS} random sequences from seed ${SEED} of failures, recoveries, late and repeated events, placements and console actions `
    + 'on a model EC2 WHEN the agent handles them and the pair then settles THEN P1 to P6 hold', async () => {
    // GIVEN the model EC2 (attachment delays, eventual consistency, index locks, limits, IAM) and the agent of lib/
    const stats = emptyStats();
    const started = performance.now();
    // WHEN fast-check generates, runs and (on a failure) shrinks the sequences; THEN no property is violated
    await fc.assert(agentModelProperty({ stats }), { seed: SEED, numRuns: RUNS });
    // eslint-disable-next-line no-console
    console.log(`${statsLine(stats, (performance.now() - started) / 1000)} (seed ${SEED})`);
    // AND the sequences exercised the agent rather than leaving it idle
    expect(stats.moved).toBeGreaterThan(RUNS / 4);
    expect(stats.settledHome).toBeGreaterThan(RUNS * 0.4);
  }, TIMEOUT_MS);

  describe('counterexamples the model found, kept as regression cases', () => {
    test.each(COUNTEREXAMPLES)('$name ($property)', async ({ params, steps }) => {
      // GIVEN the world and WHEN the steps run, then the pair settles; THEN no property is violated
      await runSequence(params, steps);
    });
  });

  test('fails when an agent moves the interface on every event: the model reports the violation, it does not pass everything', async () => {
    // GIVEN an agent without health, cooldown or membership checks
    const stats = emptyStats();
    // WHEN the model runs it
    const details = await fc.check(agentModelProperty({ stats, agent: recklessAgent }), { seed: SEED, numRuns: RUNS });
    // THEN a sequence breaks a property, and the report names it
    expect(details.failed).toBe(true);
    expect(details.errorInstance).toBeInstanceOf(PropertyViolation);
    expect(Object.keys(PROPERTIES)).toContain((details.errorInstance as PropertyViolation).property);
  }, TIMEOUT_MS);
});
