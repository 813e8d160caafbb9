import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** An instance launched with a primary interface and a second one on `networkCardIndex`. */
function secondInterfaceOnCard(stack: TerraformStack, instanceType: string, networkCardIndex: number): void {
  const { subnets } = testNetwork(stack);
  const [a, b] = [0, 1].map((i) => new NetworkInterface(stack, `nic${i}`, { subnetId: subnets[0].id }));
  new Instance(stack, 'host', {
    ami: AMI,
    instanceType,
    networkInterface: [{ deviceIndex: 0, networkInterfaceId: a.id }, { deviceIndex: 1, networkInterfaceId: b.id, networkCardIndex }],
  });
}

describe('NIC023 network card index exists on the instance type', () => {
  test('passes for card 1 on a type with two cards', () => {
    const stack = testStack();
    secondInterfaceOnCard(stack, 'hpc7a.12xlarge', 1);
    expect(checkStack(stack).of('NIC023')).toEqual([]);
  });

  test('fails for card 1 on a single-card type', () => {
    // GIVEN
    const stack = testStack();
    secondInterfaceOnCard(stack, 'm5.large', 1);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC023').map((f) => [f.path, f.message.split('. See')[0]])).toEqual([[
      'stack/host',
      '[NIC023] eni "nic1" uses network_card_index 1 on m5.large "host", which has only network card 0. Fix: remove network_card_index (or set it to 0)',
    ]]);
  });

  test('fails for a card beyond the last one of a multi-card type', () => {
    const stack = testStack();
    secondInterfaceOnCard(stack, 'hpc7a.12xlarge', 2);
    expect(checkStack(stack).errors('NIC023')[0].message).toMatch(/which has network cards 0 to 1/);
  });

  test('fails for a hashicorp/aws 6.x attachment resource on a card the type does not have, and passes on one it has', () => {
    // GIVEN interfaces attached after launch by aws_network_interface_attachment with network_card_index (6.x)
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const primary = new NetworkInterface(stack, 'nic0', { subnetId: subnets[0].id });
    const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'hpc7a.12xlarge', networkInterface: [{ deviceIndex: 0, networkInterfaceId: primary.id }] });
    [1, 2].forEach((card) => {
      const eni = new NetworkInterface(stack, `card${card}`, { subnetId: subnets[0].id });
      // Written as an override so that the test runs on both provider lines; the 21.x class has the argument.
      new NetworkInterfaceAttachmentA(stack, `on-card${card}`, { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 1 })
        .addOverride('network_card_index', card);
    });
    // WHEN checked
    const findings = checkStack(stack);
    // THEN only the attachment to card 2 is reported
    expect(findings.errors('NIC023').map((f) => [f.path, f.message.split('. Fix')[0]])).toEqual([[
      'stack/on-card2', '[NIC023] eni "card2" uses network_card_index 2 on hpc7a.12xlarge "host", which has network cards 0 to 1',
    ]]);
  });

  test('reports INFO, not a pass or a fail, when the card index is only known at deploy time', () => {
    const stack = testStack();
    const card = new TerraformVariable(stack, 'card', { type: 'number' });
    secondInterfaceOnCard(stack, 'm5.large', card.numberValue);
    const findings = checkStack(stack);
    expect(findings.errors('NIC023')).toEqual([]);
    expect(findings.cannotVerify('NIC023').map((f) => f.path)).toEqual(['stack/host']);
  });

  test('fails when suppressing it: AWS rejects the card index', () => {
    const stack = testStack();
    expect(() => NetworkSuppressions.addSuppressions(stack, [{ id: 'NIC023', reason: 'the type will be changed' }]))
      .toThrow(/\[HardLimitNotSuppressible\].*NIC023/);
  });
});
