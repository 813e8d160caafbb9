import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { AnnotationMetadataEntryType, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { InstanceReference, Port, SubnetReference } from '../../../lib';
import { MultiEipInstance, MultiEipInstanceProps, MultiEipMode } from '../../../lib/aws/patterns/multi-eip-instance';
import { describeTerraform, TERRAFORM_TEST_TIMEOUT_MS } from '../../terraform/jest-helpers';
import { synthAndPlan } from '../../terraform/offline-terraform';
import { expectConstraintError, networkStack, resourcesOf } from '../fixtures';

const AMI = 'ami-0123456789abcdef0';

/** A VPC with subnets 10.0.1.0/24 (subnet-a) and 10.0.2.0/24 (subnet-b) of us-east-1a. */
function setup() {
  const fixture = networkStack();
  const base = { subnet: SubnetReference.fromSubnet(fixture.subnetB), instanceType: 'm5.large', ami: AMI };
  const multi = (props: Partial<MultiEipInstanceProps> = {}) =>
    new MultiEipInstance(fixture.stack, 'multi', { ...base, ...props });
  return { ...fixture, multi };
}

const ref = (construct: { friendlyUniqueId: string }, type: string, attribute = 'id') =>
  `\${${type}.${construct.friendlyUniqueId}.${attribute}}`;

describe('MultiEipInstance', () => {
  describe('with SECONDARY_ADDRESSES (the default)', () => {
    test('puts N addresses on one secondary interface, one Elastic IP each', () => {
      // GIVEN / WHEN three public addresses on an m5.large
      const { stack, multi } = setup();
      const instance = multi({ publicAddressCount: 3 });
      // THEN one interface with its primary and 2 secondary addresses, attached at device index 1
      expect(instance.mode).toBe(MultiEipMode.SECONDARY_ADDRESSES);
      expect(instance.interfaces).toHaveLength(1);
      const nic = resourcesOf(stack, 'aws_network_interface')[instance.interfaces[0].resource.friendlyUniqueId];
      expect(nic.private_ips_count).toBe(2);
      expect(Object.values(resourcesOf(stack, 'aws_network_interface_attachment'))).toEqual([
        expect.objectContaining({ device_index: 1, network_interface_id: ref(instance.interfaces[0].resource, 'aws_network_interface') }),
      ]);
      // AND three Elastic IPs, each mapped to a distinct address of that interface
      const associations = Object.values(resourcesOf(stack, 'aws_eip_association'));
      expect(Object.keys(resourcesOf(stack, 'aws_eip'))).toHaveLength(3);
      expect(new Set(associations.map((a) => a.network_interface_id))).toEqual(
        new Set([ref(instance.interfaces[0].resource, 'aws_network_interface')]));
      expect(new Set(associations.map((a) => a.private_ip_address)).size).toBe(3);
      expect(new Set(associations.map((a) => a.allocation_id)).size).toBe(3);
    });

    test('maps the Elastic IPs to fixed addresses in order, the first being the primary', () => {
      const { stack, multi } = setup();
      const instance = multi({ privateIpAddresses: ['10.0.2.10', '10.0.2.11', '10.0.2.12'] });
      const nic = resourcesOf(stack, 'aws_network_interface')[instance.interfaces[0].resource.friendlyUniqueId];
      expect(nic.private_ip_list_enabled).toBe(true);
      expect(nic.private_ip_list).toEqual(['10.0.2.10', '10.0.2.11', '10.0.2.12']);
      const associations = resourcesOf(stack, 'aws_eip_association');
      expect(instance.elasticIps.map((eip) => associations[(eip.node.findChild('Association') as any).friendlyUniqueId].private_ip_address))
        .toEqual(['10.0.2.10', '10.0.2.11', '10.0.2.12']);
    });

    test('gives the one interface one security group with publicIngressPorts open', () => {
      const { stack, multi } = setup();
      const instance = multi({ publicAddressCount: 2, publicIngressPorts: [Port.tcp(443), Port.tcp(80)] });
      expect(instance.securityGroups).toHaveLength(1);
      const ingress = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'));
      expect(ingress.map((rule) => [rule.security_group_id, rule.cidr_ipv4, rule.from_port]).sort()).toEqual([
        [ref(instance.securityGroups[0].resource, 'aws_security_group'), '0.0.0.0/0', 443],
        [ref(instance.securityGroups[0].resource, 'aws_security_group'), '0.0.0.0/0', 80],
      ]);
    });
  });

  describe('with INTERFACE_PER_ADDRESS', () => {
    test('creates one interface, security group and Elastic IP per address', () => {
      const { stack, multi } = setup();
      const instance = multi({ mode: MultiEipMode.INTERFACE_PER_ADDRESS, privateIpAddresses: ['10.0.2.10', '10.0.2.11'] });
      expect(instance.interfaces).toHaveLength(2);
      expect(instance.securityGroups).toHaveLength(2);
      const nics = resourcesOf(stack, 'aws_network_interface');
      instance.interfaces.forEach((nic, i) => {
        expect(nics[nic.resource.friendlyUniqueId].private_ip_list).toEqual([`10.0.2.1${i}`]);
        expect(nics[nic.resource.friendlyUniqueId].security_groups).toEqual([ref(instance.securityGroups[i].resource, 'aws_security_group')]);
      });
      const attachments = Object.values(resourcesOf(stack, 'aws_network_interface_attachment'));
      expect(attachments.map((a) => [a.device_index, a.network_interface_id]).sort()).toEqual(
        instance.interfaces.map((nic, i) => [i + 1, ref(nic.resource, 'aws_network_interface')]));
      expect(instance.deviceIndexes).toEqual([1, 2]);
      const associations = Object.values(resourcesOf(stack, 'aws_eip_association'));
      expect(associations.map((a) => a.network_interface_id).sort()).toEqual(
        instance.interfaces.map((nic) => ref(nic.resource, 'aws_network_interface')).sort());
    });

    test('accepts as many addresses as interfaces besides the primary', () => {
      // GIVEN an m5.large, which takes 3 interfaces
      const { multi } = setup();
      expect(multi({ mode: MultiEipMode.INTERFACE_PER_ADDRESS, publicAddressCount: 2 }).interfaces).toHaveLength(2);
    });
  });

  test('launches the instance with a primary interface of its own, in primarySubnet when given', () => {
    const { stack, subnetA, multi } = setup();
    const instance = multi({ publicAddressCount: 1, primarySubnet: SubnetReference.fromSubnet(subnetA) });
    const primary = resourcesOf(stack, 'aws_network_interface')[instance.primaryInterface!.resource.friendlyUniqueId];
    expect(primary.subnet_id).toBe('${aws_subnet.subnet-a.id}');
    expect(primary.security_groups).toEqual([ref(instance.primarySecurityGroup!.resource, 'aws_security_group')]);
    expect(resourcesOf(stack, 'aws_instance')[instance.instance!.resource.friendlyUniqueId].network_interface).toEqual([
      { device_index: 0, network_interface_id: ref(instance.primaryInterface!.resource, 'aws_network_interface') },
    ]);
  });

  test('adds only the interfaces to an existing instance', () => {
    const { stack, multi } = setup();
    const instance = multi({
      instanceType: undefined,
      ami: undefined,
      mode: MultiEipMode.INTERFACE_PER_ADDRESS,
      publicAddressCount: 2,
      existingInstance: InstanceReference.fromInstanceId('i-0123', { instanceType: 'm5.large', availabilityZone: 'us-east-1a' }),
    });
    expect(instance.instance).toBeUndefined();
    expect(instance.primaryInterface).toBeUndefined();
    expect(Object.keys(resourcesOf(stack, 'aws_network_interface'))).toHaveLength(2);
    expect(Object.values(resourcesOf(stack, 'aws_network_interface_attachment')).map((a) => a.instance_id)).toEqual(['i-0123', 'i-0123']);
  });

  describe('the default Elastic IP quota', () => {
    const warnings = (construct: MultiEipInstance) =>
      construct.node.metadata.filter((entry) => entry.type === AnnotationMetadataEntryType.WARN).map((entry) => String(entry.data));

    test('warns when the pattern allocates more Elastic IPs than the default quota of 5 per Region', () => {
      // GIVEN / WHEN six public addresses on an m5.large (10 per interface)
      const { stack, multi } = setup();
      const instance = multi({ publicAddressCount: 6 });
      // THEN they are declared, with a warning naming the default quota
      expect(Object.keys(resourcesOf(stack, 'aws_eip'))).toHaveLength(6);
      expect(warnings(instance)).toEqual([expect.stringContaining('6 Elastic IPs exceed the default quota of 5 Elastic IP addresses per Region')]);
    });

    test('does not warn within the default quota', () => {
      const { multi } = setup();
      expect(warnings(multi({ publicAddressCount: 5 }))).toEqual([]);
    });
  });

  describe('with tokens', () => {
    test('bounds the count by the largest instance type when the instance type is a token', () => {
      // GIVEN an instance type only known at deploy time
      const { stack, multi } = setup();
      const type = new TerraformVariable(stack, 'type', { type: 'string' }).stringValue;
      // WHEN / THEN 20 addresses fit on one interface of a large enough type
      expect(multi({ instanceType: type, publicAddressCount: 20 }).elasticIps).toHaveLength(20);
      // AND 65 fit on no type's interface (64 private IPv4 addresses at most)
      expectConstraintError(() => new MultiEipInstance(stack, 'more', {
        subnet: SubnetReference.fromSubnet(setup().subnetB), instanceType: type, ami: AMI, publicAddressCount: 65,
      }), 'TooManyPublicAddresses', ['at most 64 with SECONDARY_ADDRESSES on any instance type']);
    });

    test('maps Elastic IPs to token addresses as given', () => {
      const { stack, multi } = setup();
      const address = new TerraformVariable(stack, 'address', { type: 'string' }).stringValue;
      multi({ mode: MultiEipMode.INTERFACE_PER_ADDRESS, privateIpAddresses: [address] });
      expect(Object.values(resourcesOf(stack, 'aws_network_interface')).map((nic) => nic.private_ip_list))
        .toContainEqual(['${var.address}']);
    });
  });

  describe('fails when', () => {
    test('fails when one interface cannot carry that many addresses', () => {
      // GIVEN an m5.large: 10 IPv4 addresses per interface, 3 interfaces
      const { multi } = setup();
      expectConstraintError(() => multi({ publicAddressCount: 11 }), 'TooManyPublicAddresses',
        ['m5.large', '11 public addresses', 'at most 10 with SECONDARY_ADDRESSES', 'larger instance type']);
    });

    test('fails when the instance type takes too few interfaces, suggesting SECONDARY_ADDRESSES', () => {
      const { multi } = setup();
      expectConstraintError(() => multi({ mode: MultiEipMode.INTERFACE_PER_ADDRESS, publicAddressCount: 3 }), 'TooManyPublicAddresses',
        ['m5.large', '3 public addresses', 'at most 2 with INTERFACE_PER_ADDRESS', 'MultiEipMode.SECONDARY_ADDRESSES (up to 10']);
    });

    test('fails when an existing instance type is too small', () => {
      const { multi } = setup();
      expectConstraintError(() => multi({
        instanceType: undefined,
        ami: undefined,
        publicAddressCount: 3,
        existingInstance: InstanceReference.fromInstanceId('i-1', { instanceType: 't3.micro' }),
      }), 'TooManyPublicAddresses', ['t3.micro', 'at most 2']);
    });

    const onUnknownInstance = (props: Partial<MultiEipInstanceProps>) => ({
      instanceType: undefined, ami: undefined, existingInstance: InstanceReference.fromInstanceId('i-1'), ...props,
    });

    test.each([
      [MultiEipMode.SECONDARY_ADDRESSES, 5000, 'at most 64 with SECONDARY_ADDRESSES on any instance type'],
      [MultiEipMode.SECONDARY_ADDRESSES, 2 ** 32, 'at most 64 with SECONDARY_ADDRESSES on any instance type'],
      [MultiEipMode.INTERFACE_PER_ADDRESS, 5000, 'at most 79 with INTERFACE_PER_ADDRESS on any instance type'],
    ])('fails when an existing instance of unknown type would get more public addresses than any type carries (%s, %p)',
      (mode, publicAddressCount, fragment) => {
        // GIVEN an existing instance whose type is unknown: the largest types carry 64 addresses per interface, 80 interfaces
        const { stack, multi } = setup();
        // WHEN / THEN the count is refused before any Elastic IP is declared
        expectConstraintError(() => multi(onUnknownInstance({ mode, publicAddressCount })), 'TooManyPublicAddresses',
          [`${publicAddressCount} public addresses`, 'an instance of unknown type', fragment]);
        expect(resourcesOf(stack, 'aws_eip')).toEqual({});
      });

    test('fails when privateIpAddresses lists more addresses than any instance type carries', () => {
      const { multi } = setup();
      const privateIpAddresses = Array.from({ length: 65 }, (_, i) => `10.0.2.${i + 10}`);
      expectConstraintError(() => multi(onUnknownInstance({ privateIpAddresses })), 'TooManyPublicAddresses',
        ['65 public addresses', 'at most 64']);
    });

    test('fails when the first device index on an existing instance is beyond any instance type\'s interfaces', () => {
      const { multi } = setup();
      expectConstraintError(() => multi(onUnknownInstance({ publicAddressCount: 1, firstDeviceIndex: 1e9 })), 'InvalidCount',
        ['deviceIndex', '1000000000', 'from 1 to 79']);
    });

    test.each([NaN, Infinity, -1])('fails when publicAddressCount is %p', (publicAddressCount) => {
      const { multi } = setup();
      expectConstraintError(() => multi({ publicAddressCount }), 'InvalidCount', ['publicAddressCount', String(publicAddressCount)]);
    });

    test('fails when a second pattern takes a device index of the same existing instance', () => {
      // GIVEN an existing m5.large to which one pattern gave an interface at device index 1
      const { stack, subnetB, multi } = setup();
      const existing = () => onUnknownInstance({
        existingInstance: InstanceReference.fromInstanceId('i-1', { instanceType: 'm5.large' }), publicAddressCount: 1,
      });
      multi(existing());
      // WHEN / THEN a second pattern on the same instance cannot take device index 1 again
      expectConstraintError(() => new MultiEipInstance(stack, 'second', { ...existing(), subnet: SubnetReference.fromSubnet(subnetB) }),
        'DeviceIndexInUse', ['device index 1 of instance i-1']);
    });

    test('fails when publicAddressCount and privateIpAddresses disagree', () => {
      const { multi } = setup();
      expectConstraintError(() => multi({ publicAddressCount: 3, privateIpAddresses: ['10.0.2.10'] }), 'AddressCountMismatch',
        ['publicAddressCount 3, 1 privateIpAddresses']);
    });

    test('fails when the number of addresses is missing', () => {
      const { multi } = setup();
      expectConstraintError(() => multi(), 'InvalidCount', ['neither publicAddressCount nor privateIpAddresses']);
    });

    test('fails when the number of addresses is a token', () => {
      const { stack, multi } = setup();
      const count = new TerraformVariable(stack, 'count', { type: 'number' }).numberValue;
      expectConstraintError(() => multi({ publicAddressCount: count }), 'InvalidCount', ['deploy time']);
    });

    test('fails when the list of addresses is a token', () => {
      const { stack, multi } = setup();
      const list = new TerraformVariable(stack, 'addresses', { type: 'list(string)' }).listValue;
      expectConstraintError(() => multi({ privateIpAddresses: list }), 'InvalidCount', ['deploy time']);
    });

    test.each([0, 1.5])('fails when publicAddressCount is %s', (publicAddressCount) => {
      const { multi } = setup();
      expectConstraintError(() => multi({ publicAddressCount }), 'InvalidCount', ['publicAddressCount']);
    });

    test.each([MultiEipMode.SECONDARY_ADDRESSES, MultiEipMode.INTERFACE_PER_ADDRESS])('fails when an address is listed twice (%s)', (mode) => {
      const { multi } = setup();
      expectConstraintError(() => multi({ mode, privateIpAddresses: ['10.0.2.10', '10.0.2.10'] }), 'DuplicateAddress', ['10.0.2.10']);
    });

    test('fails when an address is outside the subnet', () => {
      const { multi } = setup();
      expectConstraintError(() => multi({ privateIpAddresses: ['10.0.9.10'] }), 'AddressOutsideSubnet', ['10.0.9.10']);
    });

    test('fails when SSH would be open to the internet', () => {
      const { multi } = setup();
      expectConstraintError(() => multi({ publicAddressCount: 1, publicIngressPorts: [Port.tcp(22)] }), 'AdminPortOpenToInternet', ['SSH']);
    });

    test('fails when both an existing instance and launch props are given', () => {
      const { multi } = setup();
      expectConstraintError(() => multi({ publicAddressCount: 1, existingInstance: InstanceReference.fromInstanceId('i-1') }),
        'ConflictingInstanceProps', ['instanceType, ami']);
    });
  });

  test.each([MultiEipMode.SECONDARY_ADDRESSES, MultiEipMode.INTERFACE_PER_ADDRESS])('synthesizes a typical configuration with %s (snapshot)', (mode) => {
    const { stack, multi } = setup();
    multi({ mode, privateIpAddresses: ['10.0.2.10', '10.0.2.11'], publicIngressPorts: [Port.tcp(443)], tags: { Name: 'multi' } });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeTerraform('MultiEipInstance offline', () => {
  test('plans Elastic IPs mapped to addresses that AWS picks', async () => {
    // GIVEN addresses picked by AWS, so each association names element i of the interface's addresses
    const [plan] = await synthAndPlan((app) => {
      const stack = new TerraformStack(app, 'multi-eip-count');
      new AwsProvider(stack, 'aws', { region: 'us-east-1' });
      const vpc = new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16' });
      const subnet = new Subnet(stack, 'subnet', { vpcId: vpc.id, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a' });
      new MultiEipInstance(stack, 'multi', { subnet: SubnetReference.fromSubnet(subnet), publicAddressCount: 3, instanceType: 'm5.large', ami: AMI });
    });
    // THEN Terraform accepts the expressions and plans one association per Elastic IP
    expect(plan.byType).toEqual(expect.objectContaining({ aws_eip: 3, aws_eip_association: 3, aws_network_interface: 2 }));
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
