import { aliNetwork, aliStack, checkAli, deployTime, ecs, eni, problemOf, RawResource } from './ali-test-helpers';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { RuleLevel } from '../../../lib/checks/rule-level';

/** An `alicloud_security_group_rule` of type ingress, policy accept (the default). */
function ingress(scope: ReturnType<typeof aliStack>, id: string, group: RawResource, body: Record<string, unknown>): RawResource {
  return new RawResource(scope, id, 'alicloud_security_group_rule', { type: 'ingress', security_group_id: group.id, ...body });
}

describe('ALI070 SSH/RDP open to the internet', () => {
  test('passes for SSH from an admin range, HTTPS from anywhere, a drop rule, and a world-open group nobody joins', () => {
    // GIVEN
    const stack = aliStack();
    const { vpc, vswitches: [vsw], group } = aliNetwork(stack);
    eni(stack, 'eni1', { vswitch_id: vsw.id, security_group_ids: [group.id] });
    ingress(stack, 'ssh-admin', group, { ip_protocol: 'tcp', port_range: '22/22', cidr_ip: '203.0.113.0/24' });
    ingress(stack, 'https', group, { ip_protocol: 'tcp', port_range: '443/443', cidr_ip: '0.0.0.0/0' });
    ingress(stack, 'deny-ssh', group, { ip_protocol: 'tcp', port_range: '22/22', cidr_ip: '0.0.0.0/0', policy: 'drop' });
    const unused = new RawResource(stack, 'unused', 'alicloud_security_group', { vpc_id: vpc.id });
    ingress(stack, 'unused-ssh', unused, { ip_protocol: 'tcp', port_range: '22/22', cidr_ip: '0.0.0.0/0' });
    // WHEN / THEN
    expect(checkAli(stack).of('ALI070')).toEqual([]);
  });

  test('fails for SSH from 0.0.0.0/0, RDP in a range from ::/0, and all traffic, on an ENI and an instance', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    eni(stack, 'eni1', { vswitch_id: vsw.id, security_group_ids: [group.id] });
    ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    ingress(stack, 'ssh', group, { ip_protocol: 'tcp', port_range: '22/22', cidr_ip: '0.0.0.0/0' });
    ingress(stack, 'rdp', group, { ip_protocol: 'tcp', port_range: '3000/4000', ipv6_cidr_ip: '::/0' });
    ingress(stack, 'everything', group, { ip_protocol: 'all', cidr_ip: '0.0.0.0/0' });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI070').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/ssh', 'security group rule "ssh" accepts TCP 22 from "0.0.0.0/0" into security group "sg", joined by eni "eni1" and the primary ENI of instance "host": SSH (TCP 22) open to the whole internet'],
      ['stack/rdp', 'security group rule "rdp" accepts TCP 3000-4000 from "::/0" into security group "sg", joined by eni "eni1" and the primary ENI of instance "host": RDP (TCP 3389) open to the whole internet'],
      ['stack/everything', 'security group rule "everything" accepts all traffic from "0.0.0.0/0" into security group "sg", joined by eni "eni1" and the primary ENI of instance "host": '
        + 'SSH (TCP 22) and RDP (TCP 3389) open to the whole internet'],
    ]);
  });

  test('cannot verify (INFO) the ports of a world-open rule, or the source of an SSH rule, known only at deploy time', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    eni(stack, 'eni1', { vswitch_id: vsw.id, security_group_ids: [group.id] });
    ingress(stack, 'ports', group, { ip_protocol: 'tcp', port_range: deployTime(stack, 'range'), cidr_ip: '0.0.0.0/0' });
    ingress(stack, 'source', group, { ip_protocol: 'tcp', port_range: '22/22', cidr_ip: deployTime(stack, 'cidr') });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI070').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI070').map((f) => [f.path, problemOf(f.message).split('): ')[1]])).toEqual([
      ['stack/ports', 'whether security group rule "ports", open to "0.0.0.0/0", accepts SSH or RDP is "${var.range}", an input variable, only known at deploy time'],
      ['stack/source', 'the source of security group rule "source", which accepts SSH is "${var.cidr}", an input variable, only known at deploy time'],
    ]);
  });

  test('a suppression with a reason silences it and is recorded in the report', () => {
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    eni(stack, 'eni1', { vswitch_id: vsw.id, security_group_ids: [group.id] });
    const rule = ingress(stack, 'ssh', group, { ip_protocol: 'tcp', port_range: '22/22', cidr_ip: '0.0.0.0/0' });
    NetworkSuppressions.addSuppressions(rule, [{ id: 'ALI070', reason: 'honeypot, exposed on purpose' }]);
    const findings = checkAli(stack);
    expect(findings.of('ALI070')).toEqual([]);
    expect(findings.suppressed('ALI070')).toEqual([expect.objectContaining({ path: 'stack/ssh' })]);
  });
});
