import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { TerraformVariable, Testing } from 'cdktf';
import { InstanceReference, Ipv4Assignment, SubnetReference } from '../../../lib';
import { ManagementNetwork, ManagementNetworkProps } from '../../../lib/aws/patterns/management-network';
import { expectConstraintError, networkStack, resourcesOf } from '../fixtures';

const AMI = 'ami-0123456789abcdef0';
const ADMIN_RANGE = '203.0.113.0/24';

/** A VPC with a public (10.0.1.0/24) and a management (10.0.2.0/24) subnet of us-east-1a. */
function setup() {
  const fixture = networkStack();
  const base: ManagementNetworkProps = {
    publicSubnet: SubnetReference.fromSubnet(fixture.subnetA),
    managementSubnet: SubnetReference.fromSubnet(fixture.subnetB),
    managementCidrs: [ADMIN_RANGE],
    instanceType: 't3.micro',
    ami: AMI,
  };
  const network = (props: Partial<ManagementNetworkProps> = {}) =>
    new ManagementNetwork(fixture.stack, 'web', { ...base, ...props });
  /** The pattern on an instance created elsewhere, whose eth0 is in the public subnet. */
  const onExisting = (existingInstance: InstanceReference, props: Partial<ManagementNetworkProps> = {}) =>
    network({ instanceType: undefined, ami: undefined, existingInstance, ...props });
  return { ...fixture, network, onExisting };
}

const ref = (construct: { friendlyUniqueId: string }, type: string, attribute = 'id') =>
  `\${${type}.${construct.friendlyUniqueId}.${attribute}}`;

/** The ingress rules of a group, as (peer attribute, value, from port) triples, sorted. */
function ingressOf(stack: Parameters<typeof resourcesOf>[0], groupResource: { friendlyUniqueId: string }) {
  return Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'))
    .filter((rule) => rule.security_group_id === ref(groupResource, 'aws_security_group'))
    .map((rule) => {
      const peer = ['cidr_ipv4', 'cidr_ipv6', 'referenced_security_group_id'].find((key) => key in rule)!;
      return `${peer} ${rule[peer]} ${rule.ip_protocol}/${rule.from_port}`;
    })
    .sort();
}

describe('ManagementNetwork', () => {
  test('launches an instance whose eth0 is the public interface and eth1 the management one', () => {
    // GIVEN / WHEN a management network with default props
    const { stack, network } = setup();
    const web = network();
    // THEN
    const instance = resourcesOf(stack, 'aws_instance')[web.instance!.resource.friendlyUniqueId];
    expect(instance.network_interface).toEqual([
      { device_index: 0, network_interface_id: ref(web.publicInterface!.resource, 'aws_network_interface') },
    ]);
    expect(instance.metadata_options.http_tokens).toBe('required');
    expect(Object.values(resourcesOf(stack, 'aws_network_interface_attachment'))).toEqual([
      expect.objectContaining({ device_index: 1, network_interface_id: ref(web.managementInterface.resource, 'aws_network_interface') }),
    ]);
    const nics = resourcesOf(stack, 'aws_network_interface');
    expect(nics[web.publicInterface!.resource.friendlyUniqueId].subnet_id).toBe('${aws_subnet.subnet-a.id}');
    expect(nics[web.managementInterface.resource.friendlyUniqueId].subnet_id).toBe('${aws_subnet.subnet-b.id}');
  });

  test('opens TCP 80 and 443 to the internet on eth0 and SSH from the management range only on eth1', () => {
    const { stack, network } = setup();
    const web = network();
    expect(ingressOf(stack, web.publicSecurityGroup!.resource)).toEqual([
      'cidr_ipv4 0.0.0.0/0 tcp/443',
      'cidr_ipv4 0.0.0.0/0 tcp/80',
    ]);
    expect(ingressOf(stack, web.managementSecurityGroup.resource)).toEqual([`cidr_ipv4 ${ADMIN_RANGE} tcp/22`]);
    const nics = resourcesOf(stack, 'aws_network_interface');
    expect(nics[web.publicInterface!.resource.friendlyUniqueId].security_groups)
      .toEqual([ref(web.publicSecurityGroup!.resource, 'aws_security_group')]);
    expect(nics[web.managementInterface.resource.friendlyUniqueId].security_groups)
      .toEqual([ref(web.managementSecurityGroup.resource, 'aws_security_group')]);
  });

  test('allows SSH from every given range, IPv4 and IPv6 (admin range, private subnet, VPN range)', () => {
    const { stack, network } = setup();
    const web = network({ managementCidrs: [ADMIN_RANGE, '10.0.3.0/24', '192.168.0.0/16'], managementIpv6Cidrs: ['2001:db8::/48'] });
    expect(ingressOf(stack, web.managementSecurityGroup.resource)).toEqual([
      'cidr_ipv4 10.0.3.0/24 tcp/22',
      'cidr_ipv4 192.168.0.0/16 tcp/22',
      `cidr_ipv4 ${ADMIN_RANGE} tcp/22`,
      'cidr_ipv6 2001:db8::/48 tcp/22',
    ]);
  });

  test('opens the web ports to the IPv6 internet too when asked', () => {
    const { stack, network } = setup();
    const web = network({ allowWebFromIpv6: true, webPorts: [443] });
    expect(ingressOf(stack, web.publicSecurityGroup!.resource)).toEqual(['cidr_ipv4 0.0.0.0/0 tcp/443', 'cidr_ipv6 ::/0 tcp/443']);
  });

  test('behind a load balancer accepts the web ports from its group only, with no Elastic IP', () => {
    // GIVEN a load balancer's security group
    const { stack, network } = setup();
    // WHEN
    const web = network({ loadBalancerSecurityGroupId: 'sg-0a1b2c3d4e5f60789' });
    // THEN
    expect(ingressOf(stack, web.publicSecurityGroup!.resource)).toEqual([
      'referenced_security_group_id sg-0a1b2c3d4e5f60789 tcp/443',
      'referenced_security_group_id sg-0a1b2c3d4e5f60789 tcp/80',
    ]);
    expect(web.primaryElasticIp).toBeUndefined();
    expect(resourcesOf(stack, 'aws_eip')).toEqual({});
  });

  test('maps an Elastic IP to the primary address of eth0 by default', () => {
    const { stack, network } = setup();
    const web = network();
    expect(Object.values(resourcesOf(stack, 'aws_eip_association'))).toEqual([
      expect.objectContaining({
        allocation_id: ref(web.primaryElasticIp!.resource, 'aws_eip', 'allocation_id'),
        network_interface_id: ref(web.publicInterface!.resource, 'aws_network_interface'),
      }),
    ]);
    expect(Object.values(resourcesOf(stack, 'aws_eip_association'))[0]).not.toHaveProperty('private_ip_address');
  });

  test('maps the failover Elastic IP to the secondary address of eth0, which can move to a standby', () => {
    // GIVEN fixed addresses on eth0, the second being the failover address
    const { stack, network } = setup();
    // WHEN
    const web = network({ publicInterfaceIpv4: Ipv4Assignment.addresses('10.0.1.10', '10.0.1.20'), failoverElasticIp: true });
    // THEN only the failover address has an Elastic IP
    expect(web.failoverPrivateIp).toBe('10.0.1.20');
    expect(web.primaryElasticIp).toBeUndefined();
    expect(Object.values(resourcesOf(stack, 'aws_eip_association'))).toEqual([
      expect.objectContaining({
        allocation_id: ref(web.failoverElasticIp!.resource, 'aws_eip', 'allocation_id'),
        private_ip_address: '10.0.1.20',
      }),
    ]);
  });

  test('maps Elastic IPs to both addresses of eth0 when both are asked for', () => {
    const { stack, network } = setup();
    network({ publicInterfaceIpv4: Ipv4Assignment.addresses('10.0.1.10', '10.0.1.20'), failoverElasticIp: true, primaryElasticIp: true });
    expect(Object.values(resourcesOf(stack, 'aws_eip_association')).map((a) => a.private_ip_address).sort())
      .toEqual(['10.0.1.10', '10.0.1.20']);
  });

  test('adds the given security groups after its own', () => {
    const { stack, network } = setup();
    const web = network({ publicSecurityGroupIds: ['sg-0000000000000000a'], managementSecurityGroupIds: ['sg-0000000000000000b'] });
    const nics = resourcesOf(stack, 'aws_network_interface');
    expect(nics[web.publicInterface!.resource.friendlyUniqueId].security_groups)
      .toEqual([ref(web.publicSecurityGroup!.resource, 'aws_security_group'), 'sg-0000000000000000a']);
    expect(nics[web.managementInterface.resource.friendlyUniqueId].security_groups)
      .toEqual([ref(web.managementSecurityGroup.resource, 'aws_security_group'), 'sg-0000000000000000b']);
  });

  test('joins security groups known only at deploy time after its own, with concat', () => {
    // GIVEN lists of groups from variables
    const { stack, network } = setup();
    const publicGroups = new TerraformVariable(stack, 'public_sgs', { type: 'list(string)' }).listValue;
    const managementGroups = new TerraformVariable(stack, 'management_sgs', { type: 'list(string)' }).listValue;
    // WHEN
    const web = network({ publicSecurityGroupIds: publicGroups, managementSecurityGroupIds: managementGroups });
    // THEN Terraform joins each list to the pattern's own group
    const nics = resourcesOf(stack, 'aws_network_interface');
    expect(nics[web.publicInterface!.resource.friendlyUniqueId].security_groups)
      .toBe(`\${concat([aws_security_group.${web.publicSecurityGroup!.resource.friendlyUniqueId}.id], var.public_sgs)}`);
    expect(nics[web.managementInterface.resource.friendlyUniqueId].security_groups)
      .toBe(`\${concat([aws_security_group.${web.managementSecurityGroup.resource.friendlyUniqueId}.id], var.management_sgs)}`);
  });

  test('with an existing instance adds only the management interface at device index 1', () => {
    // GIVEN an instance created elsewhere, whose eth0 is in the public subnet
    const { stack, onExisting } = setup();
    // WHEN
    const web = onExisting(InstanceReference.fromInstanceId('i-0123456789abcdef0', { instanceType: 't3.micro', availabilityZone: 'us-east-1a' }));
    // THEN
    expect(web.instance).toBeUndefined();
    expect(web.publicInterface).toBeUndefined();
    expect(web.publicSecurityGroup).toBeUndefined();
    expect(resourcesOf(stack, 'aws_instance')).toEqual({
      host: expect.anything(), // the fixture's own instance only
    });
    expect(Object.keys(resourcesOf(stack, 'aws_network_interface'))).toEqual([web.managementInterface.resource.friendlyUniqueId]);
    expect(Object.keys(resourcesOf(stack, 'aws_security_group'))).toEqual([web.managementSecurityGroup.resource.friendlyUniqueId]);
    expect(Object.values(resourcesOf(stack, 'aws_network_interface_attachment'))).toEqual([
      expect.objectContaining({ instance_id: 'i-0123456789abcdef0', device_index: 1 }),
    ]);
    expect(web.managementDeviceIndex).toBe(1);
  });

  test('with an existing instance attaches at firstDeviceIndex', () => {
    const { stack, onExisting } = setup();
    const web = onExisting(InstanceReference.fromInstanceId('i-0123456789abcdef0'), { firstDeviceIndex: 2 });
    expect(Object.values(resourcesOf(stack, 'aws_network_interface_attachment'))[0].device_index).toBe(2);
    expect(web.managementDeviceIndex).toBe(2);
  });

  test('synthesizes token subnet ids, CIDR blocks and zones without errors', () => {
    // GIVEN subnets known only at deploy time
    const { stack } = setup();
    const variable = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    const subnet = (name: string) => SubnetReference.fromSubnetId(variable(`${name}_id`), {
      ipv4CidrBlock: variable(`${name}_cidr`), availabilityZone: variable(`${name}_az`), vpcId: variable(`${name}_vpc`),
    });
    // WHEN
    const web = new ManagementNetwork(stack, 'web', {
      publicSubnet: subnet('public'),
      managementSubnet: subnet('mgmt'),
      managementCidrs: [variable('admin_cidr')],
      instanceType: variable('instance_type'),
      ami: AMI,
    });
    // THEN
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource.aws_network_interface[web.managementInterface.resource.friendlyUniqueId].subnet_id).toBe('${var.mgmt_id}');
    expect(Object.values(json.resource.aws_vpc_security_group_ingress_rule))
      .toContainEqual(expect.objectContaining({ cidr_ipv4: '${var.admin_cidr}', from_port: 22 }));
  });

  test('maps the failover Elastic IP to a failover address known only at deploy time', () => {
    // GIVEN eth0 addresses given as variables
    const { stack, network } = setup();
    const variable = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    // WHEN
    network({ publicInterfaceIpv4: Ipv4Assignment.addresses(variable('primary_ip'), variable('failover_ip')), failoverElasticIp: true });
    // THEN
    expect(Object.values(resourcesOf(stack, 'aws_eip_association'))).toEqual([
      expect.objectContaining({ private_ip_address: '${var.failover_ip}' }),
    ]);
  });

  test('synthesizes a typical management network with a failover address (snapshot)', () => {
    const { stack, network } = setup();
    network({
      instanceType: 't3.medium',
      publicInterfaceIpv4: Ipv4Assignment.addresses('10.0.1.10', '10.0.1.20'),
      failoverElasticIp: true,
      managementCidrs: [ADMIN_RANGE, '10.0.3.0/24'],
      tags: { Scenario: 'management-network' },
    });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('fails when both interfaces are in the same subnet', () => {
    const { network } = setup();
    const subnet = () => SubnetReference.fromSubnetId('subnet-0a', { vpcId: 'vpc-0a' });
    expectConstraintError(
      () => network({ publicSubnet: subnet(), managementSubnet: subnet() }),
      'InterfacesInSameSubnet', ['test/web', 'public and management', 'subnet-0a'],
    );
  });

  test('fails when both interfaces are in the same subnet referenced twice (token ids)', () => {
    // GIVEN two references to one L1 subnet: their id tokens differ but stand for the same subnet
    const { subnetA, network } = setup();
    // WHEN / THEN
    expectConstraintError(
      () => network({ publicSubnet: SubnetReference.fromSubnet(subnetA), managementSubnet: SubnetReference.fromSubnet(subnetA) }),
      'InterfacesInSameSubnet', ['aws_subnet.subnet-a.id'],
    );
  });

  test('fails when the subnets are in different Availability Zones', () => {
    const { stack, vpc, network } = setup();
    const other = new Subnet(stack, 'subnet-c', { vpcId: vpc.id, cidrBlock: '10.0.3.0/24', availabilityZone: 'us-east-1b' });
    expectConstraintError(
      () => network({ managementSubnet: SubnetReference.fromSubnet(other) }),
      'SubnetZoneMismatch', ['public in us-east-1a', 'management in us-east-1b'],
    );
  });

  test('fails when no range may reach the management interface', () => {
    const { network } = setup();
    expectConstraintError(() => network({ managementCidrs: [] }), 'NoManagementAccess', ['test/web']);
  });

  test.each([
    [['0.0.0.0/0'], undefined],
    [[ADMIN_RANGE], ['::/0']],
  ])('fails when SSH would be open to the internet (%s, %s)', (managementCidrs, managementIpv6Cidrs) => {
    const { network } = setup();
    expectConstraintError(() => network({ managementCidrs, managementIpv6Cidrs }), 'AdminPortOpenToInternet', ['SSH (TCP 22)']);
  });

  test('fails when a web port is out of range', () => {
    const { network } = setup();
    expectConstraintError(() => network({ webPorts: [443, 70000] }), 'InvalidPort', ['tcp 70000-70000']);
  });

  test('fails when a management range is not a CIDR block', () => {
    const { network } = setup();
    expectConstraintError(() => network({ managementCidrs: ['10.0.3.7'] }), 'InvalidCidr');
  });

  test('fails when the web ports are open both to a load balancer only and to the IPv6 internet', () => {
    const { network } = setup();
    expectConstraintError(
      () => network({ loadBalancerSecurityGroupId: 'sg-0a1b2c3d4e5f60789', allowWebFromIpv6: true }),
      'ConflictingProps', ['loadBalancerSecurityGroupId and allowWebFromIpv6'],
    );
  });

  test.each([
    ['AWS-picked addresses', undefined, 'picked by AWS'],
    ['a secondary address picked by AWS', Ipv4Assignment.count(1), 'picked by AWS'],
    ['a primary address only', Ipv4Assignment.addresses('10.0.1.10'), 'primary address only'],
  ])('fails when a failover Elastic IP is asked for with %s', (_, publicInterfaceIpv4, received) => {
    const { network } = setup();
    expectConstraintError(() => network({ publicInterfaceIpv4, failoverElasticIp: true }), 'FailoverAddressRequired', [received]);
  });

  test('fails when public-interface props are given with an existing instance', () => {
    const { onExisting } = setup();
    expectConstraintError(
      () => onExisting(InstanceReference.fromInstanceId('i-0123456789abcdef0'), { primaryElasticIp: true, webPorts: [8080] }),
      'ConflictingInstanceProps', ['webPorts, primaryElasticIp'],
    );
  });

  test('fails when neither an instance to launch nor an existing instance is given', () => {
    const { network } = setup();
    expectConstraintError(() => network({ instanceType: undefined }), 'MissingInstanceProps', ['no instanceType']);
  });

  test('fails when the existing instance is in another Availability Zone', () => {
    const { onExisting } = setup();
    expectConstraintError(
      () => onExisting(InstanceReference.fromInstanceId('i-0123456789abcdef0', { availabilityZone: 'us-east-1c' })),
      'AvailabilityZoneMismatch', ['instance in us-east-1c'],
    );
  });

  test('fails when the VPC of the security groups is unknown', () => {
    const { network } = setup();
    expectConstraintError(
      () => network({ publicSubnet: SubnetReference.fromSubnetId('subnet-0a'), managementSubnet: SubnetReference.fromSubnetId('subnet-0b') }),
      'MissingVpcId', ['subnet-0a'],
    );
  });

  test('fails when the management interface has more addresses than the instance type allows', () => {
    const { network } = setup();
    expectConstraintError(() => network({ managementInterfaceIpv4: Ipv4Assignment.count(2) }), 'TooManyPrivateIpv4Addresses', ['at most 2 on t3.micro']);
  });
});
