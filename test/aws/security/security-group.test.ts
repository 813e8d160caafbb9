import { Testing, Token } from 'cdktf';
import { Peer, Port, SecurityGroup } from '../../../lib';
import { expectConstraintError, networkStack, resourcesOf } from '../fixtures';

function group() {
  const fixture = networkStack();
  return { ...fixture, sg: new SecurityGroup(fixture.stack, 'web', { vpcId: fixture.vpc.id }) };
}

describe('SecurityGroup', () => {
  test('synthesizes a group and its rules as in the snapshot', () => {
    const { stack, sg } = group();
    sg.addIngressRule(Peer.anyIpv4(), Port.tcp(443), { description: 'HTTPS' });
    sg.addIngressRule(Peer.ipv4('10.0.0.0/16'), Port.tcp(22), { description: 'SSH from the VPC' });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('creates the group with no inline rules and all IPv4 egress', () => {
    const { stack } = group();
    const [sg] = Object.values(resourcesOf(stack, 'aws_security_group'));
    expect(sg).toEqual({ vpc_id: '${aws_vpc.vpc.id}', description: 'Managed by cdktf-nic-patterns' });
    expect(Object.values(resourcesOf(stack, 'aws_vpc_security_group_egress_rule'))).toEqual([
      expect.objectContaining({ ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' }),
    ]);
  });

  test('adds no egress when outbound traffic is not allowed, IPv6 egress when asked', () => {
    const { stack, vpc } = networkStack();
    new SecurityGroup(stack, 'closed', { vpcId: vpc.id, allowAllOutbound: false });
    new SecurityGroup(stack, 'v6', { vpcId: vpc.id, allowAllOutbound: false, allowAllIpv6Outbound: true });
    expect(Object.values(resourcesOf(stack, 'aws_vpc_security_group_egress_rule'))).toEqual([
      expect.objectContaining({ ip_protocol: '-1', cidr_ipv6: '::/0' }),
    ]);
  });

  test.each([
    ['a CIDR', Peer.ipv4('10.20.0.0/16'), 'cidr_ipv4', '10.20.0.0/16'],
    ['an IPv6 CIDR', Peer.ipv6('2600:1f18::/56'), 'cidr_ipv6', '2600:1f18::/56'],
    ['a prefix list', Peer.prefixList('pl-12345678'), 'prefix_list_id', 'pl-12345678'],
    ['a group id', Peer.securityGroupId('sg-12345678'), 'referenced_security_group_id', 'sg-12345678'],
  ])('writes an ingress rule from %s as its own resource', (_name, peer, attribute, value) => {
    const { stack, sg } = group();
    sg.addIngressRule(peer, Port.tcp(443), { description: 'HTTPS' });
    const [rule] = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'));
    expect(rule).toEqual({
      security_group_id: `\${aws_security_group.${sg.resource.friendlyUniqueId}.id}`,
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
      description: 'HTTPS',
      [attribute]: value,
    });
  });

  test('references another group of the app', () => {
    const { stack, vpc, sg } = group();
    const lb = new SecurityGroup(stack, 'lb', { vpcId: vpc.id });
    sg.addIngressRule(Peer.securityGroup(lb), Port.tcp(80));
    const [rule] = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'));
    expect(rule.referenced_security_group_id).toBe(`\${aws_security_group.${lb.resource.friendlyUniqueId}.id}`);
  });

  test('keeps rule ids when rules are reordered', () => {
    const ids = (order: Peer[]) => {
      const { sg } = group();
      order.forEach((peer) => sg.addIngressRule(peer, Port.tcp(22)));
      return sg.node.children.map((c) => c.node.id).sort();
    };
    const a = Peer.ipv4('10.1.0.0/16');
    const b = Peer.ipv4('10.2.0.0/16');
    expect(ids([a, b])).toEqual(ids([b, a]));
  });

  test('writes VRRP (IP protocol 112) and port ranges', () => {
    const { stack, sg } = group();
    sg.addIngressRule(Peer.ipv4('10.0.1.0/24'), Port.ipProtocol(112));
    sg.addIngressRule(Peer.ipv4('10.0.1.0/24'), Port.udpRange(1000, 2000));
    const rules = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'));
    expect(rules).toEqual(expect.arrayContaining([
      expect.objectContaining({ ip_protocol: '112' }),
      expect.objectContaining({ ip_protocol: 'udp', from_port: 1000, to_port: 2000 }),
    ]));
    expect(rules.find((r: any) => r.ip_protocol === '112')).not.toHaveProperty('from_port');
  });

  test.each([
    ['SSH', Port.tcp(22), Peer.anyIpv4()],
    ['RDP', Port.tcp(3389), Peer.anyIpv6()],
    ['SSH', Port.tcpRange(0, 1024), Peer.anyIpv4()],
    ['SSH', Port.allTraffic(), Peer.anyIpv4()],
  ])('fails when %s is opened to the internet without saying so', (name, port, peer) => {
    const { sg } = group();
    expectConstraintError(() => sg.addIngressRule(peer, port), 'AdminPortOpenToInternet', ['test/web', name, peer.value]);
  });

  test('opens SSH to the internet only when explicitly allowed', () => {
    const { stack, sg } = group();
    sg.addIngressRule(Peer.anyIpv4(), Port.tcp(22), { allowAdministrationFromInternet: true });
    expect(Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'))).toHaveLength(1);
  });

  test('allows SSH from an admin range', () => {
    const { sg } = group();
    expect(() => sg.addIngressRule(Peer.ipv4('203.0.113.0/24'), Port.tcp(22))).not.toThrow();
  });

  test.each([
    [Port.tcpRange(443, 80), 'tcp 443-80'],
    [Port.tcp(70000), 'tcp 70000-70000'],
    [Port.udp(1.5), 'udp 1.5-1.5'],
  ])('fails when the port range is invalid (%s)', (port, received) => {
    const { sg } = group();
    expectConstraintError(() => sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), port), 'InvalidPort', [received]);
  });

  test('fails when a CIDR peer is malformed', () => {
    const { sg } = group();
    expectConstraintError(() => sg.addIngressRule(Peer.ipv4('10.0.0.0/40'), Port.tcp(80)), 'InvalidCidr', ['10.0.0.0/40']);
  });

  test('fails when the same rule is added twice', () => {
    const { sg } = group();
    sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(80));
    expectConstraintError(() => sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(80)), 'DuplicateRule', ['tcp/80']);
  });

  test('accepts token peers and ports', () => {
    const { stack, sg } = group();
    sg.addIngressRule(Peer.ipv4(Token.asString({ Ref: 'cidr' })), Port.tcp(Token.asNumber({ Ref: 'port' })));
    sg.addIngressRule(Peer.securityGroupId(Token.asString({ Ref: 'sg' })), Port.tcp(443));
    expect(Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'))).toHaveLength(2);
  });
});
