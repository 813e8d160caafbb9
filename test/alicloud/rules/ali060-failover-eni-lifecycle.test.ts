import { aliNetwork, aliStack, attach, checkAli, deployTime, ecs, eni, problemOf } from './ali-test-helpers';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { RuleLevel } from '../../../lib/checks/rule-level';

const FAILOVER = { 'nic-patterns:role': 'failover' };

describe('ALI060 failover ENI lifecycle', () => {
  test('passes for a standalone failover ENI kept on release and attached by an attachment resource, and for untagged inline ENIs', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const plain = eni(stack, 'plain', { vswitch_id: vsw.id });
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id], network_interfaces: [{ network_interface_id: plain.id }] });
    attach(stack, 'move-me', host, eni(stack, 'floating', { vswitch_id: vsw.id, delete_on_release: false, tags: FAILOVER }));
    // WHEN / THEN
    expect(checkAli(stack).of('ALI060')).toEqual([]);
  });

  test('warns for a failover ENI inline, as a primary ENI, or released with its instance', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const inline = eni(stack, 'inline', { vswitch_id: vsw.id, delete_on_release: false, tags: FAILOVER });
    ecs(stack, 'a', { vswitch_id: vsw.id, security_groups: [group.id], network_interfaces: [{ network_interface_id: inline.id }] });
    const primary = eni(stack, 'primary', { vswitch_id: vsw.id, delete_on_release: false, tags: FAILOVER });
    ecs(stack, 'b', { network_interface_id: primary.id });
    eni(stack, 'default', { vswitch_id: vsw.id, tags: FAILOVER });
    eni(stack, 'released', { vswitch_id: vsw.id, delete_on_release: true, tags: FAILOVER });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.warnings('ALI060').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/a', 'failover eni "inline" is attached in the network_interfaces block of instance "a", which is ForceNew: moving the ENI replaces the instance'],
      ['stack/b', 'failover eni "primary" is the primary ENI (network_interface_id) of instance "b", which is never detached'],
      ['stack/default', 'failover eni "default" is released with the instance it is attached to (delete_on_release is not set: Alibaba Cloud releases attached ENIs with their instance by default)'],
      ['stack/released', 'failover eni "released" is released with the instance it is attached to (delete_on_release = true)'],
    ]);
  });

  test('cannot verify (INFO) a role or a release flag known only at deploy time', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw] } = aliNetwork(stack);
    eni(stack, 'role', { vswitch_id: vsw.id, tags: { 'nic-patterns:role': deployTime(stack, 'eni-role') } });
    eni(stack, 'release', { vswitch_id: vsw.id, tags: FAILOVER, delete_on_release: deployTime(stack, 'keep', 'bool') });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI060').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI060').map((f) => [f.path, problemOf(f.message).split('): ')[1]])).toEqual([
      ['stack/role', 'its nic-patterns:role tag is "${var.eni-role}", an input variable, only known at deploy time'],
      ['stack/release', 'delete_on_release is "${var.keep}", an input variable, only known at deploy time'],
    ]);
  });

  test('a suppression with a reason silences it and is recorded in the report', () => {
    const stack = aliStack();
    const { vswitches: [vsw] } = aliNetwork(stack);
    const nic = eni(stack, 'default', { vswitch_id: vsw.id, tags: FAILOVER });
    NetworkSuppressions.addSuppressions(nic, [{ id: 'ALI060', reason: 'the agent sets delete_on_release itself' }]);
    const findings = checkAli(stack);
    expect(findings.of('ALI060')).toEqual([]);
    expect(findings.suppressed('ALI060')).toEqual([expect.objectContaining({ path: 'stack/default' })]);
  });
});
