import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Testing } from 'cdktf';
import { AlicloudHaVipPairStack } from '../../examples/alicloud-havip-pair/stack';
import { NetworkRules, RuleLevel } from '../../lib';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform, synthAndPlanWithStandin } from '../terraform/standin-terraform';

const SCRATCH = path.join(__dirname, '..', '..', '.tmp');

describe('examples/alicloud-havip-pair', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new AlicloudHaVipPairStack(Testing.app(), 'alicloud-havip-pair');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('passes NetworkRules with no finding', () => {
    // GIVEN the example with the checks on
    fs.mkdirSync(SCRATCH, { recursive: true });
    const outdir = fs.mkdtempSync(path.join(SCRATCH, 'havip-example-'));
    try {
      const app = new App({ outdir, stackTraces: false });
      NetworkRules.applyTo(app);
      const stack = new AlicloudHaVipPairStack(app, 'alicloud-havip-pair');
      // WHEN it is synthesized (an error finding would throw)
      app.synth();
      // THEN nothing is reported above INFO
      expect(NetworkRules.findingsOf(stack).filter((f) => f.level !== RuleLevel.INFO).map((f) => f.message)).toEqual([]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describeStandinTerraform('examples/alicloud-havip-pair offline', () => {
  test('validates and plans the pair through the stand-in provider', async () => {
    // WHEN the example is planned against an empty state
    const [plan] = await synthAndPlanWithStandin((app) => new AlicloudHaVipPairStack(app, 'alicloud-havip-pair'));
    // THEN it creates exactly the pair's resources, with no warning
    const byType: Record<string, number> = {};
    for (const change of plan.resourceChanges) {
      expect(change.actions).toEqual(['create']);
      byType[change.type] = (byType[change.type] ?? 0) + 1;
    }
    expect(byType).toEqual({
      alicloud_vpc: 1,
      alicloud_vswitch: 1,
      alicloud_havip: 1,
      alicloud_instance: 2,
      alicloud_havip_attachment: 2,
      alicloud_security_group: 1,
      // VRRP from each member, and TCP 80 and 443 from the clients
      alicloud_security_group_rule: 4,
      alicloud_eip_address: 1,
      alicloud_eip_association: 1,
      terraform_data: 2,
    });
    const association = plan.resourceChanges.find((change) => change.type === 'alicloud_eip_association')!;
    expect(association.after.instance_type).toBe('HaVip');
    const instance = plan.resourceChanges.find((change) => change.type === 'alicloud_instance')!;
    expect(instance.after.http_tokens).toBe('required');
    expect(plan.warnings).toEqual([]);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
