import { Testing } from 'cdktf';
import { expectStandinPlanCreatesExactly } from './plan-expectations';
import { AlicloudDualHomedInstanceStack } from '../../examples/alicloud-dual-homed-instance/stack';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform } from '../terraform/standin-terraform';

describe('examples/alicloud-dual-homed-instance', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new AlicloudDualHomedInstanceStack(Testing.app(), 'alicloud-dual-homed-instance');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeStandinTerraform('examples/alicloud-dual-homed-instance offline', () => {
  test('validates and plans the dual-homed instance through the stand-in provider', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly these resources, with no warning
    const plan = await expectStandinPlanCreatesExactly((app) => new AlicloudDualHomedInstanceStack(app, 'alicloud-dual-homed-instance'), {
      alicloud_vpc: 1,
      alicloud_vswitch: 2,
      alicloud_instance: 1,
      alicloud_ecs_network_interface: 1,
      alicloud_ecs_network_interface_attachment: 1,
      alicloud_security_group: 2,
      // TCP 80 and 443 from the internet on the web side, ICMP from the back-end tier on the app side
      alicloud_security_group_rule: 3,
      alicloud_eip_address: 1,
      alicloud_eip_association: 1,
    });
    const association = plan.resourceChanges.find((change) => change.type === 'alicloud_eip_association')!;
    expect(association.after.instance_type).toBe('EcsInstance');
    const instance = plan.resourceChanges.find((change) => change.type === 'alicloud_instance')!;
    expect(instance.after.http_tokens).toBe('required');
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
