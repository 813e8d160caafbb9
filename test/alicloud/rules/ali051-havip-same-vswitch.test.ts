import { aliNetwork, aliStack, checkAli, deployTime, ecs, eni, expectSuppressionRefused, problemOf, RawResource } from './ali-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

describe('ALI051 HaVip and its instances / ENIs in the same vSwitch', () => {
  test('passes for an instance and an ENI of the HaVip\'s vSwitch', () => {
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const haVip = new RawResource(stack, 'vip', 'alicloud_havip', { vswitch_id: vsw.id, ip_address: '10.0.0.100' });
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    const nic = eni(stack, 'eni1', { vswitch_id: vsw.id });
    new RawResource(stack, 'to-host', 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: host.id });
    new RawResource(stack, 'to-eni', 'alicloud_havip_attachment', { havip_id: haVip.id, instance_id: nic.id, instance_type: 'NetworkInterface' });
    expect(checkAli(stack).of('ALI051')).toEqual([]);
  });

  test('fails for an instance in another vSwitch', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [a, b], group } = aliNetwork(stack, ['cn-hangzhou-h', 'cn-hangzhou-h']);
    const haVip = new RawResource(stack, 'vip', 'alicloud_havip', { vswitch_id: a.id });
    const host = ecs(stack, 'host', { vswitch_id: b.id, security_groups: [group.id] });
    new RawResource(stack, 'to-host', 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: host.id });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI051').map((f) => [f.path, problemOf(f.message)])).toEqual([[
      'stack/to-host', 'havip "vip" is in vswitch "vsw-a" but instance "host" is in vswitch "vsw-b" (vswitch_id of instance "host")',
    ]]);
  });

  test('cannot verify (INFO) a vSwitch, or a HaVip, known only at deploy time', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw] } = aliNetwork(stack);
    const haVip = new RawResource(stack, 'vip', 'alicloud_havip', { vswitch_id: vsw.id });
    const nic = eni(stack, 'eni1', { vswitch_id: deployTime(stack, 'vswitch') });
    new RawResource(stack, 'to-eni', 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: nic.id, instance_type: 'NetworkInterface' });
    new RawResource(stack, 'elsewhere', 'alicloud_havip_attachment', { ha_vip_id: 'havip-bp1abc', instance_id: nic.id, instance_type: 'NetworkInterface' });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI051').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI051').map((f) => [f.path, problemOf(f.message).split('): ')[1]])).toEqual([
      ['stack/to-eni', 'whether eni "eni1" is in the vSwitch of havip "vip": vswitch_id of eni "eni1" is "${var.vswitch}", an input variable, only known at deploy time'],
      ['stack/elsewhere', 'the vSwitch of the HaVip (ha_vip_id) is "havip-bp1abc", a resource outside this stack'],
    ]);
  });

  test('cannot be suppressed: Alibaba Cloud rejects the attachment', () => {
    expectSuppressionRefused('ALI051');
  });
});
