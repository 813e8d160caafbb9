import { NhnIndex, NhnType } from './nhn-index';
import { NhnRule } from './nhn-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfResource, TfValue } from '../../checks/tf-value';
import { adminExposure, briefly, Coverage, coversTcpPort, describeAdminPorts, describePorts } from '../../core/admin-exposure';
import { parseCidr } from '../../core/cidr';
import { NhnDocUrl } from '../doc-url';

// OpenStack: a rule with no protocol matches every protocol.
const ALL_PROTOCOLS = new Set(['', 'any']);

/**
 * NHN070: a security group rule of a group that a port or an instance uses does not accept SSH (22)
 * or RDP (3389) from the whole internet (`0.0.0.0/0`, `::/0`, or no remote at all), by one port, a
 * range or all traffic.
 */
export class Nhn070AdminPortOpenToInternet extends NhnRule {
  public readonly id = 'NHN070';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'SSH/RDP accepted from 0.0.0.0/0 or ::/0 by a security group rule of a port';
  public readonly explanation = 'NHN Cloud accepts the rule (an nhncloud_networking_secgroup_rule_v2 takes its source from '
    + 'remote_ip_prefix or remote_group_id, and with neither it admits every source), and from then on anyone on the '
    + 'internet can reach the administration port of every port and instance in the group: SSH and RDP are scanned and '
    + 'brute-forced within minutes of an address going public. NHN070 reads every ingress rule of a group that a port '
    + '(security_group_ids, nhncloud_networking_port_secgroup_associate_v2) or an instance (security_groups) uses; no '
    + 'protocol means every protocol, no port range every port. Administration belongs on a management network, behind a '
    + 'bastion, or on an allow-list of your CIDRs.';
  public readonly docUrl = NhnDocUrl.securityGroupRuleResource;
  public readonly hardLimit = false;

  public check(index: NhnIndex, report: RuleReport): void {
    const users = index.securityGroupUsers(() => true, true);
    for (const rule of index.resources(NhnType.securityGroupRule)) {
      const group = index.refersTo(rule.attr('security_group_id'), NhnType.securityGroup);
      const members = group && users.get(group);
      if (group && members) this.checkRule(rule, group, members, report);
    }
  }

  private checkRule(rule: TfResource, group: TfResource, members: string[], report: RuleReport): void {
    const direction = rule.attr('direction');
    const literal = direction.follow().asString();
    const gates: Coverage<TfValue>[] = [literal === undefined ? direction : literal.toLowerCase() === 'ingress'];
    const prefix = rule.attr('remote_ip_prefix');
    // No remote at all admits every source.
    const everyone = prefix.isAbsent && rule.attr('remote_group_id').isAbsent;
    const world = everyone || parseCidr(prefix.follow().asString())?.prefix === 0;
    const unknownSource = !prefix.isAbsent && prefix.follow().asString() === undefined ? prefix : undefined;
    const exposure = adminExposure({ world, unknownSource, covers: (port) => covers(rule, port), gates });
    const from = everyone ? 'any source (no remote_ip_prefix nor remote_group_id)' : prefix.display;
    if (exposure?.kind === 'open') {
      report.violation(rule,
        `${rule.label} accepts ${portsOf(rule)} from ${from} into ${group.label}, used by ${briefly(members)}: ${describeAdminPorts(exposure.open)} open to the whole internet`,
        'accept administration only from your admin CIDR or a bastion\'s security group (remote_ip_prefix, remote_group_id); if the exposure is intended, suppress NHN070 on the rule with the reason');
    } else if (exposure?.kind === 'ports-unknown') {
      report.cannotVerify(rule, `whether ${rule.label}, open to ${from}, accepts SSH or RDP`, exposure.value);
    } else if (exposure?.kind === 'source-unknown') {
      report.cannotVerify(rule, `the source of ${rule.label}, which accepts ${exposure.open.map((c) => c.name).join(' and ')}`, exposure.value);
    }
  }
}

function protocolOf(rule: TfResource): string | TfValue {
  const value = rule.attr('protocol');
  if (value.isAbsent) return '';
  return value.follow().asString()?.toLowerCase() ?? value;
}

/** The port range of a rule: every port when neither bound is set, one port when one is. */
function portRange(rule: TfResource): [number, number] | TfValue {
  const [min, max] = [rule.attr('port_range_min'), rule.attr('port_range_max')];
  if (min.isAbsent && max.isAbsent) return [1, 65535];
  const from = min.isAbsent ? max.follow().asNumber() : min.follow().asNumber();
  const to = max.isAbsent ? from : max.follow().asNumber();
  if (from === undefined) return min.isAbsent ? max : min;
  return to === undefined ? max : [from, to];
}

function covers(rule: TfResource, port: number): Coverage<TfValue> {
  return coversTcpPort<TfValue>(protocolOf(rule), ALL_PROTOCOLS, () => portRange(rule), port);
}

/** `all traffic`, `TCP 22`, `TCP 1-65535`. */
function portsOf(rule: TfResource): string {
  return describePorts(ALL_PROTOCOLS.has(protocolOf(rule) as string), portRange(rule) as [number, number]);
}
