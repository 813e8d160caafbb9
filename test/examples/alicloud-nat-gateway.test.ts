import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Testing } from 'cdktf';
import { AlicloudNatGatewayStack } from '../../examples/alicloud-nat-gateway/stack';
import { NetworkRules, RuleLevel } from '../../lib';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform, synthAndPlanWithStandin } from '../terraform/standin-terraform';

const SCRATCH = path.join(__dirname, '..', '..', '.tmp');

describe('examples/alicloud-nat-gateway', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new AlicloudNatGatewayStack(Testing.app(), 'alicloud-nat-gateway');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('passes NetworkRules with no finding', () => {
    // GIVEN the example with the checks on
    fs.mkdirSync(SCRATCH, { recursive: true });
    const outdir = fs.mkdtempSync(path.join(SCRATCH, 'nat-example-'));
    try {
      const app = new App({ outdir, stackTraces: false });
      NetworkRules.applyTo(app);
      const stack = new AlicloudNatGatewayStack(app, 'alicloud-nat-gateway');
      // WHEN it is synthesized (an error finding would throw)
      app.synth();
      // THEN nothing is reported above INFO
      expect(NetworkRules.findingsOf(stack).filter((f) => f.level !== RuleLevel.INFO).map((f) => f.message)).toEqual([]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describeStandinTerraform('examples/alicloud-nat-gateway offline', () => {
  test('validates and plans the gateway through the stand-in provider', async () => {
    // WHEN the example is planned against an empty state
    const [plan] = await synthAndPlanWithStandin((app) => new AlicloudNatGatewayStack(app, 'alicloud-nat-gateway'));
    // THEN it creates exactly the gateway, its three EIPs and associations, and two SNAT entries
    const byType: Record<string, number> = {};
    for (const change of plan.resourceChanges) {
      expect(change.actions).toEqual(['create']);
      byType[change.type] = (byType[change.type] ?? 0) + 1;
    }
    expect(byType).toEqual({
      alicloud_vpc: 1,
      alicloud_vswitch: 3,
      alicloud_nat_gateway: 1,
      alicloud_eip_address: 3,
      alicloud_eip_association: 3,
      alicloud_snat_entry: 2,
    });
    const gateway = plan.resourceChanges.find((change) => change.type === 'alicloud_nat_gateway')!;
    expect(gateway.after).toMatchObject({ nat_type: 'Enhanced', eip_bind_mode: 'NAT', network_type: 'internet' });
    expect(plan.resourceChanges.filter((change) => change.type === 'alicloud_eip_association').map((change) => change.after.instance_type))
      .toEqual(['Nat', 'Nat', 'Nat']);
    expect(plan.warnings).toEqual([]);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
