import { NhnIndex, NhnType } from './nhn-index';
import { NhnRule } from './nhn-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { sameValue } from '../../checks/same-value';
import { TfValue } from '../../checks/tf-value';
import { NhnDocUrl } from '../doc-url';

/** NHN002: a virtual-IP port and the ports that carry its address are in the same subnet. */
export class Nhn002VirtualIpSameSubnet extends NhnRule {
  public readonly id = 'NHN002';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'a virtual-IP port and the ports that carry its address in different subnets';
  public readonly explanation = 'NHN Cloud\'s Network Interface guide: "The virtual IP and the network interfaces of the '
    + 'instances that use it must be located in the same subnet" (仮想IPとこれを使用するインスタンスのネットワークインターフェイスは、'
    + '同じサブネット内に位置する必要があります). A carrier in another subnet never receives the virtual IP\'s traffic. NHN002 compares '
    + 'the fixed_ip.subnet_id of the virtual-IP port with those of its carriers: the ports whose allowed_address_pairs name '
    + 'the virtual IP\'s address and, when the stack has a single virtual IP, the ports marked nic-patterns:role=vip-carrier.';
  public readonly docUrl = NhnDocUrl.networkInterface;
  public readonly hardLimit = false;

  public check(index: NhnIndex, report: RuleReport): void {
    for (const vip of index.virtualIps) {
      const [vipSubnet] = index.subnetsOf(vip);
      for (const carrier of index.carriersOf(vip)) {
        if (!vipSubnet) {
          report.cannotVerify(carrier, `the subnet of virtual IP ${vip.label} (fixed_ip.subnet_id)`, TfValue.ABSENT);
          continue;
        }
        const subnets = index.subnetsOf(carrier);
        const same = subnets.map((subnet) => sameValue(subnet, vipSubnet));
        if (same.includes(true)) continue;
        const hidden = subnets.find((_, i) => same[i] === undefined) ?? (subnets.length === 0 ? TfValue.ABSENT : undefined);
        if (hidden) {
          report.cannotVerify(carrier, `whether it is in the subnet of virtual IP ${vip.label}: its fixed_ip.subnet_id`, hidden);
        } else {
          report.violation(carrier,
            `${carrier.label} carries virtual IP ${vip.label} from subnet ${subnets.map((s) => subnetName(index, s)).join(', ')} but the virtual IP is in subnet ${subnetName(index, vipSubnet)}`,
            `create ${carrier.label} in the virtual IP's subnet (fixed_ip.subnet_id), or create the virtual IP in the subnet of its carriers`);
        }
      }
    }
  }
}

/** How messages name a subnet value: the subnet resource, or the value as written. */
function subnetName(index: NhnIndex, value: TfValue): string {
  return index.refersTo(value, NhnType.subnet)?.label.replace(/^subnet /, '') ?? value.follow().display;
}
