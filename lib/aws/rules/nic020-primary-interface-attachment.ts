import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { DocUrl } from '../doc-url';

/**
 * NIC020: an interface attached after launch (`aws_network_interface_attachment`, or an
 * `attachment` block of `aws_network_interface`) cannot take device index 0, the primary
 * interface's slot, which exists from launch and can be neither attached nor detached.
 */
export class Nic020PrimaryInterfaceAttachment extends AwsRule {
  public readonly id = 'NIC020';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'an interface attached after launch does not take device index 0 (the primary interface)';
  public readonly explanation = 'Device index 0 is the primary network interface, created with the instance; it cannot be '
    + 'detached, so no other interface can be attached in its place. EC2 rejects the attachment, so the apply fails.';
  public readonly docUrl = DocUrl.attachEni;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    const attachedAfterLaunch = [
      ...index.hosts.flatMap((host) => host.attachments),
      ...index.unresolvedAttachments,
    ].filter((a) => a.kind === 'attachment-resource' || a.kind === 'eni-attachment-block');
    for (const attachment of attachedAfterLaunch) {
      if (attachment.deviceIndex.isAbsent) continue;
      const value = attachment.deviceIndex.follow().asNumber();
      if (value === undefined) {
        report.cannotVerify(attachment.source, 'device_index', attachment.deviceIndex);
      } else if (value === 0) {
        const what = attachment.kind === 'attachment-resource'
          ? `${attachment.source.label} attaches ${attachment.label}`
          : `the attachment block of ${attachment.label} attaches it`;
        report.violation(
          attachment.source,
          `${what} at device_index 0, the slot of the instance's primary interface, which cannot be replaced`,
          'use device_index 1 or higher; to make this interface the primary one, put it in the instance\'s network_interface block with device_index 0 instead',
        );
      }
    }
  }
}
