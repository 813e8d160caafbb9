import { aliStack, associateEip, checkAli, deployTime, problemOf } from './ali-test-helpers';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { RuleLevel } from '../../../lib/checks/rule-level';

describe('ALI035 BINDED makes 100.64.0.0/10 unreachable through the ENI', () => {
  test('passes for NAT mode', () => {
    const stack = aliStack();
    associateEip(stack, 'nat', 'eni-bp1abc', { instance_type: 'NetworkInterface', mode: 'NAT' });
    expect(checkAli(stack).of('ALI035')).toEqual([]);
  });

  test('warns for BINDED', () => {
    const stack = aliStack();
    associateEip(stack, 'cut', 'eni-bp1abc', { instance_type: 'NetworkInterface', mode: 'BINDED' });
    expect(checkAli(stack).warnings('ALI035').map((f) => [f.path, problemOf(f.message)])).toEqual([[
      'stack/cut', 'eip association "cut" uses mode BINDED (cut-through): 100.64.0.0/10 becomes unreachable through eni "eni-bp1abc"',
    ]]);
  });

  test('cannot verify (INFO) a mode known only at deploy time', () => {
    const stack = aliStack();
    associateEip(stack, 'eip', 'eni-bp1abc', { instance_type: 'NetworkInterface', mode: deployTime(stack, 'mode') });
    const findings = checkAli(stack);
    expect(findings.of('ALI035').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI035').map((f) => f.path)).toEqual(['stack/eip']);
  });

  test('a suppression with a reason silences it', () => {
    const stack = aliStack();
    const cut = associateEip(stack, 'cut', 'eni-bp1abc', { instance_type: 'NetworkInterface', mode: 'BINDED' });
    NetworkSuppressions.addSuppressions(cut, [{ id: 'ALI035', reason: 'this host never talks to 100.64.0.0/10' }]);
    const findings = checkAli(stack);
    expect(findings.of('ALI035')).toEqual([]);
    expect(findings.suppressed('ALI035')).toEqual([expect.objectContaining({ path: 'stack/cut' })]);
  });
});
