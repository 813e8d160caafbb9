import { hasMarker, NhnMarkerTag } from './marker-tags';
import { NhnIndex, NhnType } from './nhn-index';
import { NhnRule } from './nhn-rule';
import { portSecurity } from './port-security';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfResource, TfValue } from '../../checks/tf-value';
import { NhnDocUrl } from '../doc-url';

/**
 * NHN003: a port meant to carry a virtual IP (tag `nic-patterns:role=vip-carrier`) may send from
 * the VIP's address: it names the VIP in `allowed_address_pairs`, or its port security is off.
 */
export class Nhn003VirtualIpCarrierAllowed extends NhnRule {
  public readonly id = 'NHN003';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'a port meant to carry a virtual IP has neither the VIP in allowed_address_pairs nor port security off';
  public readonly explanation = 'NHN Cloud\'s Network Interface guide: a port that uses a virtual IP needs either its '
    + 'security turned off (セキュリティ機能の解除) or the address registered as an additional allowed address (追加許可アドレスの登録: '
    + '"allows sending packets that have this IP as their source address"). Otherwise anti-spoofing drops every packet the '
    + 'instance sends from the virtual IP, and failover appears to work but no traffic flows. NHN003 reads the ports marked '
    + 'nic-patterns:role=vip-carrier (a port whose allowed_address_pairs already name a virtual IP carries it by definition, '
    + 'and passes): an allowed address pair naming a virtual-IP port of the stack (by reference or by its literal address), '
    + 'or any pair when the stack declares no virtual IP, or port_security_enabled = false, satisfies it. Allowed address '
    + 'pairs are the preferred way: they keep anti-spoofing and security groups for every other address.';
  public readonly docUrl = NhnDocUrl.networkInterface;
  public readonly hardLimit = false;

  public check(index: NhnIndex, report: RuleReport): void {
    for (const port of index.resources(NhnType.port)) {
      if (!hasMarker(port, NhnMarkerTag.carriesVirtualIp)) continue;
      const security = portSecurity(port);
      if (security === false) continue;
      const addresses = index.allowedAddresses(port);
      if (addresses instanceof TfValue) {
        report.cannotVerify(port, 'whether its allowed_address_pairs name the virtual IP', addresses);
        continue;
      }
      const named = index.virtualIps.length === 0 ? addresses.length > 0 : addresses.some((a) => index.virtualIpsNamedBy(a).length > 0);
      if (named) continue;
      const hidden = addresses.find((a) => !a.isLiteral);
      // A literal pair may be the address NHN Cloud gives a virtual IP that does not fix its own.
      const unaddressed = addresses.length > 0 ? index.virtualIps.find((vip) => !hasLiteralAddress(vip)) : undefined;
      if (hidden) {
        report.cannotVerify(port, 'whether its allowed_address_pairs name the virtual IP', hidden);
      } else if (unaddressed) {
        report.cannotVerify(port, `whether its allowed_address_pairs name the address of ${unaddressed.label} (fixed_ip.ip_address)`, TfValue.ABSENT);
      } else if (security instanceof TfValue) {
        report.cannotVerify(port, 'port_security_enabled, with no allowed address pair naming the virtual IP', security);
      } else {
        const pairs = addresses.length === 0 ? 'no allowed_address_pairs' : `allowed_address_pairs naming ${addresses.map((a) => a.display).join(', ')}, `
          + `not the address of ${index.virtualIps.map((vip) => vip.label).join(' or ')}`;
        report.violation(port,
          `${port.label} is marked to carry a virtual IP but has port security on and ${pairs}: anti-spoofing drops what it sends from the virtual IP`,
          'add the virtual IP\'s address to the port\'s allowed_address_pairs (or, for a router or firewall, set port_security_enabled = false)');
      }
    }
  }
}

function hasLiteralAddress(vip: TfResource): boolean {
  return vip.blocks('fixed_ip').items.some((block) => block.attr('ip_address').isLiteral);
}
