import { AliIndex, AliType } from './ali-index';
import { AliRule } from './ali-rule';
import { eniSecurityGroups } from './eni-security-groups';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfResource, TfValue } from '../../checks/tf-value';
import { ADMIN_PORTS } from '../../core/admin-ports';
import { parseCidr } from '../../core/cidr';
import { AliDocUrl } from '../doc-url';

/** Whether a rule lets a TCP port through: true, false, or the value that hides it. */
type Coverage = boolean | TfValue;

/**
 * ALI070: a security group rule of a group that an ENI or an instance joins does not accept SSH
 * (22) or RDP (3389) from the whole internet (`0.0.0.0/0`, `::/0`), by one port, a range or all traffic.
 */
export class Ali070AdminPortOpenToInternet extends AliRule {
  public readonly id = 'ALI070';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'SSH/RDP accepted from 0.0.0.0/0 or ::/0 by a security group rule of an ENI or instance';
  public readonly explanation = 'Alibaba Cloud accepts the rule (alicloud_security_group_rule: "To allow all IPv4 traffic, set '
    + 'cidr_ip = "0.0.0.0/0" explicitly"), and from then on anyone on the internet can reach the administration port of every ENI and '
    + 'instance in the group: SSH and RDP are scanned and brute-forced within minutes of an address going public. ALI070 '
    + 'reads every alicloud_security_group_rule of type ingress and policy accept (the default) whose group an ENI or an '
    + 'instance joins. Administration belongs on a management network, behind a bastion, or on an allow-list of your CIDRs.';
  public readonly docUrl = AliDocUrl.securityGroupRules;
  public readonly hardLimit = false;

  public check(index: AliIndex, report: RuleReport): void {
    const users = new Map<TfResource, string[]>();
    for (const eni of eniSecurityGroups(index)) {
      for (const group of eni.groups) {
        const resource = index.refersTo(group, AliType.securityGroup);
        if (resource) users.set(resource, [...(users.get(resource) ?? []), eni.label]);
      }
    }
    for (const rule of index.resources(AliType.securityGroupRule)) {
      const group = index.refersTo(rule.attr('security_group_id'), AliType.securityGroup);
      const members = group && users.get(group);
      if (group && members) this.checkRule(rule, group, members, report);
    }
  }

  private checkRule(rule: TfResource, group: TfResource, members: string[], report: RuleReport): void {
    const gates = [literalIs(rule.attr('type'), 'ingress', 'ingress'), literalIs(rule.attr('policy'), 'accept', 'accept')];
    if (gates.includes(false)) return;
    const sources = [rule.attr('cidr_ip'), rule.attr('ipv6_cidr_ip')].filter((cidr) => !cidr.isAbsent);
    const world = sources.filter((cidr) => parseCidr(cidr.follow().asString())?.prefix === 0);
    const unknownSource = sources.find((cidr) => cidr.follow().asString() === undefined);
    if (world.length === 0 && !unknownSource) return;
    const coverage = ADMIN_PORTS.map((admin) => ({ ...admin, covered: covers(rule, admin.port) }));
    const open = coverage.filter((c) => c.covered === true);
    const unknown = [...gates, ...coverage.map((c) => c.covered)].find((c): c is TfValue => c instanceof TfValue);
    if (world.length > 0 && open.length > 0 && !unknown) {
      report.violation(
        rule,
        `${rule.label} accepts ${portsOf(rule)} from ${world.map((c) => c.display).join(' and ')} into ${group.label}, joined by ${briefly(members)}: `
          + `${open.map((c) => `${c.name} (TCP ${c.port})`).join(' and ')} open to the whole internet`,
        'accept administration only from your admin CIDR or a bastion\'s security group; if the exposure is intended, suppress ALI070 on the rule with the reason',
      );
    } else if (world.length > 0 && unknown) {
      report.cannotVerify(rule, `whether ${rule.label}, open to ${world[0].display}, accepts SSH or RDP`, unknown);
    } else if (unknownSource && open.length > 0 && !unknown) {
      report.cannotVerify(rule, `the source of ${rule.label}, which accepts ${open.map((c) => c.name).join(' and ')}`, unknownSource);
    }
  }
}

/** True or false when the value (or its default, when absent) is literal, else the value. */
function literalIs(value: TfValue, expected: string, absentMeans: string): Coverage {
  if (value.isAbsent) return absentMeans === expected;
  const literal = value.follow().asString();
  return literal === undefined ? value : literal.toLowerCase() === expected;
}

/** The port range of a rule: `-1/-1` (the default) is every port. */
function portRange(rule: TfResource): [number, number] | TfValue {
  const value = rule.attr('port_range');
  const text = value.isAbsent ? '-1/-1' : value.follow().asString();
  if (text === undefined) return value;
  const [from, to] = text.split('/').map(Number);
  return from === -1 && to === -1 ? [1, 65535] : [from, to];
}

function covers(rule: TfResource, port: number): Coverage {
  const protocolValue = rule.attr('ip_protocol');
  const protocol = protocolValue.follow().asString()?.toLowerCase();
  if (protocol === undefined) return protocolValue;
  if (protocol === 'all') return true;
  if (protocol !== 'tcp') return false;
  const range = portRange(rule);
  if (range instanceof TfValue) return range;
  return range[0] <= port && port <= range[1];
}

/** `all traffic`, `TCP 22`, `TCP 1-65535`. */
function portsOf(rule: TfResource): string {
  if (rule.attr('ip_protocol').follow().asString()!.toLowerCase() === 'all') return 'all traffic';
  const [from, to] = portRange(rule) as [number, number];
  return from === to ? `TCP ${from}` : `TCP ${from}-${to}`;
}

/** `eni "a"`, `eni "a" and eni "b"`, `eni "a", eni "b" and 3 more`. */
function briefly(labels: string[]): string {
  const unique = [...new Set(labels)];
  const [first, second, ...rest] = unique;
  if (second === undefined) return first;
  return rest.length === 0 ? `${first} and ${second}` : `${first}, ${second} and ${rest.length} more`;
}
