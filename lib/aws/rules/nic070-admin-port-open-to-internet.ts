import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfValue } from '../../checks/tf-value';
import { parseCidr } from '../../core/cidr';
import { DocUrl } from '../doc-url';
import { attachedGroups, GroupInUse, ingressRuleName, usersOf } from './attached-security-groups';
import { IngressRule, AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { adminExposure, Coverage, coversTcpPort, describeAdminPorts, describePorts } from '../../core/admin-exposure';
import { AwsRuleId } from '../constraints';

const ALL_PROTOCOLS = new Set(['-1', 'all']);

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
    const exposure = adminExposure({ world: world.length > 0, unknownSource, covers: (port) => covers(rule, port) });
    if (exposure?.kind === 'open') {
      report.violation(
        rule.source,
        `${ingressRuleName(rule)} allows ${portsOf(rule)} from ${world.map((c) => c.display).join(' and ')} into ${group.group.label}, `
          + `used by ${usersOf(group)}: ${describeAdminPorts(exposure.open)} open to the whole internet`,
        'allow administration only from your admin CIDR, a prefix list or a bastion\'s security group (or use Session Manager); '
          + 'if the exposure is intended, suppress NIC070 on the rule with the reason',
      );
    } else if (exposure?.kind === 'ports-unknown') {
      report.cannotVerify(rule.source, `the ports of ${ingressRuleName(rule)}, open to ${world[0].display}`, exposure.value);
    } else if (exposure?.kind === 'source-unknown') {
      report.cannotVerify(rule.source, `the source of ${ingressRuleName(rule)}, which allows ${exposure.open.map((c) => c.name).join(' and ')}`, exposure.value);
    }
  }
}

function covers(rule: IngressRule, port: number): Coverage<TfValue> {
  return coversTcpPort<TfValue>(rule.protocol.follow().asString()?.toLowerCase() ?? rule.protocol, ALL_PROTOCOLS, () => {
    const from = rule.fromPort.follow().asNumber();
    const to = rule.toPort.follow().asNumber();
    if (from === undefined) return rule.fromPort;
    return to === undefined ? rule.toPort : [from, to];
  }, port);
}

/** `all traffic`, `TCP 22`, `TCP 0-65535`. */
function portsOf(rule: IngressRule): string {
  const allTraffic = ALL_PROTOCOLS.has(rule.protocol.follow().asString()!.toLowerCase());
  return describePorts(allTraffic, [rule.fromPort.follow().asNumber()!, rule.toPort.follow().asNumber()!]);
}
