import { aliNetwork, aliStack, checkAli, deployTimeNumber, ecs, expectSuppressionRefused, problemOf, RawResource } from './ali-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

/** An instance attached to `count` HaVips of its vSwitch. */
function hostWithHaVips(count: number): { stack: ReturnType<typeof aliStack>; host: RawResource } {
  const stack = aliStack();
  const { vswitches: [vsw], group } = aliNetwork(stack);
  const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
  for (let i = 0; i < count; i++) {
    const haVip = new RawResource(stack, `vip${i}`, 'alicloud_havip', { vswitch_id: vsw.id });
    new RawResource(stack, `attach${i}`, 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: host.id });
  }
  return { stack, host };
}

describe('ALI053 at most 5 HaVips per ECS instance', () => {
  test('passes for 5 HaVips', () => {
    const { stack } = hostWithHaVips(5);
    expect(checkAli(stack).of('ALI053')).toEqual([]);
  });

  test('fails for a sixth HaVip', () => {
    const { stack } = hostWithHaVips(6);
    expect(checkAli(stack).errors('ALI053').map((f) => [f.path, problemOf(f.message)])).toEqual([[
      'stack/attach5', 'havip attachment "attach5" attaches havip "vip5", the 6th HaVip of instance "host", which takes 5',
    ]]);
  });

  test('cannot verify (INFO) attachments with a count known only at deploy time', () => {
    // GIVEN
    const { stack, host } = hostWithHaVips(1);
    new RawResource(stack, 'many', 'alicloud_havip_attachment', { ha_vip_id: 'havip-bp1abc', instance_id: host.id }, { count: deployTimeNumber(stack, 'copies') });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI053').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI053').map((f) => [f.path, f.address, problemOf(f.message)])).toEqual([[
      'stack/many',
      'alicloud_havip_attachment.many',
      expect.stringMatching(/is "\$\{var\.copies\}", an input variable, only known at deploy time$/),
    ]]);
  });

  test('counts a HaVip attached by every copy of a literal count once', () => {
    // GIVEN the same HaVip attached 5 times by count = 5, next to one other HaVip
    const { stack, host } = hostWithHaVips(1);
    new RawResource(stack, 'many', 'alicloud_havip_attachment', { ha_vip_id: 'havip-bp1abc', instance_id: host.id }, { count: 5 });
    // WHEN
    const findings = checkAli(stack);
    // THEN 2 HaVips, under the limit, and nothing left unknown
    expect(findings.of('ALI053')).toEqual([]);
  });

  test('fails for the copy of a literal count that attaches a sixth HaVip', () => {
    // GIVEN one HaVip attached, and 5 more by count = 5, one HaVip per copy
    const { stack, host } = hostWithHaVips(1);
    new RawResource(stack, 'many', 'alicloud_havip_attachment', { ha_vip_id: 'havip-bp1abc${count.index}', instance_id: host.id }, { count: 5 });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI053').map((f) => [f.path, f.address, problemOf(f.message)])).toEqual([[
      'stack/many',
      'alicloud_havip_attachment.many[4]',
      'havip attachment "many[4]" attaches havip "havip-bp1abc4", the 6th HaVip of instance "host", which takes 5',
    ]]);
  });

  test('cannot be suppressed: Alibaba Cloud rejects the sixth HaVip', () => {
    expectSuppressionRefused('ALI053');
  });
});
