import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { NetworkInterface, NetworkInterfaceConfig } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** A t3.micro (2 private IPv4 addresses per interface) with one attached interface configured by `eni`. */
function microWithInterface(stack: TerraformStack, eni: Omit<NetworkInterfaceConfig, 'subnetId'>): void {
  const { subnets } = testNetwork(stack);
  const host = new Instance(stack, 'host', { ami: AMI, instanceType: 't3.micro', subnetId: subnets[0].id });
  const nic = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, ...eni });
  new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: nic.id, deviceIndex: 1 });
}

describe('NIC002 private IPv4 addresses per interface', () => {
  test('passes at the limit', () => {
    // GIVEN a t3.micro interface with 2 private IPs, and a primary with 1 secondary IP
    const stack = testStack();
    microWithInterface(stack, { privateIps: ['10.0.0.10', '10.0.0.11'] });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC002')).toEqual([]);
  });

  test.each([
    ['private_ips', { privateIps: ['10.0.0.10', '10.0.0.11', '10.0.0.12'] }],
    ['private_ip_list', { privateIpListEnabled: true, privateIpList: ['10.0.0.10', '10.0.0.11', '10.0.0.12'] }],
    ['private_ips_count', { privateIpsCount: 2 }],
  ])('fails when %s gives an interface more addresses than the type allows', (_name, eni) => {
    // GIVEN 3 private IPs on a t3.micro interface
    const stack = testStack();
    microWithInterface(stack, eni);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC002').map((f) => [f.path, f.message.split('. Fix:')[0]])).toEqual([[
      'stack/eni',
      '[NIC002] eni "eni" has 3 private IPv4 addresses (primary included) on t3.micro "host", which allows 2 per interface',
    ]]);
  });

  test('fails when secondary_private_ips overflow the primary interface an instance creates', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new Instance(stack, 'host', { ami: AMI, instanceType: 't3.micro', subnetId: subnets[0].id, secondaryPrivateIps: ['10.0.0.20', '10.0.0.21'] });
    expect(checkStack(stack).errors('NIC002').map((f) => [f.path, f.message.split(' on ')[0]])).toEqual([
      ['stack/host', '[NIC002] the primary interface of instance "host" has 3 private IPv4 addresses (primary included)'],
    ]);
  });

  test('fails when a launch template interface asks for too many addresses', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new LaunchTemplate(stack, 'template', {
      instanceType: 't3.micro',
      networkInterfaces: [{ deviceIndex: 0, subnetId: subnets[0].id, ipv4AddressCount: 4 }],
    });
    expect(checkStack(stack).errors('NIC002').map((f) => f.path)).toEqual(['stack/template']);
  });

  test('reports INFO, not a pass or a fail, when the address count is only known at deploy time', () => {
    // GIVEN
    const stack = testStack();
    const count = new TerraformVariable(stack, 'ip_count', { type: 'number' });
    microWithInterface(stack, { privateIpsCount: count.numberValue });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC002')).toEqual([]);
    expect(findings.cannotVerify('NIC002').map((f) => [f.path, f.message.split(': ')[1].split(' See')[0]])).toEqual([
      ['stack/eni', 'the number of private IPv4 addresses of eni "eni" is "${var.ip_count}", an input variable, only known at deploy time.'],
    ]);
  });

  test('fails when suppressing it: AWS enforces the limit', () => {
    const stack = testStack();
    expect(() => NetworkSuppressions.addSuppressions(stack, [{ id: 'NIC002', reason: 'addresses are trimmed later' }]))
      .toThrow(/\[HardLimitNotSuppressible\].*NIC002/);
  });
});
