import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** An instance of `instanceType` with its own primary interface, plus one attachment per extra device index. */
function hostWithAttachments(stack: TerraformStack, instanceType: string, extraDeviceIndexes: number[]): Instance {
  const { subnets } = testNetwork(stack);
  const host = new Instance(stack, 'host', { ami: AMI, instanceType, subnetId: subnets[0].id });
  for (const deviceIndex of extraDeviceIndexes) {
    const eni = new NetworkInterface(stack, `eni${deviceIndex}`, { subnetId: subnets[0].id });
    new NetworkInterfaceAttachmentA(stack, `attach${deviceIndex}`, { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex });
  }
  return host;
}

function enis(stack: TerraformStack, subnet: Subnet, count: number): NetworkInterface[] {
  return Array.from({ length: count }, (_, i) => new NetworkInterface(stack, `nic${i}`, { subnetId: subnet.id }));
}

describe('NIC001 interfaces per instance', () => {
  test('passes when an instance has as many interfaces as its type allows', () => {
    // GIVEN a t3.micro (2 interfaces) with its primary and one attached interface
    const stack = testStack();
    hostWithAttachments(stack, 't3.micro', [1]);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC001')).toEqual([]);
  });

  test('fails when attachments exceed the instance type maximum, on each interface beyond it', () => {
    // GIVEN a t3.micro with its primary and three attached interfaces
    const stack = testStack();
    hostWithAttachments(stack, 't3.micro', [1, 2, 3]);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC001').map((f) => [f.path, f.message.split('. Fix:')[0]])).toEqual([
      ['stack/attach2', '[NIC001] eni "eni2" is the 3rd interface of t3.micro "host", which allows 2 (4 declared)'],
      ['stack/attach3', '[NIC001] eni "eni3" is the 4th interface of t3.micro "host", which allows 2 (4 declared)'],
    ]);
    expect(findings.errors('NIC001')[0].message).toMatch(/Fix: use an instance type with at least 4 interfaces.*See https:\/\/docs\.aws\.amazon\.com\/AWSEC2\/latest\/UserGuide\/AvailableIpPerENI\.html$/);
  });

  test('fails when inline network_interface blocks exceed the maximum', () => {
    // GIVEN a t3.micro launched with three interfaces
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const [a, b, c] = enis(stack, subnets[0], 3);
    new Instance(stack, 'host', {
      ami: AMI,
      instanceType: 't3.micro',
      networkInterface: [a, b, c].map((eni, deviceIndex) => ({ deviceIndex, networkInterfaceId: eni.id })),
    });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC001').map((f) => [f.path, f.message.split(',')[0]])).toEqual([
      ['stack/host', '[NIC001] eni "nic2" is the 3rd interface of t3.micro "host"'],
    ]);
  });

  test('fails when attachment blocks of aws_network_interface exceed the maximum', () => {
    // GIVEN a t3.micro and two interfaces that attach themselves to it
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const host = new Instance(stack, 'host', { ami: AMI, instanceType: 't3.micro', subnetId: subnets[0].id });
    for (const deviceIndex of [1, 2]) {
      new NetworkInterface(stack, `eni${deviceIndex}`, { subnetId: subnets[0].id, attachment: [{ instance: host.id, deviceIndex }] });
    }
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC001').map((f) => f.path)).toEqual(['stack/eni2']);
  });

  test('fails when one network card carries more interfaces than it allows, even under the instance total', () => {
    // GIVEN an hpc7a.12xlarge (4 interfaces, 2 per card) with 3 interfaces on card 0 and none on card 1
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const [a, b, c] = enis(stack, subnets[0], 3);
    new Instance(stack, 'host', {
      ami: AMI,
      instanceType: 'hpc7a.12xlarge',
      networkInterface: [a, b, c].map((eni, deviceIndex) => ({ deviceIndex, networkInterfaceId: eni.id, networkCardIndex: 0 })),
    });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC001').map((f) => f.message.split('. Fix:')[0])).toEqual([
      '[NIC001] eni "nic2" is the 3rd interface on network card 0 of hpc7a.12xlarge "host", which allows 2 on that card',
    ]);
  });

  test('passes when interfaces are spread over network cards within each card maximum', () => {
    // GIVEN an hpc7a.12xlarge with 2 interfaces on card 0 and 2 on card 1
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const nics = enis(stack, subnets[0], 4);
    new Instance(stack, 'host', {
      ami: AMI,
      instanceType: 'hpc7a.12xlarge',
      networkInterface: nics.map((eni, i) => ({ deviceIndex: i % 2, networkInterfaceId: eni.id, networkCardIndex: Math.floor(i / 2) })),
    });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC001')).toEqual([]);
  });

  test('fails when a launch template declares more interfaces than its instance type allows', () => {
    // GIVEN a t3.micro launch template with three interfaces
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new LaunchTemplate(stack, 'template', {
      instanceType: 't3.micro',
      networkInterfaces: [0, 1, 2].map((deviceIndex) => ({ deviceIndex, subnetId: subnets[0].id })),
    });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC001').map((f) => [f.path, f.message.split(',')[0]])).toEqual([
      ['stack/template', '[NIC001] the interface at device index 2 of launch template "template" is the 3rd interface of launch template "template" (t3.micro)'],
    ]);
  });

  test('says nothing about an instance type missing from the limits table (NIC004 reports it)', () => {
    const stack = testStack();
    hostWithAttachments(stack, 'zz9.mega', [1, 2, 3]);
    expect(checkStack(stack).of('NIC001')).toEqual([]);
  });

  describe('cannot verify', () => {
    test('reports INFO, not a pass or a fail, when the instance type is only known at deploy time', () => {
      // GIVEN
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const type = new TerraformVariable(stack, 'instance_type', { type: 'string' });
      new Instance(stack, 'host', { ami: AMI, instanceType: type.stringValue, subnetId: subnets[0].id });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC001')).toEqual([]);
      expect(findings.cannotVerify('NIC001').map((f) => [f.path, f.message.split(' See')[0]])).toEqual([
        ['stack/host', '[NIC001] cannot verify instance "host" (interfaces per instance <= instance type max, and per network card): '
          + 'instance_type is "${var.instance_type}", an input variable, only known at deploy time.'],
      ]);
    });

    test('reports INFO when the number of attachments depends on a count known only at deploy time', () => {
      // GIVEN an attachment whose count is an input variable, on a t3.micro
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const copies = new TerraformVariable(stack, 'copies', { type: 'number' });
      const host = new Instance(stack, 'host', { ami: AMI, instanceType: 't3.micro', subnetId: subnets[0].id });
      const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id });
      new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 1, count: copies.numberValue });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC001')).toEqual([]);
      expect(findings.cannotVerify('NIC001').map((f) => [f.path, f.address, f.message.split(' See')[0]])).toEqual([[
        'stack/host',
        'aws_instance.host',
        '[NIC001] cannot verify instance "host" (interfaces per instance <= instance type max, and per network card): '
          + 'the number of interfaces (attachment "attach" has count/for_each) is "${var.copies}", an input variable, only known at deploy time.',
      ]]);
    });

    test('fails when a literal count attaches more interfaces than the instance type allows', () => {
      // GIVEN three interfaces attached by a count of 3 to a t3.micro, which allows 2 interfaces
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const host = new Instance(stack, 'host', { ami: AMI, instanceType: 't3.micro', subnetId: subnets[0].id });
      new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, count: 3 });
      new NetworkInterfaceAttachmentA(stack, 'attach', {
        instanceId: host.id, networkInterfaceId: '${aws_network_interface.eni[count.index].id}', deviceIndex: 1, count: 3,
      });
      // WHEN
      const findings = checkStack(stack);
      // THEN the copies are checked one by one: the 2nd and 3rd attached interfaces are over the limit
      expect(findings.errors('NIC001').map((f) => [f.path, f.address, f.message.split(' Fix')[0]])).toEqual([
        ['stack/attach', 'aws_network_interface_attachment.attach[1]',
          '[NIC001] eni "eni[1]" is the 3rd interface of t3.micro "host", which allows 2 (4 declared).'],
        ['stack/attach', 'aws_network_interface_attachment.attach[2]',
          '[NIC001] eni "eni[2]" is the 4th interface of t3.micro "host", which allows 2 (4 declared).'],
      ]);
      expect(findings.cannotVerify('NIC001')).toEqual([]);
    });

    test('reports INFO when the interfaces come from a launch template outside the stack', () => {
      const stack = testStack();
      new Instance(stack, 'host', { ami: AMI, instanceType: 't3.micro', launchTemplate: { id: 'lt-0123456789abcdef0' } });
      const findings = checkStack(stack);
      expect(findings.errors('NIC001')).toEqual([]);
      expect(findings.cannotVerify('NIC001').map((f) => f.message.split(': ')[1].split(' See')[0])).toEqual([
        'its list of network interfaces is "lt-0123456789abcdef0", a resource outside this stack.',
      ]);
    });

    test('reports INFO when the instance of an attachment is only known at deploy time', () => {
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const instanceId = new TerraformVariable(stack, 'instance_id', { type: 'string' });
      const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id });
      new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: instanceId.stringValue, networkInterfaceId: eni.id, deviceIndex: 1 });
      const findings = checkStack(stack);
      expect(findings.errors('NIC001')).toEqual([]);
      expect(findings.cannotVerify('NIC001').map((f) => f.path)).toEqual(['stack/attach']);
    });

    test('reports INFO for the per-card count when a network card index is only known at deploy time', () => {
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const card = new TerraformVariable(stack, 'card', { type: 'number' });
      const [a, b] = enis(stack, subnets[0], 2);
      new Instance(stack, 'host', {
        ami: AMI,
        instanceType: 'hpc7a.12xlarge',
        networkInterface: [
          { deviceIndex: 0, networkInterfaceId: a.id },
          { deviceIndex: 1, networkInterfaceId: b.id, networkCardIndex: card.numberValue },
        ],
      });
      const findings = checkStack(stack);
      expect(findings.errors('NIC001')).toEqual([]);
      expect(findings.cannotVerify('NIC001')[0].message).toMatch(/network_card_index of eni "nic1" is "\$\{var\.card\}"/);
    });
  });

  describe('suppression', () => {
    test('fails when suppressing it: AWS enforces the limit', () => {
      const stack = testStack();
      const host = hostWithAttachments(stack, 't3.micro', [1, 2]);
      expect(() => NetworkSuppressions.addSuppressions(host, [{ id: 'NIC001', reason: 'we will resize the instance later' }]))
        .toThrow(/\[HardLimitNotSuppressible\].*NIC001/);
    });

    test('a suppression of another rule does not hide it', () => {
      // GIVEN a NIC040 suppression on the whole stack
      const stack = testStack();
      hostWithAttachments(stack, 't3.micro', [1, 2]);
      NetworkSuppressions.addSuppressions(stack, [{ id: 'NIC040', reason: 'routes are managed by the appliance team' }]);
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC001')).toHaveLength(1);
      expect(findings.suppressed('NIC001')).toEqual([]);
    });
  });
});
