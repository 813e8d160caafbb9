import { TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { aliStack, expectConstraintError, instance, resourcesOf, vswitch, VPC } from './building-block-fixtures';
import { EcsInstanceReference, EcsNetworkInterface, EcsNetworkInterfaceProps, EniIpv4Assignment, VswitchReference } from '../../lib/alicloud';
import { ErrorCode } from '../../lib/core/error-codes';

function eni(props: Partial<EcsNetworkInterfaceProps> = {}, id = 'eni') {
  const stack = aliStack();
  const networkInterface = new EcsNetworkInterface(stack, id, { vswitch: vswitch(), securityGroupIds: ['sg-bp1web'], ...props });
  return { stack, networkInterface };
}

describe('EcsNetworkInterface', () => {
  test('synthesizes an ENI with fixed addresses and its attachment as in the snapshot', () => {
    // GIVEN an ENI with a fixed primary and secondary address
    const { stack, networkInterface } = eni({ privateIpv4: EniIpv4Assignment.addresses('10.0.1.10', '10.0.1.11'), tags: { Name: 'service' } });
    // WHEN it is attached
    networkInterface.attachTo(instance());
    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('writes the fixed primary as primary_ip_address and only the secondary ones as the set', () => {
    // GIVEN / WHEN
    const { stack } = eni({ privateIpv4: EniIpv4Assignment.addresses('10.0.1.10', '10.0.1.12', '10.0.1.11') });
    // THEN the primary is deterministic, never one element of a set
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface'))).toEqual([expect.objectContaining({
      primary_ip_address: '10.0.1.10', private_ip_addresses: ['10.0.1.12', '10.0.1.11'],
    })]);
  });

  test('keeps the ENI with its instance and turns source/dest check on by default', () => {
    // GIVEN / WHEN an ENI with defaults
    const { stack } = eni();
    // THEN
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface'))).toEqual([{
      vswitch_id: 'vsw-bp1a', security_group_ids: ['sg-bp1web'], source_dest_check: true, delete_on_release: false,
    }]);
  });

  test('asks for counted secondary addresses and IPv6 addresses', () => {
    // GIVEN / WHEN
    const { stack } = eni({ privateIpv4: EniIpv4Assignment.count(3), ipv6AddressCount: 2, sourceDestCheck: false });
    // THEN
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface'))[0]).toMatchObject({
      secondary_private_ip_address_count: 3, ipv6_address_count: 2, source_dest_check: false,
    });
  });

  test('accepts tokens for the vSwitch, the security groups and the count without guessing', () => {
    // GIVEN deploy-time values
    const stack = aliStack();
    const count = new TerraformVariable(stack, 'count', { type: 'number' }).numberValue;
    const groups = new TerraformVariable(stack, 'groups', { type: 'list(string)' }).listValue;
    // WHEN
    new EcsNetworkInterface(stack, 'eni', {
      vswitch: VswitchReference.fromVswitchId(variable(stack, 'vsw'), { cidrBlock: variable(stack, 'cidr') }), securityGroupIds: groups, privateIpv4: EniIpv4Assignment.count(count),
    });
    // THEN nothing is refused and the count is written as given
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface'))[0].secondary_private_ip_address_count).toBe('${var.count}');
  });

  test('attaches to an instance of its zone and VPC through an attachment resource', () => {
    // GIVEN
    const { stack, networkInterface } = eni();
    // WHEN
    networkInterface.attachTo(instance());
    // THEN
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface_attachment'))).toEqual([{
      instance_id: 'i-bp1host', network_interface_id: `\${alicloud_ecs_network_interface.${(networkInterface.resource).friendlyUniqueId}.id}`,
    }]);
  });

  test('fails when a fixed address lies outside the vSwitch', () => {
    expectConstraintError(() => eni({ privateIpv4: EniIpv4Assignment.addresses('10.0.1.10', '10.0.2.11') }),
      ErrorCode.AddressOutsideSubnet, ['secondary private IPv4 address #1', '10.0.2.11 (vSwitch 10.0.1.0/24)']);
  });

  test('fails when a fixed address is given twice', () => {
    expectConstraintError(() => eni({ privateIpv4: EniIpv4Assignment.addresses('10.0.1.10', '10.0.1.10') }), ErrorCode.DuplicateAddress);
  });

  test('fails when it joins no security group or more than 10', () => {
    expectConstraintError(() => eni({ securityGroupIds: [] }), ErrorCode.InvalidCount, ['at least one security group']);
    const eleven = Array.from({ length: 11 }, (_, i) => `sg-${i}`);
    expectConstraintError(() => eni({ securityGroupIds: eleven }), ErrorCode.TooManySecurityGroups, ['11 security groups']);
  });

  test('fails when both IPv6 props are given, or a count or address is out of range', () => {
    expectConstraintError(() => eni({ ipv6AddressCount: 1, ipv6Addresses: ['2408:4005::10'] }), ErrorCode.ConflictingProps);
    expectConstraintError(() => eni({ ipv6AddressCount: 11 }), ErrorCode.TooManyIpv6Addresses);
    expectConstraintError(() => eni({ ipv6AddressCount: 0 }), ErrorCode.InvalidCount);
    expectConstraintError(() => eni({ ipv6Addresses: ['10.0.1.1'] }), ErrorCode.InvalidIpv6Address);
  });

  test('fails when the vSwitch CIDR block is not a CIDR block', () => {
    expectConstraintError(() => eni({ vswitch: vswitch({ cidrBlock: '10.0.1.0/33' }) }), ErrorCode.InvalidCidr);
  });

  test('fails when attached to an instance of another zone or VPC', () => {
    expectConstraintError(() => eni().networkInterface.attachTo(instance('i-1', { zoneId: 'cn-hangzhou-i' })),
      ErrorCode.AvailabilityZoneMismatch, ['ENI in cn-hangzhou-h, instance i-1 in cn-hangzhou-i']);
    expectConstraintError(() => eni().networkInterface.attachTo(instance('i-1', { vpcId: 'vpc-other' })),
      ErrorCode.VpcMismatch, [`ENI in ${VPC}`]);
  });

  test('fails when attached a second time', () => {
    const { networkInterface } = eni();
    networkInterface.attachTo(instance('i-1'));
    expectConstraintError(() => networkInterface.attachTo(instance('i-2')), ErrorCode.EniAlreadyAttached, ['attached to instance i-1']);
  });

  test('fails when the instance type takes fewer addresses per ENI than the ENI has', () => {
    // GIVEN 7 addresses; an ecs.g6.large takes 6 per ENI
    const { networkInterface } = eni({ privateIpv4: EniIpv4Assignment.count(6) });
    expectConstraintError(() => networkInterface.attachTo(instance()), ErrorCode.TooManyPrivateIpv4Addresses, ['at most 6 per ENI on ecs.g6.large']);
  });

  test('fails when the instance would have more ENIs than its type takes, counting the primary', () => {
    // GIVEN an ecs.g6.large (2 ENIs) that has one secondary ENI
    const stack = aliStack();
    const host = instance();
    new EcsNetworkInterface(stack, 'eth1', { vswitch: vswitch(), securityGroupIds: ['sg-1'] }).attachTo(host);
    const eth2 = new EcsNetworkInterface(stack, 'eth2', { vswitch: vswitch(), securityGroupIds: ['sg-1'] });
    // WHEN a second one is attached, even through another reference to the instance THEN
    expectConstraintError(() => eth2.attachTo(instance()), ErrorCode.TooManyInterfaces, ['3 ENIs', 'at most 2 on ecs.g6.large']);
  });

  test('does not count ENIs on an instance known only by a token', () => {
    const stack = aliStack();
    const host = EcsInstanceReference.fromInstanceId(variable(stack, 'host'), { instanceType: 'ecs.g6.large' });
    ['eth1', 'eth2'].forEach((name) => new EcsNetworkInterface(stack, name, { vswitch: vswitch(), securityGroupIds: ['sg-1'] }).attachTo(host));
    expect(Object.keys(resourcesOf(stack, 'alicloud_ecs_network_interface_attachment'))).toHaveLength(2);
  });

  test('fails when the attachment id is taken', () => {
    expectConstraintError(() => eni().networkInterface.attachTo(instance(), { id: 'Resource' }), ErrorCode.ConstructIdInUse);
  });

  test('fails when props have the wrong type (JavaScript callers)', () => {
    expectConstraintError(() => eni({ vswitch: 'vsw-1' as any }), ErrorCode.InvalidPropType, ['props.vswitch']);
    expectConstraintError(() => eni({ securityGroupIds: undefined as any }), ErrorCode.MissingRequiredProp, ['props.securityGroupIds']);
  });
});

describe('EniIpv4Assignment', () => {
  test('counts the primary in totalAddresses', () => {
    expect(EniIpv4Assignment.automatic().totalAddresses).toBe(1);
    expect(EniIpv4Assignment.count(49).totalAddresses).toBe(50);
    expect(EniIpv4Assignment.addresses('10.0.1.10', '10.0.1.11').totalAddresses).toBe(2);
  });

  test('fails when the count is not a whole number from 0 to 49', () => {
    expectConstraintError(() => EniIpv4Assignment.count(50), ErrorCode.TooManyPrivateIpv4Addresses, ['EniIpv4Assignment.count']);
    expectConstraintError(() => EniIpv4Assignment.count(-1), ErrorCode.InvalidCount);
    expectConstraintError(() => EniIpv4Assignment.count(1.5), ErrorCode.InvalidCount);
  });

  test('fails when an address is no IPv4 address or there are more than 49 secondary ones', () => {
    expectConstraintError(() => EniIpv4Assignment.addresses('10.0.1.10', '10.0.1.300'), ErrorCode.InvalidIpv4Address, ['secondary address #1']);
    const fifty = Array.from({ length: 50 }, (_, i) => `10.0.1.${i + 11}`);
    expectConstraintError(() => EniIpv4Assignment.addresses('10.0.1.10', ...fifty), ErrorCode.TooManyPrivateIpv4Addresses);
  });

  test('accepts token addresses without guessing', () => {
    expect(EniIpv4Assignment.addresses(variable(aliStack(), 'ip')).fixedAddresses).toHaveLength(1);
  });
});

function variable(scope: Construct, name: string): string {
  return new TerraformVariable(scope, name, { type: 'string' }).stringValue;
}
