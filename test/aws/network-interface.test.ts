import { TerraformOutput, Testing, Token } from 'cdktf';
import { expectConstraintError, networkStack, resourcesOf } from './fixtures';
import {
  InstanceReference, Ipv4Assignment, Ipv6Assignment, NetworkInterface, SubnetReference,
} from '../../lib';

function only(stack: Parameters<typeof resourcesOf>[0], type: string) {
  const resources = Object.values(resourcesOf(stack, type));
  expect(resources).toHaveLength(1);
  return resources[0];
}

describe('NetworkInterface', () => {
  test('synthesizes a two-address interface attached to an instance as in the snapshot', () => {
    const { stack, subnetA, instance } = networkStack();
    const eni = new NetworkInterface(stack, 'eni', {
      subnet: SubnetReference.fromSubnet(subnetA), privateIpv4: Ipv4Assignment.addresses('10.0.1.10', '10.0.1.11'),
    });
    eni.attachTo(InstanceReference.fromInstance(instance), { deviceIndex: 1 });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('defaults to one AWS-picked address with the source/destination check on', () => {
    // GIVEN
    const { stack, subnetA } = networkStack();
    // WHEN
    new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
    // THEN
    const eni = only(stack, 'aws_network_interface');
    expect(eni.subnet_id).toBe('${aws_subnet.subnet-a.id}');
    expect(eni.source_dest_check).toBe(true);
    expect(eni).not.toHaveProperty('private_ip_list');
    expect(eni).not.toHaveProperty('private_ips_count');
  });

  test('writes explicit addresses as an ordered list so the first stays primary', () => {
    const { stack, subnetA } = networkStack();
    new NetworkInterface(stack, 'eni', {
      subnet: SubnetReference.fromSubnet(subnetA),
      privateIpv4: Ipv4Assignment.addresses('10.0.1.10', '10.0.1.11'),
      securityGroupIds: ['sg-0123456789abcdef0'],
      sourceDestCheck: false,
      description: 'web',
      tags: { Role: 'web' },
    });
    const eni = only(stack, 'aws_network_interface');
    expect(eni.private_ip_list_enabled).toBe(true);
    expect(eni.private_ip_list).toEqual(['10.0.1.10', '10.0.1.11']);
    expect(eni).not.toHaveProperty('private_ips');
    expect(eni.security_groups).toEqual(['sg-0123456789abcdef0']);
    expect(eni.source_dest_check).toBe(false);
    expect(eni.description).toBe('web');
    expect(eni.tags).toEqual({ Role: 'web' });
  });

  test('writes a count of secondary addresses and IPv6 addresses', () => {
    const { stack, subnetA } = networkStack();
    new NetworkInterface(stack, 'eni', {
      subnet: SubnetReference.fromSubnet(subnetA),
      privateIpv4: Ipv4Assignment.count(2),
      ipv6: Ipv6Assignment.count(1),
    });
    const eni = only(stack, 'aws_network_interface');
    expect(eni.private_ips_count).toBe(2);
    expect(eni.ipv6_address_count).toBe(1);
  });

  test('writes fixed IPv6 addresses', () => {
    const { stack, subnetA } = networkStack();
    new NetworkInterface(stack, 'eni', {
      subnet: SubnetReference.fromSubnet(subnetA),
      ipv6: Ipv6Assignment.addresses('2600:1f18:1:100::10'),
    });
    expect(only(stack, 'aws_network_interface').ipv6_addresses).toEqual(['2600:1f18:1:100::10']);
  });

  test('exposes id, MAC and addresses as Terraform references', () => {
    // GIVEN
    const { stack, subnetA } = networkStack();
    const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
    // WHEN the attributes are used in outputs
    new TerraformOutput(stack, 'id', { value: eni.networkInterfaceId });
    new TerraformOutput(stack, 'mac', { value: eni.macAddress });
    new TerraformOutput(stack, 'ip', { value: eni.privateIp });
    new TerraformOutput(stack, 'ips', { value: eni.privateIps });
    // THEN they reference the interface resource
    const outputs = JSON.parse(Testing.synth(stack)).output;
    const ref = `aws_network_interface.${eni.resource.friendlyUniqueId}`;
    expect(outputs.id.value).toBe(`\${${ref}.id}`);
    expect(outputs.mac.value).toBe(`\${${ref}.mac_address}`);
    expect(outputs.ip.value).toBe(`\${${ref}.private_ip}`);
    expect(outputs.ips.value).toBe(`\${tolist(${ref}.private_ips)}`);
  });

  test('gives the same token at every read of an attribute', () => {
    // GIVEN
    const { stack, subnetA } = networkStack();
    const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
    // WHEN each attribute is read twice THEN both reads are the same value, as with a plain field
    expect([eni.macAddress, eni.privateIp, eni.privateIps]).toEqual([eni.macAddress, eni.privateIp, eni.privateIps]);
    expect(eni.privateIps).toBe(eni.privateIps);
  });

  describe('address checks', () => {
    const subnetRef = () => {
      const fixture = networkStack();
      return { ...fixture, subnet: SubnetReference.fromSubnet(fixture.subnetA) };
    };

    test('fails when an IPv4 address is malformed', () => {
      const { stack, subnet } = subnetRef();
      expectConstraintError(
        () => new NetworkInterface(stack, 'eni', { subnet, privateIpv4: Ipv4Assignment.addresses('10.0.1.300') }),
        'InvalidIpv4Address', ['test/eni', '"10.0.1.300"', 'dotted-quad'],
      );
    });

    test('fails when an IPv6 address is malformed', () => {
      const { stack, subnet } = subnetRef();
      expectConstraintError(
        () => new NetworkInterface(stack, 'eni', { subnet, ipv6: Ipv6Assignment.addresses('2600:1f18::1::2') }),
        'InvalidIpv6Address', ['test/eni', '2600:1f18::1::2'],
      );
    });

    test('fails when the subnet CIDR is malformed', () => {
      const { stack } = networkStack();
      expectConstraintError(
        () => new NetworkInterface(stack, 'eni', {
          subnet: SubnetReference.fromSubnetId('subnet-1', { ipv4CidrBlock: '10.0.1.0/33' }),
        }),
        'InvalidCidr', ['test/eni', '10.0.1.0/33', '10.0.1.0/24'],
      );
    });

    test('fails when an address lies outside the subnet', () => {
      const { stack, subnet } = subnetRef();
      expectConstraintError(
        () => new NetworkInterface(stack, 'eni', { subnet, privateIpv4: Ipv4Assignment.addresses('10.0.2.10') }),
        'AddressOutsideSubnet', ['test/eni', '10.0.2.10', 'inside 10.0.1.0/24'],
      );
    });

    test('fails when an IPv6 address lies outside the subnet', () => {
      const { stack, subnet } = subnetRef();
      expectConstraintError(
        () => new NetworkInterface(stack, 'eni', { subnet, ipv6: Ipv6Assignment.addresses('2600:1f18:1:200::10') }),
        'AddressOutsideSubnet', ['2600:1f18:1:200::10', '2600:1f18:1:100::/64'],
      );
    });

    test.each([
      ['10.0.1.0', 'network address'],
      ['10.0.1.1', 'VPC router'],
      ['10.0.1.2', 'DNS'],
      ['10.0.1.3', 'future use'],
      ['10.0.1.255', 'broadcast'],
    ])('fails when an address is the reserved %s', (address, reason) => {
      const { stack, subnet } = subnetRef();
      expectConstraintError(
        () => new NetworkInterface(stack, 'eni', { subnet, privateIpv4: Ipv4Assignment.addresses('10.0.1.10', address) }),
        'ReservedAddress', ['test/eni', address, reason, 'secondary private IPv4 address #1'],
      );
    });

    test('fails when an address is listed twice', () => {
      const { stack, subnet } = subnetRef();
      expectConstraintError(
        () => new NetworkInterface(stack, 'eni', { subnet, privateIpv4: Ipv4Assignment.addresses('10.0.1.10', '10.0.1.10') }),
        'DuplicateAddress', ['test/eni', '10.0.1.10', 'each address once'],
      );
    });

    test('fails when an IPv6 address is listed twice in different spellings', () => {
      const { stack, subnet } = subnetRef();
      expectConstraintError(
        () => new NetworkInterface(stack, 'eni', {
          subnet, ipv6: Ipv6Assignment.addresses('2600:1f18:1:100::a', '2600:1f18:1:100::A'),
        }),
        'DuplicateAddress',
      );
    });

    test.each([-1, 1.5])('fails when the secondary count is %p', (count) => {
      const { stack, subnet } = subnetRef();
      expectConstraintError(
        () => new NetworkInterface(stack, 'eni', { subnet, privateIpv4: Ipv4Assignment.count(count) }),
        'InvalidCount', [String(count), 'whole number >= 0'],
      );
    });

    test('fails when more than 16 security groups are given', () => {
      const { stack, subnet } = subnetRef();
      const groups = Array.from({ length: 17 }, (_, i) => `sg-${i}`);
      expectConstraintError(
        () => new NetworkInterface(stack, 'eni', { subnet, securityGroupIds: groups }),
        'TooManySecurityGroups', ['17 security groups', 'at most 16'],
      );
    });

    test('skips checks on values only known at deploy time', () => {
      // GIVEN a subnet whose CIDR is a token, and token addresses and counts
      const { stack } = networkStack();
      const subnet = SubnetReference.fromSubnetId('subnet-1', { ipv4CidrBlock: Token.asString({ Ref: 'cidr' }) });
      // WHEN / THEN nothing is refused
      expect(() => new NetworkInterface(stack, 'a', {
        subnet, privateIpv4: Ipv4Assignment.addresses('10.9.9.9', Token.asString({ Ref: 'ip' })),
      })).not.toThrow();
      expect(() => new NetworkInterface(stack, 'b', {
        subnet: SubnetReference.fromSubnetId('subnet-1'), privateIpv4: Ipv4Assignment.count(Token.asNumber({ Ref: 'n' })),
      })).not.toThrow();
    });
  });

  describe('attachTo', () => {
    test('attaches as a secondary interface', () => {
      const { stack, subnetA, instance } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
      eni.attachTo(InstanceReference.fromInstance(instance), { deviceIndex: 1 });
      const attachment = only(stack, 'aws_network_interface_attachment');
      expect(attachment).toMatchObject({
        device_index: 1,
        instance_id: '${aws_instance.host.id}',
        network_interface_id: `\${aws_network_interface.${eni.resource.friendlyUniqueId}.id}`,
      });
    });

    test('fails when attached at device index 0', () => {
      const { stack, subnetA, instance } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
      expectConstraintError(
        () => eni.attachTo(InstanceReference.fromInstance(instance), { deviceIndex: 0 }),
        'PrimaryDeviceIndex', ['test/eni', 'deviceIndex 0', 'device index of 1 or more'],
      );
    });

    test('fails when the device index is negative', () => {
      const { stack, subnetA, instance } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
      expectConstraintError(() => eni.attachTo(InstanceReference.fromInstance(instance), { deviceIndex: -2 }), 'InvalidCount');
    });

    test('fails when the interface has more IPv4 addresses than the instance type allows', () => {
      // GIVEN a t3.micro, which takes 2 private IPv4 addresses per interface
      const { stack, subnetA, instance } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', {
        subnet: SubnetReference.fromSubnet(subnetA), privateIpv4: Ipv4Assignment.count(2),
      });
      // WHEN / THEN
      expectConstraintError(
        () => eni.attachTo(InstanceReference.fromInstance(instance), { deviceIndex: 1 }),
        'TooManyPrivateIpv4Addresses', ['test/eni', '3 addresses', 'at most 2 on t3.micro'],
      );
    });

    test('accepts as many addresses as the instance type allows', () => {
      const { stack, subnetA, instance } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', {
        subnet: SubnetReference.fromSubnet(subnetA), privateIpv4: Ipv4Assignment.count(1),
      });
      expect(() => eni.attachTo(InstanceReference.fromInstance(instance), { deviceIndex: 1 })).not.toThrow();
    });

    test('fails when IPv6 is used on a type without IPv6', () => {
      const { stack, subnetA } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', {
        subnet: SubnetReference.fromSubnet(subnetA), ipv6: Ipv6Assignment.count(1),
      });
      expectConstraintError(
        () => eni.attachTo(InstanceReference.fromInstanceId('i-1', { instanceType: 'c1.medium' }), { deviceIndex: 1 }),
        'Ipv6NotSupported', ['c1.medium does not support IPv6'],
      );
    });

    test('fails when the interface has more IPv6 addresses than the type allows', () => {
      const { stack, subnetA } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', {
        subnet: SubnetReference.fromSubnet(subnetA), ipv6: Ipv6Assignment.count(3),
      });
      expectConstraintError(
        () => eni.attachTo(InstanceReference.fromInstanceId('i-1', { instanceType: 't3.micro' }), { deviceIndex: 1 }),
        'TooManyIpv6Addresses', ['3 IPv6 addresses', 'at most 2 on t3.micro'],
      );
    });

    test('fails when the network card does not exist on the type', () => {
      const { stack, subnetA } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
      expectConstraintError(
        () => eni.attachTo(InstanceReference.fromInstanceId('i-1', { instanceType: 't3.micro' }), { deviceIndex: 1, networkCardIndex: 1 }),
        'UnknownNetworkCard', ['networkCardIndex 1', 'one of 0'],
      );
    });

    test('fails when a non-default network card is asked of the attachment resource', () => {
      const { stack, subnetA } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
      expectConstraintError(
        () => eni.attachTo(InstanceReference.fromInstanceId('i-1', { instanceType: 'p5.48xlarge' }), { deviceIndex: 1, networkCardIndex: 3 }),
        'UnsupportedNetworkCardIndex', ['networkCardIndex 3', 'network_interface blocks'],
      );
    });

    test('accepts the default network card', () => {
      const { stack, subnetA } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
      expect(() => eni.attachTo(
        InstanceReference.fromInstanceId('i-1', { instanceType: 'p5.48xlarge' }), { deviceIndex: 1, networkCardIndex: 0 },
      )).not.toThrow();
    });

    test('fails when the instance is in another Availability Zone', () => {
      const { stack, subnetA } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
      expectConstraintError(
        () => eni.attachTo(InstanceReference.fromInstanceId('i-1', { availabilityZone: 'us-east-1b' }), { deviceIndex: 1 }),
        'AvailabilityZoneMismatch', ['interface in us-east-1a, instance in us-east-1b'],
      );
    });

    test('skips limit checks for unknown types and token device indexes', () => {
      const { stack, subnetA } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', {
        subnet: SubnetReference.fromSubnet(subnetA), privateIpv4: Ipv4Assignment.count(40),
      });
      expect(() => eni.attachTo(
        InstanceReference.fromInstanceId('i-1', { instanceType: 'x99.future' }), { deviceIndex: Token.asNumber({ Ref: 'i' }) },
      )).not.toThrow();
    });
  });

  describe('fromNetworkInterfaceId', () => {
    test('attaches an existing interface', () => {
      const { stack } = networkStack();
      const eni = NetworkInterface.fromNetworkInterfaceId(stack, 'existing', 'eni-0123456789abcdef0');
      eni.attachTo(InstanceReference.fromInstanceId('i-1'), { deviceIndex: 2 });
      expect(only(stack, 'aws_network_interface_attachment')).toMatchObject({
        network_interface_id: 'eni-0123456789abcdef0', instance_id: 'i-1', device_index: 2,
      });
      expect(resourcesOf(stack, 'aws_network_interface')).toEqual({});
    });

    test('fails when attached at device index 0', () => {
      const { stack } = networkStack();
      const eni = NetworkInterface.fromNetworkInterfaceId(stack, 'existing', 'eni-0123456789abcdef0');
      expectConstraintError(() => eni.attachTo(InstanceReference.fromInstanceId('i-1'), { deviceIndex: 0 }), 'PrimaryDeviceIndex', ['test/existing']);
    });
  });
});
