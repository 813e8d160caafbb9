import { Testing } from 'cdktf';
import { expectStandinPlanCreatesExactly } from './plan-expectations';
import { AlicloudMultiEipInstanceStack } from '../../examples/alicloud-multi-eip-instance/stack';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform } from '../terraform/standin-terraform';

describe('examples/alicloud-multi-eip-instance', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new AlicloudMultiEipInstanceStack(Testing.app(), 'alicloud-multi-eip-instance');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeStandinTerraform('examples/alicloud-multi-eip-instance offline', () => {
  test('validates and plans the instance and its EIPs through the stand-in provider', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly these resources, with no warning
    const plan = await expectStandinPlanCreatesExactly((app) => new AlicloudMultiEipInstanceStack(app, 'alicloud-multi-eip-instance'), {
      alicloud_vpc: 1,
      alicloud_vswitch: 2,
      alicloud_instance: 1,
      alicloud_ecs_network_interface: 1,
      alicloud_ecs_network_interface_attachment: 1,
      // the ENI's group and the primary ENI's group
      alicloud_security_group: 2,
      // TCP 80 and 443 from anywhere
      alicloud_security_group_rule: 2,
      alicloud_eip_address: 3,
      alicloud_eip_association: 3,
      terraform_data: 1,
    });
    // AND each EIP maps in NAT mode to its own private IP of the ENI
    const associations = plan.resourceChanges.filter((change) => change.type === 'alicloud_eip_association');
    expect(associations.map((a) => [a.after.instance_type, a.after.mode, a.after.private_ip_address]).sort()).toEqual([
      ['NetworkInterface', 'NAT', '10.70.2.10'], ['NetworkInterface', 'NAT', '10.70.2.11'], ['NetworkInterface', 'NAT', '10.70.2.12'],
    ]);
    const instance = plan.resourceChanges.find((change) => change.type === 'alicloud_instance')!;
    expect(instance.after.http_tokens).toBe('required');
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
