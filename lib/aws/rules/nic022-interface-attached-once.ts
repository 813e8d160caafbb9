import { InterfaceAttachment, AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { RuleLevel } from '../../checks/rule-level';
import { reportAttachedOnce, RuleReport } from '../../checks/rule-report';
import { DocUrl } from '../doc-url';

/** NIC022: a network interface is attached to one instance at a time. */
export class Nic022InterfaceAttachedOnce extends AwsRule {
  public readonly id = 'NIC022';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'one interface attached to one instance at a time';
  public readonly explanation = 'A network interface has at most one attachment. A second attachment (another instance, '
    + 'or the same one twice) fails with "already has an attachment"; to move an interface between instances, detach it '
    + 'first (as a failover agent does), not in configuration.';
  public readonly docUrl = DocUrl.attachEni;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const eni of index.resources('aws_network_interface')) {
      // A launch template is not an attachment: only the instances launched from it attach the interface.
      const attachments = index.attachmentsOf(eni).filter((a) => a.hostResource?.type !== 'aws_launch_template');
      reportAttachedOnce(eni, attachments, report, {
        noun: 'attachment',
        repeated: (a) => a.repeated || a.eni.indexed,
        value: (a) => a.eni,
        problem: (attachment, first) => `${eni.label} is attached to ${hostLabel(attachment)} by ${where(attachment)} while ${where(first)} already attaches it to ${hostLabel(first)}`,
        fix: 'attach the interface once; give the other instance an interface of its own, or move the interface at run time (detach, then attach)',
      });
    }
  }
}

function hostLabel(attachment: InterfaceAttachment): string {
  return attachment.hostResource?.label ?? `instance ${attachment.host.display}`;
}

function where(attachment: InterfaceAttachment): string {
  switch (attachment.kind) {
    case 'attachment-resource': return attachment.source.label;
    case 'eni-attachment-block': return 'its attachment block';
    case 'launch-template-block': return `the launch template of ${attachment.source.label}`;
    default: return `the network_interface block of ${attachment.source.label}`;
  }
}
