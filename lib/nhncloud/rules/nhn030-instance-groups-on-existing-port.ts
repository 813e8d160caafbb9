import { NhnIndex } from './nhn-index';
import { NhnRule } from './nhn-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { NhnDocUrl } from '../doc-url';

/** NHN030: an instance that lists `security_groups` takes no existing port (`network.port`): they would not apply to it. */
export class Nhn030InstanceGroupsOnExistingPort extends NhnRule {
  public readonly id = 'NHN030';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'instance security_groups alongside a pre-created network.port: they are not applied to it';
  public readonly explanation = 'NHN Cloud\'s Compute Instance Terraform guide: "Security groups requested when specifying a '
    + 'port ID are not applied to existing specified ports." An instance\'s security_groups reach only the NICs it creates '
    + 'itself (network.uuid or network.name); a port given as network.port keeps the groups set on the port '
    + '(security_group_ids, or the project\'s default group). The plan looks protected and the port is not.';
  public readonly docUrl = NhnDocUrl.instanceTerraform;
  public readonly hardLimit = false;

  public check(index: NhnIndex, report: RuleReport): void {
    for (const { resource, nics } of index.hosts) {
      const existing = nics.filter((nic) => !nic.port.isAbsent);
      if (existing.length === 0) continue;
      const value = resource.attr('security_groups');
      const groups = value.asList();
      if (groups === undefined) {
        report.cannotVerify(resource, 'whether security_groups, beside a network.port, is empty', value);
      } else if (groups.length > 0) {
        report.violation(resource,
          `${resource.label} lists security_groups (${groups.map((g) => g.display).join(', ')}) and takes existing ports in network ${existing.map((n) => `[${n.position}]`).join(', ')}: `
            + 'the groups are not applied to those ports',
          'set the groups on each port (security_group_ids), and list on the instance only the groups of the NICs it creates');
      }
    }
  }
}
