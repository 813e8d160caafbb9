import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { InstanceReference, NetworkInterface, SubnetReference } from '../../../lib';
import { PatternHost, patternVpcId } from '../../../lib/aws/patterns/pattern-host';
import { PatternHostProps } from '../../../lib/aws/patterns/pattern-host-props';
import { expectConstraintError, networkStack, resourcesOf } from '../fixtures';

const LAUNCH = { instanceType: 't3.micro', ami: 'ami-0123456789abcdef0' };

function setup(props: PatternHostProps) {
  const fixture = networkStack();
  const pattern = new Construct(fixture.stack, 'pattern');
  const nic = (id: string) => new NetworkInterface(pattern, id, { subnet: SubnetReference.fromSubnet(fixture.subnetB) });
  return { ...fixture, pattern, nic, host: () => new PatternHost(pattern, props) };
}

describe('PatternHost', () => {
  test('launches the instance with the first interface as primary, then attaches the next ones', () => {
    // GIVEN a host that launches a t3.micro
    const { stack, nic, host } = setup({ ...LAUNCH, keyName: 'ops', instanceTags: { Name: 'h' } });
    const patternHost = host();
    // WHEN two interfaces are added
    const primary = nic('eth0');
    expect(patternHost.addInterface(primary)).toBeUndefined();
    const attachment = patternHost.addInterface(nic('eth1'));
    // THEN the first is eth0 of the instance and the second is attached at device index 1
    expect(patternHost.launches).toBe(true);
    const instance = resourcesOf(stack, 'aws_instance')[patternHost.instance!.resource.friendlyUniqueId];
    expect(instance).toEqual(expect.objectContaining({ key_name: 'ops', tags: { Name: 'h' }, instance_type: 't3.micro' }));
    expect(instance.network_interface[0].network_interface_id).toBe(`\${aws_network_interface.${primary.resource.friendlyUniqueId}.id}`);
    expect(resourcesOf(stack, 'aws_network_interface_attachment')[attachment!.friendlyUniqueId].device_index).toBe(1);
  });

  test('attaches every interface to an existing instance from firstDeviceIndex on', () => {
    const { stack, nic, host } = setup({
      existingInstance: InstanceReference.fromInstanceId('i-1', { instanceType: 'm5.large' }), firstDeviceIndex: 3,
    });
    const patternHost = host();
    [nic('a'), nic('b')].forEach((n) => patternHost.addInterface(n));
    expect(patternHost.launches).toBe(false);
    expect(patternHost.instance).toBeUndefined();
    expect(patternHost.limits?.maxNetworkInterfaces).toBe(3);
    expect(Object.values(resourcesOf(stack, 'aws_network_interface_attachment')).map((a) => [a.instance_id, a.device_index]).sort())
      .toEqual([['i-1', 3], ['i-1', 4]]);
  });

  test('takes the VPC from vpcId, else from the subnet', () => {
    const { pattern } = setup(LAUNCH);
    expect(patternVpcId(pattern, SubnetReference.fromSubnetId('subnet-1', { vpcId: 'vpc-a' }), undefined)).toBe('vpc-a');
    expect(patternVpcId(pattern, SubnetReference.fromSubnetId('subnet-1', { vpcId: 'vpc-a' }), 'vpc-b')).toBe('vpc-b');
  });

  test('counts nothing when the existing instance type is a token', () => {
    const { stack, nic, host } = setup({
      existingInstance: InstanceReference.fromInstanceId('i-1', {
        // A t3.micro known only at deploy time: it would take 2 interfaces.
        instanceType: Lazy.stringValue({ produce: () => 't3.micro' }),
      }),
    });
    const patternHost = host();
    expect(patternHost.instanceType).toBeUndefined();
    expect(() => ['a', 'b', 'c'].forEach((id) => patternHost.addInterface(nic(id)))).not.toThrow();
    expect(Object.keys(resourcesOf(stack, 'aws_network_interface_attachment'))).toHaveLength(3);
  });

  test('fails when neither an existing instance nor instanceType and ami are given', () => {
    expectConstraintError(() => setup({}).host(), 'MissingInstanceProps', ['test/pattern', 'no instanceType and no ami']);
  });

  test('fails when launch props come with an existing instance', () => {
    expectConstraintError(() => setup({ existingInstance: InstanceReference.fromInstanceId('i-1'), userData: '#!/bin/sh' }).host(),
      'ConflictingInstanceProps', ['existingInstance and userData']);
  });

  test('fails when firstDeviceIndex is 0', () => {
    expectConstraintError(() => setup({ ...LAUNCH, firstDeviceIndex: 0 }).host(), 'InvalidCount', ['firstDeviceIndex']);
  });

  test('fails when an existing instance would take more interfaces than its type allows', () => {
    // GIVEN an existing t3.micro (2 interfaces) that already has its primary one
    const { nic, host } = setup({ existingInstance: InstanceReference.fromInstanceId('i-1', { instanceType: 't3.micro' }) });
    const patternHost = host();
    patternHost.addInterface(nic('a'));
    // WHEN / THEN a third is refused
    expectConstraintError(() => patternHost.addInterface(nic('b')), 'TooManyInterfaces', ['test/pattern/b', 'at most 2 on t3.micro']);
  });

  test('fails when the VPC is unknown', () => {
    const { pattern } = setup(LAUNCH);
    expectConstraintError(() => patternVpcId(pattern, SubnetReference.fromSubnetId('subnet-1'), undefined), 'MissingVpcId', ['subnet-1']);
  });
});
