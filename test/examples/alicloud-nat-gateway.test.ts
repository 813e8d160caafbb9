import { Testing } from 'cdktf';
import { expectStandinPlanCreatesExactly } from './plan-expectations';
import { AlicloudNatGatewayStack } from '../../examples/alicloud-nat-gateway/stack';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform } from '../terraform/standin-terraform';

describe('examples/alicloud-nat-gateway', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new AlicloudNatGatewayStack(Testing.app(), 'alicloud-nat-gateway');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeStandinTerraform('examples/alicloud-nat-gateway offline', () => {
  test('validates and plans the gateway through the stand-in provider', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly the gateway, its three EIPs and associations, and two SNAT entries
    const plan = await expectStandinPlanCreatesExactly((app) => new AlicloudNatGatewayStack(app, 'alicloud-nat-gateway'), {
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
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
