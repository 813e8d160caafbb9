import { aliNetwork, aliStack, checkAli, deployTime, ecs, problemOf } from './ali-test-helpers';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';

describe('ALI003 instance type unknown to the limits table', () => {
  test('passes for a type in the table', () => {
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    ecs(stack, 'host', { instance_type: 'ecs.g7.xlarge', vswitch_id: vsw.id, security_groups: [group.id] });
    expect(checkAli(stack).of('ALI003')).toEqual([]);
  });

  test('warns for a misspelled or unknown type, saying counts are not verified', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    ecs(stack, 'host', { instance_type: 'ecs.g6.larg', vswitch_id: vsw.id, security_groups: [group.id] });
    // WHEN
    const findings = checkAli(stack);
    // THEN a warning, and no count rule guesses
    expect(findings.warnings('ALI003').map((f) => [f.path, problemOf(f.message)])).toEqual([[
      'stack/host',
      'instance "host" uses instance type "ecs.g6.larg", which is not in the instance network limits table: its ENI and address counts are not verified',
    ]]);
    expect([...findings.of('ALI001'), ...findings.of('ALI002')]).toEqual([]);
  });

  test('says nothing for a type only known at deploy time (the count rules report it as INFO)', () => {
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    ecs(stack, 'host', { instance_type: deployTime(stack, 'type'), vswitch_id: vsw.id, security_groups: [group.id] });
    const findings = checkAli(stack);
    expect(findings.of('ALI003')).toEqual([]);
    expect(findings.cannotVerify('ALI001').map((f) => f.path)).toEqual(['stack/host']);
  });

  test('a suppression with a reason silences it and is recorded', () => {
    // GIVEN a type newer than the table
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { instance_type: 'ecs.g9i.large', vswitch_id: vsw.id, security_groups: [group.id] });
    NetworkSuppressions.addSuppressions(host, [{ id: 'ALI003', reason: 'g9i is newer than the limits table' }]);
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI003')).toEqual([]);
    expect(findings.suppressed('ALI003')).toEqual([expect.objectContaining({ path: 'stack/host', suppressionReason: 'g9i is newer than the limits table' })]);
  });
});
