import { aliNetwork, aliStack, associateEip, checkAli, deployTime, ecs, eni, expectSuppressionRefused, problemOf, RawResource } from './ali-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

describe('ALI030 instance_type of EIP associations and HaVip attachments', () => {
  test('passes for explicit types that match the target, and for an instance or NAT gateway with the type unset', () => {
    // GIVEN
    const stack = aliStack();
    const { vpc, vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    const nic = eni(stack, 'eni1', { vswitch_id: vsw.id });
    const haVip = new RawResource(stack, 'vip', 'alicloud_havip', { vswitch_id: vsw.id });
    const nat = new RawResource(stack, 'nat', 'alicloud_nat_gateway', { vpc_id: vpc.id, vswitch_id: vsw.id, nat_type: 'Enhanced' });
    associateEip(stack, 'on-host', host.id);
    associateEip(stack, 'on-nat', nat.id);
    associateEip(stack, 'on-literal-nat', 'ngw-bp1abc');
    associateEip(stack, 'on-eni', nic.id, { instance_type: 'NetworkInterface' });
    associateEip(stack, 'on-vip', haVip.id, { instance_type: 'HaVip' });
    new RawResource(stack, 'vip-eni', 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: nic.id, instance_type: 'NetworkInterface' });
    new RawResource(stack, 'vip-host', 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: host.id });
    // WHEN / THEN
    expect(checkAli(stack).of('ALI030')).toEqual([]);
  });

  test('fails for an invalid type, a type that does not match the target, and an ENI or HaVip target without a type', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    const nic = eni(stack, 'eni1', { vswitch_id: vsw.id });
    const haVip = new RawResource(stack, 'vip', 'alicloud_vpc_ha_vip', { vswitch_id: vsw.id });
    associateEip(stack, 'typo', host.id, { instance_type: 'ECSInstance' });
    associateEip(stack, 'mismatch', nic.id, { instance_type: 'EcsInstance' });
    associateEip(stack, 'untyped-eni', nic.id);
    associateEip(stack, 'untyped-vip', 'havip-bp1xyz');
    new RawResource(stack, 'vip-eni', 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: nic.id });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI030').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/typo', 'eip association "typo" has instance_type "ECSInstance", which is not one of EcsInstance, NetworkInterface, HaVip, Nat, SlbInstance, IpAddress'],
      ['stack/mismatch', 'eip association "mismatch" has instance_type "EcsInstance" but instance_id names eni "eni1" (NetworkInterface)'],
      ['stack/untyped-eni', 'eip association "untyped-eni" sets no instance_type for eni "eni1", so the provider sends EcsInstance'],
      ['stack/untyped-vip', 'eip association "untyped-vip" sets no instance_type for havip "havip-bp1xyz", so the provider sends EcsInstance'],
      ['stack/vip-eni', 'havip attachment "vip-eni" sets no instance_type for eni "eni1", so the provider sends EcsInstance'],
    ]);
  });

  test('cannot verify (INFO) a type, or an untyped target, known only at deploy time', () => {
    // GIVEN
    const stack = aliStack();
    associateEip(stack, 'typed', 'i-bp1abc', { instance_type: deployTime(stack, 'kind') });
    associateEip(stack, 'untyped', deployTime(stack, 'target'));
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI030').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI030').map((f) => [f.path, problemOf(f.message).split('): ')[1]])).toEqual([
      ['stack/typed', 'instance_type is "${var.kind}", an input variable, only known at deploy time'],
      ['stack/untyped', 'what instance_id names (instance_type is not set, so the provider decides from the id) is "${var.target}", an input variable, only known at deploy time'],
    ]);
  });

  test('cannot be suppressed: Alibaba Cloud rejects the association', () => {
    expectSuppressionRefused('ALI030');
  });
});
