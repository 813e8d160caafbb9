import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { RuleLevel } from '../../../lib/checks/rule-level';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

function instanceOfType(stack: TerraformStack, instanceType: string): Instance {
  const { subnets } = testNetwork(stack);
  return new Instance(stack, 'host', { ami: AMI, instanceType, subnetId: subnets[0].id });
}

describe('NIC004 instance type unknown to the limits table', () => {
  test('passes for a type in the table', () => {
    const stack = testStack();
    instanceOfType(stack, 'm5.large');
    expect(checkStack(stack).of('NIC004')).toEqual([]);
  });

  test('warns for a misspelled or unknown type, saying counts are not verified', () => {
    // GIVEN
    const stack = testStack();
    instanceOfType(stack, 'M5.Large');
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.warnings('NIC004').map((f) => [f.path, f.message.split('. Fix:')[0]])).toEqual([[
      'stack/host',
      '[NIC004] instance "host" uses instance type "M5.Large", which is not in the instance network limits table: '
        + 'its interface and address counts are not verified',
    ]]);
    expect(findings.errors()).toEqual([]);
  });

  test('warns once for a launch template and not again for the instance that takes its type', () => {
    const stack = testStack();
    const template = new LaunchTemplate(stack, 'template', { instanceType: 'zz9.mega' });
    new Instance(stack, 'host', { ami: AMI, launchTemplate: { id: template.id } });
    expect(checkStack(stack).warnings('NIC004').map((f) => f.path)).toEqual(['stack/template']);
  });

  test('says nothing for a type only known at deploy time (the count rules report it)', () => {
    const stack = testStack();
    const type = new TerraformVariable(stack, 'instance_type', { type: 'string' });
    instanceOfType(stack, type.stringValue);
    const findings = checkStack(stack);
    expect(findings.of('NIC004')).toEqual([]);
    expect(findings.cannotVerify('NIC001')).toHaveLength(1);
  });

  test('a suppression with a reason silences it and is recorded', () => {
    // GIVEN a type newer than the table, suppressed on the instance
    const stack = testStack();
    const host = instanceOfType(stack, 'm99.large');
    NetworkSuppressions.addSuppressions(host, [{ id: 'NIC004', reason: 'm99 launched after the table was refreshed' }]);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC004')).toEqual([]);
    expect(findings.suppressed('NIC004')).toEqual([expect.objectContaining({
      level: RuleLevel.WARNING,
      suppressionReason: 'm99 launched after the table was refreshed',
    })]);
  });
});
