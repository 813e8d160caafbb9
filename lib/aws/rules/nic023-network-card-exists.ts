import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { hostLimits, hostName } from './host-checks';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { DocUrl } from '../doc-url';

/** NIC023: an interface is attached to a network card the instance type has. */
export class Nic023NetworkCardExists extends AwsRule {
  public readonly id = 'NIC023';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'network card index exists on the instance type';
  public readonly explanation = 'Most instance types have a single network card (index 0); a few accelerated and HPC '
    + 'types have several. EC2 rejects an attachment to a network card index the type does not have.';
  public readonly docUrl = DocUrl.networkCards;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      if (!host.attachments.some((a) => !a.networkCardIndex.isAbsent)) continue;
      const known = hostLimits(host, report);
      if (!known) continue;
      const cards = known.limits.networkCards.map((c) => c.index);
      for (const attachment of host.attachments) {
        if (attachment.networkCardIndex.isAbsent) continue;
        const card = attachment.networkCardIndex.follow().asNumber();
        if (card === undefined) {
          report.cannotVerify(attachment.source, `network_card_index of ${attachment.label}`, attachment.networkCardIndex);
        } else if (!cards.includes(card)) {
          report.violation(
            attachment.source,
            `${attachment.label} uses network_card_index ${card} on ${hostName(host, known.typeName)}, which has `
              + (cards.length === 1 ? 'only network card 0' : `network cards ${cards[0]} to ${cards[cards.length - 1]}`),
            cards.length === 1 ? 'remove network_card_index (or set it to 0)' : `use a network card index from ${cards[0]} to ${cards[cards.length - 1]}`,
          );
        }
      }
    }
  }
}
