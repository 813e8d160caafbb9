import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceSgAttachment } from '@cdktf/provider-aws/lib/network-interface-sg-attachment';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkInterface as Eni } from '../../../lib/aws/network-interface';
import { SubnetReference } from '../../../lib/aws/subnet-reference';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { RuleLevel } from '../../../lib/checks/rule-level';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** `count` security groups of the test VPC, and its subnet. */
function groups(stack: TerraformStack, count: number): { ids: string[]; subnet: Subnet } {
  const { vpc, subnets } = testNetwork(stack);
  const ids = Array.from({ length: count }, (_, i) => new SecurityGroup(stack, `sg${i}`, { vpcId: vpc.id }).id);
  return { ids, subnet: subnets[0] };
}

describe('NIC012 security groups per interface', () => {
  test('passes for 5 groups, the default quota', () => {
    // GIVEN an interface with 4 groups listed and 1 attached
    const stack = testStack();
    const { ids, subnet } = groups(stack, 5);
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: ids.slice(0, 4) });
    new NetworkInterfaceSgAttachment(stack, 'extra', { networkInterfaceId: eni.id, securityGroupId: ids[4] });
    // WHEN / THEN
    expect(checkStack(stack).of('NIC012')).toEqual([]);
  });

  test('warns when an interface has more groups than the default quota, counting sg attachments', () => {
    // GIVEN 5 groups listed and a 6th attached
    const stack = testStack();
    const { ids, subnet } = groups(stack, 6);
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: ids.slice(0, 5) });
    new NetworkInterfaceSgAttachment(stack, 'extra', { networkInterfaceId: eni.id, securityGroupId: ids[5] });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC012')).toEqual([]);
    expect(findings.warnings('NIC012').map((f) => [f.path, f.message])).toEqual([[
      'stack/eni',
      '[NIC012] eni "eni" has 6 security groups (5 listed on it, 1 security group attachment "extra"), over the default quota of 5 per interface. '
        + 'Fix: merge rules into at most 5 groups, or have the "Security groups per network interface" quota raised (to 16 at most) before deploying. '
        + 'See https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups',
    ]]);
  });

  test('fails with an error over the hard maximum of 16', () => {
    // GIVEN an instance whose own primary interface takes 17 groups
    const stack = testStack();
    const { ids, subnet } = groups(stack, 17);
    new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnet.id, vpcSecurityGroupIds: ids });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.warnings('NIC012')).toEqual([]);
    expect(findings.errors('NIC012').map((f) => [f.path, f.message.split('. Fix:')[0]])).toEqual([[
      'stack/host',
      '[NIC012] the primary interface of instance "host" has 17 security groups (17 listed on it), over the hard maximum of 16 per interface',
    ]]);
  });

  test('counts the same group once', () => {
    const stack = testStack();
    const { ids, subnet } = groups(stack, 5);
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: ids });
    new NetworkInterfaceSgAttachment(stack, 'again', { networkInterfaceId: eni.id, securityGroupId: ids[0] });
    expect(checkStack(stack).of('NIC012')).toEqual([]);
  });

  test('the library constructs: a NetworkInterface with 6 security groups is warned about', () => {
    const stack = testStack();
    const { ids, subnet } = groups(stack, 6);
    new Eni(stack, 'nic', { subnet: SubnetReference.fromSubnet(subnet), securityGroupIds: ids });
    expect(checkStack(stack).warnings('NIC012').map((f) => [f.path, f.message.split(',')[0]])).toEqual([
      ['stack/nic/Resource', '[NIC012] eni "nic" has 6 security groups (6 listed on it)'],
    ]);
  });

  describe('cannot verify', () => {
    test('reports INFO when the list of groups is only known at deploy time', () => {
      // GIVEN
      const stack = testStack();
      const { subnet } = groups(stack, 0);
      const sgs = new TerraformVariable(stack, 'security_groups', { type: 'list(string)' });
      new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: sgs.listValue });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.of('NIC012').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
      expect(findings.cannotVerify('NIC012').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([[
        'stack/eni',
        'security_groups of eni "eni" is "${var.security_groups}", an input variable, only known at deploy time.',
      ]]);
    });

    test('reports INFO when sg attachments have a count known only at deploy time', () => {
      // GIVEN
      const stack = testStack();
      const { ids, subnet } = groups(stack, 1);
      const copies = new TerraformVariable(stack, 'copies', { type: 'number' });
      const eni = new NetworkInterface(stack, 'eni', { subnetId: subnet.id });
      new NetworkInterfaceSgAttachment(stack, 'many', { networkInterfaceId: eni.id, securityGroupId: ids[0], count: copies.numberValue });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.cannotVerify('NIC012').map((f) => [f.path, f.address, f.message.split(' See')[0]])).toEqual([[
        'stack/many',
        'aws_network_interface_sg_attachment.many',
        expect.stringMatching(/is "\$\{var\.copies\}", an input variable, only known at deploy time\.$/),
      ]]);
    });

    test('fails when the copies of sg attachments with a literal count take an interface over the maximum', () => {
      // GIVEN 15 groups listed on the interface and 2 more attached by a count of 2, one group per copy
      const stack = testStack();
      const { ids, subnet } = groups(stack, 17);
      const eni = new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: ids.slice(0, 15) });
      new NetworkInterfaceSgAttachment(stack, 'many', {
        networkInterfaceId: eni.id, securityGroupId: 'sg-0123456789abcdef${count.index}', count: 2,
      });
      // WHEN
      const findings = checkStack(stack);
      // THEN each copy is an attachment of its own, neither repeated nor unknown in number
      expect(findings.cannotVerify('NIC012').map((f) => f.address)).not.toContain('aws_network_interface_sg_attachment.many');
      expect(findings.errors('NIC012').map((f) => [f.address, f.message.split(' Fix')[0]])).toEqual([[
        'aws_network_interface.eni',
        '[NIC012] eni "eni" has 17 security groups (15 listed on it, 1 security group attachment "many[0]", '
          + '1 security group attachment "many[1]"), over the hard maximum of 16 per interface.',
      ]]);
    });

    test('still fails when the known part alone is over the maximum', () => {
      // GIVEN 17 groups listed, and attachments of a group known only at deploy time, with a literal count
      const stack = testStack();
      const { ids, subnet } = groups(stack, 17);
      const more = new TerraformVariable(stack, 'more', { type: 'string' });
      const eni = new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: ids });
      new NetworkInterfaceSgAttachment(stack, 'many', { networkInterfaceId: eni.id, securityGroupId: more.stringValue, count: 2 });
      // WHEN
      const errors = checkStack(stack).errors('NIC012');
      // THEN the copies attach the same group, which counts once
      expect(errors.map((f) => f.message.split(' Fix')[0])).toEqual([
        '[NIC012] eni "eni" has 18 security groups (17 listed on it, 1 security group attachment "many[0]"), over the hard maximum of 16 per interface.',
      ]);
    });
  });

  describe('suppression', () => {
    test('a suppression with a reason silences the quota warning', () => {
      // GIVEN the account's quota was raised, and the interface says so
      const stack = testStack();
      const { ids, subnet } = groups(stack, 8);
      const eni = new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: ids });
      NetworkSuppressions.addSuppressions(eni, [{ id: 'NIC012', reason: 'quota raised to 10 groups per interface (case 123)' }]);
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.of('NIC012')).toEqual([]);
      expect(findings.suppressed('NIC012')).toEqual([expect.objectContaining({ path: 'stack/eni', level: 'WARNING' })]);
    });

    test('fails even when suppressed over the hard maximum: no quota goes beyond 16', () => {
      const stack = testStack();
      const { ids, subnet } = groups(stack, 17);
      const eni = new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: ids });
      NetworkSuppressions.addSuppressions(eni, [{ id: 'NIC012', reason: 'quota raised to 10 groups per interface (case 123)' }]);
      const findings = checkStack(stack);
      expect(findings.suppressed('NIC012')).toEqual([]);
      expect(findings.errors('NIC012').map((f) => f.message)).toEqual([
        expect.stringMatching(/has 17 security groups.*\(The suppression of NIC012 does not apply: AWS rejects this configuration\.\)$/),
      ]);
    });
  });
});
