import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** Attaches copy 0 of the `shared` interface to `a` and copy `indexOnB` to `b`. */
function attachCopies(stack: TerraformStack, a: Instance, b: Instance, indexOnB: number): void {
  new NetworkInterfaceAttachmentA(stack, 'attach-a', { instanceId: a.id, networkInterfaceId: '${aws_network_interface.shared[0].id}', deviceIndex: 1 });
  new NetworkInterfaceAttachmentA(stack, 'attach-b', { instanceId: b.id, networkInterfaceId: `\${aws_network_interface.shared[${indexOnB}].id}`, deviceIndex: 1 });
}

function twoHostsAndEni(stack: TerraformStack, eniCount?: number): { a: Instance; b: Instance; eni: NetworkInterface } {
  const { subnets } = testNetwork(stack);
  const host = (id: string) => new Instance(stack, id, { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id });
  const eni = new NetworkInterface(stack, 'shared', { subnetId: subnets[0].id, count: eniCount });
  return { a: host('a'), b: host('b'), eni };
}

describe('NIC022 interface attached to one instance at a time', () => {
  test('passes for one attachment per interface', () => {
    const stack = testStack();
    const { a, eni } = twoHostsAndEni(stack);
    new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: a.id, networkInterfaceId: eni.id, deviceIndex: 1 });
    expect(checkStack(stack).of('NIC022')).toEqual([]);
  });

  test('fails when two attachment resources attach one interface to two instances', () => {
    // GIVEN
    const stack = testStack();
    const { a, b, eni } = twoHostsAndEni(stack);
    new NetworkInterfaceAttachmentA(stack, 'attach-a', { instanceId: a.id, networkInterfaceId: eni.id, deviceIndex: 1 });
    new NetworkInterfaceAttachmentA(stack, 'attach-b', { instanceId: b.id, networkInterfaceId: eni.id, deviceIndex: 1 });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC022').map((f) => [f.path, f.message.split('. Fix:')[0]])).toEqual([[
      'stack/attach-b',
      '[NIC022] eni "shared" is attached to instance "b" by attachment "attach-b" while attachment "attach-a" already attaches it to instance "a"',
    ]]);
  });

  test('fails when an interface has an attachment block and is also launched with an instance', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const a = new Instance(stack, 'a', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id });
    const eni = new NetworkInterface(stack, 'shared', { subnetId: subnets[0].id, attachment: [{ instance: a.id, deviceIndex: 1 }] });
    new Instance(stack, 'b', { ami: AMI, instanceType: 'm5.large', networkInterface: [{ deviceIndex: 0, networkInterfaceId: eni.id }] });
    expect(checkStack(stack).errors('NIC022')).toHaveLength(1);
  });

  test('fails when two instances launch from a template that names one interface', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const eni = new NetworkInterface(stack, 'shared', { subnetId: subnets[0].id });
    const template = new LaunchTemplate(stack, 'template', {
      instanceType: 'm5.large',
      networkInterfaces: [{ deviceIndex: 0, networkInterfaceId: eni.id }],
    });
    for (const id of ['a', 'b']) new Instance(stack, id, { ami: AMI, launchTemplate: { id: template.id } });
    expect(checkStack(stack).errors('NIC022').map((f) => f.path)).toEqual(['stack/b']);
  });

  test('reports INFO, not a pass or a fail, when the interface has a count known only at deploy time', () => {
    // GIVEN an interface whose count is an input variable, whose copies are attached by index
    const stack = testStack();
    const copies = new TerraformVariable(stack, 'copies', { type: 'number' });
    const { a, b } = twoHostsAndEni(stack, copies.numberValue);
    attachCopies(stack, a, b, 1);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC022')).toEqual([]);
    expect(findings.cannotVerify('NIC022').map((f) => [f.path, f.address, f.message.split(' See')[0]])).toEqual([[
      'stack/shared',
      'aws_network_interface.shared',
      '[NIC022] cannot verify eni "shared" (one interface attached to one instance at a time): which copy of eni "shared" each attachment uses '
        + '(count/for_each) is "${var.copies}", an input variable, only known at deploy time.',
    ]]);
  });

  test('passes when each copy of an interface with a literal count is attached once', () => {
    // GIVEN an interface with count = 2, copy 0 attached to a and copy 1 to b
    const stack = testStack();
    const { a, b } = twoHostsAndEni(stack, 2);
    attachCopies(stack, a, b, 1);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC022')).toEqual([]);
  });

  test('fails when one copy of an interface with a literal count is attached twice', () => {
    // GIVEN an interface with count = 2, copy 0 attached to both a and b
    const stack = testStack();
    const { a, b } = twoHostsAndEni(stack, 2);
    attachCopies(stack, a, b, 0);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC022').map((f) => [f.path, f.address])).toEqual([['stack/attach-b', 'aws_network_interface_attachment.attach-b']]);
    expect(findings.errors('NIC022')[0].message).toContain('eni "shared[0]"');
  });

  test('fails when suppressing it: AWS rejects the second attachment', () => {
    const stack = testStack();
    expect(() => NetworkSuppressions.addSuppressions(stack, [{ id: 'NIC022', reason: 'failover moves it anyway' }]))
      .toThrow(/\[HardLimitNotSuppressible\].*NIC022/);
  });
});
