import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { TerraformVariable } from 'cdktf';
import { checkStack, testNetwork, testStack } from './rule-test-helpers';
import { NetworkRule, RuleContext } from '../../lib/checks/network-rule';
import { NetworkRules } from '../../lib/checks/network-rules';
import { NetworkSuppressions } from '../../lib/checks/network-suppressions';
import { RuleLevel } from '../../lib/checks/rule-level';
import { NetworkConstraintError } from '../../lib/core/errors';

/** A team rule: every interface carries a description. */
class DescribedInterfaces extends NetworkRule {
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'every network interface has a description';
  public readonly explanation = 'Operators find interfaces by their description during an incident.';
  public readonly docUrl = 'https://wiki.example.com/network/naming';
  public readonly hardLimit = false;

  constructor(public readonly id = 'ACME001') {
    super();
  }

  public check(context: RuleContext): void {
    for (const eni of context.resources('aws_network_interface')) {
      if (eni.isDeployTimeValue('description')) {
        context.reportCannotVerify(eni, 'description');
      } else if (!eni.attribute('description')) {
        const subnet = eni.referencedResource('subnet_id');
        context.reportViolation(eni, `${eni.label} in ${subnet?.label ?? 'an outside subnet'} has no description`, 'set description');
      }
    }
  }
}

const rule = new DescribedInterfaces();
NetworkRules.registerRule(rule);

describe('custom rules (NetworkRules.registerRule)', () => {
  test('passes when every interface has a description', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, description: 'web front' });
    // WHEN
    const findings = checkStack(stack, { rules: ['ACME001'] });
    // THEN
    expect(findings.annotations).toEqual([]);
    expect(NetworkRules.describeRules().map((r) => r.id)).toContain('ACME001');
  });

  test('fails with the rule id, the resource, the fix and the doc, at the rule level', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id });
    // WHEN
    const findings = checkStack(stack, { rules: ['acme001'] });
    // THEN
    const messages = stack.node.findChild('eni').node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data);
    expect(messages).toEqual(['[ACME001] aws_network_interface.eni: eni "eni" in subnet "subnet-a" has no description. Fix: set description. See https://wiki.example.com/network/naming']);
    expect(NetworkRules.findingsOf(stack)).toEqual([expect.objectContaining({ ruleId: 'ACME001', level: RuleLevel.WARNING, suppressed: false })]);
    expect(findings.report).toHaveLength(1);
  });

  test('reports INFO, not a pass or a fail, when the value is only known at deploy time', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const description = new TerraformVariable(stack, 'description', { type: 'string' });
    new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, description: description.stringValue });
    // WHEN
    checkStack(stack, { rules: ['ACME001'] });
    // THEN
    expect(NetworkRules.findingsOf(stack)).toEqual([expect.objectContaining({
      level: RuleLevel.INFO,
      message: expect.stringMatching(/^\[ACME001\] cannot verify eni "eni" .*description is "\$\{var\.description\}", an input variable, only known at deploy time/),
    })]);
  });

  test('can be suppressed like a built-in rule', () => {
    // GIVEN
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id });
    NetworkSuppressions.addSuppressions(eni, [{ id: 'ACME001', reason: 'a scratch interface for the load test' }]);
    // WHEN
    const findings = checkStack(stack, { rules: ['ACME001'] });
    // THEN
    expect(findings.report).toEqual([expect.objectContaining({ suppressed: true, suppressionReason: 'a scratch interface for the load test' })]);
  });

  test('registering the same rule again changes nothing', () => {
    NetworkRules.registerRule(rule);
    expect(NetworkRules.describeRules().filter((r) => r.id === 'ACME001')).toHaveLength(1);
  });

  test('fails when the id is taken by another rule', () => {
    const register = () => NetworkRules.registerRule(new DescribedInterfaces('ACME001'));
    expect(register).toThrow(NetworkConstraintError);
    expect(register).toThrow(/^\[DuplicateRuleId\] NetworkRules\.registerRule: another rule already has the id ACME001/);
  });

  test('fails when the id uses a built-in prefix or is not capital letters and three digits', () => {
    expect(() => NetworkRules.registerRule(new DescribedInterfaces('NIC900')))
      .toThrow(/^\[InvalidRuleId\] NetworkRules\.registerRule: the prefix NIC belongs to the built-in AWS rules\. Received: "NIC900"/);
    expect(() => NetworkRules.registerRule(new DescribedInterfaces('acme-1'))).toThrow(/^\[InvalidRuleId\].*Received: "acme-1"/);
  });
});
