import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

function hostAndEni(stack: TerraformStack): { host: Instance; eni: NetworkInterface } {
  const { subnets } = testNetwork(stack);
  const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id });
  const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id });
  return { host, eni };
}

describe('NIC020 attachment at device index 0', () => {
  test('passes for attachments at device index 1 and an interface launched at device index 0', () => {
    // GIVEN an attachment at 1, and an instance whose network_interface block uses device index 0
    const stack = testStack();
    const { host, eni } = hostAndEni(stack);
    new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 1 });
    const primary = new NetworkInterface(stack, 'primary', { subnetId: eni.subnetId });
    new Instance(stack, 'launched', { ami: AMI, instanceType: 'm5.large', networkInterface: [{ deviceIndex: 0, networkInterfaceId: primary.id }] });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC020')).toEqual([]);
  });

  test('fails when an aws_network_interface_attachment uses device index 0', () => {
    // GIVEN
    const stack = testStack();
    const { host, eni } = hostAndEni(stack);
    new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 0 });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC020').map((f) => [f.path, f.message])).toEqual([[
      'stack/attach',
      '[NIC020] attachment "attach" attaches eni "eni" at device_index 0, the slot of the instance\'s primary interface, which cannot be replaced. '
        + 'Fix: use device_index 1 or higher; to make this interface the primary one, put it in the instance\'s network_interface block with device_index 0 instead. '
        + 'See https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/network-interface-attachments.html',
    ]]);
  });

  test('fails when an attachment block of aws_network_interface uses device index 0', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id });
    new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, attachment: [{ instance: host.id, deviceIndex: 0 }] });
    const findings = checkStack(stack);
    expect(findings.errors('NIC020').map((f) => [f.path, f.message.split(',')[0]])).toEqual([
      ['stack/eni', '[NIC020] the attachment block of eni "eni" attaches it at device_index 0'],
    ]);
  });

  test('fails for an attachment to an instance outside the stack too', () => {
    const stack = testStack();
    const { eni } = hostAndEni(stack);
    new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: 'i-0123456789abcdef0', networkInterfaceId: eni.id, deviceIndex: 0 });
    expect(checkStack(stack).errors('NIC020').map((f) => f.path)).toEqual(['stack/attach']);
  });

  test('reports INFO, not a pass or a fail, when the device index is only known at deploy time', () => {
    // GIVEN
    const stack = testStack();
    const { host, eni } = hostAndEni(stack);
    const deviceIndex = new TerraformVariable(stack, 'device_index', { type: 'number' });
    new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: deviceIndex.numberValue });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC020')).toEqual([]);
    expect(findings.cannotVerify('NIC020').map((f) => [f.path, f.message.split(':').slice(1).join(':').split(' See')[0]])).toEqual([
      ['stack/attach', ' device_index is "${var.device_index}", an input variable, only known at deploy time.'],
    ]);
  });

  test('fails when suppressing it: AWS rejects the attachment', () => {
    const stack = testStack();
    const { host } = hostAndEni(stack);
    expect(() => NetworkSuppressions.addSuppressions(host, [{ id: 'NIC020', reason: 'the primary is detached by a script' }]))
      .toThrow(/\[HardLimitNotSuppressible\] stack\/host: NIC020/);
  });
});
