import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { parseCidr } from '../../core/cidr';
import { DocUrl } from '../doc-url';
import { attachedGroups, GroupInUse, ingressRuleName, usersOf } from './attached-security-groups';
import { IngressRule, AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { TfValue } from '../../checks/tf-value';
import { ADMIN_PORTS, AwsRuleId } from '../constraints';

const ALL_PROTOCOLS = new Set(['-1', 'all']);
const TCP = new Set(['tcp', '6']);

/** Whether a rule lets a TCP port through: true, false, or the value that hides it. */
type Coverage = boolean | TfValue;

/**
 * NIC070: a security group applied to an interface or an instance does not open SSH (22) or RDP
 * (3389) to the whole internet (`0.0.0.0/0`, `::/0`), whether by one port, a range or all traffic.
 */
export class Nic070AdminPortOpenToInternet extends AwsRule {
  public readonly id = AwsRuleId.adminPortOpenToInternet;
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'SSH/RDP open to 0.0.0.0/0 or ::/0 on a security group of an interface';
  public readonly explanation = 'AWS accepts the rule, and from then on anyone on the internet can reach the administration '
    + 'port of every interface in the group: SSH and RDP are scanned and brute-forced within minutes of an address going '
    + 'public. Administration belongs on a management network, behind a bastion, or through Session Manager.';
  public readonly docUrl = DocUrl.securityGroupRules;
  public readonly hardLimit = false;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const group of attachedGroups(index).groups) {
      for (const rule of group.ingress) this.checkRule(group, rule, report);
    }
  }

  private checkRule(group: GroupInUse, rule: IngressRule, report: RuleReport): void {
    const sources = [...(rule.ipv4Cidrs ?? []), ...(rule.ipv6Cidrs ?? [])];
    const world = sources.filter((cidr) => parseCidr(cidr.follow().asString())?.prefix === 0);
    // A whole CIDR list only known at deploy time (`cidr_blocks = var.admin_cidrs`) may hold 0.0.0.0/0.
    const hiddenLists = ([['cidr_blocks', rule.ipv4Cidrs], ['ipv6_cidr_blocks', rule.ipv6Cidrs]] as const)
      .filter(([, list]) => list === undefined).map(([attribute]) => rule.declaration.attr(attribute));
    const unknownSource = [...sources.filter((cidr) => cidr.follow().asString() === undefined), ...hiddenLists][0];
    if (world.length === 0 && !unknownSource) return;
    const coverage = ADMIN_PORTS.map((admin) => ({ ...admin, covered: covers(rule, admin.port) }));
    const open = coverage.filter((c) => c.covered === true);
    const unknownPort = coverage.map((c) => c.covered).find((c): c is TfValue => c instanceof TfValue);
    if (world.length > 0 && open.length > 0) {
      report.violation(
        rule.source,
        `${ingressRuleName(rule)} allows ${portsOf(rule)} from ${world.map((c) => c.display).join(' and ')} into ${group.group.label}, `
          + `used by ${usersOf(group)}: ${open.map((c) => `${c.name} (TCP ${c.port})`).join(' and ')} open to the whole internet`,
        'allow administration only from your admin CIDR, a prefix list or a bastion\'s security group (or use Session Manager); '
          + 'if the exposure is intended, suppress NIC070 on the rule with the reason',
      );
    } else if (world.length > 0 && unknownPort) {
      report.cannotVerify(rule.source, `the ports of ${ingressRuleName(rule)}, open to ${world[0].display}`, unknownPort);
    } else if (unknownSource && open.length > 0) {
      report.cannotVerify(rule.source, `the source of ${ingressRuleName(rule)}, which allows ${open.map((c) => c.name).join(' and ')}`, unknownSource);
    }
  }
}

function covers(rule: IngressRule, port: number): Coverage {
  const protocol = rule.protocol.follow().asString()?.toLowerCase();
  if (protocol === undefined) return rule.protocol;
  if (ALL_PROTOCOLS.has(protocol)) return true;
  if (!TCP.has(protocol)) return false;
  const from = rule.fromPort.follow().asNumber();
  const to = rule.toPort.follow().asNumber();
  if (from === undefined) return rule.fromPort;
  if (to === undefined) return rule.toPort;
  return from <= port && port <= to;
}

/** `all traffic`, `TCP 22`, `TCP 0-65535`. */
function portsOf(rule: IngressRule): string {
  const protocol = rule.protocol.follow().asString()!.toLowerCase();
  if (ALL_PROTOCOLS.has(protocol)) return 'all traffic';
  const from = rule.fromPort.follow().asNumber();
  const to = rule.toPort.follow().asNumber();
  return from === to ? `TCP ${from}` : `TCP ${from}-${to}`;
}
