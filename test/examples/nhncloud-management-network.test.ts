import { Testing } from 'cdktf';
import { expectStandinPlanCreatesExactly } from './plan-expectations';
import { NhncloudManagementNetworkStack } from '../../examples/nhncloud-management-network/stack';
import { NhnMarkerTag } from '../../lib/nhncloud/rules/marker-tags';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform } from '../terraform/standin-terraform';

describe('examples/nhncloud-management-network', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new NhncloudManagementNetworkStack(Testing.app(), 'nhncloud-management-network');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeStandinTerraform('examples/nhncloud-management-network through the stand-in provider', () => {
  test('validates and plans the public and management ports, the floating IP and the instance', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly these resources, with no warning
    const plan = await expectStandinPlanCreatesExactly((app) => new NhncloudManagementNetworkStack(app, 'nhncloud-management-network'), {
      nhncloud_networking_vpc_v2: 1,
      nhncloud_networking_routingtable_v2: 1,
      nhncloud_networking_routingtable_attach_gateway_v2: 1,
      nhncloud_networking_vpcsubnet_v2: 2,
      nhncloud_networking_secgroup_v2: 2,
      nhncloud_networking_secgroup_rule_v2: 3,
      nhncloud_networking_port_v2: 2,
      nhncloud_compute_instance_v2: 1,
      nhncloud_networking_floatingip_v2: 1,
      nhncloud_networking_floatingip_associate_v2: 1,
    });
    // AND the instance and its management port carry the management marker (NHN050)
    const after = (type: string) => plan.resourceChanges.filter((change) => change.address.startsWith(`${type}.`)).map((change) => change.after);
    expect(after('nhncloud_compute_instance_v2')[0].tags).toEqual([NhnMarkerTag.management]);
    expect(after('nhncloud_networking_port_v2').filter((port) => port.tags?.includes(NhnMarkerTag.management))).toHaveLength(1);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
