import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface, NetworkInterfaceConfig } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** An instance of `instanceType` with one attached interface configured by `eni`. */
function hostWithInterface(stack: TerraformStack, instanceType: string, eni: Omit<NetworkInterfaceConfig, 'subnetId'>): void {
  const { subnets } = testNetwork(stack);
  const host = new Instance(stack, 'host', { ami: AMI, instanceType, subnetId: subnets[0].id });
  const nic = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, ...eni });
  new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: nic.id, deviceIndex: 1 });
}

describe('NIC003 IPv6 addresses per interface', () => {
  test('passes at the limit', () => {
    // GIVEN a t3.micro (2 IPv6 addresses per interface) interface with 2
    const stack = testStack();
    hostWithInterface(stack, 't3.micro', { ipv6AddressCount: 2 });
    // WHEN / THEN
    expect(checkStack(stack).of('NIC003')).toEqual([]);
  });

  test.each([
    ['ipv6_address_count', { ipv6AddressCount: 3 }],
    ['ipv6_addresses', { ipv6Addresses: ['2001:db8::10', '2001:db8::11', '2001:db8::12'] }],
    ['ipv6_address_list', { ipv6AddressListEnabled: true, ipv6AddressList: ['2001:db8::10', '2001:db8::11', '2001:db8::12'] }],
  ])('fails when %s exceeds the per-interface limit', (_name, eni) => {
    // GIVEN 3 IPv6 addresses on a t3.micro interface
    const stack = testStack();
    hostWithInterface(stack, 't3.micro', eni);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC003').map((f) => [f.path, f.message.split('. Fix:')[0]])).toEqual([[
      'stack/eni',
      '[NIC003] eni "eni" has 3 IPv6 addresses on t3.micro "host", which allows 2 per interface',
    ]]);
  });

  test('fails when an instance type without IPv6 gets any IPv6 address', () => {
    // GIVEN a c1.medium (no IPv6) whose own primary interface asks for one IPv6 address
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new Instance(stack, 'host', { ami: AMI, instanceType: 'c1.medium', subnetId: subnets[0].id, ipv6AddressCount: 1 });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC003').map((f) => f.message.split('. Fix:')[0])).toEqual([
      '[NIC003] the primary interface of instance "host" has 1 IPv6 address on c1.medium "host", which does not support IPv6',
    ]);
  });

  test('reports INFO, not a pass or a fail, when the count is only known at deploy time', () => {
    const stack = testStack();
    const count = new TerraformVariable(stack, 'ipv6_count', { type: 'number' });
    hostWithInterface(stack, 't3.micro', { ipv6AddressCount: count.numberValue });
    const findings = checkStack(stack);
    expect(findings.errors('NIC003')).toEqual([]);
    expect(findings.cannotVerify('NIC003').map((f) => f.path)).toEqual(['stack/eni']);
  });

  test('fails when suppressing it: AWS enforces the limit', () => {
    const stack = testStack();
    expect(() => NetworkSuppressions.addSuppressions(stack, [{ id: 'NIC003', reason: 'IPv6 is removed later on' }]))
      .toThrow(/\[HardLimitNotSuppressible\].*NIC003/);
  });
});
