import { Fn, TerraformVariable, Testing, Token } from 'cdktf';
import { Peer, Port, SecurityGroup } from '../../../lib';
import { findSuppression } from '../../../lib/core/suppression-marks';
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

  describe('the whole internet, however it is written', () => {
    test.each([
      ['::0/0', Peer.ipv6('::0/0')],
      ['0::0/0', Peer.ipv6('0::0/0')],
      ['0:0:0:0:0:0:0:0/0', Peer.ipv6('0:0:0:0:0:0:0:0/0')],
    ])('fails when SSH is opened to %s', (_written, peer) => {
      // GIVEN a group WHEN SSH is allowed from a spelling of ::/0 THEN it is refused like ::/0
      const { sg } = group();
      expectConstraintError(() => sg.addIngressRule(peer, Port.tcp(22)), 'AdminPortOpenToInternet', ['SSH']);
    });

    test.each([
      ['0.0.0.0/0', true, Peer.ipv4('0.0.0.0/0')],
      ['::0/0', true, Peer.ipv6('::0/0')],
      ['an IPv4 /1', false, Peer.ipv4('0.0.0.0/1')],
      ['an IPv6 /0 given as IPv4', false, Peer.ipv4('::/0')],
      ['a token', false, Peer.ipv4(Fn.cidrsubnet('0.0.0.0/0', 0, 0))],
      ['a prefix list', false, Peer.prefixList('pl-12345678')],
    ])('GIVEN %s WHEN asked THEN isInternet is %s', (_case, expected, peer) => {
      expect(peer.isInternet).toBe(expected);
    });

    test('GIVEN SSH opened to ::0/0 on purpose WHEN synthesized THEN the rule records the NIC070 suppression', () => {
      const { sg } = group();
      const rule = sg.addIngressRule(Peer.ipv6('::0/0'), Port.tcp(22), { allowAdministrationFromInternet: true });
      expect(findSuppression(rule, 'NIC070')).toBeDefined();
    });
  });

  describe('names and descriptions', () => {
    const ALL_ALLOWED = 'a-z A-Z 0-9 ._-:/()#,@[]+=&;{}!$*';

    test('GIVEN a name and description of every allowed character, 255 long WHEN synthesized THEN they are kept', () => {
      const { stack, vpc } = networkStack();
      const long = ALL_ALLOWED.padEnd(255, 'x');
      new SecurityGroup(stack, 'g', { vpcId: vpc.id, securityGroupName: long, description: long });
      expect(Object.values(resourcesOf(stack, 'aws_security_group'))[0]).toMatchObject({ name: long, description: long });
    });

    test.each<[string, { securityGroupName?: string; description?: string }, string, string[]]>([
      ['the name is 256 characters long', { securityGroupName: 'a'.repeat(256) }, 'InvalidSecurityGroupName', ['256 characters']],
      ['the name has a character AWS refuses', { securityGroupName: 'web\'s group' }, 'InvalidSecurityGroupName', ['"\'"']],
      ['the name is not ASCII', { securityGroupName: 'wéb' }, 'InvalidSecurityGroupName', ['"é"']],
      ['the name starts with sg-', { securityGroupName: 'sg-web' }, 'InvalidSecurityGroupName', ['"sg-web"']],
      ['the name is empty', { securityGroupName: '' }, 'InvalidSecurityGroupName', ['empty']],
      ['the description is 256 characters long', { description: 'a'.repeat(256) }, 'InvalidSecurityGroupDescription', ['256 characters']],
      ['the description has a character AWS refuses', { description: 'web <-> app' }, 'InvalidSecurityGroupDescription', ['"<"']],
      ['the description is empty', { description: '' }, 'InvalidSecurityGroupDescription', ['empty']],
    ])('fails when %s', (_case, props, code, fragments) => {
      // GIVEN a VPC WHEN a group gets the text THEN it is refused before Terraform sees it
      const { stack, vpc } = networkStack();
      expectConstraintError(() => new SecurityGroup(stack, 'g', { vpcId: vpc.id, ...props }), code, ['test/g', ...fragments]);
    });

    test('GIVEN a name and description known only at deploy time WHEN the group is built THEN nothing is checked', () => {
      const { stack, vpc } = networkStack();
      const text = Fn.lower('SG-<WEB>');
      expect(() => new SecurityGroup(stack, 'g', { vpcId: vpc.id, securityGroupName: text, description: text })).not.toThrow();
    });

    test('fails when a rule description is 256 characters long', () => {
      const { sg } = group();
      expectConstraintError(
        () => sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(80), { description: 'a'.repeat(256) }),
        'InvalidSecurityGroupDescription', ['rule\'s description', '256 characters'],
      );
    });

    test('GIVEN "&" in a rule description WHEN the peer is a CIDR THEN it is kept, and fails when the peer is a group or prefix list', () => {
      const { sg } = group();
      expect(() => sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(80), { description: 'web & app' })).not.toThrow();
      for (const peer of [Peer.securityGroupId('sg-12345678'), Peer.prefixList('pl-12345678')]) {
        expectConstraintError(() => sg.addIngressRule(peer, Port.tcp(80), { description: 'web & app' }), 'InvalidSecurityGroupDescription', ['"&"']);
      }
    });
  });

  describe('protocol numbers', () => {
    test.each([
      ['above 255', 300, '300'],
      ['negative other than -1', -5, '-5'],
      ['not whole', 1.5, '1.5'],
      ['not a number', NaN, 'NaN'],
    ])('fails when the protocol number is %s', (_case, protocol, received) => {
      // GIVEN a group WHEN a rule names a protocol that is no IANA number THEN it is refused
      const { sg } = group();
      expectConstraintError(() => sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.ipProtocol(protocol)), 'InvalidProtocol', [`Received: ${received}.`]);
    });

    test.each([
      [6, 'Port.tcpRange(0, 65535)'],
      [17, 'Port.udpRange(0, 65535)'],
      [1, 'Port.allIcmp()'],
    ])('fails when protocol %s is given without ports', (protocol, fix) => {
      // GIVEN a group WHEN TCP, UDP or ICMP comes by number, without the port range AWS requires THEN it is refused
      const { sg } = group();
      expectConstraintError(() => sg.addEgressRule(Peer.ipv4('10.0.0.0/8'), Port.ipProtocol(protocol)), 'InvalidProtocol', [fix]);
    });

    test.each([[0], [58], [255], [-1]])('GIVEN protocol %s WHEN added THEN it is written as is', (protocol) => {
      const { stack, sg } = group();
      sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.ipProtocol(protocol));
      expect(Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'))).toEqual([
        expect.objectContaining({ ip_protocol: String(protocol) }),
      ]);
    });

    test('GIVEN a protocol number known only at deploy time WHEN synthesized THEN the rule references it', () => {
      const { stack, sg } = group();
      sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.ipProtocol(Token.asNumber(Fn.abs(112))));
      expect(Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'))).toEqual([
        expect.objectContaining({ ip_protocol: '${abs(112)}' }),
      ]);
    });

    test.each([
      [Port.tcp(-1), 'tcp -1--1'],
      [Port.udp(NaN), 'udp NaN-NaN'],
      [Port.tcpRange(0, Infinity), 'tcp 0-Infinity'],
    ])('fails when a port is not a whole number from 0 to 65535 (%s)', (port, received) => {
      const { sg } = group();
      expectConstraintError(() => sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), port), 'InvalidPort', [received]);
    });
  });

  describe('construct ids', () => {
    test.each([
      ['ingress', 'Resource'],
      ['egress', 'Resource'],
      ['ingress', 'Default'],
      ['ingress', ''],
    ])('fails when an %s rule is given the id %j', (direction, id) => {
      // GIVEN a group WHEN a rule takes the group's own id, a reserved one or none THEN it is refused naming the id
      const { sg } = group();
      const add = direction === 'ingress' ? sg.addIngressRule.bind(sg) : sg.addEgressRule.bind(sg);
      expectConstraintError(() => add(Peer.ipv4('10.0.0.0/8'), Port.tcp(80), { id }), 'ConstructIdInUse', [`id ${JSON.stringify(id)}`]);
    });

    test('fails when a rule is given the id of another rule, naming that rule', () => {
      const { sg } = group();
      sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(80), { id: 'Http' });
      expectConstraintError(() => sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(443), { id: 'Http' }), 'ConstructIdInUse', ['"Http"', 'test/web/Http']);
    });

    test('fails when a derived id is the explicit id of another rule', () => {
      // GIVEN a rule named like the id the next rule derives
      const { sg } = group();
      sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(443), { id: 'Ingress-tcp_80-10.0.0.0_8' });
      // WHEN the next rule derives its id THEN the clash is named, not reported as the same rule
      expectConstraintError(() => sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(80)), 'ConstructIdInUse', ['"Ingress-tcp_80-10.0.0.0_8"']);
    });

    test('GIVEN a refused id WHEN the rule is added again with a free id THEN it is created', () => {
      const { stack, sg } = group();
      expect(() => sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(80), { id: 'Resource' })).toThrow();
      sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(80), { id: 'Http' });
      expect(Object.keys(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'))).toHaveLength(1);
    });

    test.each([
      ['under two explicit ids', Peer.ipv4('10.0.0.0/8'), Peer.ipv4('10.0.0.0/8'), { id: 'A' }, { id: 'B' }],
      ['with an IPv6 block written two ways', Peer.ipv6('2600:1F18::/56'), Peer.ipv6('2600:1f18:0::/56'), {}, {}],
      ['with the same group as peer', undefined, undefined, {}, {}],
    ])('fails when the same rule is added twice %s', (_case, first, second, firstOptions, secondOptions) => {
      // GIVEN a rule WHEN a rule that allows the same is added THEN AWS would refuse it, so it is refused here
      const { stack, vpc, sg } = group();
      const lb = new SecurityGroup(stack, 'lb', { vpcId: vpc.id });
      sg.addIngressRule(first ?? Peer.securityGroup(lb), Port.tcp(80), firstOptions);
      expectConstraintError(() => sg.addIngressRule(second ?? Peer.securityGroup(lb), Port.tcp(80), secondOptions), 'DuplicateRule', ['tcp/80']);
    });

    test('GIVEN the same peer and port WHEN added as ingress and as egress THEN both are kept', () => {
      const { stack, sg } = group();
      sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(80));
      sg.addEgressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(80));
      expect(Object.keys(resourcesOf(stack, 'aws_vpc_security_group_egress_rule'))).toHaveLength(2);
    });
  });

  test('fails when the literal end of a port range is invalid, even when the other end is a token', () => {
    // GIVEN
    const { stack } = networkStack();
    const to = new TerraformVariable(stack, 'to', { type: 'number' });
    const dns = new SecurityGroup(stack, 'sg', { vpcId: 'vpc-0123456789abcdef0' });
    // WHEN / THEN
    expect(() => dns.addIngressRule(Peer.ipv4('10.0.0.0/16'), Port.udpRange(1.5, to.numberValue)))
      .toThrow(/^\[InvalidPort\].*udp 1\.5-/);
    expect(() => dns.addIngressRule(Peer.ipv4('10.0.0.0/16'), Port.udpRange(53, to.numberValue))).not.toThrow();
  });
});
