import { aliNetwork, aliStack, associateEip, checkAli, deployTime, deployTimeNumber, expectSuppressionRefused, problemOf, RawResource } from './ali-test-helpers';
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

  test('cannot verify (INFO) a HaVip named by a value that differs per copy of a count known only at deploy time', () => {
    // GIVEN
    const stack = aliStack();
    associateEip(stack, 'copies', '${element(var.havips, count.index)}', { instance_type: 'HaVip' }, { count: deployTimeNumber(stack, 'copy_count') });
    deployTime(stack, 'havips', 'list(string)');
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI050').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI050').map((f) => [f.path, f.address, problemOf(f.message)])).toEqual([[
      'stack/copies',
      'alicloud_eip_association.copies',
      expect.stringMatching(/is "\$\{var\.copy_count\}", an input variable, only known at deploy time$/),
    ]]);
  });

  test('fails for the second copy of an association with a literal count on one HaVip', () => {
    // GIVEN two EIPs, by count = 2, on the same HaVip
    const stack = aliStack();
    associateEip(stack, 'copies', 'havip-bp1abc', { instance_type: 'HaVip' }, { count: 2 });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI050').map((f) => [f.path, f.address, problemOf(f.message)])).toEqual([[
      'stack/copies',
      'alicloud_eip_association.copies[1]',
      'eip association "copies[1]" is the 2nd EIP associated with havip "havip-bp1abc", which takes 1 (eip association "copies[0]" already associates one)',
    ]]);
  });

  test('cannot be suppressed: Alibaba Cloud rejects the second EIP', () => {
    expectSuppressionRefused('ALI050');
  });
});
