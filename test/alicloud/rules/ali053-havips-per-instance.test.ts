import { aliNetwork, aliStack, checkAli, ecs, expectSuppressionRefused, problemOf, RawResource } from './ali-test-helpers';
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

  test('cannot verify (INFO) attachments with count', () => {
    const { stack, host } = hostWithHaVips(1);
    new RawResource(stack, 'many', 'alicloud_havip_attachment', { ha_vip_id: 'havip-bp1abc', instance_id: host.id }, { count: 5 });
    const findings = checkAli(stack);
    expect(findings.of('ALI053').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI053').map((f) => f.path)).toEqual(['stack/many']);
  });

  test('cannot be suppressed: Alibaba Cloud rejects the sixth HaVip', () => {
    expectSuppressionRefused('ALI053');
  });
});
