import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { TerraformVariable } from 'cdktf';
import { Ipv4Assignment } from '../../../lib/aws/ipv4-assignment';
import { NetworkInterface as LibraryNetworkInterface } from '../../../lib/aws/network-interface';
import { SubnetReference } from '../../../lib/aws/subnet-reference';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

describe('NIC061 several private IPs without a fixed primary', () => {
  test('passes for one address in private_ips, for private_ip_list, and for the library interface', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new NetworkInterface(stack, 'one', { subnetId: subnets[0].id, privateIps: ['10.0.0.10'], privateIpsCount: 2 });
    new NetworkInterface(stack, 'listed', { subnetId: subnets[0].id, privateIpListEnabled: true, privateIpList: ['10.0.0.20', '10.0.0.21'] });
    new LibraryNetworkInterface(stack, 'lib', {
      subnet: SubnetReference.fromSubnet(subnets[0]),
      privateIpv4: Ipv4Assignment.addresses('10.0.0.30', '10.0.0.31'),
    });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC061')).toEqual([]);
  });

  test('fails when private_ips lists several addresses', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIps: ['10.0.0.10', '10.0.0.11', '10.0.0.12', '10.0.0.13'] });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.warnings('NIC061').map((f) => [f.path, f.message])).toEqual([[
      'stack/eni',
      '[NIC061] eni "eni" lists 4 private IPs in private_ips ("10.0.0.10", "10.0.0.11", "10.0.0.12", ...), a set: '
        + 'the provider, not the order written, decides which one is primary. '
        + 'Fix: set private_ip_list_enabled = true and move the addresses to private_ip_list, primary first. '
        + 'See https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/network_interface#example-of-managing-multiple-ips-on-a-network-interface',
    ]]);
  });

  test('fails when private_ip_list_enabled is false', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIpListEnabled: false, privateIps: ['10.0.0.10', '10.0.0.11'] });
    expect(checkStack(stack).warnings('NIC061').map((f) => f.path)).toEqual(['stack/eni']);
  });

  test('reports INFO, not a pass or a fail, when the address list is only known at deploy time', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const ips = new TerraformVariable(stack, 'ips', { type: 'list(string)' });
    new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIps: ips.listValue });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.warnings('NIC061')).toEqual([]);
    expect(findings.cannotVerify('NIC061').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([
      ['stack/eni', 'the number of addresses in private_ips is "${var.ips}", an input variable, only known at deploy time.'],
    ]);
  });

  test('a suppression with a reason silences it and is recorded in the report', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIps: ['10.0.0.10', '10.0.0.11'] });
    NetworkSuppressions.addSuppressions(eni, [{ id: 'NIC061', reason: 'any of the two may be primary here' }]);
    const findings = checkStack(stack);
    expect(findings.of('NIC061')).toEqual([]);
    expect(findings.suppressed('NIC061')).toEqual([expect.objectContaining({ path: 'stack/eni', level: 'WARNING' })]);
  });
});
