import { Testing } from 'cdktf';
import { expectStandinPlanCreatesExactly } from './plan-expectations';
import { NhncloudBuildingBlocksStack } from '../../examples/nhncloud-building-blocks/stack';
import { NHN_VIRTUAL_IP_DEVICE } from '../../lib/nhncloud/rules/marker-tags';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform } from '../terraform/standin-terraform';

describe('examples/nhncloud-building-blocks', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new NhncloudBuildingBlocksStack(Testing.app(), 'nhncloud-building-blocks');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeStandinTerraform('examples/nhncloud-building-blocks through the stand-in provider', () => {
  test('validates and plans every building block', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly these resources, with no warning
    const plan = await expectStandinPlanCreatesExactly((app) => new NhncloudBuildingBlocksStack(app, 'nhncloud-building-blocks'), {
      nhncloud_networking_vpc_v2: 1,
      nhncloud_networking_routingtable_v2: 1,
      nhncloud_networking_routingtable_attach_gateway_v2: 1,
      nhncloud_networking_vpcsubnet_v2: 2,
      nhncloud_networking_secgroup_v2: 2,
      nhncloud_networking_secgroup_rule_v2: 3,
      nhncloud_networking_port_v2: 3,
      nhncloud_compute_instance_v2: 1,
      nhncloud_compute_interface_attach_v2: 1,
      nhncloud_networking_floatingip_v2: 1,
      nhncloud_networking_floatingip_associate_v2: 1,
    });
    // AND the virtual IP is a port of its own, allowed on the host's service port
    const port = (name: string) => plan.resourceChanges.find((change) => change.address.startsWith(`nhncloud_networking_port_v2.${name}_`))!.after;
    expect(port('vip').device_id).toBe(NHN_VIRTUAL_IP_DEVICE);
    expect(port('eth0').allowed_address_pairs).toEqual([expect.objectContaining({ ip_address: '192.168.0.100' })]);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
