import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Testing } from 'cdktf';
import { VirtualIpPairStack } from '../../examples/virtual-ip-pair/stack';
import { NetworkRules, RuleLevel } from '../../lib';
import { describeTerraform, TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { synthAndPlan } from '../terraform/offline-terraform';

const SCRATCH = path.join(__dirname, '..', '..', '.tmp');

describe('examples/virtual-ip-pair', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new VirtualIpPairStack(Testing.app(), 'virtual-ip-pair');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('passes NetworkRules with no finding', () => {
    // GIVEN the example with the checks on
    fs.mkdirSync(SCRATCH, { recursive: true });
    const outdir = fs.mkdtempSync(path.join(SCRATCH, 'vip-example-'));
    try {
      const app = new App({ outdir, stackTraces: false });
      NetworkRules.applyTo(app);
      const stack = new VirtualIpPairStack(app, 'virtual-ip-pair');
      // WHEN it is synthesized (an error finding would throw)
      app.synth();
      // THEN nothing is reported above INFO
      expect(NetworkRules.findingsOf(stack).filter((f) => f.level !== RuleLevel.INFO).map((f) => f.message)).toEqual([]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describeTerraform('examples/virtual-ip-pair offline', () => {
  test('validates and plans both pairs', async () => {
    const [plan] = await synthAndPlan((app) => new VirtualIpPairStack(app, 'virtual-ip-pair'));
    expect(plan.byType).toMatchObject({
      aws_network_interface: 4,
      aws_instance: 4,
      aws_eip: 1,
      aws_iam_role: 2,
      aws_iam_role_policy: 2,
      aws_iam_instance_profile: 2,
      aws_security_group: 3,
      // the public default route and the resolver's /32 in both tables
      aws_route: 3,
    });
    expect(plan.byType.aws_eip_association).toBeUndefined();
    expect(plan.change + plan.destroy).toBe(0);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
