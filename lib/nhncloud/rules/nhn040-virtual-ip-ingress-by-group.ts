import { hasMarker, isVirtualIp, NhnMarkerTag } from './marker-tags';
import { NhnIndex, NhnType } from './nhn-index';
import { NhnRule } from './nhn-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfResource } from '../../checks/tf-value';
import { briefly } from '../../core/admin-exposure';
import { isVrrp } from '../../core/vrrp';
import { NhnDocUrl } from '../doc-url';

/**
 * NHN040: ingress to a virtual IP, or to the ports that carry one, admits its clients by CIDR
 * (`remote_ip_prefix`), not by security group (`remote_group_id`).
 */
export class Nhn040VirtualIpIngressByGroup extends NhnRule {
  public readonly id = 'NHN040';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'ingress meant for a virtual IP references a security group (a VIP is in none: use a CIDR)';
  public readonly explanation = 'NHN Cloud\'s Network Interface guide: "Since a virtual IP does not belong to any security '
    + 'group, communication may not be possible if you specify a security group as the remote of an inbound rule" '
    + '(仮想IPはどのセキュリティグループにも属さないため、受信ルールにリモートで「セキュリティグループ」を指定した場合...通信ができない場合があります). '
    + 'A rule whose remote is a group matches the addresses of that group\'s ports, never a virtual IP. NHN040 reads the '
    + 'ingress rules (nhncloud_networking_secgroup_rule_v2, direction ingress) of the groups of virtual-IP ports and of the '
    + 'ports that carry them (allowed_address_pairs naming a virtual IP, or the tag nic-patterns:role=vip-carrier), except '
    + 'VRRP, which runs between the carriers\' own addresses.';
  public readonly docUrl = NhnDocUrl.networkInterface;
  public readonly hardLimit = false;

  public check(index: NhnIndex, report: RuleReport): void {
    const carriers = new Set(index.virtualIps.flatMap((vip) => index.carriersOf(vip)));
    const forVirtualIp = (port: TfResource) => isVirtualIp(port) || carriers.has(port) || hasMarker(port, NhnMarkerTag.carriesVirtualIp);
    const users = index.securityGroupUsers(forVirtualIp, false);
    for (const rule of index.resources(NhnType.securityGroupRule)) {
      const group = index.refersTo(rule.attr('security_group_id'), NhnType.securityGroup);
      const members = group && users.get(group);
      if (!group || !members || rule.attr('remote_group_id').isAbsent || isVrrp(rule.attr('protocol').follow().asString())) continue;
      this.checkRule(rule, group, members, report);
    }
  }

  private checkRule(rule: TfResource, group: TfResource, members: string[], report: RuleReport): void {
    const direction = rule.attr('direction');
    const literal = direction.follow().asString();
    if (literal === undefined) {
      report.cannotVerify(rule, 'direction, of a rule whose remote is a security group', direction);
    } else if (literal.toLowerCase() === 'ingress') {
      report.violation(rule,
        `${rule.label} admits ${rule.attr('remote_group_id').display} (remote_group_id) into ${group.label}, which ${briefly(members)} `
          + `${members.length === 1 ? 'uses' : 'use'} for a virtual IP: a virtual IP belongs to no security group, so this rule does not follow it`,
        'admit the clients of the virtual IP by CIDR (remote_ip_prefix), for example the subnets they live in');
    }
  }
}
