import { aliStack, associateEip, checkAli, deployTime, problemOf } from './ali-test-helpers';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { RuleLevel } from '../../../lib/checks/rule-level';

describe('ALI034 MULTI_BINDED needs an allow-listed account', () => {
  test('passes for NAT and BINDED modes', () => {
    const stack = aliStack();
    associateEip(stack, 'nat', 'eni-bp1abc', { instance_type: 'NetworkInterface' });
    associateEip(stack, 'binded', 'eni-bp1def', { instance_type: 'NetworkInterface', mode: 'BINDED' });
    expect(checkAli(stack).of('ALI034')).toEqual([]);
  });

  test('warns for MULTI_BINDED', () => {
    const stack = aliStack();
    associateEip(stack, 'multi', 'eni-bp1abc', { instance_type: 'NetworkInterface', mode: 'MULTI_BINDED' });
    expect(checkAli(stack).warnings('ALI034').map((f) => [f.path, problemOf(f.message)])).toEqual([[
      'stack/multi', 'eip association "multi" uses mode MULTI_BINDED (multi-EIP-to-ENI), which Alibaba Cloud no longer grants to new accounts',
    ]]);
  });

  test('cannot verify (INFO) a mode known only at deploy time', () => {
    const stack = aliStack();
    associateEip(stack, 'eip', 'eni-bp1abc', { instance_type: 'NetworkInterface', mode: deployTime(stack, 'mode') });
    const findings = checkAli(stack);
    expect(findings.of('ALI034').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI034').map((f) => f.path)).toEqual(['stack/eip']);
  });

  test('a suppression with a reason silences it in an allow-listed account', () => {
    const stack = aliStack();
    const multi = associateEip(stack, 'multi', 'eni-bp1abc', { instance_type: 'NetworkInterface', mode: 'MULTI_BINDED' });
    NetworkSuppressions.addSuppressions(multi, [{ id: 'ALI034', reason: 'account allow-listed in 2021 (ticket 42)' }]);
    const findings = checkAli(stack);
    expect(findings.of('ALI034')).toEqual([]);
    expect(findings.suppressed('ALI034')).toEqual([expect.objectContaining({ path: 'stack/multi' })]);
  });
});
