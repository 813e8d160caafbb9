import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceSgAttachment } from '@cdktf/provider-aws/lib/network-interface-sg-attachment';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcSecurityGroupVpcAssociation } from '@cdktf/provider-aws/lib/vpc-security-group-vpc-association';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkInterface as Eni } from '../../../lib/aws/network-interface';
import { SecurityGroup as Sg } from '../../../lib/aws/security/security-group';
import { SubnetReference } from '../../../lib/aws/subnet-reference';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** The test network (VPC "vpc", subnet "subnet-a") plus a second VPC "other". */
function twoVpcs(stack: TerraformStack) {
  const { vpc, subnets } = testNetwork(stack);
  const other = new Vpc(stack, 'other', { cidrBlock: '10.1.0.0/16' });
  return { vpc, other, subnet: subnets[0] };
}

describe('NIC011 security groups in the interface\'s VPC', () => {
  test('passes for groups of the interface\'s VPC, on the interface, the instance and an sg attachment', () => {
    // GIVEN groups of "vpc" applied every way to interfaces of "subnet-a" (in "vpc")
    const stack = testStack();
    const { vpc, subnet } = twoVpcs(stack);
    const web = new SecurityGroup(stack, 'web', { vpcId: vpc.id });
    const admin = new SecurityGroup(stack, 'admin', { vpcId: subnet.vpcId });
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: [web.id] });
    new NetworkInterfaceSgAttachment(stack, 'admin-on-eni', { networkInterfaceId: eni.id, securityGroupId: admin.id });
    const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnet.id, vpcSecurityGroupIds: [web.id] });
    new NetworkInterfaceSgAttachment(stack, 'admin-on-host', { networkInterfaceId: host.primaryNetworkInterfaceId, securityGroupId: admin.id });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC011')).toEqual([]);
  });

  test('fails when an interface lists a group of another VPC', () => {
    // GIVEN
    const stack = testStack();
    const { other, subnet } = twoVpcs(stack);
    const foreign = new SecurityGroup(stack, 'foreign', { vpcId: other.id });
    new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: [foreign.id] });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC011').map((f) => [f.path, f.message])).toEqual([[
      'stack/eni',
      '[NIC011] security group "foreign" on eni "eni" belongs to vpc "other", but the interface is in vpc "vpc": '
        + 'a security group can only be applied to interfaces of its own VPC. '
        + 'Fix: apply a security group whose vpc_id is vpc "vpc", the VPC of the interface\'s subnet. '
        + 'See https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html',
    ]]);
  });

  test('fails on the sg attachment that adds a group of another VPC', () => {
    const stack = testStack();
    const { other, subnet } = twoVpcs(stack);
    const foreign = new SecurityGroup(stack, 'foreign', { vpcId: other.id });
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnet.id });
    new NetworkInterfaceSgAttachment(stack, 'attach-sg', { networkInterfaceId: eni.id, securityGroupId: foreign.id });
    expect(checkStack(stack).errors('NIC011').map((f) => f.path)).toEqual(['stack/attach-sg']);
  });

  test('fails on an sg attachment to an instance\'s primary_network_interface_id with a group of another VPC', () => {
    const stack = testStack();
    const { other, subnet } = twoVpcs(stack);
    const foreign = new SecurityGroup(stack, 'foreign', { vpcId: other.id });
    const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnet.id });
    new NetworkInterfaceSgAttachment(stack, 'attach-sg', { networkInterfaceId: host.primaryNetworkInterfaceId, securityGroupId: foreign.id });
    expect(checkStack(stack).errors('NIC011').map((f) => [f.path, f.message.split(' belongs')[0]])).toEqual([
      ['stack/attach-sg', '[NIC011] security group "foreign" on the primary interface of instance "host"'],
    ]);
  });

  test('fails when an instance\'s vpc_security_group_ids include a group of another VPC', () => {
    const stack = testStack();
    const { other, subnet } = twoVpcs(stack);
    const foreign = new SecurityGroup(stack, 'foreign', { vpcId: other.id });
    new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnet.id, vpcSecurityGroupIds: [foreign.id] });
    expect(checkStack(stack).errors('NIC011').map((f) => f.message.split(':')[0])).toEqual([
      '[NIC011] security group "foreign" on the primary interface of instance "host" belongs to vpc "other", but the interface is in vpc "vpc"',
    ]);
  });

  test('fails when a group without vpc_id (the default VPC) is applied to an interface of a created VPC', () => {
    const stack = testStack();
    const { subnet } = twoVpcs(stack);
    const defaultVpcGroup = new SecurityGroup(stack, 'default-vpc-group', {});
    new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: [defaultVpcGroup.id] });
    expect(checkStack(stack).errors('NIC011')[0].message).toMatch(/belongs to the default VPC, but the interface is in vpc "vpc"/);
  });

  test('fails for a launch template interface with a group of another VPC', () => {
    const stack = testStack();
    const { other, subnet } = twoVpcs(stack);
    const foreign = new SecurityGroup(stack, 'foreign', { vpcId: other.id });
    new LaunchTemplate(stack, 'template', { networkInterfaces: [{ deviceIndex: 0, subnetId: subnet.id, securityGroups: [foreign.id] }] });
    expect(checkStack(stack).errors('NIC011').map((f) => f.message.split(' belongs')[0])).toEqual([
      '[NIC011] security group "foreign" on the interface at device index 0 of launch template "template"',
    ]);
  });

  test('passes when the group is associated with the interface\'s VPC', () => {
    // GIVEN a group of "other", associated with "vpc" (security group VPC association)
    const stack = testStack();
    const { vpc, other, subnet } = twoVpcs(stack);
    const shared = new SecurityGroup(stack, 'shared', { vpcId: other.id });
    new VpcSecurityGroupVpcAssociation(stack, 'share', { securityGroupId: shared.id, vpcId: vpc.id });
    new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: [shared.id] });
    // WHEN / THEN
    expect(checkStack(stack).of('NIC011')).toEqual([]);
  });

  test('the library constructs: a SecurityGroup of another VPC on a NetworkInterface fails', () => {
    // GIVEN our NetworkInterface in "subnet-a" (VPC "vpc") with our SecurityGroup of VPC "other"
    const stack = testStack();
    const { vpc, other, subnet } = twoVpcs(stack);
    const own = new Sg(stack, 'own-sg', { vpcId: vpc.id });
    const foreign = new Sg(stack, 'foreign-sg', { vpcId: other.id });
    new Eni(stack, 'ok-nic', { subnet: SubnetReference.fromSubnet(subnet), securityGroupIds: [own.securityGroupId] });
    new Eni(stack, 'bad-nic', { subnet: SubnetReference.fromSubnet(subnet), securityGroupIds: [foreign.securityGroupId] });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC011').map((f) => [f.path, f.message.split(':')[0]])).toEqual([[
      'stack/bad-nic/Resource',
      '[NIC011] security group "foreign-sg" on eni "bad-nic" belongs to vpc "other", but the interface is in vpc "vpc"',
    ]]);
  });

  describe('the default security group of a VPC (default_security_group_id)', () => {
    test('passes for the default group of the interface\'s own VPC', () => {
      // GIVEN
      const stack = testStack();
      const { vpc, subnet } = twoVpcs(stack);
      new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: [vpc.defaultSecurityGroupId] });
      // WHEN
      const findings = checkStack(stack);
      // THEN neither an error nor a "cannot verify"
      expect(findings.of('NIC011')).toEqual([]);
    });

    test('fails when an interface uses the default group of another VPC', () => {
      // GIVEN the default group of "other" on an interface of "subnet-a", in "vpc"
      const stack = testStack();
      const { other, subnet } = twoVpcs(stack);
      new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: [other.defaultSecurityGroupId] });
      // WHEN
      const errors = checkStack(stack).errors('NIC011');
      // THEN
      expect(errors.map((f) => [f.path, f.address, f.message.split(' See')[0]])).toEqual([[
        'stack/eni',
        'aws_network_interface.eni',
        '[NIC011] the default security group of vpc "other" is on eni "eni", which is in vpc "vpc": a security group can only be applied '
          + 'to interfaces of its own VPC. Fix: use the default security group of vpc "vpc" (its default_security_group_id), '
          + 'or move the interface into a subnet of vpc "other".',
      ]]);
    });

    test('fails on the sg attachment that adds the default group of another VPC', () => {
      const stack = testStack();
      const { other, subnet } = twoVpcs(stack);
      const eni = new NetworkInterface(stack, 'eni', { subnetId: subnet.id });
      new NetworkInterfaceSgAttachment(stack, 'attach-sg', { networkInterfaceId: eni.id, securityGroupId: other.defaultSecurityGroupId });
      expect(checkStack(stack).errors('NIC011').map((f) => [f.path, f.address])).toEqual([
        ['stack/attach-sg', 'aws_network_interface_sg_attachment.attach-sg'],
      ]);
    });

    test('reports INFO when the interface\'s subnet is only known at deploy time', () => {
      // GIVEN
      const stack = testStack();
      const { vpc } = twoVpcs(stack);
      const subnetId = new TerraformVariable(stack, 'subnet_id', { type: 'string' });
      new NetworkInterface(stack, 'eni', { subnetId: subnetId.stringValue, securityGroups: [vpc.defaultSecurityGroupId] });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC011')).toEqual([]);
      expect(findings.cannotVerify('NIC011').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([[
        'stack/eni',
        'the subnet (and so the VPC) of eni "eni" is "${var.subnet_id}", an input variable, only known at deploy time.',
      ]]);
    });
    test('reports INFO when the VPC of the interface\'s subnet is only known at deploy time', () => {
      // GIVEN a subnet whose vpc_id is a variable, and the default group of "vpc"
      const stack = testStack();
      const { vpc, subnet } = twoVpcs(stack);
      subnet.vpcId = new TerraformVariable(stack, 'vpc_id', { type: 'string' }).stringValue;
      new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: [vpc.defaultSecurityGroupId] });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC011')).toEqual([]);
      expect(findings.cannotVerify('NIC011').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([[
        'stack/eni',
        'whether the VPC of eni "eni" is vpc "vpc", whose default security group it uses is "${var.vpc_id}", an input variable, only known at deploy time.',
      ]]);
    });
  });

  describe('cannot verify', () => {
    test('reports INFO when the group\'s VPC is only known at deploy time', () => {
      // GIVEN a group whose vpc_id is a variable
      const stack = testStack();
      const { subnet } = twoVpcs(stack);
      const vpcId = new TerraformVariable(stack, 'vpc_id', { type: 'string' });
      const group = new SecurityGroup(stack, 'group', { vpcId: vpcId.stringValue });
      new NetworkInterface(stack, 'eni', { subnetId: subnet.id, securityGroups: [group.id] });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC011')).toEqual([]);
      expect(findings.cannotVerify('NIC011').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([[
        'stack/eni',
        'whether security group "group" is in the VPC of eni "eni" is "${var.vpc_id}", an input variable, only known at deploy time.',
      ]]);
    });

    test('reports INFO for a group given by id and for an interface in a subnet outside the stack', () => {
      const stack = testStack();
      const { vpc, subnet } = twoVpcs(stack);
      const group = new SecurityGroup(stack, 'group', { vpcId: vpc.id });
      new NetworkInterface(stack, 'by-id', { subnetId: subnet.id, securityGroups: ['sg-0123456789abcdef0'] });
      new NetworkInterface(stack, 'elsewhere', { subnetId: 'subnet-0123456789abcdef0', securityGroups: [group.id] });
      const findings = checkStack(stack);
      expect(findings.errors('NIC011')).toEqual([]);
      expect(findings.cannotVerify('NIC011').map((f) => f.path)).toEqual(['stack/by-id', 'stack/elsewhere']);
    });

    test('reports INFO for an sg attachment to an interface outside the stack', () => {
      const stack = testStack();
      const { vpc } = twoVpcs(stack);
      const group = new SecurityGroup(stack, 'group', { vpcId: vpc.id });
      new NetworkInterfaceSgAttachment(stack, 'attach-sg', { networkInterfaceId: 'eni-0123456789abcdef0', securityGroupId: group.id });
      const findings = checkStack(stack);
      expect(findings.errors('NIC011')).toEqual([]);
      expect(findings.cannotVerify('NIC011').map((f) => f.path)).toEqual(['stack/attach-sg']);
    });

    test('passes when the subnet and the group take the VPC from the same variable', () => {
      const stack = testStack();
      const vpcId = new TerraformVariable(stack, 'vpc_id', { type: 'string' });
      const { subnets } = testNetwork(stack);
      subnets[0].vpcId = vpcId.stringValue;
      const group = new SecurityGroup(stack, 'group', { vpcId: vpcId.stringValue });
      new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, securityGroups: [group.id] });
      expect(checkStack(stack).of('NIC011')).toEqual([]);
    });
  });

  test('fails when suppressing it: EC2 rejects a group of another VPC', () => {
    const stack = testStack();
    const { subnet } = twoVpcs(stack);
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnet.id });
    expect(() => NetworkSuppressions.addSuppressions(eni, [{ id: 'NIC011', reason: 'the group is shared with this VPC' }]))
      .toThrow(/\[HardLimitNotSuppressible\].*NIC011/);
  });
});
