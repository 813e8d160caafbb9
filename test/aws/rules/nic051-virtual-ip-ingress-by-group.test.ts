import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { MarkerRole, MarkerTag } from '../../../lib/aws/marker-tags';
import { NetworkInterface as LibraryNetworkInterface } from '../../../lib/aws/network-interface';
import { Peer } from '../../../lib/aws/security/peer';
import { Port } from '../../../lib/aws/security/port';
import { SecurityGroup as LibrarySecurityGroup } from '../../../lib/aws/security/security-group';
import { SubnetReference } from '../../../lib/aws/subnet-reference';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const VIP_TAGS = { [MarkerTag.role]: MarkerRole.virtualIp, [MarkerTag.virtualIps]: '10.0.0.50' };

/** A VIP-carrying interface (or a plain one) with security group `vip-sg`, plus a client group. */
function vipCarrier(stack: TerraformStack, tags: Record<string, string> = VIP_TAGS): { vipSg: SecurityGroup; clients: SecurityGroup } {
  const { vpc, subnets } = testNetwork(stack);
  const vipSg = new SecurityGroup(stack, 'vip-sg', { vpcId: vpc.id });
  const clients = new SecurityGroup(stack, 'clients', { vpcId: vpc.id });
  new NetworkInterface(stack, 'active', { subnetId: subnets[0].id, securityGroups: [vipSg.id], tags });
  return { vipSg, clients };
}

describe('NIC051 ingress to a virtual IP by security group', () => {
  test('passes when the clients of the virtual IP are allowed by CIDR, and for VRRP between the peers by group', () => {
    // GIVEN
    const stack = testStack();
    const { vipSg } = vipCarrier(stack);
    new VpcSecurityGroupIngressRule(stack, 'https', { securityGroupId: vipSg.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '10.0.0.0/16' });
    new VpcSecurityGroupIngressRule(stack, 'vrrp', { securityGroupId: vipSg.id, ipProtocol: '112', referencedSecurityGroupId: vipSg.id });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC051')).toEqual([]);
  });

  test('passes when the group referencing another group is on an interface without a virtual IP', () => {
    const stack = testStack();
    const { vipSg, clients } = vipCarrier(stack, { Name: 'web' });
    new VpcSecurityGroupIngressRule(stack, 'https', { securityGroupId: vipSg.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, referencedSecurityGroupId: clients.id });
    expect(checkStack(stack).of('NIC051')).toEqual([]);
  });

  test('fails when a group of a virtual IP interface admits a source security group', () => {
    // GIVEN
    const stack = testStack();
    const { vipSg, clients } = vipCarrier(stack);
    new VpcSecurityGroupIngressRule(stack, 'https', { securityGroupId: vipSg.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, referencedSecurityGroupId: clients.id });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.warnings('NIC051').map((f) => [f.path, f.message])).toEqual([[
      'stack/https',
      '[NIC051] ingress rule "https" allows "${aws_security_group.clients.id}" into security group "vip-sg", which eni "active" uses to carry a virtual IP: '
        + 'a virtual IP belongs to no security group, so this rule does not follow it. '
        + 'Fix: allow the clients of the virtual IP by CIDR (cidr_blocks / cidr_ipv4), for example the subnets they live in. '
        + 'See https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html#security-group-referencing',
    ]]);
  });

  test('fails for inline rules with security_groups or self, and for aws_security_group_rule', () => {
    const stack = testStack();
    const { vpc, subnets } = testNetwork(stack);
    const clients = new SecurityGroup(stack, 'clients', { vpcId: vpc.id });
    const inline = new SecurityGroup(stack, 'inline', {
      vpcId: vpc.id,
      ingress: [
        { protocol: 'tcp', fromPort: 80, toPort: 80, securityGroups: [clients.id] },
        { protocol: 'tcp', fromPort: 8080, toPort: 8080, selfAttribute: true },
      ],
    });
    const separate = new SecurityGroup(stack, 'separate', { vpcId: vpc.id });
    new SecurityGroupRule(stack, 'rule', { type: 'ingress', securityGroupId: separate.id, protocol: 'tcp', fromPort: 5432, toPort: 5432, sourceSecurityGroupId: clients.id });
    new SecurityGroupRule(stack, 'peers', { type: 'ingress', securityGroupId: separate.id, protocol: 'tcp', fromPort: 6379, toPort: 6379, selfAttribute: true });
    new NetworkInterface(stack, 'active', { subnetId: subnets[0].id, securityGroups: [inline.id, separate.id], tags: VIP_TAGS });
    expect(checkStack(stack).warnings('NIC051').map((f) => [f.path, f.message.split(' into')[0]])).toEqual([
      ['stack/inline', '[NIC051] an inline ingress rule of security group "inline" allows "${aws_security_group.clients.id}"'],
      ['stack/inline', '[NIC051] an inline ingress rule of security group "inline" allows its own group (self = true)'],
      ['stack/rule', '[NIC051] security group rule "rule" allows "${aws_security_group.clients.id}"'],
      ['stack/peers', '[NIC051] security group rule "peers" allows its own group (self = true)'],
    ]);
  });

  test('fails for the library constructs: a peer security group on a virtual IP interface', () => {
    const stack = testStack();
    const { vpc, subnets } = testNetwork(stack);
    const sg = new LibrarySecurityGroup(stack, 'vip-sg', { vpcId: vpc.id });
    const clients = new LibrarySecurityGroup(stack, 'clients', { vpcId: vpc.id });
    sg.addIngressRule(Peer.securityGroup(clients), Port.tcp(443), { id: 'from-clients' });
    new LibraryNetworkInterface(stack, 'active', { subnet: SubnetReference.fromSubnet(subnets[0]), securityGroupIds: [sg.securityGroupId], tags: VIP_TAGS });
    expect(checkStack(stack).warnings('NIC051').map((f) => f.path)).toEqual(['stack/vip-sg/from-clients']);
  });

  describe('cannot verify', () => {
    test('reports INFO, not a pass or a fail, when the interface security group is only known at deploy time', () => {
      // GIVEN
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const sg = new TerraformVariable(stack, 'sg', { type: 'string' });
      new NetworkInterface(stack, 'active', { subnetId: subnets[0].id, securityGroups: [sg.stringValue], tags: VIP_TAGS });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.warnings('NIC051')).toEqual([]);
      expect(findings.cannotVerify('NIC051').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([
        ['stack/active', 'a security group of eni "active" is "${var.sg}", an input variable, only known at deploy time.'],
      ]);
    });

    test('reports INFO when the role tag is only known at deploy time', () => {
      const stack = testStack();
      const role = new TerraformVariable(stack, 'role', { type: 'string' });
      vipCarrier(stack, { [MarkerTag.role]: role.stringValue });
      const findings = checkStack(stack);
      expect(findings.cannotVerify('NIC051')[0].message).toMatch(/its nic-patterns:role tag is "\$\{var\.role\}", an input variable, only known at deploy time/);
    });
  });

  test('a suppression with a reason silences it and is recorded in the report', () => {
    // GIVEN
    const stack = testStack();
    const { vipSg, clients } = vipCarrier(stack);
    const rule = new VpcSecurityGroupIngressRule(stack, 'https', { securityGroupId: vipSg.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, referencedSecurityGroupId: clients.id });
    NetworkSuppressions.addSuppressions(rule, [{ id: 'NIC051', reason: 'clients reach the primary address, not the VIP' }]);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC051')).toEqual([]);
    expect(findings.suppressed('NIC051')).toEqual([expect.objectContaining({ path: 'stack/https', level: 'WARNING' })]);
  });
});
