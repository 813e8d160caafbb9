import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** An m5.large (3 interfaces) with one attachment per given device index. */
function attachAt(stack: TerraformStack, deviceIndexes: number[]): void {
  const { subnets } = testNetwork(stack);
  const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id });
  deviceIndexes.forEach((deviceIndex, i) => {
    const eni = new NetworkInterface(stack, `eni${i}`, { subnetId: subnets[0].id });
    new NetworkInterfaceAttachmentA(stack, `attach${i}`, { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex });
  });
}

describe('NIC021 device index unique per network card', () => {
  test('passes for distinct device indexes', () => {
    const stack = testStack();
    attachAt(stack, [1, 2]);
    expect(checkStack(stack).of('NIC021')).toEqual([]);
  });

  test('fails when two attachments use the same device index', () => {
    // GIVEN
    const stack = testStack();
    attachAt(stack, [1, 1]);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC021').map((f) => [f.path, f.message.split('. Fix:')[0]])).toEqual([[
      'stack/attach1',
      '[NIC021] eni "eni1" uses device_index 1 on network card 0 of instance "host", already taken by eni "eni0"',
    ]]);
  });

  test('fails when an attachment reuses the device index of a network_interface block', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const [a, b, c] = [0, 1, 2].map((i) => new NetworkInterface(stack, `nic${i}`, { subnetId: subnets[0].id }));
    const host = new Instance(stack, 'host', {
      ami: AMI,
      instanceType: 'm5.large',
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: a.id }, { deviceIndex: 1, networkInterfaceId: b.id }],
    });
    new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: c.id, deviceIndex: 1 });
    expect(checkStack(stack).errors('NIC021').map((f) => f.path)).toEqual(['stack/attach']);
  });

  test('passes for the same device index on two network cards', () => {
    // GIVEN an hpc7a.12xlarge (2 cards) with device index 0 on card 0 and on card 1
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const [a, b] = [0, 1].map((i) => new NetworkInterface(stack, `nic${i}`, { subnetId: subnets[0].id }));
    new Instance(stack, 'host', {
      ami: AMI,
      instanceType: 'hpc7a.12xlarge',
      networkInterface: [
        { deviceIndex: 0, networkInterfaceId: a.id, networkCardIndex: 0 },
        { deviceIndex: 0, networkInterfaceId: b.id, networkCardIndex: 1 },
      ],
    });
    expect(checkStack(stack).of('NIC021')).toEqual([]);
  });

  test('leaves an attachment at device index 0 to NIC020', () => {
    const stack = testStack();
    attachAt(stack, [0]);
    const findings = checkStack(stack);
    expect(findings.of('NIC021')).toEqual([]);
    expect(findings.errors('NIC020')).toHaveLength(1);
  });

  test('reports INFO, not a pass or a fail, when a device index is only known at deploy time', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id });
    const index = new TerraformVariable(stack, 'device_index', { type: 'number' });
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id });
    new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: index.numberValue });
    const findings = checkStack(stack);
    expect(findings.errors('NIC021')).toEqual([]);
    expect(findings.cannotVerify('NIC021').map((f) => f.path)).toEqual(['stack/attach']);
  });

  test('fails when suppressing it: AWS rejects the attachment', () => {
    const stack = testStack();
    expect(() => NetworkSuppressions.addSuppressions(stack, [{ id: 'NIC021', reason: 'indexes are fixed at run time' }]))
      .toThrow(/\[HardLimitNotSuppressible\].*NIC021/);
  });
});
