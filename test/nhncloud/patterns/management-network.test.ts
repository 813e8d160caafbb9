import { Testing } from 'cdktf';
import { expectConstraintError, instance, LAUNCH, literalSubnet, nhnStack, resourcesOf, routedNetwork, variable } from './pattern-fixtures';
import { ErrorCode } from '../../../lib/core/error-codes';
import { FixedIpAssignment, ManagementNetwork, ManagementNetworkProps, VpcSubnetReference } from '../../../lib/nhncloud';
import { NhnMarkerTag } from '../../../lib/nhncloud/rules/marker-tags';
import { checkNhn } from '../rules/nhn-test-helpers';

/** Public port in subnet 1, management port in subnet 2, SSH from an admin range. */
function props(overrides: Partial<ManagementNetworkProps> = {}): ManagementNetworkProps {
  return { ...LAUNCH, publicSubnet: literalSubnet(1), managementSubnet: literalSubnet(2), managementCidrs: ['203.0.113.0/24'], ...overrides };
}

const of = (stack: ReturnType<typeof nhnStack>, type: string) => Object.values(resourcesOf(stack, type));
const rules = (stack: ReturnType<typeof nhnStack>) => of(stack, 'nhncloud_networking_secgroup_rule_v2')
  .map((r) => `${r.security_group_id.replace(/^.*\.Net_(\w+)SecurityGroup_.*$/, '$1')} ${r.protocol}/${r.port_range_min} from ${r.remote_ip_prefix}`).sort();

describe('ManagementNetwork (NHN Cloud)', () => {
  test('synthesizes as in the snapshot', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    new ManagementNetwork(stack, 'Net', props({ floatingIpPool: 'Public Network', tags: ['team=ops'], managementFixedIps: FixedIpAssignment.addresses('192.168.2.10') }));
    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('launches the instance with the public port first and the management port second, both standalone', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    const net = new ManagementNetwork(stack, 'Net', props());
    // THEN
    const [launched] = of(stack, 'nhncloud_compute_instance_v2');
    expect(launched.network.map((n: any) => n.port)).toEqual([expect.stringContaining('Net_PublicPort'), expect.stringContaining('Net_ManagementPort')]);
    expect(launched.security_groups).toBeUndefined();
    expect(net.managementAttachment).toBeUndefined();
    expect(net.instanceResource).toBeDefined();
    expect(net.floatingIp).toBeUndefined();
  });

  test('opens the web ports to anywhere on the public port and SSH to the management ranges only', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    new ManagementNetwork(stack, 'Net', props({ managementCidrs: ['203.0.113.0/24', '192.168.0.0/24'] }));
    // THEN
    expect(rules(stack)).toEqual([
      'Management tcp/22 from 192.168.0.0/24', 'Management tcp/22 from 203.0.113.0/24', 'Public tcp/443 from 0.0.0.0/0', 'Public tcp/80 from 0.0.0.0/0',
    ]);
  });

  test('takes other web ports and ranges, and added security groups', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    new ManagementNetwork(stack, 'Net', props({ webPorts: [8443], webCidrs: ['198.51.100.0/24'], publicSecurityGroupIds: ['sg-extra'], managementSecurityGroupIds: ['sg-ops'] }));
    // THEN
    expect(rules(stack)).toEqual(['Management tcp/22 from 203.0.113.0/24', 'Public tcp/8443 from 198.51.100.0/24']);
    const groups = of(stack, 'nhncloud_networking_port_v2').map((p) => p.security_group_ids[1]).sort();
    expect(groups).toEqual(['sg-extra', 'sg-ops']);
  });

  test('marks the management port and the launched instance for NHN050', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    new ManagementNetwork(stack, 'Net', props({ tags: ['team=ops'] }));
    // THEN
    expect(of(stack, 'nhncloud_compute_instance_v2')[0].tags).toEqual(['team=ops', NhnMarkerTag.management]);
    const tags = of(stack, 'nhncloud_networking_port_v2').map((p) => p.tags);
    expect(tags).toContainEqual(['team=ops', NhnMarkerTag.management]);
    expect(tags).toContainEqual(['team=ops']);
  });

  test('associates a floating IP with the public port', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    const net = new ManagementNetwork(stack, 'Net', props({ floatingIpPool: 'Public Network' }));
    // THEN
    expect(of(stack, 'nhncloud_networking_floatingip_v2')).toEqual([expect.objectContaining({ pool: 'Public Network' })]);
    expect(of(stack, 'nhncloud_networking_floatingip_associate_v2')).toEqual([expect.objectContaining({ port_id: expect.stringContaining('Net_PublicPort') })]);
    expect(net.floatingIp).toBeDefined();
  });

  test('attaches only the management port to an existing instance', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    const net = new ManagementNetwork(stack, 'Net', { publicSubnet: literalSubnet(1), managementSubnet: literalSubnet(2), managementCidrs: ['203.0.113.0/24'], existingInstance: instance('i-1') });
    // THEN
    expect(of(stack, 'nhncloud_compute_instance_v2')).toEqual([]);
    expect(of(stack, 'nhncloud_networking_port_v2')).toHaveLength(1);
    expect(of(stack, 'nhncloud_compute_interface_attach_v2')).toEqual([{ instance_id: 'i-1', port_id: expect.stringContaining('Net_ManagementPort') }]);
    expect(net.managementAttachment).toBeDefined();
    expect(net.publicPort).toBeUndefined();
    expect(net.publicSecurityGroup).toBeUndefined();
  });

  test('accepts subnet ids and management ranges known at deploy time', () => {
    // GIVEN
    const stack = nhnStack();
    const vpc = variable(stack, 'vpc');
    const subnet = (name: string) => VpcSubnetReference.fromSubnetId(variable(stack, name), { vpcId: vpc });
    // WHEN
    new ManagementNetwork(stack, 'Net', props({ publicSubnet: subnet('public'), managementSubnet: subnet('management'), managementCidrs: [variable(stack, 'admins')] }));
    // THEN
    expect(of(stack, 'nhncloud_networking_port_v2').map((p) => p.fixed_ip[0].subnet_id).sort()).toEqual(['${var.management}', '${var.public}']);
    expect(rules(stack)).toContain('Management tcp/22 from ${var.admins}');
  });

  test('fails when SSH would be open to the whole internet', () => {
    for (const cidr of ['0.0.0.0/0', '::/0']) {
      const stack = nhnStack();
      expectConstraintError(() => new ManagementNetwork(stack, 'Net', props({ managementCidrs: ['203.0.113.0/24', cidr] })), ErrorCode.AdminPortOpenToInternet, [cidr]);
    }
  });

  test('fails when no management range is given', () => {
    const stack = nhnStack();
    expectConstraintError(() => new ManagementNetwork(stack, 'Net', props({ managementCidrs: [] })), ErrorCode.NoManagementAccess);
  });

  test('fails when both ports are in the same subnet', () => {
    const stack = nhnStack();
    expectConstraintError(() => new ManagementNetwork(stack, 'Net', props({ managementSubnet: literalSubnet(1) })), ErrorCode.InterfacesInSameSubnet, ['public and management ports']);
  });

  test('fails when the subnets are in different VPCs', () => {
    const stack = nhnStack();
    expectConstraintError(() => new ManagementNetwork(stack, 'Net', props({ managementSubnet: literalSubnet(2, 'vpc-other') })), ErrorCode.VpcMismatch);
  });

  test('fails when a web port is SSH open to the internet', () => {
    const stack = nhnStack();
    expectConstraintError(() => new ManagementNetwork(stack, 'Net', props({ webPorts: [443, 22] })), ErrorCode.AdminPortOpenToInternet);
  });

  test('fails when public port props come with an existing instance', () => {
    const stack = nhnStack();
    expectConstraintError(() => new ManagementNetwork(stack, 'Net', {
      publicSubnet: literalSubnet(1), managementSubnet: literalSubnet(2), managementCidrs: ['203.0.113.0/24'], existingInstance: instance(), floatingIpPool: 'Public Network',
    }), ErrorCode.ConflictingInstanceProps, ['floatingIpPool']);
  });

  test('fails when the management ranges are not a list (plain JavaScript)', () => {
    const stack = nhnStack();
    expectConstraintError(() => new ManagementNetwork(stack, 'Net', props({ managementCidrs: '203.0.113.0/24' as any })), ErrorCode.InvalidPropType, ['props.managementCidrs']);
  });

  test('gives NetworkRules nothing to report', () => {
    // GIVEN subnets in a routing table with an internet gateway
    const { stack, subnets: [publicSubnet, managementSubnet] } = routedNetwork('public', 'management');
    // WHEN
    new ManagementNetwork(stack, 'Net', { ...LAUNCH, publicSubnet, managementSubnet, managementCidrs: ['203.0.113.0/24'], floatingIpPool: 'Public Network' });
    // THEN
    expect(checkNhn(stack).annotations).toEqual([]);
  });
});
