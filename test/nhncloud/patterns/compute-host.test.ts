import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ErrorCode } from '../../../lib/core/error-codes';
import { Port } from '../../../lib/nhncloud';
import { ComputeInstanceV2 } from '../../../lib/nhncloud/bindings/compute-instance-v2';
import { ComputeHost, checkComputeHostProps } from '../../../lib/nhncloud/patterns/compute-host';
import { NhnMarkerTag } from '../../../lib/nhncloud/rules/marker-tags';
import { expectConstraintError, instance, nhnStack, port, resourcesOf, subnet } from '../building-block-fixtures';

const LAUNCH = { flavorId: 'flavor-1', imageId: 'image-1' };

/** Two ports of `stack`, in subnet-a and subnet-b. */
function twoPorts(stack: Construct): Port[] {
  return [port(stack, 'eth0'), port(stack, 'eth1', { subnet: subnet('subnet-b', '192.168.1.0/24') })];
}

const instances = (stack: ReturnType<typeof nhnStack>) => Object.values(resourcesOf(stack, 'nhncloud_compute_instance_v2'));

describe('ComputeHost (NHN Cloud)', () => {
  test('launches an instance that takes every port as network.port, primary first, with no security_groups', () => {
    // GIVEN two standalone ports
    const stack = nhnStack();
    const ports = twoPorts(stack);
    // WHEN the host launches an instance for them
    const host = ComputeHost.create(stack, 'Instance', { ...LAUNCH, keyPairName: 'admin', availabilityZone: 'kr-pub-a' }, { ports });
    // THEN
    const [resource] = instances(stack);
    expect(resource.network).toEqual(ports.map((p) => ({ port: expect.stringContaining(p.resource.friendlyUniqueId) })));
    expect(resource).toMatchObject({ flavor_id: 'flavor-1', image_id: 'image-1', key_pair: 'admin', availability_zone: 'kr-pub-a', name: 'stack' });
    expect(resource.security_groups).toBeUndefined();
    expect(resource.tags).toBeUndefined();
    expect(host.launched).toBe(true);
    expect(host.attachments).toEqual([]);
    expect(host.resource).toBeInstanceOf(ComputeInstanceV2);
  });

  test('tags the launched instance with the user tags, then the marker tags', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    ComputeHost.create(stack, 'Instance', { ...LAUNCH, instanceName: 'web' }, { ports: twoPorts(stack), tags: ['team=web'], markerTags: [NhnMarkerTag.management] });
    // THEN
    expect(instances(stack)[0]).toMatchObject({ name: 'web', tags: ['team=web', NhnMarkerTag.management] });
  });

  test('appends the pattern\'s user data after the user\'s, or starts a shell script', () => {
    // GIVEN / WHEN one host with user data and one without
    const stack = nhnStack();
    const a = new Construct(stack, 'a');
    const b = new Construct(stack, 'b');
    ComputeHost.create(a, 'Instance', { ...LAUNCH, userData: '#!/bin/bash\necho hi\n' }, { ports: [port(a)], userData: 'echo pattern' });
    ComputeHost.create(b, 'Instance', LAUNCH, { ports: [port(b)], userData: 'echo pattern\n' });
    // THEN
    expect(instances(stack).map((i) => i.user_data)).toEqual(['#!/bin/bash\necho hi\n\necho pattern\n', '#!/bin/sh\necho pattern\n']);
  });

  test('attaches every port to an existing instance and launches nothing', () => {
    // GIVEN
    const stack = nhnStack();
    const ports = twoPorts(stack);
    // WHEN
    const host = ComputeHost.create(stack, 'Instance', { existingInstance: instance('i-1') }, { ports, markerTags: [NhnMarkerTag.management] });
    // THEN
    expect(instances(stack)).toEqual([]);
    expect(Object.values(resourcesOf(stack, 'nhncloud_compute_interface_attach_v2')).map((a) => a.instance_id)).toEqual(['i-1', 'i-1']);
    expect(host.launched).toBe(false);
    expect(host.resource).toBeUndefined();
    expect(host.attachments).toHaveLength(2);
    expect(host.instance.instanceId).toBe('i-1');
  });

  test('fails when launch props are given with an existing instance', () => {
    // GIVEN / WHEN / THEN
    const stack = nhnStack();
    expectConstraintError(() => checkComputeHostProps(stack, { existingInstance: instance(), flavorId: 'f', userData: '#!/bin/sh' }),
      ErrorCode.ConflictingInstanceProps, ['existingInstance and flavorId, userData']);
  });

  test('fails when neither an existing instance nor flavor and image are given', () => {
    // GIVEN / WHEN / THEN
    const stack = nhnStack();
    expectConstraintError(() => checkComputeHostProps(stack, { imageId: 'image-1' }), ErrorCode.MissingInstanceProps, ['no flavorId']);
  });

  test('fails when there is no port', () => {
    // GIVEN / WHEN / THEN
    const stack = nhnStack();
    expectConstraintError(() => ComputeHost.create(stack, 'Instance', LAUNCH, { ports: [] }), ErrorCode.TooFewInterfaces);
  });

  test('fails when the pattern must append to user data that is no shell script', () => {
    // GIVEN / WHEN / THEN
    const stack = nhnStack();
    expectConstraintError(() => ComputeHost.create(stack, 'Instance', { ...LAUNCH, userData: '#cloud-config\n' }, { ports: [port(stack)], userData: 'echo x' }),
      ErrorCode.UserDataNotShellScript, ['#cloud-config']);
  });

  test('synthesizes as in the snapshot', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    ComputeHost.create(stack, 'Instance', LAUNCH, { ports: twoPorts(stack), markerTags: [NhnMarkerTag.failover] });
    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});
