import { aliNetwork, aliStack, associateEip, attach, checkAli, deployTime, ecs, eni, problemOf } from './ali-test-helpers';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { RuleLevel } from '../../../lib/checks/rule-level';

const BINDED = { instance_type: 'NetworkInterface', mode: 'BINDED' };

describe('ALI033 BINDED / MULTI_BINDED: a secondary ENI, associated before it is attached', () => {
  test('passes for one EIP in BINDED mode on a secondary ENI whose attachment waits for the association', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    const nic = eni(stack, 'eni1', { vswitch_id: vsw.id });
    const association = associateEip(stack, 'eip', nic.id, BINDED);
    attach(stack, 'eth1', host, nic, { dependsOn: [association] });
    // WHEN / THEN
    expect(checkAli(stack).of('ALI033')).toEqual([]);
  });

  test('passes when the attachment waits for an association with a literal count (depends_on names the whole block)', () => {
    // GIVEN an association expanded into eip[0], and an attachment that depends on the block
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    const nic = eni(stack, 'eni1', { vswitch_id: vsw.id });
    const association = associateEip(stack, 'eip', nic.id, BINDED, { count: 1 });
    attach(stack, 'eth1', host, nic, { dependsOn: [association] });
    // WHEN / THEN
    expect(checkAli(stack).of('ALI033')).toEqual([]);
  });

  test('fails when the attachment may come first, on a primary ENI, and for a second EIP in BINDED mode', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    const nic = eni(stack, 'eni1', { vswitch_id: vsw.id });
    associateEip(stack, 'first', nic.id, BINDED);
    associateEip(stack, 'second', nic.id, { ...BINDED, mode: 'MULTI_BINDED' });
    associateEip(stack, 'third', nic.id, BINDED);
    attach(stack, 'eth1', host, nic);
    associateEip(stack, 'on-primary', host.ref('network_interface_id'), BINDED);
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI033').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/eth1', 'eni attachment "eth1" may attach eni "eni1" before eip association "first" associates its EIP in BINDED mode, which needs the ENI unattached'],
      ['stack/eth1', 'eni attachment "eth1" may attach eni "eni1" before eip association "second" associates its EIP in MULTI_BINDED mode, which needs the ENI unattached'],
      ['stack/eth1', 'eni attachment "eth1" may attach eni "eni1" before eip association "third" associates its EIP in BINDED mode, which needs the ENI unattached'],
      ['stack/on-primary', 'eip association "on-primary" associates an EIP in BINDED mode with the primary ENI of instance "host": BINDED takes a secondary ENI, never an instance\'s primary ENI'],
      ['stack/third', 'eip association "third" is the 2nd EIP in BINDED mode on eni "eni1", which takes one (eip association "first" already associates one)'],
    ]);
  });

  test('warns when the mode is set for a target other than an ENI', () => {
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    associateEip(stack, 'eip', host.id, { mode: 'BINDED' });
    expect(checkAli(stack).warnings('ALI033').map((f) => problemOf(f.message))).toEqual([
      'eip association "eip" sets mode BINDED for instance "host" (EcsInstance): the mode applies to ENIs only',
    ]);
  });

  test('cannot verify (INFO) a mode known only at deploy time', () => {
    // GIVEN
    const stack = aliStack();
    associateEip(stack, 'eip', 'eni-bp1abc', { instance_type: 'NetworkInterface', mode: deployTime(stack, 'mode') });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI033').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI033').map((f) => f.path)).toEqual(['stack/eip']);
  });

  test('a suppression silences the warning but not the errors Alibaba Cloud enforces', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    const warned = associateEip(stack, 'warned', host.id, { mode: 'MULTI_BINDED' });
    const primary = associateEip(stack, 'primary', host.ref('network_interface_id'), BINDED);
    NetworkSuppressions.addSuppressions(stack, [{ id: 'ALI033', reason: 'mode left over from an import' }]);
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.suppressed('ALI033').map((f) => f.path)).toEqual([warned.node.path]);
    expect(findings.errors('ALI033').map((f) => f.path)).toEqual([primary.node.path]);
  });
});
