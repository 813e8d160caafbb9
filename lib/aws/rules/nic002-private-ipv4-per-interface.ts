import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { hostLimits, hostName } from './host-checks';
import { privateIpv4Count } from './interface-addresses';
import { RuleLevel } from '../../checks/rule-level';
import { quantity, RuleReport } from '../../checks/rule-report';
import { DocUrl } from '../doc-url';

/** NIC002: each interface carries at most as many private IPv4 addresses as the instance type allows per interface. */
export class Nic002PrivateIpv4PerInterface extends AwsRule {
  public readonly id = 'NIC002';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'private IPv4 addresses per interface <= instance type limit';
  public readonly explanation = 'Each instance type supports a maximum number of private IPv4 addresses per network '
    + 'interface, primary address included. EC2 refuses to assign more (PrivateIpAddressLimitExceeded), so the launch, '
    + 'the attachment or the address assignment fails at apply time.';
  public readonly docUrl = DocUrl.ipPerEni;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      const known = hostLimits(host, report);
      if (!known) continue;
      const limit = known.limits.ipv4AddressesPerInterface;
      for (const attachment of host.attachments) {
        const ipv4 = privateIpv4Count(attachment);
        if (ipv4.unknown) {
          report.cannotVerify(ipv4.owner, `the number of private IPv4 addresses of ${attachment.label}`, ipv4.unknown);
        } else if (ipv4.count! > limit) {
          report.violation(
            ipv4.owner,
            `${attachment.label} has ${quantity(ipv4.count!, 'private IPv4 address', 'private IPv4 addresses')} (primary included) on ${hostName(host, known.typeName)}, `
              + `which allows ${limit} per interface`,
            `keep at most ${limit} addresses on this interface: move the others to another interface, use prefix delegation, or choose a larger instance type`,
          );
        }
      }
    }
  }
}
