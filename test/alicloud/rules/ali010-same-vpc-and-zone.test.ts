import { aliNetwork, aliStack, attach, checkAli, deployTime, ecs, eni, expectSuppressionRefused, problemOf, RawResource } from './ali-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

describe('ALI010 ENI and instance in the same VPC and zone', () => {
  test('passes for an ENI in another vSwitch of the same VPC and zone, and for an ENI the instance takes as its primary', () => {
    // GIVEN two vSwitches of one zone
    const stack = aliStack();
    const { vswitches: [a, b], group } = aliNetwork(stack, ['cn-hangzhou-h', 'cn-hangzhou-h']);
    const primary = eni(stack, 'primary', { vswitch_id: a.id, security_group_ids: [group.id] });
    const host = ecs(stack, 'host', { network_interface_id: primary.id });
    attach(stack, 'eth1', host, eni(stack, 'mgmt', { vswitch_id: b.id, security_group_ids: [group.id] }));
    // and an ENI a network_interfaces block creates in the instance's own vSwitch
    ecs(stack, 'other', { vswitch_id: a.id, security_groups: [group.id], network_interfaces: [{ security_group_ids: [group.id] }] });
    // WHEN / THEN
    expect(checkAli(stack).of('ALI010')).toEqual([]);
  });

  test('fails for an ENI in another zone, attached later, inline, or created by a network_interfaces block', () => {
    // GIVEN an instance in zone h and ENIs in zone i
    const stack = aliStack();
    const { vswitches: [h, i], group } = aliNetwork(stack, ['cn-hangzhou-h', 'cn-hangzhou-i']);
    const inline = eni(stack, 'inline', { vswitch_id: i.id, security_group_ids: [group.id] });
    const host = ecs(stack, 'host', {
      vswitch_id: h.id, security_groups: [group.id], network_interfaces: [{ network_interface_id: inline.id }, { vswitch_id: i.id }],
    });
    attach(stack, 'eth2', host, eni(stack, 'late', { vswitch_id: i.id, security_group_ids: [group.id] }));
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI010').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/host', 'eni "inline" is in zone "cn-hangzhou-i" (zone_id of vswitch "vsw-b") but instance "host" is in zone "cn-hangzhou-h" (zone_id of vswitch "vsw-a")'],
      ['stack/host', 'the ENI in network_interfaces[1] of instance "host" is in zone "cn-hangzhou-i" (zone_id of vswitch "vsw-b") '
        + 'but instance "host" is in zone "cn-hangzhou-h" (zone_id of vswitch "vsw-a")'],
      ['stack/eth2', 'eni "late" is in zone "cn-hangzhou-i" (zone_id of vswitch "vsw-b") but instance "host" is in zone "cn-hangzhou-h" (zone_id of vswitch "vsw-a")'],
    ]);
  });

  test('fails for an ENI in another VPC', () => {
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const other = new RawResource(stack, 'other-vpc', 'alicloud_vpc', { cidr_block: '172.16.0.0/16' });
    const otherVsw = new RawResource(stack, 'other-vsw', 'alicloud_vswitch', { vpc_id: other.id, cidr_block: '172.16.0.0/24', zone_id: 'cn-hangzhou-h' });
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    attach(stack, 'eth1', host, eni(stack, 'far', { vswitch_id: otherVsw.id }));
    expect(checkAli(stack).errors('ALI010').map((f) => problemOf(f.message))).toEqual([
      'eni "far" is in vpc "other-vpc" (vpc_id of vswitch "other-vsw") but instance "host" is in vpc "vpc" (vpc_id of vswitch "vsw-a")',
    ]);
  });

  test('cannot verify (INFO) an ENI whose vSwitch is known only at deploy time', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    attach(stack, 'eth1', host, eni(stack, 'eni1', { vswitch_id: deployTime(stack, 'vswitch') }));
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI010').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI010').map((f) => [f.path, problemOf(f.message)])).toEqual([[
      'stack/eth1',
      'cannot verify eni attachment "eth1" (ENI and ECS instance in the same VPC and zone): whether eni "eni1" is in the VPC and zone of instance "host": '
        + 'vswitch_id of eni "eni1" is "${var.vswitch}", an input variable, only known at deploy time',
    ]]);
  });

  test('cannot be suppressed: Alibaba Cloud rejects the attachment', () => {
    expectSuppressionRefused('ALI010');
  });
});
