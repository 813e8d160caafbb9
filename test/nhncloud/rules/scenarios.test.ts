import { App, TerraformStack } from 'cdktf';
import { associateFloatingIp, carrier, checkNhn, ingress, instance, nhnNetwork, nhnStack, port, RawResource, virtualIp } from './nhn-test-helpers';
import { NetworkRules, RuleLevel } from '../../../lib';
import { NhnMarkerTag } from '../../../lib/nhncloud/rules/marker-tags';
import { checkStack, removeOutput, testApp, testNetwork, testStack } from '../../checks/rule-test-helpers';

/** A virtual IP on an active/standby pair, a floating IP on it, admin SSH from a CIDR and a standalone failover port: every rule passes. */
function cleanStack(stack: TerraformStack): void {
  const { vpc, subnets: [a], group } = nhnNetwork(stack);
  const vipGroup = new RawResource(stack, 'vip-sg', 'nhncloud_networking_secgroup_v2', { name: 'vip' });
  const vip = virtualIp(stack, 'vip', a, '10.0.0.100');
  const primary = carrier(stack, 'primary-eth0', a, vip, { security_group_ids: [vipGroup.id] });
  const standby = carrier(stack, 'standby-eth0', a, vip, { security_group_ids: [vipGroup.id] });
  ingress(stack, 'clients', vipGroup, { protocol: 'tcp', port_range_min: 443, port_range_max: 443, remote_ip_prefix: '0.0.0.0/0' });
  ingress(stack, 'vrrp', vipGroup, { protocol: '112', remote_group_id: vipGroup.id });
  const failover = port(stack, 'failover', a, { tags: [NhnMarkerTag.failover], security_group_ids: [group.id] });
  instance(stack, 'primary', { tags: [NhnMarkerTag.failover], network: [{ port: primary.id }, { port: failover.id }] });
  instance(stack, 'standby', { network: [{ port: standby.id }] });
  associateFloatingIp(stack, 'public', vip.id);
  ingress(stack, 'admin-ssh', group, { protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '203.0.113.0/24' });
  // A router with port security off, acknowledged.
  port(stack, 'router', a, { port_security_enabled: false, no_security_groups: true, tags: [NhnMarkerTag.guestFirewall] });
  instance(stack, 'tools', { security_groups: [group.ref('name')], network: [{ uuid: 'net-0123' }] });
  new RawResource(stack, 'spare-rt', 'nhncloud_networking_routingtable_v2', { name: 'spare', vpc_id: vpc.id });
}

/** Breaks each NHNxxx rule exactly once. */
function breakEverything(stack: TerraformStack): void {
  const { vpc, subnets: [a, b], group } = nhnNetwork(stack);
  // NHN001: the virtual IP given to an instance as network.port
  const vip = virtualIp(stack, 'vip', a, '10.0.0.100');
  instance(stack, 'attached', { network: [{ port: vip.id }] });
  // NHN002: a carrier in another subnet; NHN040: ingress by group into its group
  const vipGroup = new RawResource(stack, 'vip-sg', 'nhncloud_networking_secgroup_v2', { name: 'vip' });
  carrier(stack, 'far', b, vip, { security_group_ids: [vipGroup.id] });
  ingress(stack, 'clients', vipGroup, { protocol: 'tcp', port_range_min: 443, port_range_max: 443, remote_group_id: 'sg-clients' });
  // NHN003: a port marked to carry the virtual IP that may not send from it
  port(stack, 'bare', a, { tags: [NhnMarkerTag.carriesVirtualIp] });
  // NHN010: pairs with port security off; NHN011: port security off, unacknowledged
  port(stack, 'open-paired', a, { port_security_enabled: false, no_security_groups: true, tags: [NhnMarkerTag.guestFirewall], allowed_address_pairs: [{ ip_address: '10.0.5.5' }] });
  port(stack, 'open', a, { port_security_enabled: false, no_security_groups: true });
  // NHN012: no_security_groups with security_group_ids
  port(stack, 'both', a, { no_security_groups: true, security_group_ids: [group.id] });
  // NHN020: one floating IP associated twice
  const web = port(stack, 'web', a, { security_group_ids: [group.id] });
  const fip = new RawResource(stack, 'fip', 'nhncloud_networking_floatingip_v2', { pool: 'Public Network', port_id: web.id });
  new RawResource(stack, 'again', 'nhncloud_networking_floatingip_associate_v2', { floating_ip: fip.ref('address'), port_id: port(stack, 'web2', a).id });
  // NHN021: a floating IP on a port of a subnet whose routing table has no internet gateway
  const isolated = new RawResource(stack, 'isolated', 'nhncloud_networking_routingtable_v2', { name: 'isolated', vpc_id: vpc.id });
  const dark = new RawResource(stack, 'dark', 'nhncloud_networking_vpcsubnet_v2', { name: 'dark', vpc_id: vpc.id, cidr: '10.0.9.0/24', routingtable_id: isolated.id });
  associateFloatingIp(stack, 'stranded', port(stack, 'dark-port', dark).id);
  // NHN030: instance groups beside an existing port
  instance(stack, 'ported', { security_groups: ['default'], network: [{ port: port(stack, 'eth0', a).id }] });
  // NHN050: a failover instance whose NICs are all inline
  instance(stack, 'failover', { tags: [NhnMarkerTag.failover], network: [{ uuid: 'net-0123' }] });
  // NHN070: SSH from anywhere into a port's group
  ingress(stack, 'ssh', group, { protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0' });
}

const EXPECTED: ReadonlyArray<[string, RuleLevel, string]> = [
  ['NHN001', RuleLevel.ERROR, 'stack/attached'],
  ['NHN002', RuleLevel.ERROR, 'stack/far'],
  ['NHN003', RuleLevel.WARNING, 'stack/bare'],
  ['NHN010', RuleLevel.ERROR, 'stack/open-paired'],
  ['NHN011', RuleLevel.WARNING, 'stack/open'],
  ['NHN012', RuleLevel.ERROR, 'stack/both'],
  ['NHN020', RuleLevel.ERROR, 'stack/again'],
  ['NHN021', RuleLevel.ERROR, 'stack/stranded'],
  ['NHN030', RuleLevel.WARNING, 'stack/ported'],
  ['NHN040', RuleLevel.WARNING, 'stack/clients'],
  ['NHN050', RuleLevel.WARNING, 'stack/failover'],
  ['NHN070', RuleLevel.ERROR, 'stack/ssh'],
];

describe('NHN Cloud scenarios written with raw nhncloud_* resources', () => {
  test('a clean stack (virtual IP pair, floating IP, failover port, admin SSH by CIDR) has no finding at all', () => {
    // GIVEN
    const stack = nhnStack();
    cleanStack(stack);
    // WHEN
    const findings = checkNhn(stack);
    // THEN not even an INFO
    expect(findings.annotations).toEqual([]);
  });

  test('a stack breaking every rule once has exactly those findings', () => {
    // GIVEN
    const stack = nhnStack();
    breakEverything(stack);
    // WHEN
    const findings = checkNhn(stack);
    // THEN
    expect(findings.annotations.map((f) => [f.ruleId, f.level, f.path]).sort()).toEqual([...EXPECTED].sort());
  });

  test('fails app.synth() naming every error rule', () => {
    // GIVEN an app with the checks on
    const app = testApp();
    NetworkRules.applyTo(app, { writeReport: false });
    breakEverything(new TerraformStack(app, 'broken'));
    // WHEN
    const failure = synthFailure(app);
    // THEN
    expect(EXPECTED.filter(([, level]) => level === RuleLevel.ERROR).filter(([id]) => !failure.includes(`[${id}]`))).toEqual([]);
    removeOutput(app);
  });

  test('an AWS-only stack runs no NHN Cloud rule', () => {
    const aws = testStack();
    testNetwork(aws);
    expect(checkStack(aws).report.filter((f) => f.ruleId.startsWith('NHN'))).toEqual([]);
  });
});

/** The message `app.synth()` fails with, or '' when it succeeds. */
function synthFailure(app: App): string {
  try {
    app.synth();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}
