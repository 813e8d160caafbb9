import { Testing } from 'cdktf';
import { expectStandinPlanCreatesExactly } from './plan-expectations';
import { NhncloudHaFailoverPortStack } from '../../examples/nhncloud-ha-failover-port/stack';
import { HaActiveSide } from '../../lib';
import { NhnMarkerTag } from '../../lib/nhncloud/rules/marker-tags';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform } from '../terraform/standin-terraform';

describe('examples/nhncloud-ha-failover-port', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new NhncloudHaFailoverPortStack(Testing.app(), 'nhncloud-ha-failover-port', { active: HaActiveSide.PRIMARY });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeStandinTerraform('examples/nhncloud-ha-failover-port through the stand-in provider', () => {
  test('validates and plans the failover port and both hosts', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly these resources, with no warning
    const plan = await expectStandinPlanCreatesExactly(
      (app) => new NhncloudHaFailoverPortStack(app, 'nhncloud-ha-failover-port', { active: HaActiveSide.PRIMARY }), {
        nhncloud_networking_vpc_v2: 1,
        nhncloud_networking_routingtable_v2: 1,
        nhncloud_networking_routingtable_attach_gateway_v2: 1,
        nhncloud_networking_vpcsubnet_v2: 2,
        nhncloud_networking_secgroup_v2: 2,
        nhncloud_networking_secgroup_rule_v2: 2,
        // the failover port and each host's own primary port
        nhncloud_networking_port_v2: 3,
        nhncloud_compute_instance_v2: 2,
        nhncloud_compute_interface_attach_v2: 1,
        nhncloud_networking_floatingip_v2: 1,
        nhncloud_networking_floatingip_associate_v2: 1,
      });
    // AND the failover port is tagged, and so are both hosts
    const failover = plan.resourceChanges.find((change) => change.address.startsWith('nhncloud_networking_port_v2.failover_Port_'))!.after;
    expect(failover.tags).toEqual([NhnMarkerTag.failover]);
    for (const host of plan.resourceChanges.filter((change) => change.type === 'nhncloud_compute_instance_v2')) {
      expect(host.after.tags).toEqual([NhnMarkerTag.failover]);
    }
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
