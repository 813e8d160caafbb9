import { AliIndex, AliType, EipAssociation, Target } from './ali-index';
import { AliRule } from './ali-rule';
import { eniResourceOf, modeOf, targetKindOf } from './eip-associations';
import { RuleLevel } from '../../checks/rule-level';
import { ordinal, RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

/** Modes that make the EIP visible on the ENI itself. */
const VISIBLE_MODES = ['BINDED', 'MULTI_BINDED'];

/**
 * ALI033: an EIP in `BINDED` or `MULTI_BINDED` mode goes on a secondary ENI, with
 * `instance_type = NetworkInterface`, before the ENI is attached; in `BINDED` mode one EIP per ENI.
 */
export class Ali033BindedModeSecondaryEni extends AliRule {
  public readonly id = 'ALI033';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'BINDED / MULTI_BINDED: a secondary ENI only, associated before it is attached; BINDED one EIP per ENI';
  public readonly explanation = 'Cut-through mode (BINDED): "A secondary ENI can only be associated with one EIP", and '
    + 'its prerequisite "The secondary ENI is not associated with any ECS instance"; multi-EIP-to-ENI mode (MULTI_BINDED) '
    + 'has the same prerequisite. In Terraform the attachment (alicloud_ecs_network_interface_attachment, or the instance '
    + 'whose network_interfaces names the ENI) must therefore wait for the association (depends_on), and the ENI cannot be '
    + 'an instance\'s primary ENI. The mode also needs instance_type = "NetworkInterface" ("Associate an EIP with a cloud '
    + 'resource": set InstanceType to NetworkInterface and Mode to BINDED or MULTI_BINDED); for other targets the provider '
    + 'documents mode as used '
    + '"only when instance_type is set to NetworkInterface", a warning. Alibaba Cloud rejects the rest.';
  public readonly docUrl = AliDocUrl.cutThroughMode;
  public readonly hardLimit = false;

  public check(index: AliIndex, report: RuleReport): void {
    const binded = new Map<string, EipAssociation[]>();
    for (const association of index.eipAssociations) {
      const mode = modeOf(association);
      const kind = targetKindOf(association);
      if (typeof mode !== 'string') {
        if (kind === undefined || kind === 'NetworkInterface') report.cannotVerify(association.source, 'mode', mode);
        continue;
      }
      if (!VISIBLE_MODES.includes(mode)) continue;
      const { source, target } = association;
      if (kind !== 'NetworkInterface') {
        if (kind) {
          report.violation(source, `${source.label} sets mode ${mode} for ${target.label} (${kind}): the mode applies to ENIs only`,
            'associate the EIP with a secondary ENI (instance_type = "NetworkInterface"), or drop mode', { level: RuleLevel.WARNING });
        } else {
          report.cannotVerify(source, `what instance_id names (mode ${mode} needs a secondary ENI)`, target.value);
        }
        continue;
      }
      if (isPrimaryEni(index, target)) {
        report.violation(source, `${source.label} associates an EIP in ${mode} mode with ${target.label}: ${mode} takes a secondary ENI, never an instance's primary ENI`,
          'associate it with a secondary ENI, or use NAT mode', { hardLimit: true });
        continue;
      }
      this.checkOrder(index, association, mode, report);
      if (mode === 'BINDED' && target.key !== undefined && !source.repeated) binded.set(target.key, [...(binded.get(target.key) ?? []), association]);
    }
    for (const [first, ...others] of binded.values()) {
      others.forEach((association, i) => report.violation(
        association.source,
        `${association.source.label} is the ${ordinal(i + 2)} EIP in BINDED mode on ${first.target.label}, which takes one (${first.source.label} already associates one)`,
        'give each EIP its own secondary ENI, or use NAT mode (one EIP per private IP)',
        { hardLimit: true },
      ));
    }
  }

  /** The ENI is attached only after the association: each resource that attaches it waits for the association. */
  private checkOrder(index: AliIndex, association: EipAssociation, mode: string, report: RuleReport): void {
    const eni = eniResourceOf(association.target);
    if (!eni) return;
    for (const attachment of index.attachmentsOf(eni)) {
      if (index.dependsOn(attachment.source, association.source)) continue;
      const attacher = attachment.kind === 'attachment-resource' ? attachment.source.label : `the network_interfaces block of ${attachment.source.label}`;
      report.violation(
        attachment.source,
        `${attacher} may attach ${eni.label} before ${association.source.label} associates its EIP in ${mode} mode, which needs the ENI unattached`,
        `make ${attachment.source.label} wait for the association: depends_on = [${association.source.blockAddress}]`,
        { hardLimit: true },
      );
    }
  }
}

/** Whether the target is an instance's primary ENI (created by the instance, or taken with network_interface_id). */
function isPrimaryEni(index: AliIndex, target: Target): boolean {
  if (target.resource?.type === AliType.instance) return true;
  const eni = eniResourceOf(target);
  return eni !== undefined && index.attachmentsOf(eni).some((a) => a.kind === 'primary-eni');
}
