import { aliNetwork, aliStack, checkAli, deployTime, deployTimeNumber, ecs, eni, problemOf, RawResource } from './ali-test-helpers';
import { AlicloudRuleOptions } from '../../../lib/alicloud';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { RuleLevel } from '../../../lib/checks/rule-level';

/** A HaVip with `count` instances of its vSwitch, each attached to it. */
function haVipWithHosts(count: number, stack = aliStack()): { stack: ReturnType<typeof aliStack>; haVip: RawResource; vswitch: RawResource } {
  const { vswitches: [vsw], group } = aliNetwork(stack);
  const haVip = new RawResource(stack, 'vip', 'alicloud_havip', { vswitch_id: vsw.id });
  for (let i = 0; i < count; i++) {
    const host = ecs(stack, `host${i}`, { vswitch_id: vsw.id, security_groups: [group.id] });
    new RawResource(stack, `attach${i}`, 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: host.id, instance_type: 'EcsInstance' });
  }
  return { stack, haVip, vswitch: vsw };
}

describe('ALI052 HaVip attachments', () => {
  test('passes for two ECS instances, the default cap', () => {
    const { stack } = haVipWithHosts(2);
    expect(checkAli(stack).of('ALI052')).toEqual([]);
  });

  test('fails for a third instance under the default cap of 2, and for ECS instances and ENIs mixed', () => {
    // GIVEN
    const { stack, haVip, vswitch } = haVipWithHosts(3);
    const nic = eni(stack, 'eni1', { vswitch_id: vswitch.id });
    new RawResource(stack, 'attach-eni', 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: nic.id, instance_type: 'NetworkInterface' });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI052').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/attach-eni', 'havip attachment "attach-eni" attaches eni "eni1" (NetworkInterface) to havip "vip", which havip attachment "attach0" already attaches to instance "host0" (EcsInstance)'],
      ['stack/attach2', 'havip attachment "attach2" is the 3rd attachment of havip "vip", over the cap of 2'],
      ['stack/attach-eni', 'havip attachment "attach-eni" is the 4th attachment of havip "vip", over the cap of 2'],
    ]);
  });

  test('takes the cap from AlicloudRuleOptions', () => {
    const stack = aliStack();
    AlicloudRuleOptions.set(stack, { attachmentsPerHaVip: 10 });
    haVipWithHosts(4, stack);
    expect(checkAli(stack).of('ALI052')).toEqual([]);
  });

  test('cannot verify (INFO) attachments with a count, or of an instance_type, known only at deploy time', () => {
    // GIVEN
    const { stack, haVip } = haVipWithHosts(1);
    new RawResource(stack, 'many', 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: 'i-bp1abc' }, { count: deployTimeNumber(stack, 'copies') });
    new RawResource(stack, 'typed', 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: deployTime(stack, 'target'), instance_type: deployTime(stack, 'kind') });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI052').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI052').map((f) => f.path)).toEqual(['stack/many', 'stack/typed']);
  });

  test('fails for the copies of attachments with a literal count beyond the cap', () => {
    // GIVEN one instance attached, and two more by count = 2, one instance per copy
    const { stack, haVip } = haVipWithHosts(1);
    new RawResource(stack, 'many', 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: 'i-bp1abc${count.index}' }, { count: 2 });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI052').map((f) => [f.path, f.address, problemOf(f.message)])).toEqual([[
      'stack/many',
      'alicloud_havip_attachment.many[1]',
      'havip attachment "many[1]" is the 3rd attachment of havip "vip", over the cap of 2',
    ]]);
  });

  test('a suppression silences the default cap, never the mix nor more than 10', () => {
    // GIVEN a region known to take more than 2, and 11 instances mixed with an ENI
    const { stack, haVip, vswitch } = haVipWithHosts(11);
    const nic = eni(stack, 'eni1', { vswitch_id: vswitch.id });
    new RawResource(stack, 'attach-eni', 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: nic.id, instance_type: 'NetworkInterface' });
    NetworkSuppressions.addSuppressions(stack, [{ id: 'ALI052', reason: 'cn-hangzhou takes 10 per HaVip (ticket 7)' }]);
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.suppressed('ALI052').map((f) => f.path)).toEqual(['attach2', 'attach3', 'attach4', 'attach5', 'attach6', 'attach7', 'attach8', 'attach9'].map((id) => `stack/${id}`));
    expect(findings.errors('ALI052').map((f) => [f.path, problemOf(f.message).split(',')[0]])).toEqual([
      ['stack/attach-eni', 'havip attachment "attach-eni" attaches eni "eni1" (NetworkInterface) to havip "vip"'],
      ['stack/attach10', 'havip attachment "attach10" is the 11th attachment of havip "vip"'],
      ['stack/attach-eni', 'havip attachment "attach-eni" is the 12th attachment of havip "vip"'],
    ]);
  });
});
