import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { EipTarget, eipTargets, InterfaceAddresses, interfaceAddresses } from './eip-targets';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfResource } from '../../checks/tf-value';
import { DocUrl } from '../doc-url';

const ADDRESS_ATTRIBUTES = ['private_ip', 'private_ips', 'private_ip_list'];

/**
 * NIC031: the private address an Elastic IP is mapped to (`associate_with_private_ip`,
 * `private_ip_address`) is one of the addresses of the interface it is associated with.
 */
export class Nic031EipPrivateIpOnInterface extends AwsRule {
  public readonly id = 'NIC031';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'the private IP an Elastic IP is associated with belongs to that interface';
  public readonly explanation = 'An Elastic IP is mapped to one of the primary or secondary private IPv4 addresses of the '
    + 'interface it is associated with. EC2 rejects an address the interface does not have (InvalidParameterValue), so '
    + 'the apply fails.';
  public readonly docUrl = DocUrl.associateAddress;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const target of eipTargets(index)) {
      const written = target.association.privateIp;
      if (written.isAbsent) continue;
      const source = target.association.source;
      if (!target.owner) {
        report.cannotVerify(source, `the interface it maps ${written.display} on`, target.hiddenBy ?? written);
        continue;
      }
      const value = written.follow();
      const address = value.asString();
      if (address === undefined) {
        const other = value.referenceTo();
        // `${aws_network_interface.x.private_ip}`: an address of x, which is either this interface or another one.
        if (other && ADDRESS_ATTRIBUTES.includes((value.attribute ?? '').split('.')[0])) {
          if (other !== target.owner) this.report(target, `an address of ${other.label}`, report);
        } else {
          report.cannotVerify(source, `the private IP it maps on ${target.label}`, written);
        }
        continue;
      }
      const addresses = interfaceAddresses(target.owner);
      if (addresses.fixed.includes(address)) continue;
      if (addresses.unknown) {
        report.cannotVerify(source, `the private IPs of ${target.label} (to find ${address})`, addresses.unknown);
        continue;
      }
      this.report(target, address, report, addresses);
    }
  }

  private report(target: EipTarget, found: string, report: RuleReport, addresses?: InterfaceAddresses): void {
    const owner = target.owner as TfResource;
    const has = addresses ? describe(addresses) : 'addresses of its own';
    report.violation(
      target.association.source,
      `${target.association.source.label} maps an Elastic IP to ${found}, which is not a private IP of ${target.label} (it has ${has})`,
      `map it to one of the interface's addresses, or add ${found.startsWith('an address') ? 'the address' : found} to ${owner.label} `
        + `(${owner.type === 'aws_instance' ? 'private_ip / secondary_private_ips' : 'private_ip_list with private_ip_list_enabled = true'})`,
    );
  }
}

function describe(addresses: InterfaceAddresses): string {
  const fixed = addresses.fixed.length > 0 ? addresses.fixed.join(', ') : 'no fixed private IP';
  return addresses.picked && addresses.fixed.length > 0 ? `${fixed}; others picked by AWS: ${addresses.picked}` : addresses.picked ?? fixed;
}
