import { AliIndex } from './ali-index';
import { AliRule } from './ali-rule';
import { countableHost, hostName } from './host-limits';
import { RuleLevel } from '../../checks/rule-level';
import { ordinal, RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

/**
 * ALI001: an ECS instance carries at most as many ENIs as its instance type allows, its primary ENI
 * included, whether they are attached at creation or later.
 */
export class Ali001EnisPerInstance extends AliRule {
  public readonly id = 'ALI001';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'ENIs per ECS instance (primary included) <= the instance type\'s ENI count';
  public readonly explanation = 'Each ECS instance type supports a maximum number of ENIs, the primary ENI included (the '
    + '"ENIs" column of the instance family pages; `eni_quantity` of the alicloud_instance_types data source: "The '
    + 'maximum number of ENIs per instance"). Alibaba Cloud refuses the instance, or the attachment beyond the maximum, so '
    + 'the apply fails half-way. ALI001 counts the primary ENI, the `network_interfaces` blocks of alicloud_instance and '
    + 'every alicloud_ecs_network_interface_attachment (or alicloud_network_interface_attachment).';
  public readonly docUrl = AliDocUrl.instanceFamilies;
  public readonly hardLimit = true;

  public check(index: AliIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      const known = countableHost(host, report);
      if (!known) continue;
      const allowed = known.limits.eniQuantity;
      host.attachments.slice(allowed).forEach((attachment, i) => report.violation(
        attachment.source,
        `${attachment.label} is the ${ordinal(allowed + i + 1)} ENI of ${hostName(host, known.typeName)}, which allows ${allowed} `
          + `(primary included; ${host.attachments.length} declared)`,
        `use an instance type with at least ${host.attachments.length} ENIs, or carry more addresses per ENI (secondary private IPs) instead of more ENIs`,
      ));
    }
    for (const attachment of index.unresolvedAttachments) {
      report.cannotVerify(attachment.source, 'the instance it is attached to', attachment.host);
    }
  }
}
