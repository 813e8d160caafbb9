import { Testing } from 'cdktf';
import { expectStandinPlanCreatesExactly } from './plan-expectations';
import { AlicloudHaVipPairStack } from '../../examples/alicloud-havip-pair/stack';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform } from '../terraform/standin-terraform';

describe('examples/alicloud-havip-pair', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new AlicloudHaVipPairStack(Testing.app(), 'alicloud-havip-pair');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeStandinTerraform('examples/alicloud-havip-pair offline', () => {
  test('validates and plans the pair through the stand-in provider', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly the pair's resources, with no warning
    const plan = await expectStandinPlanCreatesExactly((app) => new AlicloudHaVipPairStack(app, 'alicloud-havip-pair'), {
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
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
