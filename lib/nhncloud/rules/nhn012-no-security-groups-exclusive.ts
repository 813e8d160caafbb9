import { NhnIndex, NhnType } from './nhn-index';
import { NhnRule } from './nhn-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { NhnDocUrl } from '../doc-url';

/** NHN012: a port does not set `no_security_groups = true` together with `security_group_ids`. */
export class Nhn012NoSecurityGroupsExclusive extends NhnRule {
  public readonly id = 'NHN012';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'no_security_groups = true together with security_group_ids on a port';
  public readonly explanation = 'The nhncloud provider (resource_openstack_networking_port_v2.go, v1.0.7) refuses the '
    + 'combination when it creates the port: "Cannot have both no_security_groups and security_group_ids set", so the apply '
    + 'fails. Choose one: groups on the port, or explicitly none.';
  public readonly docUrl = NhnDocUrl.portResource;
  public readonly hardLimit = true;

  public check(index: NhnIndex, report: RuleReport): void {
    for (const port of index.resources(NhnType.port)) {
      const flag = port.attr('no_security_groups');
      const groups = port.attr('security_group_ids');
      if (flag.isAbsent || groups.isAbsent) continue;
      const none = flag.follow().asBoolean();
      const list = groups.asList();
      if (none === false || list?.length === 0) continue;
      if (none === undefined) {
        report.cannotVerify(port, 'no_security_groups, set beside security_group_ids', flag);
      } else if (list === undefined) {
        report.cannotVerify(port, 'whether security_group_ids, set beside no_security_groups = true, is empty', groups);
      } else {
        report.violation(port, `${port.label} sets no_security_groups = true and security_group_ids (${list.map((g) => g.display).join(', ')})`,
          'remove no_security_groups to keep the groups, or remove security_group_ids to have none');
      }
    }
  }
}
