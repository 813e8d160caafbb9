import { TerraformStack } from 'cdktf';
import { aliNetwork, aliStack, associateEip, attach, checkAli, ecs, eni, RawResource } from './ali-test-helpers';
import { NetworkRules, RuleLevel } from '../../../lib';
import { AlicloudRuleOptions } from '../../../lib/alicloud';
import { checkStack, removeOutput, testApp, testNetwork, testStack } from '../../checks/rule-test-helpers';

/** The scenarios of Alibaba Cloud's EIP and HaVip guides, written with raw resources: none may raise an error or a warning. */
describe('documented scenarios written with raw alicloud_* resources', () => {
  test('several EIPs on one instance: NAT mode on a secondary ENI, one EIP per private IP', () => {
    // GIVEN an ecs.g6.large (2 ENIs, 6 addresses each) with a secondary ENI of 3 addresses, one EIP each
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    const eth1 = eni(stack, 'eth1', { vswitch_id: vsw.id, security_group_ids: [group.id], primary_ip_address: '10.0.0.10', private_ip_addresses: ['10.0.0.11', '10.0.0.12'], delete_on_release: false });
    attach(stack, 'attach', host, eth1);
    ['10.0.0.10', '10.0.0.11', '10.0.0.12'].forEach((ip, i) => associateEip(stack, `eip${i}`, eth1.id, { instance_type: 'NetworkInterface', private_ip_address: ip }));
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect([...findings.errors(), ...findings.warnings()].filter((f) => f.ruleId.startsWith('ALI'))).toEqual([]);
  });

  test('HaVip failover pair: two instances of the HaVip\'s vSwitch, one EIP on the HaVip', () => {
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const haVip = new RawResource(stack, 'vip', 'alicloud_vpc_ha_vip', { vswitch_id: vsw.id, ip_address: '10.0.0.100' });
    ['primary', 'standby'].forEach((side) => {
      const host = ecs(stack, side, { vswitch_id: vsw.id, security_groups: [group.id] });
      new RawResource(stack, `${side}-vip`, 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: host.id, instance_type: 'EcsInstance' });
    });
    associateEip(stack, 'public', haVip.id, { instance_type: 'HaVip' });
    const findings = checkAli(stack);
    expect([...findings.errors(), ...findings.warnings()].filter((f) => f.ruleId.startsWith('ALI'))).toEqual([]);
  });

  test('an AWS-only stack runs no Alibaba Cloud rule; alicloud_* resources beside AWS ones are checked', () => {
    const aws = testStack();
    testNetwork(aws);
    expect(checkStack(aws).report.filter((f) => f.ruleId.startsWith('ALI'))).toEqual([]);

    const mixed = testStack();
    testNetwork(mixed);
    associateEip(mixed, 'eip', 'eni-bp1abc', { mode: 'MULTI_BINDED', instance_type: 'NetworkInterface' });
    expect(checkAli(mixed).warnings('ALI034').map((f) => f.path)).toEqual(['stack/eip']);
  });
});

describe('a stack of raw alicloud_* resources breaking every rule at once', () => {
  /** Builds one stack that breaks each ALIxxx rule. */
  function breakEverything(stack: TerraformStack): void {
    const { vpc, vswitches: [h, i], group } = aliNetwork(stack, ['cn-hangzhou-h', 'cn-hangzhou-i']);
    // ALI001 (a third ENI on ecs.g6.large), ALI010 (that ENI in another zone), ALI020 (attached twice)
    const host = ecs(stack, 'host', { vswitch_id: h.id, security_groups: [group.id] });
    const eth1 = eni(stack, 'eth1', { vswitch_id: h.id, security_group_ids: [group.id] });
    const far = eni(stack, 'far', { vswitch_id: i.id, security_group_ids: [group.id] });
    attach(stack, 'eth1-attach', host, eth1);
    attach(stack, 'far-attach', host, far);
    attach(stack, 'eth1-again', ecs(stack, 'other', { vswitch_id: h.id, security_groups: [group.id] }), eth1);
    // ALI002 (50 secondary addresses), ALI003 (unknown type)
    eni(stack, 'crowded', { vswitch_id: h.id, secondary_private_ip_address_count: 50 });
    ecs(stack, 'typo', { instance_type: 'ecs.g6.larg', vswitch_id: h.id, security_groups: [group.id] });
    // ALI011 (a group of another VPC), ALI012 (11 groups)
    const otherVpc = new RawResource(stack, 'other-vpc', 'alicloud_vpc', { cidr_block: '172.16.0.0/16' });
    const foreign = new RawResource(stack, 'foreign', 'alicloud_security_group', { vpc_id: otherVpc.id });
    const groups = Array.from({ length: 11 }, (_, n) => new RawResource(stack, `sg${n}`, 'alicloud_security_group', { vpc_id: vpc.id }).id);
    eni(stack, 'misgrouped', { vswitch_id: h.id, security_group_ids: [foreign.id] });
    eni(stack, 'overgrouped', { vswitch_id: h.id, security_group_ids: groups });
    // ALI030 (invalid type), ALI031 (two NAT EIPs on one address), ALI032 (two EIPs on one instance)
    associateEip(stack, 'typo-type', far.id, { instance_type: 'Eni' });
    associateEip(stack, 'nat1', eth1.id, { instance_type: 'NetworkInterface' });
    associateEip(stack, 'nat2', eth1.id, { instance_type: 'NetworkInterface' });
    const twice = ecs(stack, 'twice', { vswitch_id: h.id, security_groups: [group.id] });
    associateEip(stack, 'direct1', twice.id);
    associateEip(stack, 'direct2', twice.id);
    // ALI033 (BINDED on a primary ENI), ALI034 (MULTI_BINDED), ALI035 (BINDED)
    associateEip(stack, 'on-primary', twice.ref('network_interface_id'), { instance_type: 'NetworkInterface', mode: 'BINDED' });
    associateEip(stack, 'multi', 'eni-bp1abc', { instance_type: 'NetworkInterface', mode: 'MULTI_BINDED' });
    // ALI040 (21 EIPs on a NAT gateway)
    const nat = new RawResource(stack, 'nat', 'alicloud_nat_gateway', { vpc_id: vpc.id, vswitch_id: h.id, nat_type: 'Enhanced' });
    for (let n = 0; n < 21; n++) associateEip(stack, `nat-eip${n}`, nat.id, { instance_type: 'Nat' });
    // ALI050 (2 EIPs on a HaVip), ALI051 (an instance of another vSwitch), ALI052 (3 hosts), ALI053 (6 HaVips on one instance)
    const haVip = new RawResource(stack, 'vip', 'alicloud_havip', { vswitch_id: h.id });
    associateEip(stack, 'vip-eip1', haVip.id, { instance_type: 'HaVip' });
    associateEip(stack, 'vip-eip2', haVip.id, { instance_type: 'HaVip' });
    [host, twice, ecs(stack, 'elsewhere', { vswitch_id: i.id, security_groups: [group.id] })].forEach((member, n) =>
      new RawResource(stack, `vip-attach${n}`, 'alicloud_havip_attachment', { ha_vip_id: haVip.id, instance_id: member.id }));
    for (let n = 0; n < 6; n++) {
      const more = new RawResource(stack, `more-vip${n}`, 'alicloud_havip', { vswitch_id: h.id });
      new RawResource(stack, `more-attach${n}`, 'alicloud_havip_attachment', { ha_vip_id: more.id, instance_id: twice.id });
    }
    // ALI060 (a failover ENI released with its instance), ALI070 (SSH from anywhere)
    eni(stack, 'failover', { vswitch_id: h.id, tags: { 'nic-patterns:role': 'failover' } });
    new RawResource(stack, 'ssh', 'alicloud_security_group_rule', { type: 'ingress', ip_protocol: 'tcp', port_range: '22/22', cidr_ip: '0.0.0.0/0', security_group_id: group.id });
  }

  test('fails app.synth() naming every error rule, and reports every warning rule', () => {
    // GIVEN an app with the checks on
    const app = testApp();
    NetworkRules.applyTo(app, { writeReport: false });
    const stack = new TerraformStack(app, 'broken');
    breakEverything(stack);
    // WHEN
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    // THEN
    const findings = NetworkRules.findingsOf(stack);
    const ids = (level: RuleLevel) => [...new Set(findings.filter((f) => f.level === level).map((f) => f.ruleId))].sort();
    const errors = ['ALI001', 'ALI002', 'ALI010', 'ALI011', 'ALI012', 'ALI020', 'ALI030', 'ALI031', 'ALI032', 'ALI033', 'ALI040', 'ALI050', 'ALI051', 'ALI052', 'ALI053', 'ALI070'];
    expect(ids(RuleLevel.ERROR)).toEqual(errors);
    for (const id of errors) expect(message).toContain(`[${id}]`);
    expect(ids(RuleLevel.WARNING)).toEqual(['ALI003', 'ALI034', 'ALI035', 'ALI060']);
    removeOutput(app);
  });

  test('through the aspect too, with AlicloudRuleOptions raising a cap', () => {
    // GIVEN the same stack where HaVips take up to 10 hosts
    const stack = aliStack();
    AlicloudRuleOptions.set(stack, { attachmentsPerHaVip: 10 });
    breakEverything(stack);
    // WHEN
    const findings = checkAli(stack);
    // THEN three hosts on the HaVip are fine, the rest still fails
    expect(findings.of('ALI052')).toEqual([]);
    expect([...new Set(findings.errors().map((f) => f.ruleId))]).toHaveLength(15);
  });
});
