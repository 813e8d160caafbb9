import { InterfaceAttachment, AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { DocUrl } from '../doc-url';

/** NIC021: two interfaces of one instance never share a device index on the same network card. */
export class Nic021DeviceIndexUnique extends AwsRule {
  public readonly id = 'NIC021';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'device index unique per network card on an instance';
  public readonly explanation = 'The device index is the slot of an interface on its network card. EC2 rejects a launch '
    + 'or an attachment that reuses an occupied slot, so the second interface fails to attach.';
  public readonly docUrl = DocUrl.attachEni;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      const taken = new Map<string, InterfaceAttachment>();
      for (const attachment of host.attachments) {
        const device = attachment.deviceIndex.follow().asNumber();
        // An attachment made after launch at device index 0 is NIC020's finding.
        if (device === 0 && (attachment.kind === 'attachment-resource' || attachment.kind === 'eni-attachment-block')) continue;
        const card = attachment.networkCardIndex.isAbsent ? 0 : attachment.networkCardIndex.follow().asNumber();
        if (device === undefined) {
          if (!attachment.deviceIndex.isAbsent) report.cannotVerify(attachment.source, `device_index of ${attachment.label}`, attachment.deviceIndex);
          continue;
        }
        if (card === undefined) {
          report.cannotVerify(attachment.source, `network_card_index of ${attachment.label}`, attachment.networkCardIndex);
          continue;
        }
        if (attachment.repeated) {
          report.cannotVerify(attachment.source, `the device indexes of ${attachment.label} (count/for_each)`,
            attachment.source.repetition);
          continue;
        }
        const key = `${card}/${device}`;
        const first = taken.get(key);
        if (!first) {
          taken.set(key, attachment);
          continue;
        }
        report.violation(
          attachment.source,
          `${attachment.label} uses device_index ${device} on network card ${card} of ${host.resource.label}, already taken by ${first.label}`,
          'give each interface of the instance its own device index (0 is the primary; attached interfaces use 1, 2, ...)',
        );
      }
    }
  }
}
