import { TerraformVariable, Testing } from 'cdktf';
import { expectConstraintError, networkStack, resourcesOf } from './fixtures';
import { Instance, InstanceProps, InstanceReference, Ipv4Assignment, NetworkInterface, SubnetReference } from '../../lib';

function host(instanceType = 't3.micro', primary?: Ipv4Assignment) {
  const fixture = networkStack();
  const { stack, subnetA, subnetB } = fixture;
  const eth0 = new NetworkInterface(stack, 'eth0', { subnet: SubnetReference.fromSubnet(subnetA), privateIpv4: primary });
  const instance = new Instance(stack, 'web', { instanceType, ami: 'ami-0123456789abcdef0', primaryInterface: eth0 });
  const nic = (id: string) => new NetworkInterface(stack, id, { subnet: SubnetReference.fromSubnet(subnetB) });
  return { ...fixture, eth0, instance, nic };
}

describe('Instance', () => {
  test('synthesizes a two-interface host as in the snapshot', () => {
    const { stack, instance, nic } = host();
    instance.attachNetworkInterface(nic('eth1'), { deviceIndex: 1 });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('launches with our interface as primary and IMDSv2 required', () => {
    const { stack, eth0, instance } = host();
    const resource = resourcesOf(stack, 'aws_instance')[instance.resource.friendlyUniqueId];
    expect(resource.network_interface).toEqual([
      { device_index: 0, network_interface_id: `\${aws_network_interface.${eth0.resource.friendlyUniqueId}.id}` },
    ]);
    expect(resource.metadata_options).toEqual({ http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1 });
    expect(resource).not.toHaveProperty('source_dest_check');
    expect(resource).not.toHaveProperty('associate_public_ip_address');
  });

  test('attaches secondary interfaces at their device index', () => {
    const { stack, instance, nic } = host();
    instance.attachNetworkInterface(nic('eth1'), { deviceIndex: 1 });
    expect(Object.values(resourcesOf(stack, 'aws_network_interface_attachment'))).toEqual([
      expect.objectContaining({ device_index: 1, instance_id: `\${aws_instance.${instance.resource.friendlyUniqueId}.id}` }),
    ]);
  });

  test('fails when a device index is taken twice', () => {
    const { instance, nic } = host('m5.large');
    instance.attachNetworkInterface(nic('eth1'), { deviceIndex: 1 });
    expectConstraintError(
      () => instance.attachNetworkInterface(nic('eth2'), { deviceIndex: 1 }),
      'DeviceIndexInUse', ['test/eth2', 'device index 1 of test/web'],
    );
  });

  test('fails when the instance type takes no more interfaces', () => {
    // GIVEN a t3.micro, which takes 2 interfaces, with eth0 and eth1
    const { instance, nic } = host();
    instance.attachNetworkInterface(nic('eth1'), { deviceIndex: 1 });
    // WHEN / THEN a third is refused
    expectConstraintError(
      () => instance.attachNetworkInterface(nic('eth2'), { deviceIndex: 2 }),
      'TooManyInterfaces', ['test/eth2', '3 interfaces', 'at most 2 on t3.micro'],
    );
  });

  test('fails when an interface attached through its reference takes a device index already taken', () => {
    // GIVEN eth1 at device index 1, attached through the instance
    const { instance, nic } = host('m5.large');
    instance.attachNetworkInterface(nic('eth1'), { deviceIndex: 1 });
    // WHEN / THEN attaching through the reference counts the same interfaces
    expectConstraintError(() => nic('eth2').attachTo(instance.reference, { deviceIndex: 1 }), 'DeviceIndexInUse',
      ['test/eth2', 'device index 1 of test/web']);
  });

  test('fails when a reference to its aws_instance would give it more interfaces than the type takes', () => {
    // GIVEN a t3.micro (2 interfaces) with eth1 attached through a reference to its aws_instance
    const { instance, nic } = host();
    nic('eth1').attachTo(InstanceReference.fromInstance(instance.resource), { deviceIndex: 1 });
    // WHEN / THEN the instance knows it is full
    expectConstraintError(() => instance.attachNetworkInterface(nic('eth2'), { deviceIndex: 2 }), 'TooManyInterfaces',
      ['test/eth2', '3 interfaces', 'at most 2 on t3.micro']);
  });

  test('fails when the primary interface has more addresses than the type allows', () => {
    expectConstraintError(() => host('t3.micro', Ipv4Assignment.count(2)), 'TooManyPrivateIpv4Addresses', ['test/eth0']);
  });

  test('accepts any count on a type unknown to the limits table', () => {
    const { instance, nic } = host('x99.future');
    expect(() => [1, 2, 3].forEach((i) => instance.attachNetworkInterface(nic(`eth${i}`), { deviceIndex: i }))).not.toThrow();
  });
});

describe('Instance launch settings', () => {
  /** An Instance `web` with `props` on an interface of the fixture's subnet-a. */
  function launch(props: Partial<InstanceProps>) {
    const { stack, subnetA } = networkStack();
    const eth0 = new NetworkInterface(stack, 'eth0', { subnet: SubnetReference.fromSubnet(subnetA) });
    const instance = new Instance(stack, 'web', { instanceType: 't3.micro', ami: 'ami-0123456789abcdef0', primaryInterface: eth0, ...props });
    return { stack, instance };
  }

  test.each([[0], [65], [1.5]])('fails when the metadata hop limit is %p (1 to 64)', (metadataHopLimit) => {
    expectConstraintError(() => launch({ metadataHopLimit }), 'InvalidCount', ['test/web', 'metadataHopLimit', 'from 1 to 64']);
  });

  test.each([[1], [64]])('takes a metadata hop limit of %p', (metadataHopLimit) => {
    const { stack, instance } = launch({ metadataHopLimit });
    expect(resourcesOf(stack, 'aws_instance')[instance.resource.friendlyUniqueId].metadata_options.http_put_response_hop_limit).toBe(metadataHopLimit);
  });

  test('takes a metadata hop limit known only at deploy time', () => {
    const { stack, subnetA } = networkStack();
    const hops = new TerraformVariable(stack, 'hops', { type: 'number' }).numberValue;
    const eth0 = new NetworkInterface(stack, 'eth0', { subnet: SubnetReference.fromSubnet(subnetA) });
    expect(() => new Instance(stack, 'web', { instanceType: 't3.micro', ami: 'ami-1', primaryInterface: eth0, metadataHopLimit: hops })).not.toThrow();
  });

  test('takes user data of exactly 16 KB', () => {
    expect(() => launch({ userData: `#!/bin/sh\n${'#'.repeat(16 * 1024 - 10)}` })).not.toThrow();
  });

  test('fails when the user data is over 16 KB, counted in bytes before base64', () => {
    // GIVEN 8,193 two-byte characters: 8,193 characters, 16,386 bytes
    expectConstraintError(() => launch({ userData: 'é'.repeat(8193) }), 'UserDataTooLarge', ['test/web', 'Received: 16386 bytes', 'at most 16384 bytes']);
  });

  test('fails when the literal text alone of user data with references is over 16 KB', () => {
    const { stack, subnetA } = networkStack();
    const eth0 = new NetworkInterface(stack, 'eth0', { subnet: SubnetReference.fromSubnet(subnetA) });
    const userData = `#!/bin/sh\n# ${eth0.networkInterfaceId}\n${'#'.repeat(16 * 1024)}`;
    expectConstraintError(() => new Instance(stack, 'web', { instanceType: 't3.micro', ami: 'ami-1', primaryInterface: eth0, userData }),
      'UserDataTooLarge', [`Received: ${16 * 1024 + 13} bytes before its references are filled in`]);
  });

  test('takes user data known only at deploy time', () => {
    const { stack, subnetA } = networkStack();
    const userData = new TerraformVariable(stack, 'user_data', { type: 'string' }).stringValue;
    const eth0 = new NetworkInterface(stack, 'eth0', { subnet: SubnetReference.fromSubnet(subnetA) });
    expect(() => new Instance(stack, 'web', { instanceType: 't3.micro', ami: 'ami-1', primaryInterface: eth0, userData })).not.toThrow();
  });
});
