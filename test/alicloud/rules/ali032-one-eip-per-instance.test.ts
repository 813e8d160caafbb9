import { aliNetwork, aliStack, associateEip, checkAli, deployTime, ecs, expectSuppressionRefused, problemOf } from './ali-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

describe('ALI032 at most one EIP directly on an ECS instance, without a public IP', () => {
  test('passes for one EIP on an instance without a public IP', () => {
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id], internet_max_bandwidth_out: 0 });
    associateEip(stack, 'eip', host.id, { instance_type: 'EcsInstance' });
    expect(checkAli(stack).of('ALI032')).toEqual([]);
  });

  test('fails for a second EIP on one instance, and for an EIP on an instance with a public IP', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const twice = ecs(stack, 'twice', { vswitch_id: vsw.id, security_groups: [group.id] });
    associateEip(stack, 'first', twice.id);
    associateEip(stack, 'second', twice.id, { instance_type: 'EcsInstance' });
    const published = ecs(stack, 'published', { vswitch_id: vsw.id, security_groups: [group.id], internet_max_bandwidth_out: 5 });
    associateEip(stack, 'third', published.id);
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI032').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/second', 'eip association "second" is the 2nd EIP associated with instance "twice", which takes 1 (eip association "first" already associates one)'],
      ['stack/third', 'eip association "third" associates an EIP with instance "published", which has a public IP of its own (internet_max_bandwidth_out = 5)'],
    ]);
  });

  test('cannot verify (INFO) a bandwidth, or a target, known only at deploy time', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id], internet_max_bandwidth_out: deployTime(stack, 'mbps', 'number') });
    associateEip(stack, 'eip', host.id);
    associateEip(stack, 'somewhere', deployTime(stack, 'instance'), { instance_type: 'EcsInstance' });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI032').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI032').map((f) => [f.path, problemOf(f.message).split('): ')[1]])).toEqual([
      ['stack/eip', 'whether instance "host" has a public IP: internet_max_bandwidth_out is "${var.mbps}", an input variable, only known at deploy time'],
      ['stack/somewhere', 'whether the instance has a public IP or an EIP of another stack: instance_id is "${var.instance}", an input variable, only known at deploy time'],
    ]);
  });

  test('cannot be suppressed: Alibaba Cloud rejects the association', () => {
    expectSuppressionRefused('ALI032');
  });
});
