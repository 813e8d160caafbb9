import { AliIndex, AliType, Target } from './ali-index';
import { AliRule } from './ali-rule';
import { compare, Fact, instancePlacement, vswitchName, vswitchPlacement } from './placement';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

/** ALI051: a HaVip and the ECS instances or ENIs attached to it are in the same vSwitch. */
export class Ali051HaVipSameVswitch extends AliRule {
  public readonly id = 'ALI051';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'HaVip and the ECS instances / ENIs attached to it in the same vSwitch';
  public readonly explanation = 'AssociateHaVip: "The HaVip and ECS instance must belong to the same vSwitch." The HaVip '
    + 'is an address of its vSwitch (alicloud_havip.vswitch_id), and only hosts of that vSwitch can answer for it. Alibaba '
    + 'Cloud rejects the alicloud_havip_attachment otherwise, so the apply fails.';
  public readonly docUrl = AliDocUrl.associateHaVip;
  public readonly hardLimit = true;

  public check(index: AliIndex, report: RuleReport): void {
    for (const { source, haVip, target } of index.haVipAttachments) {
      const haVipResource = index.refersTo(haVip.value, AliType.haVips);
      if (!haVipResource) {
        report.cannotVerify(source, 'the vSwitch of the HaVip (ha_vip_id)', haVip.value);
        continue;
      }
      const own: Fact = { value: haVipResource.attr('vswitch_id'), via: `vswitch_id of ${haVipResource.label}` };
      const theirs = targetVswitch(index, target);
      if (!theirs) {
        report.cannotVerify(source, `the vSwitch of ${target.label} (instance_id)`, target.value);
        continue;
      }
      const same = compare(own, theirs);
      if (same === false) {
        report.violation(source,
          `${haVipResource.label} is in ${vswitchName(index, own.value)} but ${target.label} is in ${vswitchName(index, theirs.value)} (${theirs.via})`,
          `attach ${haVipResource.label} only to instances and ENIs of ${vswitchName(index, own.value)}, or create the HaVip in their vSwitch`);
      } else if (same !== true) {
        report.cannotVerify(source, `whether ${target.label} is in the vSwitch of ${haVipResource.label}: ${same.via}`, same.value);
      }
    }
  }
}

/** The vSwitch of an attached instance or ENI of this stack. */
function targetVswitch(index: AliIndex, target: Target): Fact | undefined {
  const resource = target.resource;
  if (!resource) return undefined;
  if (resource.type === AliType.instance) {
    const host = index.hostOf(resource)!;
    // `${alicloud_instance.x.network_interface_id}` and `${alicloud_instance.x.id}` are both where its primary ENI is.
    return instancePlacement(index, host).vswitch;
  }
  if ((AliType.enis as readonly string[]).includes(resource.type)) return vswitchPlacement(index, resource.attr('vswitch_id'), resource.label).vswitch;
  return undefined;
}
