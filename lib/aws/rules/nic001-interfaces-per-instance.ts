import { RuleLevel } from '../../checks/rule-level';
import { DocUrl } from '../doc-url';
import { Host, InterfaceAttachment, AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { byDeviceIndex, countableHost, hostName } from './host-checks';
import { ordinal, RuleReport } from '../../checks/rule-report';
import { InstanceTypeNetworkLimits } from '../limits/instance-network-limits';

/**
 * NIC001: an instance carries at most as many interfaces as its type allows, in total and on each
 * network card, whether they are attached at launch or later.
 */
export class Nic001InterfacesPerInstance extends AwsRule {
  public readonly id = 'NIC001';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'interfaces per instance <= instance type max, and per network card';
  public readonly explanation = 'Each instance type supports a maximum number of network interfaces, in total and on each '
    + 'network card. EC2 refuses the launch, or the attachment beyond the maximum (AttachmentLimitExceeded), so the '
    + 'apply fails half-way.';
  public readonly docUrl = DocUrl.ipPerEni;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      const counted = countableHost(host, report);
      if (!counted) continue;
      const excess = this.checkTotal(host, counted.limits, counted.typeName, report);
      this.checkCards(host, counted.limits, counted.typeName, excess, report);
    }
    for (const attachment of index.unresolvedAttachments) {
      report.cannotVerify(attachment.source, 'the instance it is attached to', attachment.host);
    }
  }

  private checkTotal(host: Host, limits: InstanceTypeNetworkLimits, typeName: string, report: RuleReport): Set<InterfaceAttachment> {
    const excess = byDeviceIndex(host.attachments).slice(limits.maxNetworkInterfaces);
    excess.forEach((attachment, i) => report.violation(
      attachment.source,
      `${attachment.label} is the ${ordinal(limits.maxNetworkInterfaces + i + 1)} interface of ${hostName(host, typeName)}, `
        + `which allows ${limits.maxNetworkInterfaces} (${host.attachments.length} declared)`,
      `use an instance type with at least ${host.attachments.length} interfaces, or carry more addresses per interface (secondary private IPs) instead of more interfaces`,
    ));
    return new Set(excess);
  }

  private checkCards(host: Host, limits: InstanceTypeNetworkLimits, typeName: string, reported: Set<InterfaceAttachment>, report: RuleReport): void {
    const byCard = new Map<number, InterfaceAttachment[]>();
    for (const attachment of host.attachments) {
      const card = attachment.networkCardIndex.isAbsent ? limits.defaultNetworkCardIndex : attachment.networkCardIndex.follow().asNumber();
      if (card === undefined) {
        report.cannotVerify(attachment.source, `network_card_index of ${attachment.label}`, attachment.networkCardIndex);
        continue;
      }
      byCard.set(card, [...(byCard.get(card) ?? []), attachment]);
    }
    for (const [cardIndex, attachments] of byCard) {
      // A card the type does not have is NIC023's finding.
      const card = limits.networkCards.find((c) => c.index === cardIndex);
      if (!card) continue;
      byDeviceIndex(attachments).slice(card.maxNetworkInterfaces).forEach((attachment, i) => {
        if (reported.has(attachment)) return;
        report.violation(
          attachment.source,
          `${attachment.label} is the ${ordinal(card.maxNetworkInterfaces + i + 1)} interface on network card ${cardIndex} of `
            + `${hostName(host, typeName)}, which allows ${card.maxNetworkInterfaces} on that card`,
          `move it to another network card (${limits.networkCards.map((c) => `card ${c.index}: ${c.maxNetworkInterfaces}`).join(', ')}) or use a larger instance type`,
        );
      });
    }
  }
}
