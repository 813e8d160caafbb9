import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, Testing, Token } from 'cdktf';
import { expectConstraintError, networkStack, resourcesOf } from './fixtures';
import {
  InstanceReference, Ipv4Assignment, Ipv6Assignment, NetworkInterface, SubnetReference,
} from '../../lib';
import { AwsProviderFeatures } from '../../lib/aws/provider-features';

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

  describe('address count bounds, whatever the instance type', () => {
    // The largest types (in the limits table) take 64 private IPv4 and 64 IPv6 addresses per interface.
    test.each([64, 1e6, -1, 1.5, NaN, Infinity])('fails when Ipv4Assignment.count is given %p', (count) => {
      expectConstraintError(() => Ipv4Assignment.count(count), 'InvalidCount', ['Ipv4Assignment.count', String(count)]);
    });

    test('names the largest per-interface limit when the count is above it', () => {
      expectConstraintError(() => Ipv4Assignment.count(1e6), 'InvalidCount',
        ['secondaryCount is above 63', 'more than 64 private IPv4 addresses per interface', 'from 0 to 63']);
    });

    test.each([65, 1e6, -1, 0.5, NaN, Infinity])('fails when Ipv6Assignment.count is given %p', (count) => {
      expectConstraintError(() => Ipv6Assignment.count(count), 'InvalidCount', ['Ipv6Assignment.count', String(count)]);
    });

    test('accepts the largest per-interface counts', () => {
      expect(Ipv4Assignment.count(63).totalAddresses).toBe(64);
      expect(Ipv6Assignment.count(64).totalAddresses).toBe(64);
    });

    test('fails when more private IPv4 addresses are listed than any type allows per interface', () => {
      const addresses = Array.from({ length: 65 }, (_, i) => `10.0.1.${i + 10}`);
      expectConstraintError(() => Ipv4Assignment.addresses(addresses[0], ...addresses.slice(1)), 'TooManyPrivateIpv4Addresses',
        ['Ipv4Assignment.addresses', '65 addresses', 'at most 64']);
    });

    test('fails when more IPv6 addresses are listed than any type allows per interface', () => {
      const addresses = Array.from({ length: 65 }, (_, i) => `2600:1f18:1:100::${(i + 16).toString(16)}`);
      expectConstraintError(() => Ipv6Assignment.addresses(...addresses), 'TooManyIpv6Addresses',
        ['Ipv6Assignment.addresses', '65 addresses', 'at most 64']);
    });

    test('skips count tokens', () => {
      expect(() => Ipv6Assignment.count(Token.asNumber({ Ref: 'n' }))).not.toThrow();
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

    test('a non-default network card: refused on hashicorp/aws 5.x, written as network_card_index on 6.x', () => {
      // GIVEN an interface and an instance type with several network cards
      const { stack, subnetA } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
      const instance = InstanceReference.fromInstanceId('i-1', { instanceType: 'p5.48xlarge' });
      if (!AwsProviderFeatures.attachmentNetworkCardIndex()) {
        // WHEN it is attached to card 3 with @cdktf/provider-aws 20.x THEN the attachment, which has no such argument, is refused
        expectConstraintError(() => eni.attachTo(instance, { deviceIndex: 1, networkCardIndex: 3 }),
          'UnsupportedNetworkCardIndex', ['networkCardIndex 3', '@cdktf/provider-aws 21', 'network_interface blocks']);
        return;
      }
      // WHEN it is attached to card 3 with @cdktf/provider-aws 21.x
      eni.attachTo(instance, { deviceIndex: 1, networkCardIndex: 3 });
      // THEN the attachment names the card
      expect(only(stack, 'aws_network_interface_attachment')).toMatchObject({ device_index: 1, network_card_index: 3 });
    });

    test('reads what the attachment takes from the installed provider line', () => {
      // GIVEN the hashicorp/aws version of the @cdktf/provider-aws line this run resolves (20.x, or 21.x in the provider-matrix run)
      const provider = new AwsProvider(networkStack().stack, 'line', { region: 'us-east-1' });
      const version = provider.terraformGeneratorMetadata?.providerVersion ?? '';
      // THEN network_card_index is written exactly from hashicorp/aws 6.x on
      expect(AwsProviderFeatures.attachmentNetworkCardIndex()).toBe(!version.startsWith('5.'));
      expect(version).toMatch(/^[56]\./);
    });

    test('fails when device index 1 of one network card is taken twice, and accepts it on another card', () => {
      // GIVEN an instance with an interface at device index 1 of card 0
      const { stack, subnetA } = networkStack();
      const instance = InstanceReference.fromInstanceId('i-1', { instanceType: 'p5.48xlarge' });
      new NetworkInterface(stack, 'first', { subnet: SubnetReference.fromSubnet(subnetA) }).attachTo(instance, { deviceIndex: 1 });
      const second = new NetworkInterface(stack, 'second', { subnet: SubnetReference.fromSubnet(subnetA) });
      // WHEN another one is attached at device index 1 of the same card THEN it is refused
      expectConstraintError(() => second.attachTo(instance, { deviceIndex: 1, networkCardIndex: 0 }), 'DeviceIndexInUse', ['deviceIndex 1']);
      if (!AwsProviderFeatures.attachmentNetworkCardIndex()) return;
      // AND on 6.x, device index 1 of card 1 is free
      expect(() => second.attachTo(instance, { deviceIndex: 1, networkCardIndex: 1, id: 'OnCard1' })).not.toThrow();
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

    test.each([80, 1e9, Infinity])('fails when the device index %p is beyond the interfaces of any instance type', (deviceIndex) => {
      // GIVEN an instance of unknown type: the largest types take 80 interfaces, device indexes 0 to 79
      const { stack, subnetA } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
      // WHEN / THEN
      expectConstraintError(() => eni.attachTo(InstanceReference.fromInstanceId('i-1'), { deviceIndex }), 'InvalidCount',
        ['deviceIndex', String(deviceIndex), 'from 1 to 79']);
    });

    test('accepts the last device index of the largest instance types', () => {
      const { stack, subnetA } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
      expect(() => eni.attachTo(InstanceReference.fromInstanceId('i-1'), { deviceIndex: 79 })).not.toThrow();
    });

    test('fails when the network card index is beyond the cards of any instance type', () => {
      // GIVEN an instance of unknown type: the largest types have 32 network cards, 0 to 31
      const { stack, subnetA } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
      // WHEN / THEN
      expectConstraintError(() => eni.attachTo(InstanceReference.fromInstanceId('i-1'), { deviceIndex: 1, networkCardIndex: 32 }),
        'InvalidCount', ['networkCardIndex', 'from 0 to 31']);
    });

    describe('counts the interfaces of one instance', () => {
      const setup = () => {
        const fixture = networkStack();
        const nic = (id: string) => new NetworkInterface(fixture.stack, id, { subnet: SubnetReference.fromSubnet(fixture.subnetA) });
        return { ...fixture, nic };
      };

      test('fails when an existing t3.micro would get a third interface', () => {
        // GIVEN an existing t3.micro (2 interfaces) with its primary interface and one attached
        const { nic } = setup();
        const host = InstanceReference.fromInstanceId('i-1', { instanceType: 't3.micro' });
        nic('eth1').attachTo(host, { deviceIndex: 1 });
        // WHEN / THEN a third is refused
        expectConstraintError(() => nic('eth2').attachTo(host, { deviceIndex: 2 }), 'TooManyInterfaces',
          ['test/eth2', 'instance i-1', '3 interfaces', 'at most 2 on t3.micro']);
      });

      test('fails when two interfaces take one device index of an existing instance', () => {
        const { nic } = setup();
        const host = InstanceReference.fromInstanceId('i-1', { instanceType: 'm5.large' });
        nic('eth1').attachTo(host, { deviceIndex: 1 });
        expectConstraintError(() => nic('eth2').attachTo(host, { deviceIndex: 1 }), 'DeviceIndexInUse',
          ['test/eth2', 'device index 1 of instance i-1', 'not in 0, 1']);
      });

      test('counts two references to the same instance id together', () => {
        // GIVEN two references to i-1, the second without its type
        const { nic } = setup();
        nic('eth1').attachTo(InstanceReference.fromInstanceId('i-1', { instanceType: 't3.micro' }), { deviceIndex: 1 });
        // WHEN / THEN the device index taken through the first is taken for the second
        expectConstraintError(() => nic('eth2').attachTo(InstanceReference.fromInstanceId('i-1'), { deviceIndex: 1 }), 'DeviceIndexInUse');
        // AND the first reference sees the interface attached through the second
        nic('eth3').attachTo(InstanceReference.fromInstanceId('i-1'), { deviceIndex: 3 });
        expectConstraintError(
          () => nic('eth4').attachTo(InstanceReference.fromInstanceId('i-1', { instanceType: 'm5.large' }), { deviceIndex: 4 }),
          'TooManyInterfaces', ['4 interfaces', 'at most 3 on m5.large']);
      });

      test('counts two references to one aws_instance together', () => {
        const { nic, instance } = setup();
        nic('eth1').attachTo(InstanceReference.fromInstance(instance), { deviceIndex: 1 });
        expectConstraintError(() => nic('eth2').attachTo(InstanceReference.fromInstance(instance), { deviceIndex: 2 }), 'TooManyInterfaces',
          ['test/host would have more interfaces than t3.micro takes']);
      });

      test('counts interfaces at token device indexes, which take no literal index', () => {
        const { nic } = setup();
        const host = InstanceReference.fromInstanceId('i-1', { instanceType: 't3.micro' });
        nic('eth1').attachTo(host, { deviceIndex: Token.asNumber({ Ref: 'index' }) });
        expectConstraintError(() => nic('eth2').attachTo(host, { deviceIndex: 2 }), 'TooManyInterfaces', ['3 interfaces']);
      });

      test('fails when an instance of unknown type would get more interfaces than the largest type takes', () => {
        // GIVEN an existing instance of unknown type with its primary interface and 79 attached (device indexes 1 to 79)
        const { nic } = setup();
        const host = InstanceReference.fromInstanceId('i-1');
        for (let i = 1; i <= 79; i++) nic(`eth${i}`).attachTo(host, { deviceIndex: i });
        // WHEN / THEN an 81st interface is refused
        expectConstraintError(() => nic('eth80').attachTo(host, { deviceIndex: Token.asNumber({ Ref: 'index' }) }), 'TooManyInterfaces',
          ['81 interfaces', 'at most 80 on any instance type']);
      });

      test('counts each app apart', () => {
        // GIVEN i-1 with two interfaces in one app
        setup().nic('eth1').attachTo(InstanceReference.fromInstanceId('i-1', { instanceType: 't3.micro' }), { deviceIndex: 1 });
        // WHEN / THEN another app may attach to an instance of the same id
        expect(() => setup().nic('eth1').attachTo(InstanceReference.fromInstanceId('i-1', { instanceType: 't3.micro' }), { deviceIndex: 1 }))
          .not.toThrow();
      });
    });

    test.each(['Resource', 'Attachment'])('fails when the attachment id %s is already a child of the interface', (id) => {
      // GIVEN an interface attached once, under the default id
      const { stack, subnetA } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
      eni.attachTo(InstanceReference.fromInstanceId('i-1'), { deviceIndex: 1 });
      // WHEN / THEN an attachment under the id of its resource or of that attachment is refused
      expectConstraintError(() => eni.attachTo(InstanceReference.fromInstanceId('i-2'), { deviceIndex: 1, id }), 'ConstructIdInUse',
        ['test/eni', `id "${id}"`, `test/eni/${id}`]);
    });

    test('attaches one interface twice under another id', () => {
      const { stack, subnetA } = networkStack();
      const eni = new NetworkInterface(stack, 'eni', { subnet: SubnetReference.fromSubnet(subnetA) });
      eni.attachTo(InstanceReference.fromInstanceId('i-1'), { deviceIndex: 1 });
      eni.attachTo(InstanceReference.fromInstanceId('i-2'), { deviceIndex: 1, id: 'Standby' });
      expect(Object.values(resourcesOf(stack, 'aws_network_interface_attachment')).map((a) => a.instance_id)).toEqual(['i-1', 'i-2']);
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
