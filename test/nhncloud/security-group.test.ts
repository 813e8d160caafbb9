import { TerraformVariable, Testing } from 'cdktf';
import { expectConstraintError, nhnNetwork, nhnStack, resourcesOf, variable } from './building-block-fixtures';
import { ErrorCode } from '../../lib/core/error-codes';
import { findSuppression } from '../../lib/core/suppression-marks';
import { Peer, SecurityGroup, Traffic } from '../../lib/nhncloud';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform, synthAndPlanWithStandin } from '../terraform/standin-terraform';

function group() {
  const stack = nhnStack();
  return { stack, sg: new SecurityGroup(stack, 'sg', { securityGroupName: 'web' }) };
}

const rules = (stack: ReturnType<typeof nhnStack>) => Object.values(resourcesOf(stack, 'nhncloud_networking_secgroup_rule_v2'));

describe('SecurityGroup (NHN Cloud)', () => {
  test('synthesizes a group and one rule resource per rule as in the snapshot', () => {
    // GIVEN / WHEN
    const { stack, sg } = group();
    sg.addIngressRule(Peer.anyIpv4(), Traffic.tcp(443), { description: 'HTTPS' });
    sg.addIngressRule(Peer.ipv4('192.168.0.0/16'), Traffic.tcp(22));
    sg.addIngressRule(Peer.securityGroup(sg), Traffic.tcpRange(3389, 3390));
    sg.addEgressRule(Peer.ipv4('10.0.0.0/8'), Traffic.udpRange(1024, 65535));
    sg.addIngressRule(Peer.securityGroupId('sg-bastion'), Traffic.allTraffic());
    sg.addIngressRule(Peer.ipv4('192.168.0.0/16'), Traffic.allIcmp());
    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('writes the direction, IPv4, the protocol, the port range and the peer of each rule', () => {
    // GIVEN / WHEN
    const { stack, sg } = group();
    sg.addIngressRule(Peer.ipv4('192.168.0.100/32'), Traffic.udp(53));
    sg.addEgressRule(Peer.securityGroupId('sg-db'), Traffic.allTraffic());
    expect(rules(stack)).toEqual([
      { security_group_id: expect.stringMatching(/nhncloud_networking_secgroup_v2\./), direction: 'egress', ethertype: 'IPv4', remote_group_id: 'sg-db' },
      { security_group_id: expect.stringMatching(/nhncloud_networking_secgroup_v2\./), direction: 'ingress', ethertype: 'IPv4', protocol: 'udp', port_range_min: 53, port_range_max: 53, remote_ip_prefix: '192.168.0.100/32' },
    ]); // (by construct id: Egress-... before Ingress-...)
  });

  test.each([
    ['SSH', Peer.anyIpv4(), Traffic.tcp(22)],
    ['RDP in a range', Peer.ipv4('0.0.0.0/0'), Traffic.tcpRange(3000, 4000)],
    ['all traffic', Peer.ipv4('0.0.0.0/0'), Traffic.allTraffic()],
  ])('fails when %s is opened to the whole internet', (_name, peer, traffic) => {
    expectConstraintError(() => group().sg.addIngressRule(peer, traffic), ErrorCode.AdminPortOpenToInternet, ['open to the whole internet']);
  });

  test('opens SSH to the internet when asked explicitly, and marks the rule for the NHN Cloud check', () => {
    const { sg } = group();
    const rule = sg.addIngressRule(Peer.anyIpv4(), Traffic.tcp(22), { allowAdministrationFromInternet: true });
    expect(findSuppression(rule, 'NHN070')?.reason).toMatch(/allowAdministrationFromInternet/);
  });

  test('lets SSH egress to the internet, SSH ingress from a range and ICMP from anywhere', () => {
    const { stack, sg } = group();
    sg.addEgressRule(Peer.anyIpv4(), Traffic.tcp(22));
    sg.addIngressRule(Peer.ipv4('203.0.113.0/24'), Traffic.tcp(22));
    sg.addIngressRule(Peer.anyIpv4(), Traffic.allIcmp());
    expect(rules(stack)).toHaveLength(3);
  });

  test('accepts token peers and ports without guessing', () => {
    const { stack, sg } = group();
    const port = new TerraformVariable(stack, 'port', { type: 'number' }).numberValue;
    sg.addIngressRule(Peer.ipv4(variable(stack, 'cidr')), Traffic.tcp(port));
    sg.addIngressRule(Peer.securityGroupId(variable(stack, 'source-sg')), Traffic.tcp(port));
    expect(rules(stack)).toHaveLength(2);
  });

  test('fails when a peer is not an IPv4 CIDR block', () => {
    expectConstraintError(() => group().sg.addIngressRule(Peer.ipv4('192.168.0.0/40'), Traffic.tcp(80)), ErrorCode.InvalidCidr);
    expectConstraintError(() => group().sg.addIngressRule(Peer.ipv4('::/0'), Traffic.tcp(80)), ErrorCode.InvalidCidr, ['IPv4']);
  });

  test('fails when a port range is invalid', () => {
    expectConstraintError(() => group().sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Traffic.tcp(0)), ErrorCode.InvalidPort);
    expectConstraintError(() => group().sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Traffic.udpRange(500, 400)), ErrorCode.InvalidPort);
  });

  test('fails when the same rule is added twice, however the block is written', () => {
    const { sg } = group();
    sg.addIngressRule(Peer.ipv4('192.168.0.0/24'), Traffic.tcp(80));
    expectConstraintError(() => sg.addIngressRule(Peer.ipv4('192.168.0.1/24'), Traffic.tcp(80), { id: 'again' }), ErrorCode.DuplicateRule);
  });

  test('fails when a rule id is taken or reserved', () => {
    const { sg } = group();
    sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Traffic.tcp(80), { id: 'web' });
    expectConstraintError(() => sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Traffic.tcp(81), { id: 'web' }), ErrorCode.ConstructIdInUse);
    expectConstraintError(() => sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Traffic.tcp(82), { id: 'Default' }), ErrorCode.ConstructIdInUse);
  });

  test('fails when props have the wrong type (JavaScript callers)', () => {
    expectConstraintError(() => new SecurityGroup(nhnStack(), 'sg', {} as any), ErrorCode.MissingRequiredProp, ['props.securityGroupName']);
    expectConstraintError(() => group().sg.addIngressRule({ value: '0.0.0.0/0' } as any, Traffic.tcp(80)), ErrorCode.InvalidPropType, ['peer']);
    expectConstraintError(() => group().sg.addIngressRule(Peer.anyIpv4(), Traffic.tcp(80), { description: 'a ${b}' }), ErrorCode.TemplateSequenceInText);
  });
});

describe('Traffic', () => {
  test('covers a TCP port only when its protocol and range do', () => {
    expect(Traffic.allTraffic().coversTcpPort(22)).toBe(true);
    expect(Traffic.tcpRange(20, 30).coversTcpPort(22)).toBe(true);
    expect(Traffic.udp(22).coversTcpPort(22)).toBe(false);
    expect(Traffic.allIcmp().coversTcpPort(22)).toBe(false);
    expect(`${Traffic.allIcmp()} ${Traffic.allTraffic()} ${Traffic.udpRange(1, 2)}`).toBe('icmp all udp/1-2');
  });
});

describeStandinTerraform('SecurityGroup (NHN Cloud) through the stand-in provider', () => {
  test('validates and plans a group with ingress and egress rules of every kind', async () => {
    // WHEN a group is planned against the real schema
    const [plan] = await synthAndPlanWithStandin((app) => {
      const { stack } = nhnNetwork(app);
      const sg = new SecurityGroup(stack, 'sg', { securityGroupName: 'web', description: 'web servers' });
      sg.addIngressRule(Peer.anyIpv4(), Traffic.tcp(443));
      sg.addIngressRule(Peer.securityGroup(sg), Traffic.allTraffic());
      sg.addIngressRule(Peer.ipv4('192.168.0.0/16'), Traffic.allIcmp());
      sg.addEgressRule(Peer.ipv4('10.0.0.0/8'), Traffic.udpRange(1024, 65535));
    });
    // THEN Terraform accepts it, with no warning
    expect(plan.resourceChanges.filter((change) => change.type === 'nhncloud_networking_secgroup_rule_v2')).toHaveLength(4);
    expect(plan.warnings).toEqual([]);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
