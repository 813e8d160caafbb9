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

/** An interface with two fixed private IPs, 10.0.0.10 (primary) and 10.0.0.11. */
function twoAddressEni(stack: TerraformStack): NetworkInterface {
  const { subnets } = testNetwork(stack);
  return new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIpListEnabled: true, privateIpList: ['10.0.0.10', '10.0.0.11'] });
}

describe('NIC030 one Elastic IP per private IPv4 address', () => {
  test('passes for one Elastic IP on each private address of an interface', () => {
    // GIVEN an EIP on the primary address (implicitly) and one on the secondary address
    const stack = testStack();
    const eni = twoAddressEni(stack);
    new Eip(stack, 'web', { networkInterface: eni.id });
    const mail = new Eip(stack, 'mail', {});
    new EipAssociation(stack, 'mail-association', { allocationId: mail.allocationId, networkInterfaceId: eni.id, privateIpAddress: '10.0.0.11' });
    // WHEN / THEN
    expect(checkStack(stack).of('NIC030')).toEqual([]);
  });

  test('fails when two Elastic IPs map to the primary address of one interface', () => {
    // GIVEN two aws_eip on the interface, neither naming a private IP
    const stack = testStack();
    const eni = twoAddressEni(stack);
    new Eip(stack, 'first', { networkInterface: eni.id });
    new Eip(stack, 'second', { networkInterface: eni.id });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC030').map((f) => [f.path, f.message])).toEqual([[
      'stack/second',
      '[NIC030] eip "second" maps an Elastic IP to 10.0.0.10 (its primary private IP) of eni "eni", which eip "first" already maps one to: '
        + 'a private IPv4 address takes at most one Elastic IP. '
        + 'Fix: give eni "eni" another private IPv4 address and map this Elastic IP to it (associate_with_private_ip). '
        + 'See https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html',
    ]]);
  });

  test('fails when an association names the primary address another Elastic IP takes implicitly', () => {
    const stack = testStack();
    const eni = twoAddressEni(stack);
    new Eip(stack, 'first', { networkInterface: eni.id });
    const other = new Eip(stack, 'other', {});
    new EipAssociation(stack, 'again', { allocationId: other.allocationId, networkInterfaceId: eni.id, privateIpAddress: '10.0.0.10' });
    expect(checkStack(stack).errors('NIC030').map((f) => [f.path, f.message.split(' of eni')[0]])).toEqual([
      ['stack/again', '[NIC030] eip association "again" maps an Elastic IP to 10.0.0.10 (its primary private IP)'],
    ]);
  });

  test('fails when two Elastic IPs are associated with one instance by instance id', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id });
    new Eip(stack, 'first', { instance: host.id });
    const second = new Eip(stack, 'second', {});
    new EipAssociation(stack, 'second-association', { allocationId: second.allocationId, instanceId: host.id });
    expect(checkStack(stack).errors('NIC030').map((f) => [f.path, f.message.split(':')[0]])).toEqual([
      ['stack/second-association', '[NIC030] eip association "second-association" maps an Elastic IP to its primary private IP of the primary interface of instance "host", which eip "first" already maps one to'],
    ]);
  });

  test('fails when an aws_eip with count maps every copy to the same address', () => {
    // GIVEN two Elastic IPs, by count = 2, on the primary private IP of one interface
    const stack = testStack();
    const eni = twoAddressEni(stack);
    new Eip(stack, 'many', { networkInterface: eni.id, count: 2 });
    // WHEN
    const errors = checkStack(stack).errors('NIC030');
    // THEN the second copy is the second Elastic IP on that address
    expect(errors.map((f) => [f.path, f.address, f.message.split(':')[0]])).toEqual([[
      'stack/many',
      'aws_eip.many[1]',
      '[NIC030] eip "many[1]" maps an Elastic IP to 10.0.0.10 (its primary private IP) of eni "eni", which eip "many[0]" already maps one to',
    ]]);
  });

  test('reports INFO when an aws_eip on one address has a count known only at deploy time', () => {
    // GIVEN
    const stack = testStack();
    const eni = twoAddressEni(stack);
    const copies = new TerraformVariable(stack, 'copies', { type: 'number' });
    new Eip(stack, 'many', { networkInterface: eni.id, count: copies.numberValue });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC030')).toEqual([]);
    expect(findings.cannotVerify('NIC030').map((f) => [f.path, f.address, f.message.split(' See')[0]])).toEqual([[
      'stack/many',
      'aws_eip.many',
      expect.stringMatching(/is "\$\{var\.copies\}", an input variable, only known at deploy time\.$/),
    ]]);
  });

  test('passes when an aws_eip with count gives each copy its own instance', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const web = new Instance(stack, 'web', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id, count: 2 });
    new Eip(stack, 'web-eip', { instance: `\${${web.terraformResourceType}.${web.friendlyUniqueId}[count.index].id}`, count: 2 });
    expect(checkStack(stack).errors('NIC030')).toEqual([]);
  });

  test('passes when an aws_eip_association moves an aws_eip that names the interface itself', () => {
    const stack = testStack();
    const eni = twoAddressEni(stack);
    const eip = new Eip(stack, 'eip', { networkInterface: eni.id });
    new EipAssociation(stack, 'association', { allocationId: eip.allocationId, networkInterfaceId: eni.id });
    expect(checkStack(stack).of('NIC030')).toEqual([]);
  });

  test('the library constructs: an ElasticIp and a raw aws_eip on the same address fail, an ElasticIp on the secondary address passes', () => {
    // GIVEN our NetworkInterface with two addresses, our ElasticIp on its primary, and a raw aws_eip on the same address
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const nic = new Eni(stack, 'nic', { subnet: SubnetReference.fromSubnet(subnets[0]), privateIpv4: Ipv4Assignment.addresses('10.0.0.10', '10.0.0.11') });
    new ElasticIp(stack, 'public', { networkInterface: nic });
    new ElasticIp(stack, 'secondary', { networkInterface: nic, privateIp: '10.0.0.11' });
    new Eip(stack, 'raw', { networkInterface: nic.networkInterfaceId, associateWithPrivateIp: '10.0.0.10' });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC030').map((f) => [f.path, f.message.split(':')[0]])).toEqual([
      ['stack/public/Association', '[NIC030] eip association "public/Association" maps an Elastic IP to 10.0.0.10 (its primary private IP) of eni "nic", which eip "raw" already maps one to'],
    ]);
  });

  describe('cannot verify', () => {
    test('reports INFO when a private IP of a second Elastic IP is only known at deploy time', () => {
      // GIVEN
      const stack = testStack();
      const eni = twoAddressEni(stack);
      const address = new TerraformVariable(stack, 'address', { type: 'string' });
      new Eip(stack, 'first', { networkInterface: eni.id });
      new Eip(stack, 'second', { networkInterface: eni.id, associateWithPrivateIp: address.stringValue });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC030')).toEqual([]);
      expect(findings.cannotVerify('NIC030').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([[
        'stack/second',
        'the private IP of an Elastic IP on eni "eni" is "${var.address}", an input variable, only known at deploy time.',
      ]]);
    });
  });

  test('fails when suppressing it: a private address cannot hold two Elastic IPs', () => {
    const stack = testStack();
    const eni = twoAddressEni(stack);
    expect(() => NetworkSuppressions.addSuppressions(eni, [{ id: 'NIC030', reason: 'the second address is moved by a script' }]))
      .toThrow(/\[HardLimitNotSuppressible\].*NIC030/);
  });
});
