import { Testing } from 'cdktf';
import { expectStandinPlanCreatesExactly } from './plan-expectations';
import { NhncloudDualHomedInstanceStack } from '../../examples/nhncloud-dual-homed-instance/stack';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform } from '../terraform/standin-terraform';

describe('examples/nhncloud-dual-homed-instance', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new NhncloudDualHomedInstanceStack(Testing.app(), 'nhncloud-dual-homed-instance');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeStandinTerraform('examples/nhncloud-dual-homed-instance through the stand-in provider', () => {
  test('validates and plans the instance with its two standalone ports', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly these resources, with no warning
    const plan = await expectStandinPlanCreatesExactly((app) => new NhncloudDualHomedInstanceStack(app, 'nhncloud-dual-homed-instance'), {
      nhncloud_networking_vpc_v2: 1,
      nhncloud_networking_routingtable_v2: 1,
      nhncloud_networking_routingtable_attach_gateway_v2: 1,
      nhncloud_networking_vpcsubnet_v2: 2,
      nhncloud_networking_secgroup_v2: 2,
      nhncloud_networking_secgroup_rule_v2: 2,
      nhncloud_networking_port_v2: 2,
      nhncloud_compute_instance_v2: 1,
    });
    // AND each port keeps its own security group, the instance lists none (B16)
    const after = (type: string) => plan.resourceChanges.filter((change) => change.address.startsWith(`${type}.`)).map((change) => change.after);
    expect(after('nhncloud_networking_port_v2').map((port) => port.fixed_ip[0].ip_address).sort()).toEqual(['192.168.10.10', '192.168.20.10']);
    expect(after('nhncloud_compute_instance_v2')[0].security_groups ?? []).toEqual([]);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
