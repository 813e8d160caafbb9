import { hasMarker, NhnMarkerTag } from './marker-tags';
import { NhnIndex, NhnType } from './nhn-index';
import { NhnRule } from './nhn-rule';
import { portSecurity } from './port-security';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfValue } from '../../checks/tf-value';
import { NhnDocUrl } from '../doc-url';

/** NHN011: a port with port security off says that its guest runs a firewall (tag `nic-patterns:guest-firewall`). */
export class Nhn011PortSecurityOffAcknowledged extends NhnRule {
  public readonly id = 'NHN011';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'port security off with no acknowledgement of a guest firewall (tag nic-patterns:guest-firewall)';
  public readonly explanation = 'With port_security_enabled = false a port has neither anti-spoofing nor security groups: '
    + 'every packet reaches the instance. NHN Cloud\'s Network Interface guide recommends keeping security on "if you do not '
    + 'have your own security function (such as a firewall)" (独自のセキュリティ機能(ファイアウォールなど)を持っていない場合は必ず使用することを'
    + '推奨します). NHN011 asks the port to say that its guest filters traffic itself, with the tag nic-patterns:guest-firewall '
    + '(the library\'s NHN constructs set it when told so); for a port that only carries a virtual IP, allowed_address_pairs '
    + 'keep port security on.';
  public readonly docUrl = NhnDocUrl.networkInterface;
  public readonly hardLimit = false;

  public check(index: NhnIndex, report: RuleReport): void {
    for (const port of index.resources(NhnType.port)) {
      const security = portSecurity(port);
      if (security === true || hasMarker(port, NhnMarkerTag.guestFirewall)) continue;
      if (security instanceof TfValue) {
        report.cannotVerify(port, 'port_security_enabled', security);
      } else {
        report.violation(port, `${port.label} has port_security_enabled = false (no anti-spoofing, no security groups) and no ${NhnMarkerTag.guestFirewall} tag`,
          `filter traffic in the guest and add the tag "${NhnMarkerTag.guestFirewall}" to the port, or keep port security on (use allowed_address_pairs for a virtual IP)`);
      }
    }
  }
}
