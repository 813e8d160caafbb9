import { checkNhn, deployTime, ingress, instance, nhnNetwork, nhnStack, port, problemOf, RawResource, suppressedFindings } from './nhn-test-helpers';

describe('NHN070 SSH/RDP not accepted from the whole internet', () => {
  test('passes for SSH from an admin CIDR, HTTPS from anywhere, and an open group no port uses', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    port(stack, 'web', a, { security_group_ids: [group.id] });
    ingress(stack, 'ssh', group, { protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '203.0.113.0/24' });
    ingress(stack, 'https', group, { protocol: 'tcp', port_range_min: 443, port_range_max: 443, remote_ip_prefix: '0.0.0.0/0' });
    const unused = new RawResource(stack, 'unused', 'nhncloud_networking_secgroup_v2', { name: 'unused' });
    ingress(stack, 'unused-ssh', unused, { protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0' });
    expect(checkNhn(stack).of('NHN070')).toEqual([]);
  });

  test('fails for SSH from 0.0.0.0/0 on a port\'s group, and any traffic from any source on an instance\'s group (by name)', () => {
    // GIVEN
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    port(stack, 'web', a, { security_group_ids: [group.id] });
    ingress(stack, 'ssh', group, { protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0' });
    const admin = new RawResource(stack, 'admin', 'nhncloud_networking_secgroup_v2', { name: 'admin' });
    instance(stack, 'bastion', { security_groups: ['admin'], network: [{ uuid: 'net-0123' }] });
    ingress(stack, 'everything', admin, {});
    // WHEN
    const findings = checkNhn(stack);
    // THEN
    expect(findings.errors('NHN070').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/ssh', 'security group rule "ssh" accepts TCP 22 from "0.0.0.0/0" into security group "sg", used by port "web": SSH (TCP 22) open to the whole internet'],
      ['stack/everything', 'security group rule "everything" accepts all traffic from any source (no remote_ip_prefix nor remote_group_id) into security group "admin", used by instance "bastion": '
        + 'SSH (TCP 22) and RDP (TCP 3389) open to the whole internet'],
    ]);
  });

  test('cannot verify (INFO) a source only known at deploy time', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    port(stack, 'web', a, { security_group_ids: [group.id] });
    ingress(stack, 'ssh', group, { protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: deployTime(stack, 'admin_cidr') });
    const findings = checkNhn(stack);
    expect(findings.errors('NHN070')).toEqual([]);
    expect(findings.cannotVerify('NHN070').map((f) => f.path)).toEqual(['stack/ssh']);
  });

  test('is suppressed with a reason on the rule', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    port(stack, 'web', a, { security_group_ids: [group.id] });
    const rule = ingress(stack, 'ssh', group, { protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '::/0', ethertype: 'IPv6' });
    const findings = suppressedFindings(stack, rule, 'NHN070');
    expect(findings.of('NHN070')).toEqual([]);
    expect(findings.suppressed('NHN070').map((f) => f.path)).toEqual(['stack/ssh']);
  });
});
