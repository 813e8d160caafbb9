import { NhnIndex, NhnType } from './nhn-index';
import { NhnRule } from './nhn-rule';
import { portSecurity } from './port-security';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfResource, TfValue } from '../../checks/tf-value';
import { NhnDocUrl } from '../doc-url';

/** What a port sets that only a port with security on may have: the attribute, and whether it is set (or the value that hides it). */
interface Setting {
  readonly what: string;
  readonly source: TfResource;
  readonly set: boolean | TfValue;
}

/** NHN010: a port with port security off has no allowed address pairs and no security groups. */
export class Nhn010PortSecurityOffExclusive extends NhnRule {
  public readonly id = 'NHN010';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'port security off together with allowed address pairs or security groups';
  public readonly explanation = 'NHN Cloud\'s VPC API (Create Port) says of both allowed_address_pairs and '
    + 'security_groups: "Settable when port security is enabled"; the OpenStack provider it forks: "In order to disable port '
    + 'security, the port must not have any security groups." NHN Cloud rejects a port with port_security_enabled = false '
    + 'and either of them, and an nhncloud_networking_port_secgroup_associate_v2 adding groups to such a port, so the apply '
    + 'fails. Set no_security_groups = true on a port whose security is off.';
  public readonly docUrl = NhnDocUrl.vpcApi;
  public readonly hardLimit = true;

  public check(index: NhnIndex, report: RuleReport): void {
    const associations = index.resources(NhnType.portSecurityGroups);
    for (const port of index.resources(NhnType.port)) {
      const settings: Setting[] = [
        { what: 'allowed_address_pairs', source: port, set: pairsSet(port) },
        { what: 'security_group_ids', source: port, set: listSet(port.attr('security_group_ids')) },
        ...associations.filter((a) => index.refersTo(a.attr('port_id'), NhnType.port) === port)
          .map((a) => ({ what: `the security groups of ${a.label}`, source: a, set: listSet(a.attr('security_group_ids')) })),
      ].filter((s) => s.set !== false);
      if (settings.length === 0) continue;
      const security = portSecurity(port);
      if (security === true) continue;
      for (const setting of settings) {
        if (security instanceof TfValue) {
          report.cannotVerify(setting.source, `port_security_enabled of ${port.label}, which has ${setting.what}`, security);
        } else if (setting.set instanceof TfValue) {
          report.cannotVerify(setting.source, `whether ${setting.what} of ${port.label}, whose port security is off, is empty`, setting.set);
        } else {
          report.violation(setting.source, `${port.label} has port_security_enabled = false and ${setting.what}, which NHN Cloud accepts only with port security on`,
            setting.what === 'allowed_address_pairs'
              ? 'keep port security on and use allowed_address_pairs, or turn it off and remove the pairs'
              : 'remove the security groups (and set no_security_groups = true), or keep port security on');
        }
      }
    }
  }
}

/** Whether a list attribute holds an element: true, false, or the value that hides it. */
function listSet(value: TfValue): boolean | TfValue {
  const list = value.asList();
  return list === undefined ? value : list.length > 0;
}

function pairsSet(port: TfResource): boolean | TfValue {
  const pairs = port.blocks('allowed_address_pairs');
  return pairs.unknown ?? pairs.items.length > 0;
}
