import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { hostLimits, hostName } from './host-checks';
import { ipv6Count } from './interface-addresses';
import { RuleLevel } from '../../checks/rule-level';
import { quantity, RuleReport } from '../../checks/rule-report';
import { DocUrl } from '../doc-url';

/** NIC003: IPv6 addresses per interface stay within the instance type limit, and none on a type without IPv6. */
export class Nic003Ipv6PerInterface extends AwsRule {
  public readonly id = 'NIC003';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'IPv6 addresses per interface <= instance type limit; none on types without IPv6';
  public readonly explanation = 'Each instance type supports a maximum number of IPv6 addresses per network interface, '
    + 'and some (previous-generation) types support no IPv6 at all. EC2 refuses the extra addresses, so the launch, '
    + 'the attachment or the address assignment fails at apply time.';
  public readonly docUrl = DocUrl.ipPerEni;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      const known = hostLimits(host, report);
      if (!known) continue;
      const { limits, typeName } = known;
      // The table has no IPv6 data for a few types: nothing to compare with.
      if (limits.ipv6AddressesPerInterface === undefined && limits.ipv6Supported === undefined) continue;
      const supported = limits.ipv6Supported !== false && (limits.ipv6AddressesPerInterface ?? 1) > 0;
      for (const attachment of host.attachments) {
        const ipv6 = ipv6Count(attachment);
        if (ipv6.unknown) {
          report.cannotVerify(ipv6.owner, `the number of IPv6 addresses of ${attachment.label}`, ipv6.unknown);
        } else if (ipv6.count! > 0 && !supported) {
          report.violation(
            ipv6.owner,
            `${attachment.label} has ${quantity(ipv6.count!, 'IPv6 address', 'IPv6 addresses')} on ${hostName(host, typeName)}, which does not support IPv6`,
            'remove the IPv6 addresses, or choose an instance type that supports IPv6 (current-generation types do)',
          );
        } else if (limits.ipv6AddressesPerInterface !== undefined && ipv6.count! > limits.ipv6AddressesPerInterface) {
          report.violation(
            ipv6.owner,
            `${attachment.label} has ${quantity(ipv6.count!, 'IPv6 address', 'IPv6 addresses')} on ${hostName(host, typeName)}, `
              + `which allows ${limits.ipv6AddressesPerInterface} per interface`,
            `keep at most ${limits.ipv6AddressesPerInterface} IPv6 addresses on this interface, use IPv6 prefix delegation, or choose a larger instance type`,
          );
        }
      }
    }
  }
}
