import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkInterface as LibraryNetworkInterface } from '../../../lib/aws/network-interface';
import { Peer } from '../../../lib/aws/security/peer';
import { Port } from '../../../lib/aws/security/port';
import { SecurityGroup as LibrarySecurityGroup } from '../../../lib/aws/security/security-group';
import { SubnetReference } from '../../../lib/aws/subnet-reference';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** A security group `admin` applied to an interface `web`. */
function groupOnInterface(stack: TerraformStack): SecurityGroup {
  const { vpc, subnets } = testNetwork(stack);
  const sg = new SecurityGroup(stack, 'admin', { vpcId: vpc.id });
  new NetworkInterface(stack, 'web', { subnetId: subnets[0].id, securityGroups: [sg.id] });
  return sg;
}

interface RuleConfig {
  readonly ipProtocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidrIpv4?: string;
}

function ingress(stack: TerraformStack, sg: SecurityGroup, id: string, config: RuleConfig): VpcSecurityGroupIngressRule {
  return new VpcSecurityGroupIngressRule(stack, id, { securityGroupId: sg.id, ...config });
}

describe('NIC070 SSH/RDP open to the internet', () => {
  test('passes for SSH from an admin range, HTTPS from anywhere, and a world-open group applied to nothing', () => {
    // GIVEN
    const stack = testStack();
    const sg = groupOnInterface(stack);
    ingress(stack, sg, 'ssh', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '203.0.113.0/24' });
    ingress(stack, sg, 'https', { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0' });
    ingress(stack, sg, 'dns', { ipProtocol: 'udp', fromPort: 0, toPort: 65535, cidrIpv4: '0.0.0.0/0' });
    const unused = new SecurityGroup(stack, 'unused', { vpcId: sg.vpcId });
    ingress(stack, unused, 'unused-ssh', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC070')).toEqual([]);
  });

  test('fails when SSH is open to 0.0.0.0/0 on a group of an interface', () => {
    // GIVEN
    const stack = testStack();
    ingress(stack, groupOnInterface(stack), 'ssh', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC070').map((f) => [f.path, f.message])).toEqual([[
      'stack/ssh',
      '[NIC070] ingress rule "ssh" allows TCP 22 from "0.0.0.0/0" into security group "admin", used by eni "web": SSH (TCP 22) open to the whole internet. '
        + 'Fix: allow administration only from your admin CIDR, a prefix list or a bastion\'s security group (or use Session Manager); '
        + 'if the exposure is intended, suppress NIC070 on the rule with the reason. '
        + 'See https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    ]]);
  });

  test('fails for RDP over IPv6, port ranges and all traffic, inline and aws_security_group_rule, on an instance', () => {
    const stack = testStack();
    const { vpc, subnets } = testNetwork(stack);
    const inline = new SecurityGroup(stack, 'inline', {
      vpcId: vpc.id,
      ingress: [
        { protocol: 'tcp', fromPort: 3000, toPort: 4000, ipv6CidrBlocks: ['::/0'] },
        { protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['10.0.0.0/8', '0.0.0.0/0'] },
      ],
    });
    const separate = new SecurityGroup(stack, 'separate', { vpcId: vpc.id });
    new SecurityGroupRule(stack, 'range', { type: 'ingress', securityGroupId: separate.id, protocol: '6', fromPort: 1, toPort: 1024, cidrBlocks: ['0.0.0.0/0'] });
    new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id, vpcSecurityGroupIds: [inline.id, separate.id] });
    expect(checkStack(stack).errors('NIC070').map((f) => [f.path, f.message.split('. Fix')[0]])).toEqual([
      ['stack/inline', '[NIC070] an inline ingress rule of security group "inline" allows TCP 3000-4000 from "::/0" into security group "inline", '
        + 'used by the primary interface of instance "host": RDP (TCP 3389) open to the whole internet'],
      ['stack/inline', '[NIC070] an inline ingress rule of security group "inline" allows all traffic from "0.0.0.0/0" into security group "inline", '
        + 'used by the primary interface of instance "host": SSH (TCP 22) and RDP (TCP 3389) open to the whole internet'],
      ['stack/range', '[NIC070] security group rule "range" allows TCP 1-1024 from "0.0.0.0/0" into security group "separate", '
        + 'used by the primary interface of instance "host": SSH (TCP 22) open to the whole internet'],
    ]);
  });

  test('records the library SecurityGroup\'s explicit opt-in as a suppression with its reason', () => {
    // GIVEN administration from the internet allowed explicitly on the construct
    const stack = testStack();
    const { vpc, subnets } = testNetwork(stack);
    const sg = new LibrarySecurityGroup(stack, 'admin', { vpcId: vpc.id });
    sg.addIngressRule(Peer.anyIpv4(), Port.tcp(22), { id: 'ssh', allowAdministrationFromInternet: true });
    new LibraryNetworkInterface(stack, 'web', { subnet: SubnetReference.fromSubnet(subnets[0]), securityGroupIds: [sg.securityGroupId] });
    // WHEN
    const findings = checkStack(stack);
    // THEN the finding is kept in the report, suppressed with the reason, and fails nothing
    expect(findings.errors('NIC070')).toEqual([]);
    expect(findings.suppressed('NIC070').map((f) => [f.path, f.suppressionReason])).toEqual([
      ['stack/admin/ssh', 'allowAdministrationFromInternet: true was set on this rule by its author'],
    ]);
  });

  test('fails for the library SecurityGroup when another rule of it opens SSH without the opt-in', () => {
    // GIVEN a raw rule added to the library group, bypassing its construction-time check
    const stack = testStack();
    const { vpc, subnets } = testNetwork(stack);
    const sg = new LibrarySecurityGroup(stack, 'admin', { vpcId: vpc.id });
    new VpcSecurityGroupIngressRule(stack, 'raw-ssh', { securityGroupId: sg.securityGroupId, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' });
    new LibraryNetworkInterface(stack, 'web', { subnet: SubnetReference.fromSubnet(subnets[0]), securityGroupIds: [sg.securityGroupId] });
    // WHEN / THEN
    expect(checkStack(stack).errors('NIC070').map((f) => f.path)).toEqual(['stack/raw-ssh']);
  });

  describe('cannot verify', () => {
    test('reports INFO, not a pass or a fail, when the port of a world-open rule is only known at deploy time', () => {
      // GIVEN
      const stack = testStack();
      const port = new TerraformVariable(stack, 'port', { type: 'number' });
      ingress(stack, groupOnInterface(stack), 'svc', { ipProtocol: 'tcp', fromPort: port.numberValue, toPort: port.numberValue, cidrIpv4: '0.0.0.0/0' });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC070')).toEqual([]);
      expect(findings.cannotVerify('NIC070').map((f) => [f.path, f.message.split('): ').slice(1).join('): ').split(' See')[0]])).toEqual([
        ['stack/svc', 'the ports of ingress rule "svc", open to "0.0.0.0/0" is "${var.port}", an input variable, only known at deploy time.'],
      ]);
    });

    test('reports INFO when the source of an SSH rule is only known at deploy time', () => {
      const stack = testStack();
      const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
      ingress(stack, groupOnInterface(stack), 'ssh', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: cidr.stringValue });
      const findings = checkStack(stack);
      expect(findings.errors('NIC070')).toEqual([]);
      expect(findings.cannotVerify('NIC070')[0].message).toMatch(/the source of ingress rule "ssh", which allows SSH is "\$\{var\.cidr\}"/);
    });

    test('reports INFO when the CIDR list of an inline SSH rule is only known at deploy time', () => {
      const stack = testStack();
      const { vpc, subnets } = testNetwork(stack);
      const cidrs = new TerraformVariable(stack, 'admin_cidrs', { type: 'list(string)' });
      const sg = new SecurityGroup(stack, 'admin', { vpcId: vpc.id, ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: cidrs.listValue }] });
      new NetworkInterface(stack, 'web', { subnetId: subnets[0].id, securityGroups: [sg.id] });
      const findings = checkStack(stack);
      expect(findings.errors('NIC070')).toEqual([]);
      expect(findings.cannotVerify('NIC070').map((f) => f.path)).toEqual(['stack/admin']);
      expect(findings.cannotVerify('NIC070')[0].message).toMatch(/the source of an inline ingress rule of security group "admin", which allows SSH is "\$\{var\.admin_cidrs\}"/);
    });
  });

  test('a suppression with a reason silences it and is recorded in the report', () => {
    // GIVEN
    const stack = testStack();
    const rule = ingress(stack, groupOnInterface(stack), 'ssh', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' });
    NetworkSuppressions.addSuppressions(rule, [{ id: 'NIC070', reason: 'short-lived lab host, key-only SSH' }]);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC070')).toEqual([]);
    expect(findings.suppressed('NIC070')).toEqual([expect.objectContaining({ path: 'stack/ssh', level: 'ERROR', suppressionReason: 'short-lived lab host, key-only SSH' })]);
  });
});
