import { AliIndex, AliType } from './ali-index';
import { AliRule } from './ali-rule';
import { eniSecurityGroups } from './eni-security-groups';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfResource, TfValue } from '../../checks/tf-value';
import { adminExposure, briefly, Coverage, coversTcpPort, describeAdminPorts, describePorts } from '../../core/admin-exposure';
import { parseCidr } from '../../core/cidr';
import { AliDocUrl } from '../doc-url';

const ALL_PROTOCOLS = new Set(['all']);

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
    const sources = [rule.attr('cidr_ip'), rule.attr('ipv6_cidr_ip')].filter((cidr) => !cidr.isAbsent);
    const world = sources.filter((cidr) => parseCidr(cidr.follow().asString())?.prefix === 0);
    const unknownSource = sources.find((cidr) => cidr.follow().asString() === undefined);
    const exposure = adminExposure({ world: world.length > 0, unknownSource, covers: (port) => covers(rule, port), gates });
    if (exposure?.kind === 'open') {
      report.violation(
        rule,
        `${rule.label} accepts ${portsOf(rule)} from ${world.map((c) => c.display).join(' and ')} into ${group.label}, joined by ${briefly(members)}: `
          + `${describeAdminPorts(exposure.open)} open to the whole internet`,
        'accept administration only from your admin CIDR or a bastion\'s security group; if the exposure is intended, suppress ALI070 on the rule with the reason',
      );
    } else if (exposure?.kind === 'ports-unknown') {
      report.cannotVerify(rule, `whether ${rule.label}, open to ${world[0].display}, accepts SSH or RDP`, exposure.value);
    } else if (exposure?.kind === 'source-unknown') {
      report.cannotVerify(rule, `the source of ${rule.label}, which accepts ${exposure.open.map((c) => c.name).join(' and ')}`, exposure.value);
    }
  }
}

/** True or false when the value (or its default, when absent) is literal, else the value. */
function literalIs(value: TfValue, expected: string, absentMeans: string): Coverage<TfValue> {
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

function covers(rule: TfResource, port: number): Coverage<TfValue> {
  const protocol = rule.attr('ip_protocol');
  return coversTcpPort<TfValue>(protocol.follow().asString()?.toLowerCase() ?? protocol, ALL_PROTOCOLS, () => portRange(rule), port);
}

/** `all traffic`, `TCP 22`, `TCP 1-65535`. */
function portsOf(rule: TfResource): string {
  return describePorts(ALL_PROTOCOLS.has(rule.attr('ip_protocol').follow().asString()!.toLowerCase()), portRange(rule) as [number, number]);
}
