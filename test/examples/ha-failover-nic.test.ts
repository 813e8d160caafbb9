import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { activeFromEnvironment, HaFailoverNicStack } from '../../examples/ha-failover-nic/stack';
import { HaActiveSide } from '../../lib';
import { maskAssetHashes } from '../snapshot-helpers';
import { describeTerraform, TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { synthAndPlan } from '../terraform/offline-terraform';

const ROOT = path.join(__dirname, '..', '..');

/** Runs the example's main.ts as a user would, with HA_ACTIVE, and returns the stack's JSON. */
function synthesizeMain(active: string): any {
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const outdir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'ha-'));
  try {
    execFileSync(process.execPath, [require.resolve('tsx/cli'), 'examples/ha-failover-nic/main.ts'], {
      cwd: ROOT, env: { ...process.env, HA_ACTIVE: active, CDKTF_OUTDIR: outdir }, stdio: 'pipe',
    });
    return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'ha-failover-nic', 'cdk.tf.json'), 'utf8'));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('examples/ha-failover-nic', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new HaFailoverNicStack(Testing.app(), 'ha-failover-nic', { active: HaActiveSide.PRIMARY });
    expect(maskAssetHashes(Testing.synth(stack))).toMatchSnapshot();
  });

  test('switching HA_ACTIVE changes only the placement: interface, Elastic IP and association are byte-identical', () => {
    // GIVEN the example synthesized with each active side, through main.ts and CDKTF_OUTDIR
    const primary = synthesizeMain('primary');
    const standby = synthesizeMain('standby');
    // THEN the resources that hold addresses are identical
    for (const type of ['aws_network_interface', 'aws_eip', 'aws_eip_association']) {
      expect(JSON.stringify(standby.resource[type])).toBe(JSON.stringify(primary.resource[type]));
    }
    // AND the placement names the other side
    const placement = (json: any) => Object.values<any>(json.resource.aws_lambda_invocation)[0];
    expect(JSON.parse(placement(primary).input)).toEqual({ action: 'place', side: 'primary' });
    expect(JSON.parse(placement(standby).input)).toEqual({ action: 'place', side: 'standby' });
  }, 60_000);

  test.each([
    [undefined, HaActiveSide.PRIMARY], ['primary', HaActiveSide.PRIMARY], [' Standby ', HaActiveSide.STANDBY],
  ])('reads HA_ACTIVE=%p', (value, side) => {
    expect(activeFromEnvironment(value)).toBe(side);
  });

  test('fails when HA_ACTIVE is neither side', () => {
    expect(() => activeFromEnvironment('both')).toThrow('HA_ACTIVE must be "primary" or "standby", got "both"');
  });
});

describeTerraform('examples/ha-failover-nic offline', () => {
  test.each([HaActiveSide.PRIMARY, HaActiveSide.STANDBY])('validates and plans with %s active', async (active) => {
    const [plan] = await synthAndPlan((app) => new HaFailoverNicStack(app, 'ha-failover-nic', { active }));
    expect(plan.byType).toMatchObject({
      aws_network_interface: 3,
      aws_eip: 1,
      aws_eip_association: 1,
      aws_instance: 2,
      aws_lambda_function: 1,
      aws_lambda_invocation: 1,
      aws_iam_role: 1,
      aws_iam_role_policy: 1,
      aws_cloudwatch_event_rule: 2,
      aws_cloudwatch_metric_alarm: 3,
    });
    expect(plan.change + plan.destroy).toBe(0);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
