import { aliNetwork, aliStack, attach, checkAli, deployTimeNumber, ecs, eni, expectSuppressionRefused, problemOf, RawResource } from './ali-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

/** An instance and an ENI of its vSwitch, not attached yet. */
function sharedEni(): { stack: ReturnType<typeof aliStack>; host: RawResource; shared: RawResource } {
  const stack = aliStack();
  const { vswitches: [vsw], group } = aliNetwork(stack);
  const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
  return { stack, host, shared: eni(stack, 'shared', { vswitch_id: vsw.id }) };
}

describe('ALI020 one ENI attached to one instance', () => {
  test('passes for an ENI attached once', () => {
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    attach(stack, 'eth1', host, eni(stack, 'eni1', { vswitch_id: vsw.id }));
    expect(checkAli(stack).of('ALI020')).toEqual([]);
  });

  test('fails for an ENI attached to two instances, as primary and by an attachment resource', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw] } = aliNetwork(stack);
    const shared = eni(stack, 'shared', { vswitch_id: vsw.id });
    ecs(stack, 'a', { network_interface_id: shared.id });
    const b = ecs(stack, 'b', { vswitch_id: vsw.id, network_interfaces: [{ network_interface_id: shared.id }] });
    attach(stack, 'again', b, shared);
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI020').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/b', 'eni "shared" is attached to instance "b" by the network_interfaces block of instance "b" while the network_interface_id (primary ENI) of instance "a" already attaches it to instance "a"'],
      ['stack/again', 'eni "shared" is attached to instance "b" by eni attachment "again" while the network_interface_id (primary ENI) of instance "a" already attaches it to instance "a"'],
    ]);
  });

  test('cannot verify (INFO) which copy of an ENI attachments with a count known only at deploy time use', () => {
    // GIVEN
    const { stack, host, shared } = sharedEni();
    attach(stack, 'first', host, shared);
    attach(stack, 'copies', 'i-0123456789', shared, { count: deployTimeNumber(stack, 'copy_count') });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI020').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI020').map((f) => [f.path, f.address, problemOf(f.message)])).toEqual([[
      'stack/shared',
      'alicloud_ecs_network_interface.shared',
      'cannot verify eni "shared" (one ENI attached to one ECS instance at a time): which copy of eni "shared" each attachment uses '
        + '(count/for_each) is "${var.copy_count}", an input variable, only known at deploy time',
    ]]);
  });

  test('fails for each copy of attachments with a literal count that attaches an ENI already attached', () => {
    // GIVEN
    const { stack, host, shared } = sharedEni();
    attach(stack, 'first', host, shared);
    attach(stack, 'copies', 'i-0123456789', shared, { count: 2 });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI020').map((f) => [f.path, f.address, problemOf(f.message)])).toEqual([0, 1].map((i) => [
      'stack/copies',
      `alicloud_ecs_network_interface_attachment.copies[${i}]`,
      `eni "shared" is attached to instance "i-0123456789" by eni attachment "copies[${i}]" while eni attachment "first" already attaches it to instance "host"`,
    ]));
  });

  test('cannot be suppressed: Alibaba Cloud rejects the second attachment', () => {
    expectSuppressionRefused('ALI020');
  });
});
