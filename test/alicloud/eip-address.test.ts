import { TerraformResource, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { aliStack, expectConstraintError, instance, resourcesOf, vswitch } from './building-block-fixtures';
import { EcsNetworkInterface, EipAddress, EipAssociationMode, EipAssociationTarget, EniIpv4Assignment } from '../../lib/alicloud';
import { ErrorCode } from '../../lib/core/error-codes';

function withEni(privateIpv4?: EniIpv4Assignment) {
  const stack = aliStack();
  const eni = new EcsNetworkInterface(stack, 'eni', { vswitch: vswitch(), securityGroupIds: ['sg-1'], privateIpv4 });
  return { stack, eni };
}

function associations(stack: ReturnType<typeof aliStack>): any[] {
  return Object.values(resourcesOf(stack, 'alicloud_eip_association'));
}

describe('EipAddress', () => {
  test('synthesizes an address and its association with a secondary private IP as in the snapshot', () => {
    const { stack, eni } = withEni(EniIpv4Assignment.addresses('10.0.1.10', '10.0.1.11'));
    new EipAddress(stack, 'eip', { associateWith: EipAssociationTarget.networkInterface(eni, '10.0.1.11'), bandwidth: '10', tags: { Name: 'web' } });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('allocates an address without association by default', () => {
    const stack = aliStack();
    new EipAddress(stack, 'eip', { addressName: 'web' });
    expect(Object.values(resourcesOf(stack, 'alicloud_eip_address'))).toEqual([{ address_name: 'web' }]);
    expect(associations(stack)).toEqual([]);
  });

  test.each([
    ['an ECS instance', () => EipAssociationTarget.ecsInstance(instance()), { instance_id: 'i-bp1host', instance_type: 'EcsInstance' }],
    ['an ENI by id', () => EipAssociationTarget.networkInterfaceId('eni-bp1x', '10.0.1.20'),
      { instance_id: 'eni-bp1x', instance_type: 'NetworkInterface', mode: 'NAT', private_ip_address: '10.0.1.20' }],
    ['a HaVip', () => EipAssociationTarget.haVip('havip-bp1x'), { instance_id: 'havip-bp1x', instance_type: 'HaVip' }],
    ['a NAT gateway', () => EipAssociationTarget.natGateway('ngw-bp1x'), { instance_id: 'ngw-bp1x', instance_type: 'Nat' }],
  ])('always writes the instance_type of %s, and a mode only for an ENI', (_name, target, expected) => {
    // GIVEN / WHEN
    const stack = aliStack();
    new EipAddress(stack, 'eip', { associateWith: target() });
    // THEN
    expect(associations(stack)).toEqual([{ allocation_id: expect.stringMatching(/^\$\{alicloud_eip_address\..*\.id\}$/), ...expected }]);
  });

  test('maps EIPs in NAT mode to the primary and the secondary addresses of one ENI', () => {
    // GIVEN an ENI of two fixed addresses
    const { stack, eni } = withEni(EniIpv4Assignment.addresses('10.0.1.10', '10.0.1.11'));
    // WHEN one EIP goes on the primary (implicitly) and one on the secondary
    new EipAddress(stack, 'eip0', { associateWith: EipAssociationTarget.networkInterface(eni) });
    new EipAddress(stack, 'eip1').associateWith(EipAssociationTarget.networkInterface(eni, '10.0.1.11'));
    // THEN
    expect(associations(stack).map((a) => a.private_ip_address)).toEqual([undefined, '10.0.1.11']);
  });

  test('makes the attachment wait for an association in BINDED mode, made before or after it', () => {
    // GIVEN two ENIs, one attached before its EIP is associated, one after
    const stack = aliStack();
    const [eth1, eth2] = ['eth1', 'eth2'].map((name) => new EcsNetworkInterface(stack, name, { vswitch: vswitch(), securityGroupIds: ['sg-1'] }));
    const host = instance('i-1', { instanceType: 'ecs.g6.xlarge' });
    const early = eth1.attachTo(host);
    const eip1 = new EipAddress(stack, 'eip1', { associateWith: EipAssociationTarget.networkInterface(eth1), mode: EipAssociationMode.BINDED });
    const eip2 = new EipAddress(stack, 'eip2', { associateWith: EipAssociationTarget.networkInterface(eth2), mode: EipAssociationMode.BINDED });
    const late = eth2.attachTo(host);
    // THEN each attachment depends on its ENI's association, and the mode is written
    const attachments = resourcesOf(stack, 'alicloud_ecs_network_interface_attachment');
    const dependency = (eip: EipAddress) => `alicloud_eip_association.${(eip.node.findChild('Association') as TerraformResource).friendlyUniqueId}`;
    expect(attachments[early.friendlyUniqueId].depends_on).toEqual([dependency(eip1)]);
    expect(attachments[late.friendlyUniqueId].depends_on).toEqual([dependency(eip2)]);
    expect(associations(stack).map((a) => a.mode)).toEqual(['BINDED', 'BINDED']);
  });

  test('accepts token targets and private IPs without guessing', () => {
    const { stack, eni } = withEni(EniIpv4Assignment.count(2));
    const ip = variable(stack, 'ip');
    new EipAddress(stack, 'eip0', { associateWith: EipAssociationTarget.networkInterface(eni, ip) });
    new EipAddress(stack, 'eip1', { associateWith: EipAssociationTarget.networkInterface(eni, ip) });
    const haVip = variable(stack, 'havip');
    ['eip2', 'eip3'].forEach((name) => new EipAddress(stack, name, { associateWith: EipAssociationTarget.haVip(haVip) }));
    expect(associations(stack)).toHaveLength(4);
  });

  test('fails when associated twice', () => {
    const eip = new EipAddress(aliStack(), 'eip', { associateWith: EipAssociationTarget.haVip('havip-1') });
    expectConstraintError(() => eip.associateWith(EipAssociationTarget.haVip('havip-2')), ErrorCode.ElasticIpAlreadyAssociated);
  });

  test('fails when mode is given without a target', () => {
    expectConstraintError(() => new EipAddress(aliStack(), 'eip', { mode: EipAssociationMode.BINDED }), ErrorCode.ConflictingProps, ['mode BINDED without associateWith']);
  });

  test.each([
    ['an ECS instance', () => EipAssociationTarget.ecsInstance(instance())],
    ['a HaVip', () => EipAssociationTarget.haVip('havip-1')],
    ['a NAT gateway', () => EipAssociationTarget.natGateway('ngw-1')],
  ])('fails when a visible mode is asked for %s', (_name, target) => {
    expectConstraintError(() => new EipAddress(aliStack(), 'eip', { associateWith: target(), mode: EipAssociationMode.MULTI_BINDED }), ErrorCode.EipModeNotForTarget);
  });

  test('fails when a NAT-mode EIP names an address the ENI does not have, or one with no fixed addresses', () => {
    const { stack, eni } = withEni(EniIpv4Assignment.addresses('10.0.1.10'));
    expectConstraintError(() => new EipAddress(stack, 'eip', { associateWith: EipAssociationTarget.networkInterface(eni, '10.0.1.99') }),
      ErrorCode.ElasticIpAddressNotOnInterface, ['one of 10.0.1.10']);
    const counted = withEni(EniIpv4Assignment.count(2));
    expectConstraintError(() => new EipAddress(counted.stack, 'eip', { associateWith: EipAssociationTarget.networkInterface(counted.eni, '10.0.1.99') }),
      ErrorCode.ElasticIpAddressNotOnInterface, ['Alibaba Cloud picks']);
  });

  test('fails when a second NAT-mode EIP takes the same private IP', () => {
    const { stack, eni } = withEni(EniIpv4Assignment.addresses('10.0.1.10', '10.0.1.11'));
    new EipAddress(stack, 'eip0', { associateWith: EipAssociationTarget.networkInterface(eni) });
    expectConstraintError(() => new EipAddress(stack, 'eip1', { associateWith: EipAssociationTarget.networkInterface(eni, '10.0.1.10') }),
      ErrorCode.ElasticIpAddressAlreadyTaken, ['10.0.1.10']);
  });

  test('fails when an ENI in BINDED mode would take a second EIP, in any mode', () => {
    const { stack, eni } = withEni(EniIpv4Assignment.addresses('10.0.1.10', '10.0.1.11'));
    new EipAddress(stack, 'eip0', { associateWith: EipAssociationTarget.networkInterface(eni), mode: EipAssociationMode.BINDED });
    expectConstraintError(() => new EipAddress(stack, 'eip1', { associateWith: EipAssociationTarget.networkInterface(eni, '10.0.1.11') }), ErrorCode.TooManyEips);
    const other = withEni();
    new EipAddress(other.stack, 'eip0', { associateWith: EipAssociationTarget.networkInterface(other.eni) });
    expectConstraintError(() => new EipAddress(other.stack, 'eip1', { associateWith: EipAssociationTarget.networkInterface(other.eni), mode: EipAssociationMode.BINDED }),
      ErrorCode.TooManyEips, ['BINDED']);
  });

  test('fails when a visible mode names a private IP', () => {
    const { stack, eni } = withEni(EniIpv4Assignment.addresses('10.0.1.10'));
    expectConstraintError(() => new EipAddress(stack, 'eip', { associateWith: EipAssociationTarget.networkInterface(eni, '10.0.1.10'), mode: EipAssociationMode.BINDED }),
      ErrorCode.ConflictingProps);
    expectConstraintError(() => new EipAddress(aliStack(), 'eip', { associateWith: EipAssociationTarget.networkInterfaceId('eni-1', '10.0.1.10'), mode: EipAssociationMode.MULTI_BINDED }),
      ErrorCode.ConflictingProps);
  });

  test('fails when an instance, a HaVip or a NAT gateway would have more EIPs than it takes', () => {
    const stack = aliStack();
    new EipAddress(stack, 'a', { associateWith: EipAssociationTarget.ecsInstance(instance()) });
    expectConstraintError(() => new EipAddress(stack, 'b', { associateWith: EipAssociationTarget.ecsInstance(instance()) }), ErrorCode.TooManyEips, ['an ECS instance takes one']);
    new EipAddress(stack, 'c', { associateWith: EipAssociationTarget.haVip('havip-1') });
    expectConstraintError(() => new EipAddress(stack, 'd', { associateWith: EipAssociationTarget.haVip('havip-1') }), ErrorCode.TooManyEips, ['takes one EIP']);
    Array.from({ length: 20 }, (_, i) => new EipAddress(stack, `ngw${i}`, { associateWith: EipAssociationTarget.natGateway('ngw-1') }));
    expectConstraintError(() => new EipAddress(stack, 'ngw20', { associateWith: EipAssociationTarget.natGateway('ngw-1') }), ErrorCode.TooManyEips, ['at most 20 EIPs']);
  });

  test('fails when props have the wrong type (JavaScript callers)', () => {
    expectConstraintError(() => new EipAddress(aliStack(), 'eip', { mode: 'BINDED' as any }), ErrorCode.InvalidPropType, ['props.mode']);
    expectConstraintError(() => new EipAddress(aliStack(), 'eip', { internetChargeType: 'Free' }), ErrorCode.InvalidPropType, ['props.internetChargeType']);
    expectConstraintError(() => new EipAddress(aliStack(), 'eip').associateWith({ instanceType: 'HaVip' } as any), ErrorCode.InvalidPropType, ['target']);
  });
});

function variable(scope: Construct, name: string): string {
  return new TerraformVariable(scope, name, { type: 'string' }).stringValue;
}
