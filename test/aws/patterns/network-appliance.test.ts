import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { TerraformVariable, Testing } from 'cdktf';
import { InstanceReference, Ipv4Assignment, Port, SubnetReference } from '../../../lib';
import {
  ApplianceForwarding, NetworkAppliance, NetworkApplianceProps,
} from '../../../lib/aws/patterns/network-appliance';
import { expectConstraintError, networkStack, resourcesOf } from '../fixtures';

const AMI = 'ami-0123456789abcdef0';

/** A VPC with a public (10.0.1.0/24) and a private (10.0.2.0/24) subnet of us-east-1a and a private route table. */
function setup() {
  const fixture = networkStack();
  const routeTable = new RouteTable(fixture.stack, 'private-rt', { vpcId: fixture.vpc.id });
  const base = {
    publicSubnet: SubnetReference.fromSubnet(fixture.subnetA),
    privateSubnet: SubnetReference.fromSubnet(fixture.subnetB),
    instanceType: 'm5.large',
    ami: AMI,
  };
  const appliance = (props: Partial<NetworkApplianceProps> = {}) =>
    new NetworkAppliance(fixture.stack, 'nat', { ...base, ...props });
  return { ...fixture, routeTable, appliance };
}

const ref = (construct: { friendlyUniqueId: string }, type: string, attribute = 'id') =>
  `\${${type}.${construct.friendlyUniqueId}.${attribute}}`;

describe('NetworkAppliance', () => {
  test('launches an instance whose primary interface is the public one, private one at device index 1', () => {
    // GIVEN / WHEN a NAT appliance with default props
    const { stack, appliance } = setup();
    const nat = appliance();
    // THEN
    const instance = resourcesOf(stack, 'aws_instance')[nat.instance!.resource.friendlyUniqueId];
    expect(instance.network_interface).toEqual([
      { device_index: 0, network_interface_id: ref(nat.publicInterface.resource, 'aws_network_interface') },
    ]);
    expect(Object.values(resourcesOf(stack, 'aws_network_interface_attachment'))).toEqual([
      expect.objectContaining({ device_index: 1, network_interface_id: ref(nat.privateInterface.resource, 'aws_network_interface') }),
    ]);
    expect(nat.attachments).toHaveLength(1);
    expect([nat.publicDeviceIndex, nat.privateDeviceIndex]).toEqual([0, 1]);
  });

  test('turns source/destination check off on both interfaces by default', () => {
    const { stack, appliance } = setup();
    const nat = appliance();
    const nics = resourcesOf(stack, 'aws_network_interface');
    expect(nics[nat.publicInterface.resource.friendlyUniqueId].source_dest_check).toBe(false);
    expect(nics[nat.privateInterface.resource.friendlyUniqueId].source_dest_check).toBe(false);
  });

  test.each([
    [ApplianceForwarding.PRIVATE_INTERFACE, true, false],
    [ApplianceForwarding.PUBLIC_INTERFACE, false, true],
    [ApplianceForwarding.NONE, true, true],
  ])('with forwarding %s keeps the check on the interfaces that do not forward', (forwarding, publicCheck, privateCheck) => {
    const { stack, appliance } = setup();
    const nat = appliance({ forwarding });
    const nics = resourcesOf(stack, 'aws_network_interface');
    expect(nics[nat.publicInterface.resource.friendlyUniqueId].source_dest_check).toBe(publicCheck);
    expect(nics[nat.privateInterface.resource.friendlyUniqueId].source_dest_check).toBe(privateCheck);
  });

  test('gives each interface its own security group: public with no inbound rule, private open to the private subnet', () => {
    const { stack, appliance } = setup();
    const nat = appliance();
    const nics = resourcesOf(stack, 'aws_network_interface');
    expect(nics[nat.publicInterface.resource.friendlyUniqueId].security_groups)
      .toEqual([ref(nat.publicSecurityGroup.resource, 'aws_security_group')]);
    expect(nics[nat.privateInterface.resource.friendlyUniqueId].security_groups)
      .toEqual([ref(nat.privateSecurityGroup.resource, 'aws_security_group')]);
    const ingress = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'));
    expect(ingress).toEqual([expect.objectContaining({
      security_group_id: ref(nat.privateSecurityGroup.resource, 'aws_security_group'), cidr_ipv4: '10.0.2.0/24', ip_protocol: '-1',
    })]);
  });

  test('opens publicIngressPorts and forwardedSourceCidrs as given', () => {
    const { stack, appliance } = setup();
    const nat = appliance({ publicIngressPorts: [Port.tcp(443)], forwardedSourceCidrs: ['10.0.0.0/16', '2600:1f18:1::/56'] });
    const ingress = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'));
    const publicGroup = ref(nat.publicSecurityGroup.resource, 'aws_security_group');
    const privateGroup = ref(nat.privateSecurityGroup.resource, 'aws_security_group');
    expect(ingress).toEqual(expect.arrayContaining([
      expect.objectContaining({ security_group_id: publicGroup, cidr_ipv4: '0.0.0.0/0', from_port: 443, to_port: 443 }),
      expect.objectContaining({ security_group_id: privateGroup, cidr_ipv4: '10.0.0.0/16' }),
      expect.objectContaining({ security_group_id: privateGroup, cidr_ipv6: '2600:1f18:1::/56' }),
    ]));
    expect(ingress).toHaveLength(3);
  });

  test('routes 0.0.0.0/0 of each route table to the private interface with network_interface_id', () => {
    const { stack, routeTable, appliance } = setup();
    const nat = appliance({ routeTableIds: [routeTable.id] });
    const routes = Object.values(resourcesOf(stack, 'aws_route'));
    expect(routes).toEqual([{
      route_table_id: ref(routeTable, 'aws_route_table'),
      destination_cidr_block: '0.0.0.0/0',
      network_interface_id: ref(nat.privateInterface.resource, 'aws_network_interface'),
    }]);
    expect(nat.routes).toHaveLength(1);
  });

  test('creates one route per table and destination, IPv6 destinations in destination_ipv6_cidr_block', () => {
    const { stack, vpc, routeTable, appliance } = setup();
    const other = new RouteTable(stack, 'other-rt', { vpcId: vpc.id });
    const nat = appliance({ routeTableIds: [routeTable.id, other.id], routeDestinations: ['192.168.0.0/16', '::/0'] });
    const routes = Object.values(resourcesOf(stack, 'aws_route'));
    expect(routes).toHaveLength(4);
    expect(routes.filter((r) => r.destination_ipv6_cidr_block === '::/0')).toHaveLength(2);
    expect(routes.filter((r) => r.destination_cidr_block === '192.168.0.0/16')).toHaveLength(2);
    expect(new Set(routes.map((r) => r.network_interface_id))).toEqual(
      new Set([ref(nat.privateInterface.resource, 'aws_network_interface')]));
  });

  test('keeps the route ids of destinations written in canonical form', () => {
    // GIVEN / WHEN destinations already written the way AWS writes them
    const { routeTable, appliance } = setup();
    const nat = appliance({ routeTableIds: [routeTable.id], routeDestinations: ['0.0.0.0/0', '10.0.0.0/8', '::/0', '2001:db8::/32', '::1/128'] });
    // THEN the ids are the ones earlier versions gave them, so a deployed route is not replaced
    expect(nat.routes.map((route) => route.node.id)).toEqual([
      'Route0-0_0_0_0_0', 'Route0-10_0_0_0_8', 'Route0-_0', 'Route0-2001_db8_32', 'Route0-_1_128',
    ]);
  });

  test('names each route after its canonical destination, distinct where only the place of :: differs', () => {
    // GIVEN two host routes whose punctuation-free text is the same, and one in upper case
    const { stack, routeTable, appliance } = setup();
    const nat = appliance({ routeTableIds: [routeTable.id], routeDestinations: ['2001:db8::1/128', '2001:db8:1::/128', 'FD00:0::/8'] });
    // THEN each gets its own id, and the destinations are written as given
    expect(nat.routes.map((route) => route.node.id)).toEqual(['Route0-2001_db8__1_128', 'Route0-2001_db8_1_128', 'Route0-fd00_8']);
    expect(Object.values(resourcesOf(stack, 'aws_route')).map((r) => r.destination_ipv6_cidr_block).sort())
      .toEqual(['2001:db8:1::/128', '2001:db8::1/128', 'FD00:0::/8']);
  });

  test('maps an Elastic IP to the public interface, or none when elasticIp is false', () => {
    const { stack, appliance } = setup();
    const nat = appliance({ publicInterfaceIpv4: Ipv4Assignment.addresses('10.0.1.10') });
    expect(Object.values(resourcesOf(stack, 'aws_eip_association'))).toEqual([expect.objectContaining({
      network_interface_id: ref(nat.publicInterface.resource, 'aws_network_interface'),
      allocation_id: ref(nat.elasticIp!.resource, 'aws_eip', 'allocation_id'),
    })]);

    const without = setup();
    expect(without.appliance({ elasticIp: false }).elasticIp).toBeUndefined();
    expect(resourcesOf(without.stack, 'aws_eip')).toEqual({});
  });

  test('adds both interfaces to an existing instance, from firstDeviceIndex on', () => {
    // GIVEN an instance launched elsewhere
    const { stack, appliance } = setup();
    // WHEN
    const nat = appliance({
      instanceType: undefined,
      ami: undefined,
      firstDeviceIndex: 2,
      existingInstance: InstanceReference.fromInstanceId('i-0123456789abcdef0', { instanceType: 'm5.xlarge', availabilityZone: 'us-east-1a' }),
    });
    // THEN no instance is created and public, then private, are attached at 2 and 3
    expect(nat.instance).toBeUndefined();
    expect([nat.publicDeviceIndex, nat.privateDeviceIndex]).toEqual([2, 3]);
    expect(resourcesOf(stack, 'aws_instance')).toEqual({ host: expect.anything() });
    const attachments = Object.values(resourcesOf(stack, 'aws_network_interface_attachment'));
    expect(attachments.map((a) => [a.device_index, a.network_interface_id]).sort()).toEqual([
      [2, ref(nat.publicInterface.resource, 'aws_network_interface')],
      [3, ref(nat.privateInterface.resource, 'aws_network_interface')],
    ]);
  });

  test('takes the security groups\' VPC from vpcId when the subnets were referenced by id only', () => {
    const fixture = networkStack();
    const nat = new NetworkAppliance(fixture.stack, 'nat', {
      publicSubnet: SubnetReference.fromSubnetId('subnet-pub'),
      privateSubnet: SubnetReference.fromSubnetId('subnet-priv'),
      vpcId: 'vpc-0123',
      instanceType: 'm5.large',
      ami: AMI,
    });
    expect(resourcesOf(fixture.stack, 'aws_security_group')[nat.privateSecurityGroup.resource.friendlyUniqueId].vpc_id).toBe('vpc-0123');
    // No private subnet CIDR known, so no forwarded-source rule is guessed.
    expect(resourcesOf(fixture.stack, 'aws_vpc_security_group_ingress_rule')).toEqual({});
  });

  describe('with tokens', () => {
    test('writes token route tables and destinations as they are', () => {
      const { stack, appliance } = setup();
      const table = new TerraformVariable(stack, 'rt', { type: 'string' });
      const destination = new TerraformVariable(stack, 'destination', { type: 'string' });
      appliance({ routeTableIds: [table.stringValue], routeDestinations: [destination.stringValue] });
      expect(Object.values(resourcesOf(stack, 'aws_route'))).toEqual([expect.objectContaining({
        route_table_id: '${var.rt}', destination_cidr_block: '${var.destination}',
      })]);
    });

    test('writes token route tables inside a literal list next to literal ones', () => {
      // GIVEN a list of two tables, one known only at deploy time
      const { stack, appliance } = setup();
      const table = new TerraformVariable(stack, 'rt', { type: 'string' });
      // WHEN / THEN the count is known: one route per element
      appliance({ routeTableIds: [table.stringValue, 'rtb-0123456789abcdef0'] });
      expect(Object.values(resourcesOf(stack, 'aws_route')).map((r) => r.route_table_id)).toEqual(['${var.rt}', 'rtb-0123456789abcdef0']);
    });

    test('skips the zone and interface-count checks when zones and type are tokens', () => {
      const { stack, appliance } = setup();
      const zone = new TerraformVariable(stack, 'zone', { type: 'string' }).stringValue;
      const type = new TerraformVariable(stack, 'type', { type: 'string' }).stringValue;
      expect(() => appliance({
        publicSubnet: SubnetReference.fromSubnetId('subnet-pub', { availabilityZone: zone, vpcId: 'vpc-1' }),
        privateSubnet: SubnetReference.fromSubnetId('subnet-priv', { availabilityZone: 'us-east-1b', vpcId: 'vpc-1' }),
        instanceType: undefined,
        ami: undefined,
        existingInstance: InstanceReference.fromInstanceId('i-1', { instanceType: type }),
      })).not.toThrow();
      expect(Testing.synth(stack)).toContain('subnet-priv');
    });
  });

  describe('fails when', () => {
    test('fails when both interfaces are in the same subnet', () => {
      const { subnetA, appliance } = setup();
      expectConstraintError(() => appliance({ privateSubnet: SubnetReference.fromSubnet(subnetA) }),
        'InterfacesInSameSubnet', ['test/nat', 'same subnet']);
    });

    test('fails when the subnets are in different Availability Zones', () => {
      const { appliance } = setup();
      expectConstraintError(() => appliance({
        privateSubnet: SubnetReference.fromSubnetId('subnet-other', { availabilityZone: 'us-east-1b', vpcId: 'vpc-1' }),
      }), 'SubnetZoneMismatch', ['public in us-east-1a, private in us-east-1b']);
    });

    test.each(['banana', '10.0.0.1/16', '0.0.0.0/33', 'fd00::1/8'])('fails when a route destination is %s', (destination) => {
      const { routeTable, appliance } = setup();
      expectConstraintError(() => appliance({ routeTableIds: [routeTable.id], routeDestinations: [destination] }),
        'InvalidCidr', [JSON.stringify(destination)]);
    });

    test('fails when a route destination is listed twice', () => {
      const { routeTable, appliance } = setup();
      expectConstraintError(() => appliance({ routeTableIds: [routeTable.id], routeDestinations: ['10.9.0.0/16', '10.9.0.0/16'] }),
        'DuplicateAddress', ['routeDestinations']);
    });

    test('fails when a route destination is listed twice in two spellings', () => {
      // GIVEN ::/0 and 0::/0, one block for AWS (RouteAlreadyExists at apply)
      const { routeTable, appliance } = setup();
      expectConstraintError(() => appliance({ routeTableIds: [routeTable.id], routeDestinations: ['::/0', '0::/0'] }),
        'DuplicateAddress', ['routeDestinations', '::/0']);
    });

    test.each([
      ['a list variable', (list: string[]) => list],
      ['a literal list with a list variable spread into it', (list: string[]) => ['rtb-0123456789abcdef0', ...list]],
    ])('fails when routeTableIds is %s (no count of routes)', (_, build) => {
      // GIVEN route tables whose number is known only at deploy time
      const { stack, appliance } = setup();
      const tables = new TerraformVariable(stack, 'tables', { type: 'list(string)' }).listValue;
      // WHEN / THEN a typed error instead of cdktf's "encoded list token string in a scalar string context"
      expectConstraintError(() => appliance({ routeTableIds: build(tables) }), 'RouteCountUnknown', ['test/nat', 'routeTableIds']);
    });

    test('fails when routeDestinations is a list variable (no count of routes)', () => {
      const { stack, routeTable, appliance } = setup();
      const destinations = new TerraformVariable(stack, 'destinations', { type: 'list(string)' }).listValue;
      expectConstraintError(() => appliance({ routeTableIds: [routeTable.id], routeDestinations: destinations }),
        'RouteCountUnknown', ['routeDestinations']);
    });

    test('fails when a route table is listed twice', () => {
      const { appliance } = setup();
      expectConstraintError(() => appliance({ routeTableIds: ['rtb-1', 'rtb-1'] }), 'DuplicateAddress', ['routeTableIds']);
    });

    test.each([ApplianceForwarding.PUBLIC_INTERFACE, ApplianceForwarding.NONE])(
      'fails when routes target the private interface while forwarding is %s', (forwarding) => {
        const { routeTable, appliance } = setup();
        expectConstraintError(() => appliance({ routeTableIds: [routeTable.id], forwarding }),
          'RouteToCheckedInterface', [`forwarding ${forwarding}`]);
      });

    test('fails when the public interface would open SSH to the internet', () => {
      const { appliance } = setup();
      expectConstraintError(() => appliance({ publicIngressPorts: [Port.tcp(22)] }), 'AdminPortOpenToInternet', ['SSH']);
    });

    test('fails when an existing instance cannot take two more interfaces', () => {
      // GIVEN a t3.micro (2 interfaces), which already has its primary one
      const { appliance } = setup();
      expectConstraintError(() => appliance({
        instanceType: undefined,
        ami: undefined,
        existingInstance: InstanceReference.fromInstanceId('i-1', { instanceType: 't3.micro', availabilityZone: 'us-east-1a' }),
      }), 'TooManyInterfaces', ['test/nat/PrivateInterface', '3 interfaces', 'at most 2 on t3.micro']);
    });

    test('fails when the security groups\' VPC is unknown', () => {
      const { appliance } = setup();
      expectConstraintError(() => appliance({
        publicSubnet: SubnetReference.fromSubnetId('subnet-pub'),
        privateSubnet: SubnetReference.fromSubnetId('subnet-priv'),
      }), 'MissingVpcId', ['subnet-pub']);
    });

    test('fails when there is no instance to put the interfaces on', () => {
      const { appliance } = setup();
      expectConstraintError(() => appliance({ ami: undefined }), 'MissingInstanceProps', ['no ami']);
    });
  });

  test('synthesizes a typical NAT appliance (snapshot)', () => {
    const { stack, routeTable, appliance } = setup();
    appliance({
      routeTableIds: [routeTable.id],
      publicInterfaceIpv4: Ipv4Assignment.addresses('10.0.1.10'),
      privateInterfaceIpv4: Ipv4Assignment.addresses('10.0.2.10'),
      forwardedSourceCidrs: ['10.0.0.0/16'],
      tags: { Name: 'nat' },
    });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});
