import { aliNetwork, aliStack, associateEip, checkAli, deployTime, ecs, eni, expectSuppressionRefused, problemOf } from './ali-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

const ON_ENI = { instance_type: 'NetworkInterface' };

describe('ALI031 NAT mode on an ENI: one EIP per private IP, on that ENI', () => {
  test('passes for one EIP per address: the primary (unset) and each secondary, on an ENI and on an instance\'s primary ENI', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const nic = eni(stack, 'eni1', { vswitch_id: vsw.id, primary_ip_address: '10.0.0.10', private_ip_addresses: ['10.0.0.11', '10.0.0.12'] });
    associateEip(stack, 'a', nic.id, ON_ENI);
    associateEip(stack, 'b', nic.id, { ...ON_ENI, private_ip_address: '10.0.0.11', mode: 'NAT' });
    associateEip(stack, 'c', nic.id, { ...ON_ENI, private_ip_address: '10.0.0.12' });
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id], secondary_private_ip_address_count: 1 });
    associateEip(stack, 'd', host.ref('network_interface_id'), ON_ENI);
    associateEip(stack, 'e', host.ref('network_interface_id'), { ...ON_ENI, private_ip_address: '10.0.0.99' });
    // WHEN / THEN (10.0.0.99 may be the secondary address Alibaba picks: not a failure)
    const findings = checkAli(stack);
    expect(findings.errors('ALI031')).toEqual([]);
  });

  test('fails for two EIPs on one address, an address the ENI does not have, and more EIPs than addresses', () => {
    // GIVEN an ENI with 2 addresses written and one with a primary and one secondary picked by Alibaba Cloud
    const stack = aliStack();
    const { vswitches: [vsw] } = aliNetwork(stack);
    const fixed = eni(stack, 'fixed', { vswitch_id: vsw.id, primary_ip_address: '10.0.0.10', private_ip_addresses: ['10.0.0.11'] });
    associateEip(stack, 'primary', fixed.id, ON_ENI);
    associateEip(stack, 'primary-again', fixed.id, { ...ON_ENI, private_ip_address: '10.0.0.10' });
    associateEip(stack, 'stranger', fixed.id, { ...ON_ENI, private_ip_address: '10.0.0.50' });
    const counted = eni(stack, 'counted', { vswitch_id: vsw.id, secondary_private_ip_address_count: 1 });
    ['x', 'y', 'z'].forEach((id) => associateEip(stack, id, counted.id, { ...ON_ENI, private_ip_address: deployTime(stack, `ip-${id}`) }));
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI031').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/primary-again', 'eip association "primary-again" maps a second EIP to 10.0.0.10 of eni "fixed", which eip association "primary" already maps one to'],
      ['stack/stranger', 'eip association "stranger" maps its EIP to 10.0.0.50, which is not a private IP of eni "fixed" (10.0.0.10, 10.0.0.11)'],
      ['stack/z', 'eip association "z" is the 3rd EIP in NAT mode on eni "counted", which has 2 private IPs (primary included), one per EIP'],
    ]);
  });

  test('cannot verify (INFO) a private IP or a mode known only at deploy time', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw] } = aliNetwork(stack);
    const nic = eni(stack, 'eni1', { vswitch_id: vsw.id });
    associateEip(stack, 'ip', nic.id, { ...ON_ENI, private_ip_address: deployTime(stack, 'private-ip') });
    associateEip(stack, 'mode', nic.id, { ...ON_ENI, mode: deployTime(stack, 'eip-mode') });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI031').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI031').map((f) => [f.path, problemOf(f.message).split('): ')[1]])).toEqual([
      ['stack/mode', 'mode is "${var.eip-mode}", an input variable, only known at deploy time'],
      ['stack/ip', 'private_ip_address is "${var.private-ip}", an input variable, only known at deploy time'],
    ]);
  });

  test('cannot be suppressed: Alibaba Cloud rejects the association', () => {
    expectSuppressionRefused('ALI031');
  });
});
