import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { MarkerRole, MarkerTag } from '../../../lib/aws/marker-tags';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';
const FAILOVER = { [MarkerTag.role]: MarkerRole.failover };

/** A failover interface (tags as given) and an instance in the same subnet. */
function failoverEni(stack: TerraformStack, tags: Record<string, string> = FAILOVER): { eni: NetworkInterface; subnetId: string } {
  const { subnets } = testNetwork(stack);
  const eni = new NetworkInterface(stack, 'service', { subnetId: subnets[0].id, tags });
  return { eni, subnetId: subnets[0].id };
}

describe('NIC060 failover interface lifecycle', () => {
  test('passes for a standalone failover interface attached with aws_network_interface_attachment', () => {
    // GIVEN
    const stack = testStack();
    const { eni, subnetId } = failoverEni(stack);
    const primary = new Instance(stack, 'primary', { ami: AMI, instanceType: 'm5.large', subnetId });
    new NetworkInterfaceAttachmentA(stack, 'active', { instanceId: primary.id, networkInterfaceId: eni.id, deviceIndex: 1 });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC060')).toEqual([]);
  });

  test('passes for an interface without the failover role in a network_interface block', () => {
    const stack = testStack();
    const { eni } = failoverEni(stack, { Name: 'app' });
    new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', networkInterface: [{ deviceIndex: 0, networkInterfaceId: eni.id }] });
    expect(checkStack(stack).of('NIC060')).toEqual([]);
  });

  test('fails when a failover interface is the primary interface of an instance, deleted on termination', () => {
    // GIVEN
    const stack = testStack();
    const { eni } = failoverEni(stack);
    new Instance(stack, 'host', {
      ami: AMI,
      instanceType: 'm5.large',
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: eni.id, deleteOnTermination: true }],
    });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.warnings('NIC060').map((f) => [f.path, f.message])).toEqual([[
      'stack/host',
      '[NIC060] failover eni "service" is attached in the network_interface block of instance "host", as its primary interface (device index 0), '
        + 'which can never be detached, with delete_on_termination = true, so terminating the instance deletes it. '
        + 'Fix: declare it as a standalone aws_network_interface attached with aws_network_interface_attachment at device index 1 or higher, '
        + 'so that it outlives the instances it moves between. See https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html',
    ]]);
  });

  test('fails when a failover interface is a secondary network_interface block or in a launch template', () => {
    const stack = testStack();
    const { eni, subnetId } = failoverEni(stack);
    const first = new NetworkInterface(stack, 'first', { subnetId });
    new Instance(stack, 'host', {
      ami: AMI,
      instanceType: 'm5.large',
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: first.id }, { deviceIndex: 1, networkInterfaceId: eni.id }],
    });
    new LaunchTemplate(stack, 'lt', { networkInterfaces: [{ deviceIndex: 1, networkInterfaceId: eni.id }] });
    expect(checkStack(stack).warnings('NIC060').map((f) => [f.path, f.message.split('. Fix')[0]])).toEqual([
      ['stack/host', '[NIC060] failover eni "service" is attached in the network_interface block of instance "host"'],
      ['stack/lt', '[NIC060] failover eni "service" is attached in a network_interfaces block of launch template "lt", so every instance launched from it claims it'],
    ]);
  });

  test('fails when a launch template creates interfaces tagged as failover interfaces', () => {
    const stack = testStack();
    const { subnetId } = failoverEni(stack, {});
    new LaunchTemplate(stack, 'lt', {
      networkInterfaces: [{ deviceIndex: 0, subnetId }],
      tagSpecifications: [{ resourceType: 'network-interface', tags: FAILOVER }],
    });
    expect(checkStack(stack).warnings('NIC060').map((f) => [f.path, f.message.split('. Fix')[0]])).toEqual([
      ['stack/lt', '[NIC060] launch template "lt" tags the interfaces it creates with nic-patterns:role = failover, but an interface created at launch is deleted with its instance'],
    ]);
  });

  test('reports INFO, not a pass or a fail, when the role of an inline interface is only known at deploy time', () => {
    // GIVEN
    const stack = testStack();
    const role = new TerraformVariable(stack, 'role', { type: 'string' });
    const { eni } = failoverEni(stack, { [MarkerTag.role]: role.stringValue });
    new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', networkInterface: [{ deviceIndex: 0, networkInterfaceId: eni.id }] });
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.warnings('NIC060')).toEqual([]);
    expect(findings.cannotVerify('NIC060').map((f) => [f.path, f.message.split(': ').slice(1).join(': ').split(' See')[0]])).toEqual([
      ['stack/service', 'its nic-patterns:role tag is "${var.role}", an input variable, only known at deploy time.'],
    ]);
  });

  test('a suppression with a reason silences it and is recorded in the report', () => {
    // GIVEN
    const stack = testStack();
    const { eni } = failoverEni(stack);
    const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'm5.large', networkInterface: [{ deviceIndex: 0, networkInterfaceId: eni.id }] });
    NetworkSuppressions.addSuppressions(host, [{ id: 'NIC060', reason: 'the whole instance is replaced on failover' }]);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC060')).toEqual([]);
    expect(findings.suppressed('NIC060')).toEqual([expect.objectContaining({ path: 'stack/host', level: 'WARNING' })]);
  });
});
