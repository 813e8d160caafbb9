import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { HaFailoverNic } from '../../../lib/aws/failover/ha-failover-nic';
import { HaMember } from '../../../lib/aws/failover/ha-member';
import { Instance as Host } from '../../../lib/aws/instance';
import { NetworkInterface as Eni } from '../../../lib/aws/network-interface';
import { MultiEipInstance } from '../../../lib/aws/patterns/multi-eip-instance';
import { SubnetReference } from '../../../lib/aws/subnet-reference';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** An instance in `primarySubnet`, and an interface of `secondSubnet` attached at device index 1. */
function dualHomed(stack: TerraformStack, primarySubnet: Subnet, secondSubnet: Subnet): Instance {
  const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: primarySubnet.id });
  const eni = new NetworkInterface(stack, 'second', { subnetId: secondSubnet.id });
  new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 1 });
  return host;
}

describe('NIC013 two interfaces of one instance in the same subnet', () => {
  test('passes for interfaces in two subnets (management network)', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
    dualHomed(stack, subnets[0], subnets[1]);
    // WHEN / THEN
    expect(checkStack(stack).of('NIC013')).toEqual([]);
  });

  test('warns when an attached interface is in the subnet of the primary one', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    dualHomed(stack, subnets[0], subnets[0]);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC013')).toEqual([]);
    expect(findings.warnings('NIC013').map((f) => [f.path, f.message])).toEqual([[
      'stack/attach',
      '[NIC013] instance "host" has two interfaces in subnet "subnet-a", eni "second" and the primary interface of instance "host": '
        + 'an instance should have at most one interface per subnet. '
        + 'Fix: put eni "second" in another subnet, or drop it and add secondary private IPv4 addresses to the primary interface of instance "host". '
        + 'See https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/best-practices-for-configuring-network-interfaces.html',
    ]]);
  });

  test('warns for network_interface blocks and launch template interfaces of one subnet', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const [a, b] = [0, 1].map((i) => new NetworkInterface(stack, `nic${i}`, { subnetId: subnets[0].id }));
    new Instance(stack, 'host', {
      ami: AMI,
      instanceType: 'm5.large',
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: a.id }, { deviceIndex: 1, networkInterfaceId: b.id }],
    });
    new LaunchTemplate(stack, 'template', {
      networkInterfaces: [0, 1].map((deviceIndex) => ({ deviceIndex, subnetId: subnets[0].id })),
    });
    const findings = checkStack(stack);
    expect(findings.warnings('NIC013').map((f) => [f.path, f.message.split(':')[0]]).sort()).toEqual([
      ['stack/host', '[NIC013] instance "host" has two interfaces in subnet "subnet-a", eni "nic1" and eni "nic0"'],
      ['stack/template', '[NIC013] launch template "template" has two interfaces in subnet "subnet-a", '
        + 'the interface at device index 1 of launch template "template" and the interface at device index 0 of launch template "template"'],
    ]);
  });

  test('the library constructs: an Instance with a second NetworkInterface of its own subnet is warned about', () => {
    // GIVEN our Instance and a second interface of the same subnet, attached at device index 1
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const subnet = SubnetReference.fromSubnet(subnets[0]);
    const host = new Host(stack, 'host', { instanceType: 'm5.large', ami: AMI, primaryInterface: new Eni(stack, 'eth0', { subnet }) });
    host.attachNetworkInterface(new Eni(stack, 'eth1', { subnet }), { deviceIndex: 1 });
    // WHEN / THEN
    expect(checkStack(stack).warnings('NIC013').map((f) => f.message.split(':')[0])).toEqual([
      '[NIC013] instance "host" has two interfaces in subnet "subnet-a", eni "eth1" and eni "eth0"',
    ]);
  });

  test('MultiEipInstance with its primary interface in `subnet` by default: suppressed, with the reason in the report', () => {
    // GIVEN the pattern without primarySubnet
    const stack = testStack();
    const subnet = SubnetReference.fromSubnet(testNetwork(stack).subnets[0]);
    new MultiEipInstance(stack, 'multi', { ami: AMI, instanceType: 'm5.large', subnet, publicAddressCount: 2 });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC013')).toEqual([]);
    expect(findings.suppressed('NIC013')).toEqual([expect.objectContaining({
      suppressionReason: expect.stringContaining('the primary interface, which takes no Elastic IP, is in `subnet` unless primarySubnet'),
    })]);
  });

  describe('a failover interface (nic-patterns:role = failover)', () => {
    test('the fix moves the other interface, since a failover interface must stay one of its own', () => {
      // GIVEN a raw failover interface attached in the subnet of the instance's primary interface
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id });
      const eni = new NetworkInterface(stack, 'floating', { subnetId: subnets[0].id, tags: { 'nic-patterns:role': 'failover' } });
      new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 1 });
      // WHEN
      const [warning] = checkStack(stack).warnings('NIC013');
      // THEN the message names the problem, and the fix does not tell to drop the failover interface
      expect(warning.message).toContain('Fix: put the primary interface of instance "host" in another subnet of the Availability Zone: '
        + 'eni "floating" is a failover interface');
      expect(warning.message).not.toContain('secondary private IPv4 addresses');
    });

    test('HaFailoverNic whose members are launched in the interface\'s subnet by default: suppressed, with the reason in the report', () => {
      // GIVEN the pair with its defaults: both members' primary interfaces in the failover interface's subnet
      const stack = testStack();
      const subnet = SubnetReference.fromSubnet(testNetwork(stack).subnets[0]);
      new HaFailoverNic(stack, 'web', { subnet, primary: HaMember.launch({ ami: AMI, instanceType: 'm5.large' }), standby: HaMember.launch({ ami: AMI, instanceType: 'm5.large' }) });
      // WHEN
      const findings = checkStack(stack);
      // THEN no warning, and the report says why
      expect(findings.of('NIC013')).toEqual([]);
      expect(findings.suppressed('NIC013')).toEqual([expect.objectContaining({
        path: 'stack/web/Interface/Attachment',
        suppressionReason: expect.stringContaining('the failover interface is an interface of its own so that it can move'),
      })]);
    });

    test('HaFailoverNic whose member is launched in the interface\'s subnet by choice: warned, with the fix that fits', () => {
      // GIVEN the primary's subnet given explicitly, the failover interface's own
      const stack = testStack();
      const subnet = SubnetReference.fromSubnet(testNetwork(stack).subnets[0]);
      const member = HaMember.launch({ ami: AMI, instanceType: 'm5.large', subnet });
      new HaFailoverNic(stack, 'web', { subnet, primary: member, standby: member });
      // WHEN / THEN
      expect(checkStack(stack).warnings('NIC013').map((f) => f.message.split('. See')[0])).toEqual([
        '[NIC013] instance "web/Primary" has two interfaces in subnet "subnet-a", eni "web/Interface" and eni "web/PrimaryEth0": '
          + 'an instance should have at most one interface per subnet. Fix: put eni "web/PrimaryEth0" in another subnet of the '
          + 'Availability Zone: eni "web/Interface" is a failover interface, which stays an interface of its own to move between '
          + 'instances; or route replies out of the interface they came in on (per-interface policy routing) and suppress this '
          + 'warning with that reason',
      ]);
    });
  });

  describe('cannot verify', () => {
    test('reports INFO when a subnet is only known at deploy time', () => {
      // GIVEN the second interface's subnet is a variable
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const subnetId = new TerraformVariable(stack, 'subnet_id', { type: 'string' });
      const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id });
      const eni = new NetworkInterface(stack, 'second', { subnetId: subnetId.stringValue });
      new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 1 });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.warnings('NIC013')).toEqual([]);
      expect(findings.cannotVerify('NIC013').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([[
        'stack/attach',
        'the subnet of eni "second" is "${var.subnet_id}", an input variable, only known at deploy time.',
      ]]);
    });

    test('warns when both interfaces take their subnet from the same variable', () => {
      const stack = testStack();
      const subnetId = new TerraformVariable(stack, 'subnet_id', { type: 'string' });
      const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnetId.stringValue });
      const eni = new NetworkInterface(stack, 'second', { subnetId: subnetId.stringValue });
      new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 1 });
      expect(checkStack(stack).warnings('NIC013')[0].message).toMatch(/has two interfaces in subnet "\$\{var\.subnet_id\}"/);
    });

    test('reports INFO when an attached interface is outside the stack', () => {
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id });
      new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: 'eni-0123456789abcdef0', deviceIndex: 1 });
      const findings = checkStack(stack);
      expect(findings.warnings('NIC013')).toEqual([]);
      expect(findings.cannotVerify('NIC013')[0].message).toMatch(/the subnet of interface "eni-0123456789abcdef0" is "eni-0123456789abcdef0", a resource outside this stack/);
    });
  });

  test('a suppression with a reason silences it and is recorded in the report', () => {
    // GIVEN the OS is configured with policy routing, and the instance says so
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    dualHomed(stack, subnets[0], subnets[0]);
    NetworkSuppressions.addSuppressions(stack, [{ id: 'NIC013', reason: 'policy routing per interface is configured in the AMI' }]);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC013')).toEqual([]);
    expect(findings.suppressed('NIC013')).toEqual([expect.objectContaining({
      path: 'stack/attach',
      level: 'WARNING',
      suppressionReason: 'policy routing per interface is configured in the AMI',
    })]);
  });
});
