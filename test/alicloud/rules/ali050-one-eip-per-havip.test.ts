import { aliNetwork, aliStack, associateEip, checkAli, deployTime, expectSuppressionRefused, problemOf, RawResource } from './ali-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

describe('ALI050 at most one EIP per HaVip', () => {
  test('passes for one EIP on each HaVip', () => {
    const stack = aliStack();
    const { vswitches: [vsw] } = aliNetwork(stack);
    const a = new RawResource(stack, 'a', 'alicloud_havip', { vswitch_id: vsw.id });
    const b = new RawResource(stack, 'b', 'alicloud_vpc_ha_vip', { vswitch_id: vsw.id });
    associateEip(stack, 'eip-a', a.id, { instance_type: 'HaVip' });
    associateEip(stack, 'eip-b', b.id, { instance_type: 'HaVip' });
    expect(checkAli(stack).of('ALI050')).toEqual([]);
  });

  test('fails for a second EIP on one HaVip', () => {
    const stack = aliStack();
    associateEip(stack, 'one', 'havip-bp1abc', { instance_type: 'HaVip' });
    associateEip(stack, 'two', 'havip-bp1abc', { instance_type: 'HaVip' });
    expect(checkAli(stack).errors('ALI050').map((f) => [f.path, problemOf(f.message)])).toEqual([[
      'stack/two', 'eip association "two" is the 2nd EIP associated with havip "havip-bp1abc", which takes 1 (eip association "one" already associates one)',
    ]]);
  });

  test('cannot verify (INFO) a HaVip named by a value that differs per copy', () => {
    const stack = aliStack();
    associateEip(stack, 'copies', '${element(var.havips, count.index)}', { instance_type: 'HaVip' }, { count: 2 });
    deployTime(stack, 'havips', 'list(string)');
    const findings = checkAli(stack);
    expect(findings.of('ALI050').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI050').map((f) => f.path)).toEqual(['stack/copies']);
  });

  test('cannot be suppressed: Alibaba Cloud rejects the second EIP', () => {
    expectSuppressionRefused('ALI050');
  });
});
