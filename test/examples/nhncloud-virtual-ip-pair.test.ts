import { Testing } from 'cdktf';
import { expectStandinPlanCreatesExactly } from './plan-expectations';
import { NhncloudVirtualIpPairStack } from '../../examples/nhncloud-virtual-ip-pair/stack';
import { NHN_VIRTUAL_IP_DEVICE } from '../../lib/nhncloud/rules/marker-tags';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform } from '../terraform/standin-terraform';

describe('examples/nhncloud-virtual-ip-pair', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new NhncloudVirtualIpPairStack(Testing.app(), 'nhncloud-virtual-ip-pair');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeStandinTerraform('examples/nhncloud-virtual-ip-pair through the stand-in provider', () => {
  test('validates and plans the pair', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly these resources, with no warning
    const plan = await expectStandinPlanCreatesExactly((app) => new NhncloudVirtualIpPairStack(app, 'nhncloud-virtual-ip-pair'), {
      nhncloud_networking_vpc_v2: 1,
      nhncloud_networking_routingtable_v2: 1,
      nhncloud_networking_routingtable_attach_gateway_v2: 1,
      nhncloud_networking_vpcsubnet_v2: 1,
      nhncloud_networking_secgroup_v2: 1,
      // VRRP from each member, and HTTPS from the clients
      nhncloud_networking_secgroup_rule_v2: 3,
      // the virtual IP and each member's primary port
      nhncloud_networking_port_v2: 3,
      nhncloud_compute_instance_v2: 2,
      nhncloud_networking_floatingip_v2: 1,
      nhncloud_networking_floatingip_associate_v2: 1,
    });
    // AND the virtual IP is a port of its own, allowed on both members' ports
    const port = (name: string) => plan.resourceChanges.find((change) => change.address.startsWith(`nhncloud_networking_port_v2.${name}_`))!.after;
    expect(port('pair_VirtualIp').device_id).toBe(NHN_VIRTUAL_IP_DEVICE);
    for (const member of ['pair_ActivePort', 'pair_StandbyPort']) {
      expect(port(member).allowed_address_pairs).toEqual([expect.objectContaining({ ip_address: '192.168.0.100' })]);
    }
    // AND VRRP is admitted from the two members only
    const vrrp = plan.resourceChanges.filter((change) => change.type === 'nhncloud_networking_secgroup_rule_v2' && change.after.protocol === '112');
    expect(vrrp.map((change) => change.after.remote_ip_prefix).sort()).toEqual(['192.168.0.10/32', '192.168.0.11/32']);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
