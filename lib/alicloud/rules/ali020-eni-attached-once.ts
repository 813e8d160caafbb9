import { AliIndex, AliType, EniAttachment } from './ali-index';
import { AliRule } from './ali-rule';
import { RuleLevel } from '../../checks/rule-level';
import { reportAttachedOnce, RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

/** ALI020: an ENI is attached to one instance at a time. */
export class Ali020EniAttachedOnce extends AliRule {
  public readonly id = 'ALI020';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'one ENI attached to one ECS instance at a time';
  public readonly explanation = 'CreateNetworkInterface: "An ENI can be attached only to a single instance"; '
    + 'AttachNetworkInterface: "You can attach an ENI to only one instance". A second attachment (another instance, or the '
    + 'same one twice, as primary, in network_interfaces or by an attachment resource) is rejected, so the apply fails; to '
    + 'move an ENI between instances, detach it first (as a failover agent does), not in configuration.';
  public readonly docUrl = AliDocUrl.attachNetworkInterface;
  public readonly hardLimit = true;

  public check(index: AliIndex, report: RuleReport): void {
    for (const eni of index.resources(AliType.enis)) {
      reportAttachedOnce(eni, index.attachmentsOf(eni), report, {
        noun: 'attachment',
        repeated: (a) => a.repeated,
        value: (a) => a.eni,
        problem: (attachment, first) => `${eni.label} is attached to ${hostLabel(attachment)} by ${where(attachment)} while ${where(first)} already attaches it to ${hostLabel(first)}`,
        fix: 'attach the ENI once; give the other instance an ENI of its own, or move the ENI at run time (detach, then attach)',
      });
    }
  }
}

function hostLabel(attachment: EniAttachment): string {
  return attachment.hostResource?.label ?? `instance ${attachment.host.display}`;
}

function where(attachment: EniAttachment): string {
  switch (attachment.kind) {
    case 'attachment-resource': return attachment.source.label;
    case 'primary-eni': return `the network_interface_id (primary ENI) of ${attachment.source.label}`;
    default: return `the network_interfaces block of ${attachment.source.label}`;
  }
}
