import { Eip } from '@cdktf/provider-aws/lib/eip';
import { EipAssociation } from '@cdktf/provider-aws/lib/eip-association';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { ElasticIp } from '../../../lib/aws/elastic-ip';
import { Ipv4Assignment } from '../../../lib/aws/ipv4-assignment';
import { NetworkInterface as Eni } from '../../../lib/aws/network-interface';
import { SubnetReference } from '../../../lib/aws/subnet-reference';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** An interface with 10.0.0.10 and 10.0.0.11 in `private_ips`. */
function eniWithAddresses(stack: TerraformStack, privateIps: string[] = ['10.0.0.10', '10.0.0.11']): NetworkInterface {
  const { subnets } = testNetwork(stack);
  return new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIps });
}

describe('NIC031 the private IP of an Elastic IP belongs to its interface', () => {
  test('passes for Elastic IPs mapped to addresses of the interface', () => {
    // GIVEN an aws_eip and an aws_eip_association, each naming one of the interface's addresses
    const stack = testStack();
    const eni = eniWithAddresses(stack);
    new Eip(stack, 'first', { networkInterface: eni.id, associateWithPrivateIp: '10.0.0.10' });
    const second = new Eip(stack, 'second', {});
    new EipAssociation(stack, 'second-association', { allocationId: second.allocationId, networkInterfaceId: eni.id, privateIpAddress: '10.0.0.11' });
    // WHEN / THEN
    expect(checkStack(stack).of('NIC031')).toEqual([]);
  });

  test('fails when the Elastic IP names an address the interface does not have', () => {
    // GIVEN
    const stack = testStack();
    const eni = eniWithAddresses(stack);
    const eip = new Eip(stack, 'eip', {});
    new EipAssociation(stack, 'association', { allocationId: eip.allocationId, networkInterfaceId: eni.id, privateIpAddress: '10.0.0.99' });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC031').map((f) => [f.path, f.message])).toEqual([[
      'stack/association',
      '[NIC031] eip association "association" maps an Elastic IP to 10.0.0.99, which is not a private IP of eni "eni" (it has 10.0.0.10, 10.0.0.11). '
        + 'Fix: map it to one of the interface\'s addresses, or add 10.0.0.99 to eni "eni" (private_ip_list with private_ip_list_enabled = true). '
        + 'See https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateAddress.html',
    ]]);
  });

  test('fails when the interface has no fixed address: AWS picks them', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIpsCount: 2 });
    new Eip(stack, 'eip', { networkInterface: eni.id, associateWithPrivateIp: '10.0.0.10' });
    expect(checkStack(stack).errors('NIC031').map((f) => f.message.split('. Fix')[0])).toEqual([
      '[NIC031] eip "eip" maps an Elastic IP to 10.0.0.10, which is not a private IP of eni "eni" (it has private_ips_count = 2)',
    ]);
  });

  test('fails when the address is another interface\'s', () => {
    const stack = testStack();
    const eni = eniWithAddresses(stack);
    const other = new NetworkInterface(stack, 'other', { subnetId: eni.subnetId });
    new Eip(stack, 'eip', { networkInterface: eni.id, associateWithPrivateIp: other.privateIp });
    expect(checkStack(stack).errors('NIC031').map((f) => f.message.split(' (it has')[0])).toEqual([
      '[NIC031] eip "eip" maps an Elastic IP to an address of eni "other", which is not a private IP of eni "eni"',
    ]);
  });

  test('checks an association by instance id against the instance\'s own addresses', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id, privateIp: '10.0.0.10', secondaryPrivateIps: ['10.0.0.11'] });
    new Eip(stack, 'ok', { instance: host.id, associateWithPrivateIp: '10.0.0.11' });
    new Eip(stack, 'bad', { instance: host.id, associateWithPrivateIp: '10.0.0.12' });
    expect(checkStack(stack).errors('NIC031').map((f) => [f.path, f.message.split('. Fix')[0]])).toEqual([
      ['stack/bad', '[NIC031] eip "bad" maps an Elastic IP to 10.0.0.12, which is not a private IP of the primary interface of instance "host" (it has 10.0.0.10, 10.0.0.11)'],
    ]);
  });

  test('the library constructs: an ElasticIp on a secondary address of a NetworkInterface passes, a raw one off its addresses fails', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const nic = new Eni(stack, 'nic', { subnet: SubnetReference.fromSubnet(subnets[0]), privateIpv4: Ipv4Assignment.addresses('10.0.0.10', '10.0.0.11') });
    new ElasticIp(stack, 'secondary', { networkInterface: nic, privateIp: '10.0.0.11' });
    new Eip(stack, 'raw', { networkInterface: nic.networkInterfaceId, associateWithPrivateIp: '10.0.0.12' });
    expect(checkStack(stack).errors('NIC031').map((f) => f.path)).toEqual(['stack/raw']);
  });

  describe('cannot verify', () => {
    test('reports INFO when the interface\'s addresses are only known at deploy time', () => {
      // GIVEN the interface's addresses come from a variable
      const stack = testStack();
      const addresses = new TerraformVariable(stack, 'addresses', { type: 'list(string)' });
      const eni = eniWithAddresses(stack, addresses.listValue);
      new Eip(stack, 'eip', { networkInterface: eni.id, associateWithPrivateIp: '10.0.0.10' });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC031')).toEqual([]);
      expect(findings.cannotVerify('NIC031').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([[
        'stack/eip',
        'the private IPs of eni "eni" (to find 10.0.0.10) is "${var.addresses}", an input variable, only known at deploy time.',
      ]]);
    });

    test('reports INFO when the interface is outside the stack', () => {
      const stack = testStack();
      new Eip(stack, 'eip', { networkInterface: 'eni-0123456789abcdef0', associateWithPrivateIp: '10.0.0.10' });
      const findings = checkStack(stack);
      expect(findings.errors('NIC031')).toEqual([]);
      expect(findings.cannotVerify('NIC031')[0].message).toMatch(/is "eni-0123456789abcdef0", a resource outside this stack/);
    });

    test('passes when the address is the interface\'s own private_ip attribute', () => {
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id });
      new Eip(stack, 'eip', { networkInterface: eni.id, associateWithPrivateIp: eni.privateIp });
      expect(checkStack(stack).of('NIC031')).toEqual([]);
    });
  });

  test('fails when suppressing it: EC2 rejects an address the interface does not have', () => {
    const stack = testStack();
    const eni = eniWithAddresses(stack);
    expect(() => NetworkSuppressions.addSuppressions(eni, [{ id: 'NIC031', reason: 'the address is added by cloud-init later' }]))
      .toThrow(/\[HardLimitNotSuppressible\].*NIC031/);
  });
});
