import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** A NAT-like instance with `source_dest_check` as given, and `extra` attached interfaces. */
function router(stack: TerraformStack, sourceDestCheck: boolean | undefined, extra: number): Instance {
  const { subnets } = testNetwork(stack);
  const host = new Instance(stack, 'router', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id, sourceDestCheck });
  for (let i = 1; i <= extra; i++) {
    const eni = new NetworkInterface(stack, `eni${i}`, { subnetId: subnets[0].id, sourceDestCheck: false });
    new NetworkInterfaceAttachmentA(stack, `attach${i}`, { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: i });
  }
  return host;
}

describe('NIC041 source_dest_check on an instance with several interfaces', () => {
  test('passes on an instance with one interface, and on an instance that leaves it to its interfaces', () => {
    // GIVEN
    const stack = testStack();
    router(stack, undefined, 2);
    new Instance(stack, 'nat', { ami: AMI, instanceType: 't3.micro', subnetId: '${aws_subnet.subnet-a.id}', sourceDestCheck: false });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC041')).toEqual([]);
  });

  test('fails when an instance with attached interfaces sets source_dest_check', () => {
    // GIVEN
    const stack = testStack();
    router(stack, false, 2);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.warnings('NIC041').map((f) => [f.path, f.message])).toEqual([[
      'stack/router',
      '[NIC041] instance "router" sets source_dest_check = false, which applies only to its primary interface; '
        + 'its other 2 interfaces (eni "eni1", eni "eni2") keep their own setting. '
        + 'Fix: set source_dest_check on each aws_network_interface that forwards traffic (and on the primary one), and remove it from the instance. '
        + 'See https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html#change_source_dest_check',
    ]]);
  });

  test('fails when the instance launches with several network_interface blocks', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const [a, b] = ['a', 'b'].map((id) => new NetworkInterface(stack, id, { subnetId: subnets[0].id }));
    new Instance(stack, 'fw', {
      ami: AMI,
      instanceType: 'm5.large',
      sourceDestCheck: true,
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: a.id }, { deviceIndex: 1, networkInterfaceId: b.id }],
    });
    expect(checkStack(stack).warnings('NIC041').map((f) => f.message.split(';')[0])).toEqual([
      '[NIC041] instance "fw" sets source_dest_check = true, which applies only to its primary interface',
    ]);
  });

  test('reports INFO, not a pass or a fail, when the number of interfaces depends on count', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const copies = new TerraformVariable(stack, 'copies', { type: 'number' });
    const host = new Instance(stack, 'router', { ami: AMI, instanceType: 'm5.large', subnetId: subnets[0].id, sourceDestCheck: false });
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id });
    new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: host.id, networkInterfaceId: eni.id, deviceIndex: 1, count: copies.numberValue });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.warnings('NIC041')).toEqual([]);
    expect(findings.cannotVerify('NIC041').map((f) => f.message.split(' See')[0])).toEqual([
      '[NIC041] cannot verify instance "router" (source_dest_check set on an instance with several interfaces (set it per interface)): '
        + 'its number of interfaces (attachment "attach" has count/for_each) is "${var.copies}", an input variable, only known at deploy time.',
    ]);
  });

  test('reports INFO when the instance interfaces are dynamic blocks', () => {
    const stack = testStack();
    const host = new Instance(stack, 'router', { ami: AMI, instanceType: 'm5.large', sourceDestCheck: false });
    host.addOverride('dynamic.network_interface', { for_each: '${var.interfaces}', content: { device_index: '${network_interface.key}', network_interface_id: '${network_interface.value}' } });
    const findings = checkStack(stack);
    expect(findings.warnings('NIC041')).toEqual([]);
    expect(findings.cannotVerify('NIC041').map((f) => f.path)).toEqual(['stack/router']);
  });

  test('a suppression with a reason silences it and is recorded in the report', () => {
    // GIVEN
    const stack = testStack();
    const host = router(stack, false, 1);
    NetworkSuppressions.addSuppressions(host, [{ id: 'NIC041', reason: 'only the primary interface forwards traffic' }]);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC041')).toEqual([]);
    expect(findings.suppressed('NIC041')).toEqual([expect.objectContaining({ path: 'stack/router', level: 'WARNING' })]);
  });
});
