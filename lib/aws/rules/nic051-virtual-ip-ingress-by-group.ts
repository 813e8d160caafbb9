import { attachedGroups, GroupInUse, ingressRuleName, usersOf } from './attached-security-groups';
import { IngressRule, AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { hasRole } from './marker-tag-values';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfValue } from '../../checks/tf-value';
import { isVrrp } from '../../core/vrrp';
import { DocUrl } from '../doc-url';
import { MarkerRole, MarkerTag } from '../marker-tags';

/**
 * NIC051: ingress to the interfaces that carry a virtual IP (tag `nic-patterns:role = virtual-ip`)
 * allows its clients by CIDR, not by security group.
 */
export class Nic051VirtualIpIngressByGroup extends AwsRule {
  public readonly id = 'NIC051';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'ingress meant for a virtual IP references a security group (a VIP is in none; allow clients by CIDR)';
  public readonly explanation = 'A rule whose remote is a security group matches the private IP addresses of the network '
    + 'interfaces in that group, not public or Elastic IP addresses (Amazon VPC User Guide, security group referencing). '
    + 'A virtual IP moves between instances, and in overlay mode it is the private address of no interface at all: rules '
    + 'whose remote is a security group do not follow it, so traffic to or from the virtual IP can be dropped, typically '
    + 'only after a failover. The clients of a virtual IP must be allowed by CIDR.';
  public readonly docUrl = DocUrl.securityGroupReferencing;
  public readonly hardLimit = false;

  public check(index: AwsIndex, report: RuleReport): void {
    const { groups, unresolved } = attachedGroups(index, (entry) => {
      if (entry.owner.type !== 'aws_network_interface') return false;
      const role = hasRole(index, entry.owner, MarkerRole.virtualIp);
      if (role instanceof TfValue) report.cannotVerify(entry.owner, `its ${MarkerTag.role} tag`, role);
      return role === true;
    });
    unresolved.forEach((u) => report.cannotVerify(u.source, u.what, u.value));
    for (const group of groups) {
      for (const rule of group.ingress) this.checkRule(group, rule, report);
    }
  }

  private checkRule(group: GroupInUse, rule: IngressRule, report: RuleReport): void {
    if (isVrrp(rule.protocol.follow().asString())) return;
    const remotes = (rule.referencedGroups ?? []).map((g) => g.display);
    const self = rule.self.follow();
    if (self.asBoolean() === true) remotes.push('its own group (self = true)');
    else if (!self.isAbsent && self.asBoolean() === undefined) report.cannotVerify(rule.source, `self of ${ingressRuleName(rule)}`, rule.self);
    if (remotes.length === 0) return;
    report.violation(
      rule.source,
      `${ingressRuleName(rule)} allows ${remotes.join(', ')} into ${group.group.label}, which ${usersOf(group)} `
        + `${group.users.length === 1 ? 'uses' : 'use'} to carry a virtual IP: a virtual IP belongs to no security group, so this rule does not follow it`,
      'allow the clients of the virtual IP by CIDR (cidr_blocks / cidr_ipv4), for example the subnets they live in',
    );
  }
}
