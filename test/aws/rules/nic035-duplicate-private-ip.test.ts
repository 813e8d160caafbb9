import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { TerraformVariable } from 'cdktf';
import { Ipv4Assignment } from '../../../lib/aws/ipv4-assignment';
import { NetworkInterface as LibraryNetworkInterface } from '../../../lib/aws/network-interface';
import { SubnetReference } from '../../../lib/aws/subnet-reference';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

describe('NIC035 the same private IP twice in a subnet', () => {
  test('passes for distinct addresses, and for the same address in two subnets', () => {
    // GIVEN 10.0.0.10 once in subnet-a, and the same literal in an unrelated subnet outside the stack
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1b']);
    new NetworkInterface(stack, 'a', { subnetId: subnets[0].id, privateIps: ['10.0.0.10'], privateIp: '10.0.0.10' });
    new NetworkInterface(stack, 'b', { subnetId: subnets[0].id, privateIps: ['10.0.0.11'] });
    new NetworkInterface(stack, 'elsewhere', { subnetId: 'subnet-0123456789abcdef0', privateIps: ['10.0.0.10'] });
    new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[1].id, privateIp: '10.0.1.10' });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC035')).toEqual([]);
  });

  test('fails when two interfaces of one subnet carry the same address', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new NetworkInterface(stack, 'a', { subnetId: subnets[0].id, privateIps: ['10.0.0.10'] });
    new NetworkInterface(stack, 'b', { subnetId: subnets[0].id, privateIpListEnabled: true, privateIpList: ['10.0.0.20', '10.0.0.10'] });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC035').map((f) => [f.path, f.message])).toEqual([[
      'stack/b',
      '[NIC035] eni "b" has private IP "10.0.0.10" (private_ip_list), already used by eni "a" (private_ips) in subnet "subnet-a". '
        + 'Fix: give each interface its own address of subnet "subnet-a", or carry 10.0.0.10 on one interface only (use secondary private IPs to add addresses). '
        + 'See https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html',
    ]]);
  });

  test('fails when an instance takes the address of an interface in its subnet', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIps: ['10.0.0.10'] });
    new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id, secondaryPrivateIps: ['10.0.0.10'] });
    expect(checkStack(stack).errors('NIC035').map((f) => [f.path, f.message.split('. Fix')[0]])).toEqual([[
      'stack/host',
      '[NIC035] the primary interface of instance "host" has private IP "10.0.0.10" (secondary_private_ips), already used by eni "eni" (private_ips) in subnet "subnet-a"',
    ]]);
  });

  test('fails when two instances launch from a template with a fixed address', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const template = new LaunchTemplate(stack, 'lt', {
      instanceType: 'm5.large',
      networkInterfaces: [{ deviceIndex: 0, subnetId: subnets[0].id, privateIpAddress: '10.0.0.10' }],
    });
    for (const id of ['one', 'two']) new Instance(stack, id, { ami: AMI, launchTemplate: { id: template.id } });
    expect(checkStack(stack).errors('NIC035').map((f) => [f.path, f.message.split(',')[0]])).toEqual([[
      'stack/two',
      '[NIC035] the interface at device index 0 of instance "two" (from launch template "lt") has private IP "10.0.0.10" (private_ip_address)',
    ]]);
  });

  test('fails when an interface with a fixed address has several copies', () => {
    // GIVEN an interface with a fixed address and count = 3
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new NetworkInterface(stack, 'pool', { subnetId: subnets[0].id, privateIps: ['10.0.0.10'], count: 3 });
    // WHEN
    const errors = checkStack(stack).errors('NIC035');
    // THEN copies 1 and 2 take the address copy 0 already has
    expect(errors.map((f) => [f.path, f.address, f.message.split('. Fix')[0]])).toEqual([1, 2].map((i) => [
      'stack/pool',
      `aws_network_interface.pool[${i}]`,
      `[NIC035] eni "pool[${i}]" has private IP "10.0.0.10" (private_ips), already used by eni "pool[0]" (private_ips) in subnet "subnet-a"`,
    ]));
  });

  test('passes when each copy of a counted interface takes its own address', () => {
    // GIVEN count = 3 and an address per copy (`10.0.0.1${count.index}`)
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new NetworkInterface(stack, 'pool', { subnetId: subnets[0].id, privateIps: ['10.0.0.1${count.index}'], count: 3 });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC035')).toEqual([]);
  });

  test('reports INFO when an interface with a fixed address has a count known only at deploy time', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const copies = new TerraformVariable(stack, 'copies', { type: 'number' });
    new NetworkInterface(stack, 'pool', { subnetId: subnets[0].id, privateIps: ['10.0.0.10'], count: copies.numberValue });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC035')).toEqual([]);
    expect(findings.cannotVerify('NIC035').map((f) => [f.path, f.address, f.message.split(' See')[0]])).toEqual([[
      'stack/pool',
      'aws_network_interface.pool',
      expect.stringMatching(/is "\$\{var\.copies\}", an input variable, only known at deploy time\.$/),
    ]]);
  });

  test('fails for the library construct and a raw interface sharing an address', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new LibraryNetworkInterface(stack, 'lib', {
      subnet: SubnetReference.fromSubnet(subnets[0]),
      privateIpv4: Ipv4Assignment.addresses('10.0.0.10'),
    });
    new NetworkInterface(stack, 'raw', { subnetId: subnets[0].id, privateIps: ['10.0.0.10'] });
    expect(checkStack(stack).errors('NIC035').map((f) => f.path)).toEqual(['stack/raw']);
  });

  describe('cannot verify', () => {
    test('reports INFO, not a pass or a fail, for an address only known at deploy time next to literal ones', () => {
      // GIVEN
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const ip = new TerraformVariable(stack, 'ip', { type: 'string' });
      new NetworkInterface(stack, 'a', { subnetId: subnets[0].id, privateIps: ['10.0.0.10'] });
      new NetworkInterface(stack, 'b', { subnetId: subnets[0].id, privateIps: [ip.stringValue] });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC035')).toEqual([]);
      expect(findings.cannotVerify('NIC035').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([
        ['stack/b', 'private_ips of eni "b" is "${var.ip}", an input variable, only known at deploy time.'],
      ]);
    });

    test('reports INFO when the number of copies of an interface with a fixed address is only known at deploy time', () => {
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const copies = new TerraformVariable(stack, 'copies', { type: 'number' });
      new NetworkInterface(stack, 'pool', { subnetId: subnets[0].id, privateIps: ['10.0.0.10'], count: copies.numberValue });
      const findings = checkStack(stack);
      expect(findings.errors('NIC035')).toEqual([]);
      expect(findings.cannotVerify('NIC035')[0].message).toMatch(/the number of copies of eni "pool" .* is "\$\{var\.copies\}"/);
    });
  });

  test('fails when suppressing it: AWS rejects the second interface', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const eni = new NetworkInterface(stack, 'a', { subnetId: subnets[0].id, privateIps: ['10.0.0.10'] });
    expect(() => NetworkSuppressions.addSuppressions(eni, [{ id: 'NIC035', reason: 'the other one is deleted first' }]))
      .toThrow(/\[HardLimitNotSuppressible\] stack\/a: NIC035/);
  });
});
