import { AliIndex, EipAssociation } from './ali-index';
import { AliRule } from './ali-rule';
import { byTarget, modeOf, targetKindOf } from './eip-associations';
import { EniAddresses, eniAddresses } from './eni-addresses';
import { RuleLevel } from '../../checks/rule-level';
import { ordinal, quantity, RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

/**
 * ALI031: in NAT mode each EIP of an ENI maps to one private IP of that ENI: at most one EIP per
 * private IP, no more EIPs than private IPs, and `private_ip_address` one of the ENI's addresses.
 */
export class Ali031NatModePrivateIp extends AliRule {
  public readonly id = 'ALI031';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'NAT mode on an ENI: one EIP per private IP, and that IP on the ENI';
  public readonly explanation = '"Associate an EIP with a cloud resource": "In NAT mode, each EIP maps one-to-one with a '
    + 'private IP on the ENI. The number of EIPs you can associate depends on the number of private IPs assigned to the '
    + 'ENI." Each alicloud_eip_association in NAT mode (the default) therefore names a '
    + 'private IP of that ENI (private_ip_address; unset means the primary) that no other EIP takes. Alibaba Cloud rejects '
    + 'a second EIP on one address, or an address the ENI does not have, so the apply fails.';
  public readonly docUrl = AliDocUrl.associateEip;
  public readonly hardLimit = true;

  public check(index: AliIndex, report: RuleReport): void {
    const nat = index.eipAssociations.filter((association) => {
      if (targetKindOf(association) !== 'NetworkInterface') return false;
      const mode = modeOf(association);
      if (typeof mode !== 'string') report.cannotVerify(association.source, 'mode', mode);
      return mode === 'NAT';
    });
    for (const associations of byTarget(nat, 'NetworkInterface', report).values()) {
      const { eni, label } = associations[0].target;
      this.checkEni(eni ? eniAddresses(eni) : undefined, label, associations, report);
    }
  }

  private checkEni(addresses: EniAddresses | undefined, label: string, associations: EipAssociation[], report: RuleReport): void {
    const taken = new Map<string, EipAssociation>();
    const reported = new Set<EipAssociation>();
    for (const association of associations) {
      const declared = association.privateIp.follow().asString();
      if (!association.privateIp.isAbsent && declared === undefined) {
        report.cannotVerify(association.source, 'private_ip_address', association.privateIp);
        continue;
      }
      if (declared !== undefined && addresses && !addresses.fixed.includes(declared)) {
        if (addresses.hiddenBy) {
          report.cannotVerify(association.source, `whether ${declared} is a private IP of ${label}`, addresses.hiddenBy);
        } else {
          reported.add(association);
          report.violation(association.source, `${association.source.label} maps its EIP to ${declared}, which is not a private IP of ${label} (${addresses.fixed.join(', ')})`,
            `set private_ip_address to one of ${label}'s addresses, or add ${declared} to its private_ip_addresses`);
          continue;
        }
      }
      const address = declared ?? addresses?.primary ?? 'the primary private IP';
      const first = taken.get(address);
      if (first) {
        reported.add(association);
        report.violation(association.source, `${association.source.label} maps a second EIP to ${address} of ${label}, which ${first.source.label} already maps one to`,
          'give each EIP a private IP of its own: add a secondary private IP to the ENI and set private_ip_address to it');
      } else {
        taken.set(address, association);
      }
    }
    if (!addresses) {
      if (associations.length > 1) report.cannotVerify(associations[0].source, `how many private IPs ${label} has`, associations[0].target.value);
      return;
    }
    if (addresses.secondary === undefined) return;
    const capacity = 1 + addresses.secondary;
    associations.slice(capacity).filter((a) => !reported.has(a)).forEach((association) => report.violation(
      association.source,
      `${association.source.label} is the ${ordinal(associations.indexOf(association) + 1)} EIP in NAT mode on ${label}, which has `
        + `${quantity(capacity, 'private IP')} (primary included), one per EIP`,
      `add secondary private IPs to ${label} (one per EIP) or associate the extra EIPs with another ENI`,
    ));
  }
}
