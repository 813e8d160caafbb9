import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { DocUrl } from '../doc-url';

const SHOWN = 3;

/**
 * NIC061: an interface written with several private IPs says which one is primary, with
 * `private_ip_list_enabled` and `private_ip_list` (primary first), rather than the `private_ips` set.
 */
export class Nic061PrimaryPrivateIpNotFixed extends AwsRule {
  public readonly id = 'NIC061';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'several private IPs without a fixed primary (private_ip_list_enabled), so the primary is not deterministic';
  public readonly explanation = 'private_ips is a set: the order it is written in is lost, and the provider picks the primary '
    + 'address itself. The primary address is the source of the traffic the instance sends, what its private DNS name '
    + 'resolves to and what an Elastic IP binds to by default, so a server, firewall rule or DNS record that expects the '
    + 'first written address silently gets another one. Only private_ip_list keeps the first address primary.';
  public readonly docUrl = DocUrl.terraformNetworkInterfaceIpList;
  public readonly hardLimit = false;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const eni of index.resources('aws_network_interface')) {
      const listEnabled = eni.attr('private_ip_list_enabled');
      if (listEnabled.follow().asBoolean() === true || !eni.attr('private_ip_list').isAbsent) continue;
      const declared = eni.attr('private_ips');
      const addresses = declared.asList();
      if (!listEnabled.isAbsent && listEnabled.follow().asBoolean() === undefined) {
        report.cannotVerify(eni, 'private_ip_list_enabled', listEnabled);
        continue;
      }
      if (addresses === undefined) {
        report.cannotVerify(eni, 'the number of addresses in private_ips', declared);
        continue;
      }
      if (addresses.length < 2) continue;
      const shown = addresses.slice(0, SHOWN).map((a) => a.display).join(', ') + (addresses.length > SHOWN ? ', ...' : '');
      report.violation(
        eni,
        `${eni.label} lists ${addresses.length} private IPs in private_ips (${shown}), a set: the provider, not the order written, decides which one is primary`,
        'set private_ip_list_enabled = true and move the addresses to private_ip_list, primary first',
      );
    }
  }
}
