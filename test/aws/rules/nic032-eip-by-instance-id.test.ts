import { Eip } from '@cdktf/provider-aws/lib/eip';
import { EipAssociation } from '@cdktf/provider-aws/lib/eip-association';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { ElasticIp } from '../../../lib/aws/elastic-ip';
import { Instance as Host } from '../../../lib/aws/instance';
import { NetworkInterface as Eni } from '../../../lib/aws/network-interface';
import { SubnetReference } from '../../../lib/aws/subnet-reference';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** An instance with its own primary interface and, when `secondInterface`, one attached at device index 1. */
function host(stack: TerraformStack, secondInterface: boolean): Instance {
  const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
  const instance = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id });
  if (secondInterface) {
    const eni = new NetworkInterface(stack, 'second', { subnetId: subnets[1].id });
    new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: instance.id, networkInterfaceId: eni.id, deviceIndex: 1 });
  }
  return instance;
}

describe('NIC032 Elastic IP associated by instance id', () => {
  test('passes by instance id on a single-interface instance, and by interface id on a multi-interface one', () => {
    // GIVEN
    const stack = testStack();
    const single = host(stack, false);
    new Eip(stack, 'single-eip', { instance: single.id });
    const dual = new Instance(stack, 'dual', { ami: AMI, instanceType: 'm5.large', subnetId: single.subnetId });
    const eni = new NetworkInterface(stack, 'dual-second', { subnetId: single.subnetId, attachment: [{ instance: dual.id, deviceIndex: 1 }] });
    new Eip(stack, 'dual-eip', { networkInterface: eni.id });
    // WHEN / THEN
    expect(checkStack(stack).of('NIC032')).toEqual([]);
  });

  test('fails when an aws_eip names an instance with two interfaces', () => {
    // GIVEN
    const stack = testStack();
    const instance = host(stack, true);
    new Eip(stack, 'eip', { instance: instance.id });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC032').map((f) => [f.path, f.message])).toEqual([[
      'stack/eip',
      '[NIC032] eip "eip" is associated by instance with instance "host", which has 2 interfaces '
        + '(the primary interface of instance "host", eni "second"): an association by instance id needs exactly one. '
        + 'Fix: associate it by interface id instead (network_interface), with the interface that should receive the public traffic. '
        + 'See https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateAddress.html',
    ]]);
  });

  test('fails for an aws_eip_association by instance_id on an instance launched with two interfaces', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
    const [a, b] = subnets.map((subnet, i) => new NetworkInterface(stack, `nic${i}`, { subnetId: subnet.id }));
    const instance = new Instance(stack, 'host', {
      ami: AMI,
      instanceType: 'm5.large',
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: a.id }, { deviceIndex: 1, networkInterfaceId: b.id }],
    });
    const eip = new Eip(stack, 'eip', {});
    new EipAssociation(stack, 'association', { allocationId: eip.allocationId, instanceId: instance.id });
    expect(checkStack(stack).errors('NIC032').map((f) => [f.path, f.message.split(':')[0]])).toEqual([
      ['stack/association', '[NIC032] eip association "association" is associated by instance_id with instance "host", which has 2 interfaces (eni "nic0", eni "nic1")'],
    ]);
  });

  test('passes for an instance with count and a single interface', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const instance = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id, count: 2 });
    new Eip(stack, 'eip', { instance: `\${${instance.terraformResourceType}.${instance.friendlyUniqueId}[0].id}` });
    expect(checkStack(stack).of('NIC032')).toEqual([]);
  });

  test('the library constructs: a raw aws_eip by instance id on an Instance with a second NetworkInterface fails, an ElasticIp on the interface passes', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
    const instance = new Host(stack, 'host', {
      instanceType: 'm5.large', ami: AMI, primaryInterface: new Eni(stack, 'eth0', { subnet: SubnetReference.fromSubnet(subnets[0]) }),
    });
    const eth1 = new Eni(stack, 'eth1', { subnet: SubnetReference.fromSubnet(subnets[1]) });
    instance.attachNetworkInterface(eth1, { deviceIndex: 1 });
    new ElasticIp(stack, 'public', { networkInterface: eth1 });
    new Eip(stack, 'raw', { instance: instance.instanceId });
    expect(checkStack(stack).errors('NIC032').map((f) => f.path)).toEqual(['stack/raw']);
  });

  describe('cannot verify', () => {
    test('reports INFO when the instance is only known at deploy time', () => {
      // GIVEN
      const stack = testStack();
      const instanceId = new TerraformVariable(stack, 'instance_id', { type: 'string' });
      new Eip(stack, 'eip', { instance: instanceId.stringValue });
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC032')).toEqual([]);
      expect(findings.cannotVerify('NIC032').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([[
        'stack/eip',
        'the instance it is associated with is "${var.instance_id}", an input variable, only known at deploy time.',
      ]]);
    });

    test('reports INFO when an attachment of the instance has count', () => {
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const instance = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id });
      const count = new TerraformVariable(stack, 'extra', { type: 'number' });
      const eni = new NetworkInterface(stack, 'second', { subnetId: subnets[0].id });
      new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: instance.id, networkInterfaceId: eni.id, deviceIndex: 1, count: count.numberValue });
      new Eip(stack, 'eip', { instance: instance.id });
      const findings = checkStack(stack);
      expect(findings.errors('NIC032')).toEqual([]);
      expect(findings.cannotVerify('NIC032')[0].message).toMatch(/the number of interfaces of instance "host" \(attachment "attach" has count\/for_each\) is "\$\{var\.extra\}"/);
    });
  });

  test('fails when suppressing it: EC2 rejects the association', () => {
    const stack = testStack();
    const instance = host(stack, true);
    const eip = new Eip(stack, 'eip', { instance: instance.id });
    expect(() => NetworkSuppressions.addSuppressions(eip, [{ id: 'NIC032', reason: 'the second interface is attached later' }]))
      .toThrow(/\[HardLimitNotSuppressible\].*NIC032/);
  });
});
