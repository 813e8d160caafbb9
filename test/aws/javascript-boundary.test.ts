import { Testing, TerraformStack } from 'cdktf';
import { expectConstraintError, networkStack } from './fixtures';
import * as lib from '../../lib';

/* eslint-disable @typescript-eslint/no-explicit-any -- these tests call the constructs as plain JavaScript would */
type AnyConstruct = new (scope: any, id: string, props?: any) => unknown;

/** Every construct with required props, and what a JavaScript caller forgets. */
const CONSTRUCTS: ReadonlyArray<[string, AnyConstruct, string]> = [
  ['NetworkInterface', lib.NetworkInterface, 'props.subnet'],
  ['SecurityGroup', lib.SecurityGroup, 'props.vpcId'],
  ['Instance', lib.Instance, 'props.instanceType'],
  ['ManagementNetwork', lib.ManagementNetwork, 'props.publicSubnet'],
  ['DualHomedInstance', lib.DualHomedInstance, 'props.interfaces'],
  ['NetworkAppliance', lib.NetworkAppliance, 'props.publicSubnet'],
  ['MultiEipInstance', lib.MultiEipInstance, 'props.subnet'],
  ['HaFailoverNic', lib.HaFailoverNic, 'props.subnet'],
  ['VirtualIpPair', lib.VirtualIpPair, 'props.mode'],
];

describe('the JavaScript boundary (plain JavaScript and the other jsii languages)', () => {
  test.each(CONSTRUCTS)('fails when %s gets no props at all, with a typed error', (_name, type) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    expectConstraintError(() => new type(stack, 'x'), 'MissingRequiredProp', ['props is required']);
  });

  test.each(CONSTRUCTS)('fails when %s misses a required prop, naming it', (_name, type, path) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    expectConstraintError(() => new type(stack, 'x', {}), 'MissingRequiredProp', [`${path} is required`]);
  });

  test('fails when a prop has the wrong type or a list holds null, with its path', () => {
    const { stack, subnetA } = networkStack();
    const subnet = lib.SubnetReference.fromSubnet(subnetA);
    expectConstraintError(() => new lib.NetworkInterface(stack, 'a', { subnet, securityGroupIds: 'sg-1' } as any), 'InvalidPropType', ['props.securityGroupIds', 'a list of strings']);
    expectConstraintError(() => new lib.NetworkInterface(stack, 'b', { subnet, securityGroupIds: ['sg-1', null] } as any), 'MissingRequiredProp', ['props.securityGroupIds[1]']);
    expectConstraintError(() => new lib.SecurityGroup(stack, 'c', { vpcId: 42 } as any), 'InvalidPropType', ['props.vpcId', 'number 42']);
    expectConstraintError(() => new lib.ElasticIp(stack, 'd', { networkInterface: true } as any), 'InvalidPropType', ['props.networkInterface']);
    expectConstraintError(() => new lib.DualHomedInstance(stack, 'e', { interfaces: [{ name: 'a' }] } as any), 'MissingRequiredProp', ['props.interfaces[0].subnet']);
  });

  test('fails when an HA member is a look-alike plain object rather than an HaMember', () => {
    const { stack, subnetA } = networkStack();
    const subnet = lib.SubnetReference.fromSubnet(subnetA);
    const member = lib.HaMember.existing(lib.InstanceReference.fromInstanceId('i-0123456789abcdef0', { instanceType: 't3.small' }));
    expectConstraintError(() => new lib.HaFailoverNic(stack, 'f', { subnet, primary: {}, standby: member } as any), 'InvalidPropType', ['props.primary', 'HaMember, made with its static methods']);
  });

  test('fails when free text holds ${, which Terraform would read as an expression', () => {
    const { stack } = networkStack();
    expectConstraintError(() => new lib.SecurityGroup(stack, 'g', { vpcId: 'vpc-1', description: 'web ${var.x}' }), 'TemplateSequenceInText', ['props.description']);
    const group = new lib.SecurityGroup(stack, 'h', { vpcId: 'vpc-1' });
    expectConstraintError(() => group.addIngressRule(lib.Peer.ipv4('10.0.0.0/8'), lib.Port.tcp(443), { description: 'from ${var.x}' }), 'TemplateSequenceInText', ['description']);
  });

  test('fails when rule options or an optional prop have the wrong type (a number description, a null user data)', () => {
    const { stack, subnetA } = networkStack();
    const group = new lib.SecurityGroup(stack, 'i', { vpcId: 'vpc-1' });
    expectConstraintError(() => group.addEgressRule(lib.Peer.anyIpv4(), lib.Port.tcp(443), { description: 7 } as any), 'InvalidPropType', ['options.description']);
    const primaryInterface = new lib.NetworkInterface(stack, 'j', { subnet: lib.SubnetReference.fromSubnet(subnetA) });
    expectConstraintError(() => new lib.Instance(stack, 'k', { instanceType: 't3.micro', ami: 'ami-1', primaryInterface, userData: null } as any), 'InvalidPropType', ['props.userData']);
  });
});
