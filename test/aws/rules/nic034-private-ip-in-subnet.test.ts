import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Fn, TerraformVariable } from 'cdktf';
import { Ipv4Assignment } from '../../../lib/aws/ipv4-assignment';
import { NetworkInterface as LibraryNetworkInterface } from '../../../lib/aws/network-interface';
import { SubnetReference } from '../../../lib/aws/subnet-reference';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';
const DOC = 'See https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html';

describe('NIC034 private IP in its subnet', () => {
  test('passes for usable addresses of the subnet on interfaces, instances and launch templates', () => {
    // GIVEN addresses inside 10.0.0.0/24, none of them reserved
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIps: ['10.0.0.4', '10.0.0.254'] });
    new NetworkInterface(stack, 'listed', { subnetId: subnets[0].id, privateIpListEnabled: true, privateIpList: ['10.0.0.10', '10.0.0.11'] });
    new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id, privateIp: '10.0.0.20', secondaryPrivateIps: ['10.0.0.21'] });
    new LaunchTemplate(stack, 'lt', { networkInterfaces: [{ deviceIndex: 0, subnetId: subnets[0].id, privateIpAddress: '10.0.0.30' }] });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC034')).toEqual([]);
  });

  test('fails when an interface address lies outside its subnet, naming both and the usable range', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIps: ['10.0.1.10'] });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC034').map((f) => [f.path, f.message])).toEqual([[
      'stack/eni',
      '[NIC034] eni "eni" has private IP "10.0.1.10" (private_ips), outside subnet "subnet-a" (10.0.0.0/24), the subnet it is created in. '
        + 'Fix: use an address of 10.0.0.0/24 (10.0.0.4 to 10.0.0.254), or create the interface in the subnet that holds 10.0.1.10. '
        + DOC,
    ]]);
  });

  test.each([
    ['10.0.0.0', 'network address'],
    ['10.0.0.1', 'VPC router'],
    ['10.0.0.2', 'Amazon DNS server'],
    ['10.0.0.3', 'reserved by AWS for future use'],
    ['10.0.0.255', 'network broadcast address'],
  ])('fails when an instance uses the reserved address %s (%s)', (ip, reason) => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id, privateIp: ip });
    // WHEN
    const errors = checkStack(stack).errors('NIC034');
    // THEN
    expect(errors.map((f) => f.path)).toEqual(['stack/host']);
    expect(errors[0].message).toContain(`[NIC034] the primary interface of instance "host" has private IP "${ip}" (private_ip), `
      + `one of the 5 addresses AWS reserves in subnet "subnet-a" (10.0.0.0/24) (${reason}`);
    expect(errors[0].message).toContain('Fix: use another address of 10.0.0.0/24 (10.0.0.4 to 10.0.0.254).');
  });

  test('fails for secondary private IPs of an instance and addresses of a launch template block', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id, secondaryPrivateIps: ['10.0.9.9'] });
    new LaunchTemplate(stack, 'lt', { networkInterfaces: [{ deviceIndex: 0, subnetId: subnets[0].id, ipv4Addresses: ['10.0.0.255'] }] });
    const errors = checkStack(stack).errors('NIC034');
    expect(errors.map((f) => [f.path, f.message.split(',')[0]])).toEqual([
      ['stack/host', '[NIC034] the primary interface of instance "host" has private IP "10.0.9.9" (secondary_private_ips)'],
      ['stack/lt', '[NIC034] the interface at device index 0 of launch template "lt" has private IP "10.0.0.255" (ipv4_addresses)'],
    ]);
  });

  test('fails when a literal address is not an IPv4 address', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIps: ['10.0.0.300'] });
    expect(checkStack(stack).errors('NIC034')[0].message).toMatch(/has private IP "10\.0\.0\.300" \(private_ips\), which is not an IPv4 address/);
  });

  test('reads the subnet behind the library constructs too', () => {
    // GIVEN the library's interface in a subnet of this stack, with an address of another subnet
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const subnet = new Subnet(stack, 'other', { vpcId: subnets[0].vpcId, cidrBlock: '10.0.5.0/24' });
    new LibraryNetworkInterface(stack, 'lib', {
      subnet: SubnetReference.fromSubnetId(subnet.id, { ipv4CidrBlock: '10.0.1.0/24' }),
      privateIpv4: Ipv4Assignment.addresses('10.0.1.10'),
    });
    // WHEN
    const errors = checkStack(stack).errors('NIC034');
    // THEN the rule trusts the subnet resource, not the CIDR the reference was given
    expect(errors.map((f) => [f.path, f.message.split(',')[0]])).toEqual([
      ['stack/lib/Resource', '[NIC034] eni "lib" has private IP "10.0.1.10" (private_ip_list)'],
    ]);
  });

  describe('cannot verify', () => {
    test('reports INFO, not a pass or a fail, for an address only known at deploy time', () => {
      // GIVEN
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const ip = new TerraformVariable(stack, 'ip', { type: 'string' });
      new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIps: [ip.stringValue] });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC034')).toEqual([]);
      expect(findings.cannotVerify('NIC034').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([
        ['stack/eni', 'private_ips of eni "eni" is "${var.ip}", an input variable, only known at deploy time.'],
      ]);
    });

    test('reports INFO when the subnet is outside the stack', () => {
      const stack = testStack();
      new NetworkInterface(stack, 'eni', { subnetId: 'subnet-0123456789abcdef0', privateIps: ['10.0.0.10'] });
      const findings = checkStack(stack);
      expect(findings.errors('NIC034')).toEqual([]);
      expect(findings.cannotVerify('NIC034')[0].message)
        .toMatch(/the subnet of eni "eni" \(subnet_id\) is "subnet-0123456789abcdef0", a resource outside this stack/);
    });

    test('reports INFO when the subnet CIDR is computed by a function', () => {
      const stack = testStack();
      const { vpc } = testNetwork(stack);
      const subnet = new Subnet(stack, 'computed', { vpcId: vpc.id, cidrBlock: Fn.cidrsubnet(vpc.cidrBlock, 8, 9) });
      new NetworkInterface(stack, 'eni', { subnetId: subnet.id, privateIps: ['10.0.0.10'] });
      const findings = checkStack(stack);
      expect(findings.errors('NIC034')).toEqual([]);
      expect(findings.cannotVerify('NIC034')[0].message)
        .toMatch(/\(cidr_block of subnet "computed"\) is "\$\{cidrsubnet\(aws_vpc\.vpc\.cidr_block, 8, 9\)\}", computed by a function, only known at deploy time/);
    });

    test('reports INFO when the subnet has no IPv4 CIDR written (AWS assigns it)', () => {
      const stack = testStack();
      const { vpc } = testNetwork(stack);
      const subnet = new Subnet(stack, 'ipv6', { vpcId: vpc.id, ipv6CidrBlock: '2600:1f18::/64', ipv6Native: true });
      new NetworkInterface(stack, 'eni', { subnetId: subnet.id, privateIps: ['10.0.0.10'] });
      const findings = checkStack(stack);
      expect(findings.errors('NIC034')).toEqual([]);
      expect(findings.cannotVerify('NIC034')[0].message)
        .toMatch(/\(cidr_block of subnet "ipv6"\) is "\$\{aws_subnet\.ipv6\.cidr_block\}", computed by AWS at deploy time/);
    });
  });

  test('fails when suppressing it: AWS rejects the address', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, privateIps: ['10.0.0.1'] });
    expect(() => NetworkSuppressions.addSuppressions(eni, [{ id: 'NIC034', reason: 'the router address is free here' }]))
      .toThrow(/\[HardLimitNotSuppressible\] stack\/eni: NIC034/);
  });
});
