import { AliIndex, EIP_TARGET_KINDS, Target, TargetKind } from './ali-index';
import { AliRule } from './ali-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfResource, TfValue } from '../../checks/tf-value';
import { AliDocUrl } from '../doc-url';

/** `instance_type` values `alicloud_havip_attachment` accepts. */
const HAVIP_TARGET_KINDS: readonly TargetKind[] = ['EcsInstance', 'NetworkInterface'];

/** Kinds an EIP association reaches with `instance_type` unset: the provider infers these from the id, and sends `EcsInstance` otherwise. */
const INFERRED_KINDS: readonly TargetKind[] = ['EcsInstance', 'Nat', 'SlbInstance'];

/**
 * ALI030: the `instance_type` of an EIP association or a HaVip attachment is a valid value, matches
 * what `instance_id` names, and is set when the target is an ENI or a HaVip.
 */
export class Ali030AssociationInstanceType extends AliRule {
  public readonly id = 'ALI030';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'EIP association and HaVip attachment instance_type valid, matching the target, and set for ENI / HaVip targets';
  public readonly explanation = 'alicloud_eip_association.instance_type takes "Nat", "SlbInstance", "EcsInstance" '
    + '(default), "NetworkInterface", "HaVip" or "IpAddress", and the provider validates none of them. Left unset, the '
    + 'provider sends EcsInstance, or SlbInstance for an id starting with "lb-" and Nat for "ngw-": an ENI or HaVip target '
    + 'then fails ("If the instance ... is not an ECS instance, this parameter is required"). alicloud_havip_attachment '
    + 'likewise: "If you want to associate the HAVIP with an ENI, this parameter is required." Alibaba Cloud rejects a '
    + 'wrong or missing type at apply time.';
  public readonly docUrl = AliDocUrl.eipAssociationResource;
  public readonly hardLimit = true;

  public check(index: AliIndex, report: RuleReport): void {
    for (const association of index.eipAssociations) {
      checkType(association.source, association.instanceType, association.target, EIP_TARGET_KINDS, INFERRED_KINDS, report);
    }
    for (const attachment of index.haVipAttachments) {
      checkType(attachment.source, attachment.instanceType, attachment.target, HAVIP_TARGET_KINDS, ['EcsInstance'], report);
    }
  }
}

function checkType(
  source: TfResource,
  instanceType: TfValue,
  target: Target,
  valid: readonly TargetKind[],
  inferred: readonly TargetKind[],
  report: RuleReport,
): void {
  if (target.kind && !valid.includes(target.kind)) {
    report.violation(source, `${source.label} targets ${target.label} (${target.kind}), but takes only ${valid.join(' or ')}`,
      `target ${valid.join(' or ')}`);
    return;
  }
  if (instanceType.isAbsent) {
    if (!target.kind) {report.cannotVerify(source, 'what instance_id names (instance_type is not set, so the provider decides from the id)', target.value);} else if (!inferred.includes(target.kind)) {
      report.violation(source, `${source.label} sets no instance_type for ${target.label}, so the provider sends ${inferred[0]}`,
        `set instance_type = "${target.kind}"`);
    }
    return;
  }
  const declared = instanceType.follow().asString();
  if (declared === undefined) {
    report.cannotVerify(source, 'instance_type', instanceType);
  } else if (!(valid as readonly string[]).includes(declared)) {
    report.violation(source, `${source.label} has instance_type "${declared}", which is not one of ${valid.join(', ')}`,
      `set instance_type to ${target.kind ? `"${target.kind}"` : `one of ${valid.join(', ')}`} (values are case-sensitive)`);
  } else if (target.kind && target.kind !== declared) {
    report.violation(source, `${source.label} has instance_type "${declared}" but instance_id names ${target.label} (${target.kind})`,
      `set instance_type = "${target.kind}"`);
  }
}
