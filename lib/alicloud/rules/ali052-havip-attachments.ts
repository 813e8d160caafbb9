import { AliIndex, AliType, HaVipAttachment, TargetKind } from './ali-index';
import { AliRule } from './ali-rule';
import { ATTACHMENTS_PER_HAVIP, ruleOption } from './option-values';
import { RuleLevel } from '../../checks/rule-level';
import { ordinal, RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

const { defaultCap: DEFAULT_CAP, maximum: MAXIMUM } = ATTACHMENTS_PER_HAVIP;

/**
 * ALI052: a HaVip is attached to at most as many ECS instances or ENIs as the region allows (an
 * option, 2 by default), and never to both ECS instances and ENIs.
 */
export class Ali052HaVipAttachments extends AliRule {
  public readonly id = 'ALI052';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = `HaVip attachments <= the cap (option attachmentsPerHaVip, default ${DEFAULT_CAP}), never ECS instances and ENIs mixed`;
  public readonly explanation = 'Alibaba Cloud\'s documents disagree on how many hosts a HaVip takes. The English '
    + 'AssociateHaVip reference and ROS ALIYUN::VPC::HaVipAssociation say "You can associate an HaVip with at most two ECS '
    + 'instances"; a newer (Portuguese, 2026) version of the same API page says up to 10 ECS instances or up to 10 ENIs, '
    + 'and that a HaVip "cannot be associated with ECS instances and network interfaces (NICs) simultaneously" (in '
    + 'translation). ALI052 '
    + `fails above the cap that holds for you (${DEFAULT_CAP} unless set with AlicloudRuleOptions.set(scope, { attachmentsPerHaVip })), `
    + `and always above ${MAXIMUM} or on a mix of instances and ENIs. Alibaba Cloud rejects the extra attachment, so the apply fails.`;
  public readonly docUrl = AliDocUrl.associateHaVip;
  public readonly hardLimit = false;

  public check(index: AliIndex, report: RuleReport): void {
    const byHaVip = new Map<string, HaVipAttachment[]>();
    for (const attachment of index.haVipAttachments) {
      const { source, haVip: { key, value } } = attachment;
      if (source.repeated) {
        report.cannotVerify(source, 'how many hosts it attaches (count/for_each)', source.repetition);
        continue;
      }
      if (key === undefined) {
        report.cannotVerify(source, 'ha_vip_id', value);
        continue;
      }
      byHaVip.set(key, [...(byHaVip.get(key) ?? []), attachment]);
    }
    for (const attachments of byHaVip.values()) {
      this.checkMix(attachments, report);
      this.checkCount(index, attachments, report);
    }
  }

  private checkMix(attachments: HaVipAttachment[], report: RuleReport): void {
    let first: { attachment: HaVipAttachment; kind: TargetKind } | undefined;
    for (const attachment of attachments) {
      const kind = kindOf(attachment);
      if (kind === undefined) {
        // An invalid literal is ALI030's finding.
        if (!attachment.instanceType.isLiteral) report.cannotVerify(attachment.source, 'whether it attaches an ECS instance or an ENI (instance_type)', attachment.instanceType);
      } else if (!first) {
        first = { attachment, kind };
      } else if (kind !== first.kind) {
        report.violation(attachment.source,
          `${attachment.source.label} attaches ${attachment.target.label} (${kind}) to ${attachment.haVip.label}, which ${first.attachment.source.label} `
            + `already attaches to ${first.attachment.target.label} (${first.kind})`,
          'attach a HaVip either to ECS instances or to ENIs, never both', { hardLimit: true });
      }
    }
  }

  private checkCount(index: AliIndex, attachments: HaVipAttachment[], report: RuleReport): void {
    if (attachments.length <= 1) return;
    const haVip = index.refersTo(attachments[0].haVip.value, AliType.haVips);
    const cap = ruleOption((haVip ?? attachments[0].source).construct, 'attachmentsPerHaVip');
    attachments.slice(cap).forEach((attachment, i) => {
      const position = cap + i + 1;
      report.violation(attachment.source,
        `${attachment.source.label} is the ${ordinal(position)} attachment of ${attachment.haVip.label}, over the cap of ${cap}`,
        position > MAXIMUM
          ? `attach at most ${MAXIMUM} hosts to one HaVip`
          : `attach at most ${cap} hosts; if your region allows more (up to ${MAXIMUM}), say so with AlicloudRuleOptions.set(scope, { attachmentsPerHaVip })`,
        { hardLimit: position > MAXIMUM });
    });
  }
}

/** What an attachment attaches: what `instance_id` names, else `instance_type` (`EcsInstance` when unset); undefined when a token hides it. */
function kindOf(attachment: HaVipAttachment): TargetKind | undefined {
  const { kind } = attachment.target;
  if (kind === 'EcsInstance' || kind === 'NetworkInterface') return kind;
  if (attachment.instanceType.isAbsent) return 'EcsInstance';
  const declared = attachment.instanceType.follow().asString();
  return declared === 'EcsInstance' || declared === 'NetworkInterface' ? declared : undefined;
}
