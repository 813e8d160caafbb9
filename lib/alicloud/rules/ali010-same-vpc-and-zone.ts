import { AliIndex } from './ali-index';
import { AliRule } from './ali-rule';
import { attachedPlacement, compare, Fact, instancePlacement, vpcName } from './placement';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

/** ALI010: an ENI is attached only to an instance in its own VPC and zone (the vSwitch may differ). */
export class Ali010SameVpcAndZone extends AliRule {
  public readonly id = 'ALI010';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'ENI and ECS instance in the same VPC and zone';
  public readonly explanation = 'AttachNetworkInterface: "You can attach an ENI to only one instance that resides in the '
    + 'same zone and VPC as the ENI", and "the vSwitch to which the ENI is connected must be in the same zone and VPC as '
    + 'the vSwitch to which the instance is connected". Alibaba Cloud rejects the instance or the attachment otherwise, so '
    + 'the apply fails. ENIs in other vSwitches of the same VPC and zone are fine.';
  public readonly docUrl = AliDocUrl.attachNetworkInterface;
  public readonly hardLimit = true;

  public check(index: AliIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      const others = host.attachments.filter((a) => a.kind !== 'primary');
      if (others.length === 0) continue;
      const instance = instancePlacement(index, host);
      for (const attachment of others) {
        const eni = attachedPlacement(index, attachment);
        // One vSwitch is in one VPC and one zone.
        if (compare(eni.vswitch, instance.vswitch) === true) continue;
        const vpc = compare(eni.vpc, instance.vpc);
        const zone = compare(eni.zone, instance.zone);
        const problems = [
          vpc === false ? `in ${vpcName(eni.vpc.value)} (${eni.vpc.via}) but ${host.resource.label} is in ${vpcName(instance.vpc.value)} (${instance.vpc.via})` : undefined,
          zone === false ? `in zone ${zoneName(eni.zone)} (${eni.zone.via}) but ${host.resource.label} is in zone ${zoneName(instance.zone)} (${instance.zone.via})` : undefined,
        ].filter((p): p is string => p !== undefined);
        if (problems.length > 0) {
          report.violation(attachment.source, `${attachment.label} is ${problems.join(', and ')}`,
            `create the ENI in a vSwitch of ${vpcName(instance.vpc.value)} in zone ${zoneName(instance.zone)}, or place the instance where the ENI is`);
          continue;
        }
        const hidden = [vpc, zone].find((c): c is Fact => typeof c === 'object');
        if (hidden) report.cannotVerify(attachment.source, `whether ${attachment.label} is in the VPC and zone of ${host.resource.label}: ${hidden.via}`, hidden.value);
      }
    }
  }
}

function zoneName(fact: Fact): string {
  return fact.value.follow().display;
}
