import { aliNetwork, aliStack, attach, checkAli, deployTime, ecs, eni, expectSuppressionRefused, problemOf } from './ali-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

describe('ALI001 ENIs per ECS instance', () => {
  test('passes for ecs.g6.large with its primary ENI and one secondary ENI (2 allowed)', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    attach(stack, 'eth1', host, eni(stack, 'eni1', { vswitch_id: vsw.id, security_group_ids: [group.id] }));
    // WHEN / THEN
    expect(checkAli(stack).of('ALI001')).toEqual([]);
  });

  test('fails when a third ENI is attached, counting network_interfaces blocks and attachment resources', () => {
    // GIVEN the primary ENI, one inline secondary ENI and one attached later
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const inline = eni(stack, 'inline', { vswitch_id: vsw.id, security_group_ids: [group.id] });
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id], network_interfaces: [{ network_interface_id: inline.id }] });
    attach(stack, 'eth2', host, eni(stack, 'late', { vswitch_id: vsw.id, security_group_ids: [group.id] }));
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI001').map((f) => [f.path, problemOf(f.message)])).toEqual([[
      'stack/eth2',
      'eni "late" is the 3rd ENI of ecs.g6.large "host", which allows 2 (primary included; 3 declared)',
    ]]);
  });

  test('cannot verify (INFO) an instance type known only at deploy time', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    ecs(stack, 'host', { instance_type: deployTime(stack, 'type'), vswitch_id: vsw.id, security_groups: [group.id] });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI001').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI001').map((f) => [f.path, problemOf(f.message)])).toEqual([[
      'stack/host',
      'cannot verify instance "host" (ENIs per ECS instance (primary included) <= the instance type\'s ENI count): instance_type is "${var.type}", an input variable, only known at deploy time',
    ]]);
  });

  test('cannot verify (INFO) an attachment to an instance outside the stack, nor an instance launched from a template', () => {
    const stack = aliStack();
    const { vswitches: [vsw] } = aliNetwork(stack);
    attach(stack, 'elsewhere', 'i-0123456789abcdef', eni(stack, 'eni1', { vswitch_id: vsw.id }));
    ecs(stack, 'templated', { launch_template_id: 'lt-0123456789' });
    expect(checkAli(stack).cannotVerify('ALI001').map((f) => f.path)).toEqual(['stack/templated', 'stack/elsewhere']);
  });

  test('cannot be suppressed: Alibaba Cloud rejects the extra ENI', () => {
    expectSuppressionRefused('ALI001');
  });
});
