import { Host, InterfaceAttachment, AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfResource, TfValue } from '../../checks/tf-value';
import { DocUrl } from '../doc-url';

/** Where a resource is: an AZ name or id, how we know, or the value that hides it. */
type Placement = { zone: string; attribute: string; via: string } | { unknown: TfValue; what: string };

/** NIC010: an interface attaches only to an instance in its own Availability Zone. */
export class Nic010SameAvailabilityZone extends AwsRule {
  public readonly id = 'NIC010';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'interface and instance in the same Availability Zone';
  public readonly explanation = 'A network interface can be attached to an instance in another subnet of the same VPC, '
    + 'but never across Availability Zones: EC2 rejects the launch or the attachment.';
  public readonly docUrl = DocUrl.eni;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      if (host.resource.type !== 'aws_instance') continue;
      const others = host.attachments.filter((a) => a.kind !== 'primary' && !isLaunchPrimary(a));
      if (others.length === 0) continue;
      const instanceZone = instancePlacement(index, host);
      for (const attachment of others) {
        const interfaceZone = interfacePlacement(index, attachment);
        if ('unknown' in instanceZone) {
          report.cannotVerify(attachment.source, `the Availability Zone of ${host.resource.label}: ${instanceZone.what}`, instanceZone.unknown);
        } else if ('unknown' in interfaceZone) {
          report.cannotVerify(attachment.source, `the Availability Zone of ${attachment.label}: ${interfaceZone.what}`, interfaceZone.unknown);
        } else if (interfaceZone.attribute !== instanceZone.attribute) {
          // An AZ name against an AZ id: equal or not depends on the account's mapping.
          report.cannotVerify(attachment.source, `the Availability Zone of ${attachment.label}: ${interfaceZone.attribute}`,
            TfValue.of(interfaceZone.zone, index));
        } else if (interfaceZone.zone !== instanceZone.zone) {
          report.violation(
            attachment.source,
            `${attachment.label} is in ${interfaceZone.zone} (${interfaceZone.via}) but ${host.resource.label} is in `
              + `${instanceZone.zone} (${instanceZone.via})`,
            `create the interface in a subnet of ${instanceZone.zone}, or launch the instance in ${interfaceZone.zone}`,
          );
        }
      }
    }
  }
}

/** An interface the instance launches with at device index 0 is where the instance is. */
function isLaunchPrimary(attachment: InterfaceAttachment): boolean {
  return (attachment.kind === 'instance-block' || attachment.kind === 'launch-template-block')
    && attachment.deviceIndex.follow().asNumber() === 0;
}

function instancePlacement(index: AwsIndex, host: Host): Placement {
  const instance = host.resource;
  const own = instance.attr('availability_zone');
  if (!own.isAbsent) return zoneValue(own, 'availability_zone', `availability_zone of ${instance.label}`);
  const subnetId = instance.attr('subnet_id');
  if (!subnetId.isAbsent) return subnetPlacement(index, subnetId);
  const primary = host.attachments.find(isLaunchPrimary);
  if (primary) return interfacePlacement(index, primary);
  return { unknown: own, what: 'availability_zone, subnet_id and the primary interface' };
}

function interfacePlacement(index: AwsIndex, attachment: InterfaceAttachment): Placement {
  const declaredOn: TfResource | undefined = attachment.eniResource;
  if (declaredOn) return subnetPlacement(index, declaredOn.attr('subnet_id'));
  if (attachment.block && attachment.eni.isAbsent) return subnetPlacement(index, attachment.block.attr('subnet_id'));
  return { unknown: attachment.eni, what: 'network_interface_id' };
}

function subnetPlacement(index: AwsIndex, subnetId: TfValue): Placement {
  const subnet = index.subnet(subnetId);
  if (!subnet) return { unknown: subnetId, what: 'subnet_id' };
  const name = subnet.attr('availability_zone');
  if (!name.isAbsent) return zoneValue(name, 'availability_zone', subnet.label);
  const id = subnet.attr('availability_zone_id');
  if (!id.isAbsent) return zoneValue(id, 'availability_zone_id', subnet.label);
  return { unknown: name, what: `availability_zone of ${subnet.label}` };
}

function zoneValue(value: TfValue, attribute: string, via: string): Placement {
  const zone = value.follow().asString();
  return zone === undefined ? { unknown: value, what: `${attribute} of ${via}` } : { zone, attribute, via };
}
