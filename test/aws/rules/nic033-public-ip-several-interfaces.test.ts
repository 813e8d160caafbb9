import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Instance as Host } from '../../../lib/aws/instance';
import { NetworkInterface as Eni } from '../../../lib/aws/network-interface';
import { SubnetReference } from '../../../lib/aws/subnet-reference';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** A launch template with two interfaces, the first with `associatePublicIpAddress`. */
function twoInterfaceTemplate(stack: TerraformStack, associatePublicIpAddress: string): LaunchTemplate {
  const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
  return new LaunchTemplate(stack, 'template', {
    instanceType: 'm5.large',
    networkInterfaces: [
      { deviceIndex: 0, subnetId: subnets[0].id, associatePublicIpAddress },
      { deviceIndex: 1, subnetId: subnets[1].id },
    ],
  });
}

describe('NIC033 public IPv4 auto-assign with several interfaces at launch', () => {
  test('passes for a single-interface launch, even with interfaces attached afterwards', () => {
    // GIVEN an instance with a public IP and its own primary interface, and a second interface attached after launch
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
    const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id, associatePublicIpAddress: true });
    const eni = new NetworkInterface(stack, 'second', { subnetId: subnets[1].id });
    new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 1 });
    // WHEN / THEN
    expect(checkStack(stack).of('NIC033')).toEqual([]);
  });

  test('passes for a two-interface launch template that does not ask for a public IP', () => {
    const stack = testStack();
    twoInterfaceTemplate(stack, 'false');
    expect(checkStack(stack).of('NIC033')).toEqual([]);
  });

  test('fails when a launch template asks for a public IP with two interfaces', () => {
    // GIVEN
    const stack = testStack();
    twoInterfaceTemplate(stack, 'true');
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC033').map((f) => [f.path, f.message])).toEqual([[
      'stack/template',
      '[NIC033] launch template "template" requests a public IPv4 address at launch (associate_public_ip_address = true in the interface at device index 0) '
        + 'with 2 interfaces (the interface at device index 0 of launch template "template", the interface at device index 1 of launch template "template"): '
        + 'EC2 assigns one only to an instance launched with a single interface. '
        + 'Fix: set associate_public_ip_address = false and associate an Elastic IP with the interface that needs a public address, '
        + 'or launch with one interface and attach the others afterwards. '
        + 'See https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceNetworkInterfaceSpecification.html',
    ]]);
  });

  test('fails when an instance asks for a public IP and launches with two network_interface blocks', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
    const [a, b] = subnets.map((subnet, i) => new NetworkInterface(stack, `nic${i}`, { subnetId: subnet.id }));
    new Instance(stack, 'host', {
      ami: AMI,
      instanceType: 'm5.large',
      associatePublicIpAddress: true,
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: a.id }, { deviceIndex: 1, networkInterfaceId: b.id }],
    });
    expect(checkStack(stack).errors('NIC033').map((f) => [f.path, f.message.split(':')[0]])).toEqual([
      ['stack/host', '[NIC033] instance "host" requests a public IPv4 address at launch (associate_public_ip_address = true) with 2 interfaces (eni "nic0", eni "nic1")'],
    ]);
  });

  test('fails when an instance asks for a public IP and its launch template has two interfaces', () => {
    const stack = testStack();
    const template = twoInterfaceTemplate(stack, 'false');
    new Instance(stack, 'host', { associatePublicIpAddress: true, launchTemplate: { id: template.id } });
    expect(checkStack(stack).errors('NIC033').map((f) => f.path)).toEqual(['stack/host']);
  });

  test('the library constructs: an Instance launches with one interface, so NIC033 stays silent', () => {
    // GIVEN our Instance (one interface at launch) with a second NetworkInterface attached afterwards
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
    const host = new Host(stack, 'host', {
      instanceType: 'm5.large', ami: AMI, primaryInterface: new Eni(stack, 'eth0', { subnet: SubnetReference.fromSubnet(subnets[0]) }),
    });
    host.attachNetworkInterface(new Eni(stack, 'eth1', { subnet: SubnetReference.fromSubnet(subnets[1]) }), { deviceIndex: 1 });
    // WHEN / THEN
    expect(checkStack(stack).of('NIC033')).toEqual([]);
  });

  describe('cannot verify', () => {
    test('reports INFO when associate_public_ip_address is only known at deploy time', () => {
      // GIVEN
      const stack = testStack();
      const publicIp = new TerraformVariable(stack, 'public_ip', { type: 'string' });
      twoInterfaceTemplate(stack, publicIp.stringValue);
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC033')).toEqual([]);
      expect(findings.cannotVerify('NIC033').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([[
        'stack/template',
        'associate_public_ip_address in the interface at device index 0 is "${var.public_ip}", an input variable, only known at deploy time.',
      ]]);
    });

    test('reports INFO when the interfaces come from a launch template outside the stack', () => {
      const stack = testStack();
      new Instance(stack, 'host', { associatePublicIpAddress: true, launchTemplate: { id: 'lt-0123456789abcdef0' } });
      const findings = checkStack(stack);
      expect(findings.errors('NIC033')).toEqual([]);
      expect(findings.cannotVerify('NIC033')[0].message).toMatch(/the interfaces it launches with is "lt-0123456789abcdef0", a resource outside this stack/);
    });
  });

  test('fails when suppressing it: EC2 rejects the launch', () => {
    const stack = testStack();
    const template = twoInterfaceTemplate(stack, 'true');
    expect(() => NetworkSuppressions.addSuppressions(template, [{ id: 'NIC033', reason: 'the subnet assigns public IPs anyway' }]))
      .toThrow(/\[HardLimitNotSuppressible\].*NIC033/);
  });
});
