import { TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { aliStack, expectConstraintError, resourcesOf } from './building-block-fixtures';
import { Peer, Port, SecurityGroup } from '../../lib/alicloud';
import { ErrorCode } from '../../lib/core/error-codes';
import { findSuppression } from '../../lib/core/suppression-marks';

function group() {
  const stack = aliStack();
  return { stack, sg: new SecurityGroup(stack, 'sg', { vpcId: 'vpc-1', securityGroupName: 'web' }) };
}

describe('SecurityGroup (Alibaba Cloud)', () => {
  test('synthesizes a group and one rule resource per rule as in the snapshot', () => {
    // GIVEN / WHEN
    const { stack, sg } = group();
    sg.addIngressRule(Peer.anyIpv4(), Port.tcp(443), { description: 'HTTPS' });
    sg.addIngressRule(Peer.ipv4('10.0.0.0/16'), Port.tcp(22));
    sg.addIngressRule(Peer.securityGroupId('sg-bastion'), Port.tcpRange(3389, 3390), { priority: 10 });
    sg.addEgressRule(Peer.ipv6('2408:4005::/32'), Port.udpRange(1024, 65535));
    sg.addEgressRule(Peer.prefixList('pl-1'), Port.allTraffic());
    sg.addIngressRule(Peer.ipv4('10.0.0.0/16'), Port.allIcmp());
    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('writes intranet, accept, the port range and the peer attribute of each rule', () => {
    const { stack, sg } = group();
    sg.addIngressRule(Peer.anyIpv6(), Port.udp(53));
    expect(Object.values(resourcesOf(stack, 'alicloud_security_group_rule'))).toEqual([{
      security_group_id: expect.stringMatching(/alicloud_security_group\./),
      type: 'ingress',
      ip_protocol: 'udp',
      port_range: '53/53',
      nic_type: 'intranet',
      policy: 'accept',
      priority: 1,
      ipv6_cidr_ip: '::/0',
    }]);
  });

  test.each([
    ['SSH', Peer.anyIpv4(), Port.tcp(22)],
    ['RDP in a range', Peer.anyIpv6(), Port.tcpRange(3000, 4000)],
    ['all traffic', Peer.ipv4('0.0.0.0/0'), Port.allTraffic()],
  ])('fails when %s is opened to the whole internet', (_name, peer, port) => {
    expectConstraintError(() => group().sg.addIngressRule(peer, port), ErrorCode.AdminPortOpenToInternet, ['open to the whole internet']);
  });

  test('opens SSH to the internet when asked explicitly, and marks the rule for ALI070', () => {
    const { sg } = group();
    const rule = sg.addIngressRule(Peer.anyIpv4(), Port.tcp(22), { allowAdministrationFromInternet: true });
    expect(findSuppression(rule, 'ALI070')?.reason).toMatch(/allowAdministrationFromInternet/);
  });

  test('lets SSH egress to the internet and SSH ingress from a range', () => {
    const { stack, sg } = group();
    sg.addEgressRule(Peer.anyIpv4(), Port.tcp(22));
    sg.addIngressRule(Peer.ipv4('203.0.113.0/24'), Port.tcp(22));
    expect(Object.keys(resourcesOf(stack, 'alicloud_security_group_rule'))).toHaveLength(2);
  });

  test('accepts token peers and ports without guessing', () => {
    const { stack, sg } = group();
    const port = new TerraformVariable(stack, 'port', { type: 'number' }).numberValue;
    sg.addIngressRule(Peer.ipv4(variable(stack, 'cidr')), Port.tcp(port));
    sg.addIngressRule(Peer.securityGroupId(variable(stack, 'source-sg')), Port.tcp(port));
    expect(Object.keys(resourcesOf(stack, 'alicloud_security_group_rule'))).toHaveLength(2);
  });

  test('fails when a peer is not a CIDR block of its family', () => {
    expectConstraintError(() => group().sg.addIngressRule(Peer.ipv4('10.0.0.0/40'), Port.tcp(80)), ErrorCode.InvalidCidr);
    expectConstraintError(() => group().sg.addIngressRule(Peer.ipv6('10.0.0.0/8'), Port.tcp(80)), ErrorCode.InvalidCidr, ['IPv6']);
  });

  test('fails when a port range is invalid', () => {
    expectConstraintError(() => group().sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(0)), ErrorCode.InvalidPort);
    expectConstraintError(() => group().sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.udpRange(500, 400)), ErrorCode.InvalidPort);
  });

  test('fails when the priority is out of 1 to 100', () => {
    expectConstraintError(() => group().sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(80), { priority: 101 }), ErrorCode.InvalidCount);
  });

  test('fails when the same rule is added twice, however the block is written', () => {
    const { sg } = group();
    sg.addIngressRule(Peer.ipv6('2408:4005::/32'), Port.tcp(80));
    expectConstraintError(() => sg.addIngressRule(Peer.ipv6('2408:4005:0::/32'), Port.tcp(80), { id: 'again' }), ErrorCode.DuplicateRule);
  });

  test('fails when a rule id is taken or reserved', () => {
    const { sg } = group();
    sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(80), { id: 'web' });
    expectConstraintError(() => sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(81), { id: 'web' }), ErrorCode.ConstructIdInUse);
    expectConstraintError(() => sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcp(82), { id: 'Default' }), ErrorCode.ConstructIdInUse);
  });

  test('fails when props have the wrong type (JavaScript callers)', () => {
    expectConstraintError(() => new SecurityGroup(aliStack(), 'sg', {} as any), ErrorCode.MissingRequiredProp, ['props.vpcId']);
    expectConstraintError(() => group().sg.addIngressRule({ value: '0.0.0.0/0' } as any, Port.tcp(80)), ErrorCode.InvalidPropType, ['peer']);
    expectConstraintError(() => group().sg.addIngressRule(Peer.anyIpv4(), Port.tcp(80), { description: 'a ${b}' }), ErrorCode.TemplateSequenceInText);
  });
});

function variable(scope: Construct, name: string): string {
  return new TerraformVariable(scope, name, { type: 'string' }).stringValue;
}
