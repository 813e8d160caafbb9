import { carrier, checkNhn, deployTime, ingress, nhnNetwork, nhnStack, port, problemOf, RawResource, suppressedFindings, virtualIp } from './nhn-test-helpers';

describe('NHN040 ingress meant for a virtual IP admits its clients by CIDR', () => {
  test('passes for CIDR ingress and VRRP by group on the carriers\' group, and group ingress on other ports', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    const vip = virtualIp(stack, 'vip', a, '10.0.0.100');
    carrier(stack, 'primary', a, vip, { security_group_ids: [group.id] });
    ingress(stack, 'http', group, { protocol: 'tcp', port_range_min: 80, port_range_max: 80, remote_ip_prefix: '10.0.0.0/16' });
    ingress(stack, 'vrrp', group, { protocol: '112', remote_group_id: group.id });
    const other = new RawResource(stack, 'other', 'nhncloud_networking_secgroup_v2', { name: 'other' });
    port(stack, 'app', a, { security_group_ids: [other.id] });
    ingress(stack, 'from-app', other, { protocol: 'tcp', remote_group_id: group.id });
    expect(checkNhn(stack).of('NHN040')).toEqual([]);
  });

  test('fails for ingress by security group into a group of a virtual IP\'s carriers', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    const vip = virtualIp(stack, 'vip', a, '10.0.0.100');
    carrier(stack, 'primary', a, vip, { security_group_ids: [group.id] });
    carrier(stack, 'standby', a, vip, { security_group_ids: [group.id] });
    ingress(stack, 'clients', group, { protocol: 'tcp', port_range_min: 443, port_range_max: 443, remote_group_id: 'sg-clients' });
    expect(checkNhn(stack).warnings('NHN040').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/clients', 'security group rule "clients" admits "sg-clients" (remote_group_id) into security group "sg", which port "primary" and port "standby" use for a virtual IP: '
        + 'a virtual IP belongs to no security group, so this rule does not follow it'],
    ]);
  });

  test('cannot verify (INFO) a direction only known at deploy time', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    carrier(stack, 'primary', a, virtualIp(stack, 'vip', a, '10.0.0.100'), { security_group_ids: [group.id] });
    ingress(stack, 'clients', group, { direction: deployTime(stack, 'direction'), remote_group_id: 'sg-clients' });
    const findings = checkNhn(stack);
    expect(findings.warnings('NHN040')).toEqual([]);
    expect(findings.cannotVerify('NHN040').map((f) => f.path)).toEqual(['stack/clients']);
  });

  test('is suppressed with a reason on the rule', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    carrier(stack, 'primary', a, virtualIp(stack, 'vip', a, '10.0.0.100'), { security_group_ids: [group.id] });
    const rule = ingress(stack, 'clients', group, { remote_group_id: 'sg-clients' });
    const findings = suppressedFindings(stack, rule, 'NHN040');
    expect(findings.of('NHN040')).toEqual([]);
    expect(findings.suppressed('NHN040').map((f) => f.path)).toEqual(['stack/clients']);
  });
});
