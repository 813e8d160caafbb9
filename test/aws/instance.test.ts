import { Testing } from 'cdktf';
import { expectConstraintError, networkStack, resourcesOf } from './fixtures';
import { Instance, Ipv4Assignment, NetworkInterface, SubnetReference } from '../../lib';

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

  test('fails when the primary interface has more addresses than the type allows', () => {
    expectConstraintError(() => host('t3.micro', Ipv4Assignment.count(2)), 'TooManyPrivateIpv4Addresses', ['test/eth0']);
  });

  test('accepts any count on a type unknown to the limits table', () => {
    const { instance, nic } = host('x99.future');
    expect(() => [1, 2, 3].forEach((i) => instance.attachNetworkInterface(nic(`eth${i}`), { deviceIndex: i }))).not.toThrow();
  });
});
