import { TerraformVariable, Testing, Token } from 'cdktf';
import { ErrorCode } from '../../../lib/core/error-codes';
import { ComputeInstanceReference, VirtualIpPair, VirtualIpPairProps, VpcSubnetReference } from '../../../lib/nhncloud';
import { NHN_VIRTUAL_IP_DEVICE, NhnMarkerTag } from '../../../lib/nhncloud/rules/marker-tags';
import { expectConstraintError, nhnStack, resourcesOf, subnet, variable } from '../building-block-fixtures';
import { checkNhn } from '../rules/nhn-test-helpers';

const LAUNCH = { flavorId: 'flavor-m2', imageId: 'image-ubuntu' };

/** A pair in `subnet()` (192.168.0.0/24) with fixed addresses, launched members and HTTPS clients, with `props` on top. */
function pairProps(props: Partial<VirtualIpPairProps> = {}): VirtualIpPairProps {
  return {
    subnet: subnet(),
    virtualIpAddress: '192.168.0.100',
    active: { ...LAUNCH, privateIp: '192.168.0.10' },
    standby: { ...LAUNCH, privateIp: '192.168.0.11' },
    clientCidrs: ['10.20.0.0/16'],
    clientTcpPorts: [443],
    pairName: 'web',
    ...props,
  };
}

const named = (resources: Record<string, any>, id: string) => Object.entries(resources).find(([name]) => name.startsWith(`${id}_`))?.[1];

describe('VirtualIpPair (NHN Cloud)', () => {
  test('synthesizes as in the snapshot', () => {
    // GIVEN / WHEN a pair with a floating IP on its virtual IP
    const stack = nhnStack();
    new VirtualIpPair(stack, 'pair', pairProps({ floatingIpPool: 'Public Network' }));
    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('creates a virtual IP port and two member ports that carry it in the same subnet, each the primary port of its instance', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    const pair = new VirtualIpPair(stack, 'pair', pairProps());
    // THEN the virtual IP is a port of its own, attached nowhere (B1, B2)
    const ports = resourcesOf(stack, 'nhncloud_networking_port_v2');
    const vip = Object.values(ports).find((p) => p.device_id === NHN_VIRTUAL_IP_DEVICE);
    expect(vip).toMatchObject({ fixed_ip: [{ subnet_id: 'subnet-a', ip_address: '192.168.0.100' }], tags: [NhnMarkerTag.virtualIp] });
    // AND each member's port is in its subnet, allowed to send from the virtual IP and tagged its carrier (B3, B4)
    for (const [id, ip] of [['pair_ActivePort', '192.168.0.10'], ['pair_StandbyPort', '192.168.0.11']]) {
      expect(named(ports, id)).toMatchObject({
        fixed_ip: [{ subnet_id: 'subnet-a', ip_address: ip }],
        allowed_address_pairs: [{ ip_address: '192.168.0.100' }],
        port_security_enabled: true,
        tags: [NhnMarkerTag.carriesVirtualIp],
      });
    }
    // AND the instances take the ports as their first network, with no security groups of their own (B16)
    const instances = resourcesOf(stack, 'nhncloud_compute_instance_v2');
    expect(Object.keys(instances)).toHaveLength(2);
    for (const instance of Object.values(instances)) {
      expect(instance.network).toHaveLength(1);
      expect(instance.network[0].port).toMatch(/nhncloud_networking_port_v2\.pair_(Active|Standby)Port/);
      expect(instance.security_groups).toBeUndefined();
    }
    expect(named(instances, 'pair_ActiveInstance').name).toBe('web-active');
    expect(pair.virtualIpAddress).toBe('192.168.0.100');
  });

  test('admits VRRP only from the two members\' addresses, by CIDR block and never by group', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    new VirtualIpPair(stack, 'pair', pairProps());
    // THEN (B19)
    const rules = Object.values(resourcesOf(stack, 'nhncloud_networking_secgroup_rule_v2'));
    const vrrp = rules.filter((r) => r.protocol === '112');
    expect(vrrp.map((r) => r.remote_ip_prefix).sort()).toEqual(['192.168.0.10/32', '192.168.0.11/32']);
    expect(vrrp.every((r) => r.direction === 'ingress' && r.remote_group_id === undefined)).toBe(true);
    // AND the clients reach the service port by CIDR block, and nothing else is open
    expect(rules.filter((r) => r.protocol !== '112')).toEqual([expect.objectContaining({
      protocol: 'tcp', port_range_min: 443, port_range_max: 443, remote_ip_prefix: '10.20.0.0/16',
    })]);
    expect(rules.some((r) => r.remote_group_id !== undefined)).toBe(false);
  });

  test('writes keepalived in unicast mode between the two members, adding the virtual IP itself with no cloud API call', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    const pair = new VirtualIpPair(stack, 'pair', pairProps({ vrrpPassword: 'secret1' }));
    // THEN the active member advertises to the standby with the higher priority
    const active = pair.activeSetupScript;
    expect(active).toContain('unicast_src_ip 192.168.0.10');
    expect(active).toMatch(/unicast_peer \{\n\s+192\.168\.0\.11\n\s+\}/);
    expect(active).toContain('priority 150');
    expect(active).toContain('state MASTER');
    expect(active).toMatch(/virtual_ipaddress \{\n\s+192\.168\.0\.100\/24\n/);
    expect(active).toContain('auth_pass secret1');
    expect(pair.standbySetupScript).toContain('unicast_src_ip 192.168.0.11');
    expect(pair.standbySetupScript).toContain('priority 100');
    // AND no notify script, credentials or cloud CLI
    for (const script of [active, pair.standbySetupScript]) {
      expect(script).not.toMatch(/notify|vrrp_notify_fifo|curl|openstack|nhncloud|api\./i);
      expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    }
    // AND the launched instances run it from their user data
    const instance = named(resourcesOf(stack, 'nhncloud_compute_instance_v2'), 'pair_ActiveInstance');
    expect(instance.user_data).toContain('unicast_src_ip 192.168.0.10');
    expect(instance.user_data).toContain('systemctl restart keepalived');
  });

  test('appends keepalived after a member\'s own shell user data', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    new VirtualIpPair(stack, 'pair', pairProps({ active: { ...LAUNCH, privateIp: '192.168.0.10', userData: '#!/bin/sh\necho hello\n' } }));
    // THEN
    const userData: string = named(resourcesOf(stack, 'nhncloud_compute_instance_v2'), 'pair_ActiveInstance').user_data;
    expect(userData.indexOf('echo hello')).toBeLessThan(userData.indexOf('keepalived'));
  });

  test('attaches the member ports to existing instances and hands out the keepalived scripts', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    const pair = new VirtualIpPair(stack, 'pair', pairProps({
      active: { existingInstance: ComputeInstanceReference.fromInstanceId('instance-a'), privateIp: '192.168.0.10' },
      standby: { existingInstance: ComputeInstanceReference.fromInstanceId('instance-b'), privateIp: '192.168.0.11' },
    }));
    // THEN nothing is launched; each port is attached to its instance (B18: the port only)
    expect(resourcesOf(stack, 'nhncloud_compute_instance_v2')).toEqual({});
    const attachments = Object.values(resourcesOf(stack, 'nhncloud_compute_interface_attach_v2'));
    expect(attachments.map((a) => a.instance_id).sort()).toEqual(['instance-a', 'instance-b']);
    expect(attachments.every((a) => a.network_id === undefined && a.fixed_ip === undefined)).toBe(true);
    expect(pair.activeInstance.instanceId).toBe('instance-a');
    expect(pair.activeSetupScript).toContain('unicast_peer');
  });

  test('refers to the addresses NHN Cloud picks when none is given, never guessing them', () => {
    // GIVEN / WHEN no address is fixed and the subnet's CIDR block is unknown
    const stack = nhnStack();
    const pair = new VirtualIpPair(stack, 'pair', pairProps({
      subnet: VpcSubnetReference.fromSubnetId('subnet-a', { vpcId: 'vpc-main' }), virtualIpAddress: undefined, active: LAUNCH, standby: LAUNCH, clientCidrs: [variable(stack, 'clients')],
    }));
    // THEN keepalived and the VRRP rules refer to the ports' addresses, and the virtual IP is added as a /32
    const userData: string = named(resourcesOf(stack, 'nhncloud_compute_instance_v2'), 'pair_ActiveInstance').user_data;
    expect(userData).toMatch(/unicast_src_ip \$\{element\(nhncloud_networking_port_v2\.pair_ActivePort_\w+\.all_fixed_ips, 0\)\}\n/);
    expect(userData).toMatch(/virtual_ipaddress \{\n\s+\$\{element\(nhncloud_networking_port_v2\.pair_VirtualIp_\w+\.all_fixed_ips, 0\)\}\/32\n/);
    expect(Token.isUnresolved(pair.virtualIpAddress)).toBe(true);
    const vrrp = Object.values(resourcesOf(stack, 'nhncloud_networking_secgroup_rule_v2')).filter((r) => r.protocol === '112');
    expect(vrrp.map((r) => r.remote_ip_prefix)).toEqual([
      expect.stringMatching(/^\$\{element\(nhncloud_networking_port_v2\.pair_ActivePort_.*\}\/32$/),
      expect.stringMatching(/^\$\{element\(nhncloud_networking_port_v2\.pair_StandbyPort_.*\}\/32$/),
    ]);
  });

  test('gives NetworkRules nothing to report', () => {
    // GIVEN / WHEN a pair with a floating IP
    const stack = nhnStack();
    new VirtualIpPair(stack, 'pair', pairProps({ floatingIpPool: 'Public Network' }));
    // THEN no NHN rule finds an error or a warning
    const findings = checkNhn(stack);
    expect(findings.errors()).toEqual([]);
    expect(findings.warnings()).toEqual([]);
  });

  test('fails when the active member does not have the higher priority', () => {
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', pairProps({
      active: { ...LAUNCH, privateIp: '192.168.0.10', priority: 100 }, standby: { ...LAUNCH, privateIp: '192.168.0.11', priority: 120 },
    })), ErrorCode.VrrpPrioritiesNotOrdered, ['active 100, standby 120', 'virtual IP']);
  });

  test('fails when a priority or the virtual router id is out of range', () => {
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', pairProps({ active: { ...LAUNCH, priority: 255 } })), ErrorCode.InvalidCount, ['priority']);
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', pairProps({ virtualRouterId: 0 })), ErrorCode.InvalidCount, ['virtualRouterId']);
  });

  test('fails when the VRRP password is too long', () => {
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', pairProps({ vrrpPassword: 'much-too-long' })), ErrorCode.InvalidVrrpPassword);
  });

  test('fails when the pair name is not a plain name', () => {
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', pairProps({ pairName: 'web pair' })), ErrorCode.InvalidPairName);
  });

  test('fails when the virtual IP and a member share an address', () => {
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', pairProps({ virtualIpAddress: '192.168.0.10' })), ErrorCode.DuplicateAddress);
  });

  test('fails when a member address is outside the subnet', () => {
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', pairProps({ standby: { ...LAUNCH, privateIp: '10.0.0.5' } })),
      ErrorCode.AddressOutsideSubnet);
  });

  test('fails when the client CIDRs come without a port', () => {
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', pairProps({ clientTcpPorts: [] })), ErrorCode.IncompleteClientIngress);
  });

  test('fails when the list of client CIDRs is only known at deploy time', () => {
    const stack = nhnStack();
    const clients = new TerraformVariable(stack, 'clients', { type: 'list(string)' }).listValue;
    expectConstraintError(() => new VirtualIpPair(stack, 'pair', pairProps({ clientCidrs: clients })), ErrorCode.ListLengthUnknown, ['clientCidrs']);
  });

  test('fails when a client CIDR is not an IPv4 block', () => {
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', pairProps({ clientCidrs: ['2001:db8::/32'] })), ErrorCode.InvalidCidr);
  });

  test('fails when SSH is opened to the whole internet', () => {
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', pairProps({ clientCidrs: ['0.0.0.0/0'], clientTcpPorts: [22] })),
      ErrorCode.AdminPortOpenToInternet);
  });

  test('fails when both members are the same existing instance', () => {
    const existing = { existingInstance: ComputeInstanceReference.fromInstanceId('instance-a') };
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', pairProps({ active: existing, standby: existing })), ErrorCode.SameInstanceTwice);
  });

  test('fails when a member mixes launch props with an existing instance', () => {
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', pairProps({
      standby: { ...LAUNCH, existingInstance: ComputeInstanceReference.fromInstanceId('instance-b') },
    })), ErrorCode.ConflictingInstanceProps);
  });

  test('fails when a member has neither launch props nor an existing instance', () => {
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', pairProps({ standby: {} })), ErrorCode.MissingInstanceProps);
  });

  test('fails when clientCidrs is missing (plain JavaScript)', () => {
    const props: any = pairProps();
    delete props.clientCidrs;
    expectConstraintError(() => new VirtualIpPair(nhnStack(), 'pair', props), ErrorCode.MissingRequiredProp, ['clientCidrs']);
  });
});
