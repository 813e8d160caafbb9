import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { TerraformVariable, Testing } from 'cdktf';
import { InstanceReference, Ipv4Assignment, Peer, Port, SubnetReference } from '../../../lib';
import {
  DualHomedInstance, DualHomedInstanceProps, DualHomedInterfaceOptions,
} from '../../../lib/aws/patterns/dual-homed-instance';
import { expectConstraintError, networkStack, resourcesOf } from '../fixtures';

const AMI = 'ami-0123456789abcdef0';

/** Web (10.0.1.0/24), app (10.0.2.0/24) and db (10.0.3.0/24) subnets of one VPC in us-east-1a. */
function setup() {
  const fixture = networkStack();
  const subnetC = new Subnet(fixture.stack, 'subnet-c', { vpcId: fixture.vpc.id, cidrBlock: '10.0.3.0/24', availabilityZone: 'us-east-1a' });
  const tiers: DualHomedInterfaceOptions[] = [
    { name: 'web', subnet: SubnetReference.fromSubnet(fixture.subnetA), ingressRules: [{ peer: Peer.anyIpv4(), port: Port.tcp(443) }] },
    { name: 'app', subnet: SubnetReference.fromSubnet(fixture.subnetB), ingressRules: [{ peer: Peer.ipv4('10.0.1.0/24'), port: Port.tcp(8080) }] },
    { name: 'db', subnet: SubnetReference.fromSubnet(subnetC) },
  ];
  const dualHomed = (props: Partial<DualHomedInstanceProps> = {}) =>
    new DualHomedInstance(fixture.stack, 'tiers', { interfaces: tiers, instanceType: 'm5.large', ami: AMI, ...props });
  return { ...fixture, subnetC, tiers, dualHomed };
}

const ref = (construct: { friendlyUniqueId: string }, type: string, attribute = 'id') =>
  `\${${type}.${construct.friendlyUniqueId}.${attribute}}`;

const existing = (instanceType = 'm5.large') =>
  InstanceReference.fromInstanceId('i-0123456789abcdef0', { instanceType, availabilityZone: 'us-east-1a' });

describe('DualHomedInstance', () => {
  test('launches an instance whose eth0 is the first named interface, the others at device indexes 1, 2', () => {
    // GIVEN / WHEN three tiers on an m5.large
    const { stack, dualHomed } = setup();
    const tiers = dualHomed();
    // THEN
    const instance = resourcesOf(stack, 'aws_instance')[tiers.instance!.resource.friendlyUniqueId];
    expect(instance.network_interface).toEqual([
      { device_index: 0, network_interface_id: ref(tiers.networkInterface('web').resource, 'aws_network_interface') },
    ]);
    expect(Object.values(resourcesOf(stack, 'aws_network_interface_attachment')).map((a) => [a.device_index, a.network_interface_id]))
      .toEqual([
        [1, ref(tiers.networkInterface('app').resource, 'aws_network_interface')],
        [2, ref(tiers.networkInterface('db').resource, 'aws_network_interface')],
      ]);
    expect(tiers.interfaceNames).toEqual(['web', 'app', 'db']);
    expect(tiers.networkInterfaces.map((nic) => nic.subnet.subnetId))
      .toEqual(['web', 'app', 'db'].map((name) => tiers.networkInterface(name).subnet.subnetId));
    expect(tiers.attachments).toHaveLength(2);
    expect(tiers.interfaceNames.map((name) => tiers.deviceIndexOf(name))).toEqual([0, 1, 2]);
  });

  test('gives each interface its own security group with its own inbound rules', () => {
    const { stack, dualHomed } = setup();
    const tiers = dualHomed();
    const nics = resourcesOf(stack, 'aws_network_interface');
    for (const name of ['web', 'app', 'db']) {
      expect(nics[tiers.networkInterface(name).resource.friendlyUniqueId].security_groups)
        .toEqual([ref(tiers.securityGroup(name)!.resource, 'aws_security_group')]);
    }
    const rules = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'));
    const rulesOf = (name: string) => rules.filter((r) => r.security_group_id === ref(tiers.securityGroup(name)!.resource, 'aws_security_group'));
    expect(rulesOf('web')).toEqual([expect.objectContaining({ cidr_ipv4: '0.0.0.0/0', from_port: 443 })]);
    expect(rulesOf('app')).toEqual([expect.objectContaining({ cidr_ipv4: '10.0.1.0/24', from_port: 8080 })]);
    // No rule: the db interface accepts nothing until rules are added (never the VPC's default group).
    expect(rulesOf('db')).toEqual([]);
    expect(tiers.securityGroups).toHaveLength(3);
  });

  test('uses only the given security groups when an interface has no rules', () => {
    const { stack, tiers, dualHomed } = setup();
    const withIds = dualHomed({ interfaces: [tiers[0], { ...tiers[2], securityGroupIds: ['sg-0123456789abcdef0'] }] });
    expect(withIds.securityGroup('db')).toBeUndefined();
    expect(resourcesOf(stack, 'aws_network_interface')[withIds.networkInterface('db').resource.friendlyUniqueId].security_groups)
      .toEqual(['sg-0123456789abcdef0']);
  });

  test('puts the created group first, then the given ones, when an interface has both', () => {
    const { stack, tiers, dualHomed } = setup();
    const both = dualHomed({ interfaces: [tiers[0], { ...tiers[1], securityGroupIds: ['sg-0123456789abcdef0'] }] });
    expect(resourcesOf(stack, 'aws_network_interface')[both.networkInterface('app').resource.friendlyUniqueId].security_groups)
      .toEqual([ref(both.securityGroup('app')!.resource, 'aws_security_group'), 'sg-0123456789abcdef0']);
  });

  test('joins security groups known only at deploy time after the created group, with concat', () => {
    // GIVEN an interface with rules and one without, each with groups from a variable
    const { stack, tiers, dualHomed } = setup();
    const groups = new TerraformVariable(stack, 'sgs', { type: 'list(string)' }).listValue;
    // WHEN
    const both = dualHomed({ interfaces: [{ ...tiers[1], securityGroupIds: groups }, { ...tiers[2], securityGroupIds: groups }] });
    // THEN both get a group of their own (the list may be empty at deploy time) and Terraform joins the list to it
    const nics = resourcesOf(stack, 'aws_network_interface');
    for (const name of ['app', 'db']) {
      expect(nics[both.networkInterface(name).resource.friendlyUniqueId].security_groups)
        .toBe(`\${concat([aws_security_group.${both.securityGroup(name)!.resource.friendlyUniqueId}.id], var.sgs)}`);
    }
  });

  test('writes fixed addresses when given and lets AWS pick them otherwise', () => {
    const { stack, tiers, dualHomed } = setup();
    const fixed = dualHomed({ interfaces: [tiers[0], { ...tiers[1], privateIpv4: Ipv4Assignment.addresses('10.0.2.10') }] });
    const nics = resourcesOf(stack, 'aws_network_interface');
    expect(nics[fixed.networkInterface('app').resource.friendlyUniqueId].private_ip_list).toEqual(['10.0.2.10']);
    expect(nics[fixed.networkInterface('web').resource.friendlyUniqueId]).not.toHaveProperty('private_ip_list');
  });

  test('with an existing instance attaches every named interface from device index 1', () => {
    // GIVEN an instance created elsewhere
    const { stack, tiers, dualHomed } = setup();
    // WHEN two tiers are added to it
    const added = dualHomed({ interfaces: tiers.slice(1), instanceType: undefined, ami: undefined, existingInstance: existing() });
    // THEN
    expect(added.instance).toBeUndefined();
    expect(Object.values(resourcesOf(stack, 'aws_network_interface_attachment')).map((a) => [a.instance_id, a.device_index]))
      .toEqual([['i-0123456789abcdef0', 1], ['i-0123456789abcdef0', 2]]);
    expect([added.deviceIndexOf('app'), added.deviceIndexOf('db')]).toEqual([1, 2]);
  });

  test('with an existing instance accepts a single interface (the instance has its own eth0)', () => {
    const { stack, tiers, dualHomed } = setup();
    dualHomed({ interfaces: [tiers[2]], instanceType: undefined, ami: undefined, existingInstance: existing(), firstDeviceIndex: 2 });
    expect(Object.values(resourcesOf(stack, 'aws_network_interface_attachment')).map((a) => a.device_index)).toEqual([2]);
  });

  test('spans two VPCs of one Availability Zone, each group in its interface\'s VPC', () => {
    // GIVEN a second VPC whose CIDR overlaps the first one
    const { stack, tiers, dualHomed } = setup();
    const otherVpc = new Vpc(stack, 'other-vpc', { cidrBlock: '10.0.0.0/16' });
    const otherSubnet = new Subnet(stack, 'other-subnet', { vpcId: otherVpc.id, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a' });
    // WHEN
    const crossVpc = dualHomed({ interfaces: [tiers[0], { name: 'partner', subnet: SubnetReference.fromSubnet(otherSubnet) }] });
    // THEN
    const groups = resourcesOf(stack, 'aws_security_group');
    expect(groups[crossVpc.securityGroup('web')!.resource.friendlyUniqueId].vpc_id).toBe('${aws_vpc.vpc.id}');
    expect(groups[crossVpc.securityGroup('partner')!.resource.friendlyUniqueId].vpc_id).toBe('${aws_vpc.other-vpc.id}');
  });

  test('accepts two interfaces in one subnet when explicitly allowed', () => {
    const { stack, tiers, dualHomed } = setup();
    dualHomed({ interfaces: [tiers[0], { ...tiers[1], subnet: tiers[0].subnet }], allowSameSubnet: true });
    expect(Object.keys(resourcesOf(stack, 'aws_network_interface'))).toHaveLength(2);
  });

  test('synthesizes token subnet ids and zones without errors', () => {
    // GIVEN subnets known only at deploy time
    const { stack, dualHomed } = setup();
    const variable = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    const subnet = (name: string) => SubnetReference.fromSubnetId(variable(`${name}_id`), {
      ipv4CidrBlock: variable(`${name}_cidr`), availabilityZone: variable(`${name}_az`), vpcId: variable(`${name}_vpc`),
    });
    // WHEN
    const tiers = dualHomed({ interfaces: [{ name: 'front', subnet: subnet('front') }, { name: 'back', subnet: subnet('back') }] });
    // THEN
    const nics = JSON.parse(Testing.synth(stack)).resource.aws_network_interface;
    expect(nics[tiers.networkInterface('back').resource.friendlyUniqueId].subnet_id).toBe('${var.back_id}');
  });

  test('synthesizes a typical three-tier dual-homed instance (snapshot)', () => {
    const { stack, dualHomed } = setup();
    dualHomed({ tags: { Scenario: 'dual-homed-instance' } });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('fails when two interfaces are in the same subnet, pointing to secondary addresses', () => {
    const { tiers, dualHomed } = setup();
    const shared = () => SubnetReference.fromSubnetId('subnet-0a', { vpcId: 'vpc-0a' });
    expectConstraintError(
      () => dualHomed({ interfaces: [tiers[0], { ...tiers[1], subnet: shared() }, { ...tiers[2], subnet: shared() }] }),
      'InterfacesInSameSubnet', ['app and db', 'subnet-0a', 'secondary private IPv4', 'allowSameSubnet'],
    );
  });

  test('fails when two interfaces use one subnet through separate references (token ids)', () => {
    const { subnetA, tiers, dualHomed } = setup();
    expectConstraintError(
      () => dualHomed({ interfaces: [tiers[0], { ...tiers[1], subnet: SubnetReference.fromSubnet(subnetA) }] }),
      'InterfacesInSameSubnet', ['web and app', 'aws_subnet.subnet-a.id'],
    );
  });

  test('fails when the subnets are in different Availability Zones', () => {
    const { stack, vpc, tiers, dualHomed } = setup();
    const elsewhere = new Subnet(stack, 'subnet-d', { vpcId: vpc.id, cidrBlock: '10.0.4.0/24', availabilityZone: 'us-east-1b' });
    expectConstraintError(
      () => dualHomed({ interfaces: [...tiers, { name: 'backup', subnet: SubnetReference.fromSubnet(elsewhere) }] }),
      'SubnetZoneMismatch', ['web in us-east-1a', 'backup in us-east-1b'],
    );
  });

  test('fails when the instance type takes fewer interfaces than declared', () => {
    // GIVEN a t3.micro, which takes 2 interfaces, WHEN three are declared THEN the third is refused
    const { dualHomed } = setup();
    expectConstraintError(() => dualHomed({ instanceType: 't3.micro' }), 'TooManyInterfaces', ['test/tiers/dbInterface', 'at most 2 on t3.micro']);
  });

  test('fails when an existing instance would take more interfaces than its type allows', () => {
    const { tiers, dualHomed } = setup();
    expectConstraintError(
      () => dualHomed({ interfaces: tiers.slice(1), instanceType: undefined, ami: undefined, existingInstance: existing('t3.micro') }),
      'TooManyInterfaces', ['at most 2 on t3.micro'],
    );
  });

  test('fails when two interfaces have the same name', () => {
    const { tiers, dualHomed } = setup();
    expectConstraintError(() => dualHomed({ interfaces: [tiers[0], { ...tiers[1], name: 'web' }] }), 'DuplicateInterfaceName', ['"web"']);
  });

  test.each(['', '1st', 'web tier', 'a/b'])('fails when an interface name is %j', (name) => {
    const { tiers, dualHomed } = setup();
    expectConstraintError(() => dualHomed({ interfaces: [tiers[0], { ...tiers[1], name }] }), 'InvalidInterfaceName', [JSON.stringify(name)]);
  });

  test('fails when a launched instance would have a single interface', () => {
    const { tiers, dualHomed } = setup();
    expectConstraintError(() => dualHomed({ interfaces: [tiers[0]] }), 'TooFewInterfaces', ['at least 2']);
  });

  test('fails when no interface is given for an existing instance', () => {
    const { dualHomed } = setup();
    expectConstraintError(
      () => dualHomed({ interfaces: [], instanceType: undefined, ami: undefined, existingInstance: existing() }),
      'TooFewInterfaces', ['at least 1'],
    );
  });

  test('fails when an unknown interface name is looked up', () => {
    const { dualHomed } = setup();
    const tiers = dualHomed();
    expectConstraintError(() => tiers.networkInterface('cache'), 'UnknownInterfaceName', ['"cache"', 'one of web, app, db']);
    expectConstraintError(() => tiers.deviceIndexOf('cache'), 'UnknownInterfaceName', ['"cache"']);
  });

  test('fails when an interface rule opens SSH to the internet', () => {
    const { tiers, dualHomed } = setup();
    expectConstraintError(
      () => dualHomed({ interfaces: [tiers[0], { ...tiers[1], ingressRules: [{ peer: Peer.anyIpv4(), port: Port.tcp(22) }] }] }),
      'AdminPortOpenToInternet',
    );
  });

  test('fails when both an existing instance and an instance to launch are given', () => {
    const { dualHomed } = setup();
    expectConstraintError(() => dualHomed({ existingInstance: existing() }), 'ConflictingInstanceProps', ['instanceType, ami']);
  });
});
