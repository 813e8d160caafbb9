import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** An instance in `instanceSubnet` and an interface in `eniSubnet`, attached at device index 1. */
function attachAcross(stack: TerraformStack, instanceSubnet: Subnet, eniSubnet: Subnet): void {
  const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: instanceSubnet.id });
  const eni = new NetworkInterface(stack, 'eni', { subnetId: eniSubnet.id });
  new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 1 });
}

describe('NIC010 interface and instance in the same Availability Zone', () => {
  test('passes for an interface in another subnet of the same AZ', () => {
    // GIVEN two subnets in us-east-1a
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
    attachAcross(stack, subnets[0], subnets[1]);
    // WHEN / THEN
    expect(checkStack(stack).of('NIC010')).toEqual([]);
  });

  test('fails when the interface is in another AZ than the instance', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1b']);
    attachAcross(stack, subnets[0], subnets[1]);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC010').map((f) => [f.path, f.message.split('. Fix:')[0]])).toEqual([[
      'stack/attach',
      '[NIC010] eni "eni" is in us-east-1b (subnet "subnet-b") but instance "host" is in us-east-1a (subnet "subnet-a")',
    ]]);
  });

  test('fails when an instance launches with interfaces of two AZs', () => {
    // GIVEN network_interface blocks at device 0 (us-east-1a) and 1 (us-east-1b)
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1b']);
    const [a, b] = subnets.map((subnet, i) => new NetworkInterface(stack, `nic${i}`, { subnetId: subnet.id }));
    new Instance(stack, 'host', {
      ami: AMI,
      instanceType: 'm5.large',
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: a.id }, { deviceIndex: 1, networkInterfaceId: b.id }],
    });
    // WHEN / THEN
    expect(checkStack(stack).errors('NIC010').map((f) => f.message.split(' but')[0])).toEqual(['[NIC010] eni "nic1" is in us-east-1b (subnet "subnet-b")']);
  });

  test('fails against the availability_zone set on the instance itself', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1b']);
    const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', availabilityZone: 'us-east-1a' });
    new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, attachment: [{ instance: host.id, deviceIndex: 1 }] });
    expect(checkStack(stack).errors('NIC010').map((f) => f.path)).toEqual(['stack/eni']);
  });

  test('reports INFO, not a pass or a fail, when a subnet AZ is only known at deploy time', () => {
    // GIVEN the interface subnet's AZ comes from a variable
    const stack = testStack();
    const { vpc, subnets } = testNetwork(stack, ['us-east-1a']);
    const az = new TerraformVariable(stack, 'az', { type: 'string' });
    const other = new Subnet(stack, 'other', { vpcId: vpc.id, cidrBlock: '10.0.9.0/24', availabilityZone: az.stringValue });
    attachAcross(stack, subnets[0], other);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC010')).toEqual([]);
    expect(findings.cannotVerify('NIC010').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([[
      'stack/attach',
      'the Availability Zone of eni "eni": availability_zone of subnet "other" is "${var.az}", an input variable, only known at deploy time.',
    ]]);
  });

  test('reports INFO when the interface subnet is outside the stack', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a']);
    const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id });
    new NetworkInterface(stack, 'eni', { subnetId: 'subnet-0123456789abcdef0', attachment: [{ instance: host.id, deviceIndex: 1 }] });
    const findings = checkStack(stack);
    expect(findings.errors('NIC010')).toEqual([]);
    expect(findings.cannotVerify('NIC010')[0].message).toMatch(/subnet_id is "subnet-0123456789abcdef0", a resource outside this stack/);
  });

  test('fails when suppressing it: AWS rejects the attachment', () => {
    const stack = testStack();
    expect(() => NetworkSuppressions.addSuppressions(stack, [{ id: 'NIC010', reason: 'the subnets will be moved' }]))
      .toThrow(/\[HardLimitNotSuppressible\].*NIC010/);
  });
});
