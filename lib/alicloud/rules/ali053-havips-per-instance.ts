import { AliIndex, HaVipAttachment } from './ali-index';
import { AliRule } from './ali-rule';
import { RuleLevel } from '../../checks/rule-level';
import { ordinal, RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

/** HaVips one ECS instance takes. */
const HAVIPS_PER_INSTANCE = 5;

/** ALI053: an ECS instance is attached to at most 5 HaVips. */
export class Ali053HaVipsPerInstance extends AliRule {
  public readonly id = 'ALI053';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = `at most ${HAVIPS_PER_INSTANCE} HaVips per ECS instance`;
  public readonly explanation = 'ROS ALIYUN::VPC::HaVipAssociation: "You can associate up to five HAVIPs with a single ECS '
    + 'instance." Alibaba Cloud rejects the alicloud_havip_attachment of a sixth, so the apply fails.';
  public readonly docUrl = AliDocUrl.rosHaVipAssociation;
  public readonly hardLimit = true;

  public check(index: AliIndex, report: RuleReport): void {
    const byInstance = new Map<string, Map<string, HaVipAttachment>>();
    for (const attachment of index.haVipAttachments) {
      const { target, haVip, source } = attachment;
      if (target.kind !== 'EcsInstance' || target.key === undefined) continue;
      if (source.repeated) {
        report.cannotVerify(source, `how many HaVips it attaches to ${target.label} (count/for_each)`, source.repetition);
        continue;
      }
      if (haVip.key === undefined) {
        report.cannotVerify(source, `which HaVip it attaches to ${target.label} (ha_vip_id)`, haVip.value);
        continue;
      }
      const haVips = byInstance.get(target.key) ?? new Map<string, HaVipAttachment>();
      if (!haVips.has(haVip.key)) haVips.set(haVip.key, attachment);
      byInstance.set(target.key, haVips);
    }
    for (const haVips of byInstance.values()) {
      [...haVips.values()].slice(HAVIPS_PER_INSTANCE).forEach((attachment, i) => report.violation(
        attachment.source,
        `${attachment.source.label} attaches ${attachment.haVip.label}, the ${ordinal(HAVIPS_PER_INSTANCE + i + 1)} HaVip of ${attachment.target.label}, which takes ${HAVIPS_PER_INSTANCE}`,
        `keep at most ${HAVIPS_PER_INSTANCE} HaVips per instance: spread the services over more instances`,
      ));
    }
  }
}
