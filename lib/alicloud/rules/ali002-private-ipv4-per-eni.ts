import { AliIndex, AliType, EniAttachment } from './ali-index';
import { AliRule } from './ali-rule';
import { eniAddresses } from './eni-addresses';
import { hostLimits, hostName } from './host-limits';
import { RuleLevel } from '../../checks/rule-level';
import { quantity, RuleReport } from '../../checks/rule-report';
import { TfResource } from '../../checks/tf-value';
import { AliDocUrl } from '../doc-url';

/** Secondary private IPv4 addresses CreateNetworkInterface assigns at most. */
const MAX_SECONDARY_AT_CREATION = 49;

/**
 * ALI002: each ENI carries at most as many private IPv4 addresses as its instance's type allows per
 * ENI, and an ENI asks for at most 49 secondary addresses when it is created.
 */
export class Ali002PrivateIpv4PerEni extends AliRule {
  public readonly id = 'ALI002';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'private IPv4 addresses per ENI <= the instance type\'s limit, and <= 49 secondary at creation';
  public readonly explanation = 'Each ECS instance type supports a maximum number of private IPv4 addresses per ENI, the '
    + 'primary address included (the "Private IPv4 addresses per ENI" column of the instance family pages; '
    + '`eni_private_ip_address_quantity` of the alicloud_instance_types data source: "The maximum number of IPv4 addresses '
    + 'per ENI"). Independently, CreateNetworkInterface says "you can assign up to 49 secondary private IP addresses to the '
    + 'ENI" when it is created. Alibaba Cloud refuses the extra addresses, so the apply fails.';
  public readonly docUrl = AliDocUrl.instanceFamilies;
  public readonly hardLimit = true;

  public check(index: AliIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      const known = hostLimits(host, report);
      const limit = known?.limits.privateIpv4PerEni;
      if (!known || limit === undefined) continue;
      for (const attachment of host.attachments) {
        const owner = declaringResource(attachment);
        if (owner === 'inline') continue;
        if (!owner) {
          report.cannotVerify(attachment.source, `the private IPv4 addresses of ${attachment.label}`, attachment.eni);
          continue;
        }
        const { secondary, unknownCount } = eniAddresses(owner);
        if (secondary === undefined) {
          report.cannotVerify(owner, `the number of private IPv4 addresses of ${attachment.label}`, unknownCount!);
        } else if (1 + secondary > limit) {
          report.violation(
            owner,
            `${attachment.label} has ${quantity(1 + secondary, 'private IPv4 address', 'private IPv4 addresses')} (primary included) `
              + `on ${hostName(host, known.typeName)}, which allows ${limit} per ENI`,
            `keep at most ${limit} addresses on this ENI: move the others to another ENI, or choose an instance type with more addresses per ENI`,
          );
        }
      }
    }
    for (const eni of index.resources(AliType.enis)) {
      const { secondary, unknownCount } = eniAddresses(eni);
      if (secondary === undefined) {
        report.cannotVerify(eni, `the number of private IPv4 addresses of ${eni.label}`, unknownCount!);
      } else if (secondary > MAX_SECONDARY_AT_CREATION) {
        report.violation(
          eni,
          `${eni.label} asks for ${secondary} secondary private IPv4 addresses when it is created, over the ${MAX_SECONDARY_AT_CREATION} CreateNetworkInterface assigns`,
          `create it with at most ${MAX_SECONDARY_AT_CREATION} secondary addresses`,
        );
      }
    }
  }
}

/** The resource that declares an attached ENI's addresses; `inline` for an ENI a `network_interfaces` block creates (one address). */
function declaringResource(attachment: EniAttachment): TfResource | 'inline' | undefined {
  if (attachment.eniResource) return attachment.eniResource;
  if (attachment.kind === 'primary') return attachment.source;
  return attachment.kind === 'inline' && attachment.eni.isAbsent ? 'inline' : undefined;
}
