import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { hasRole, virtualIps } from './marker-tag-values';
import { SubnetKey, subnetCidr, subnetKey } from './subnet-of';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfResource, TfValue } from '../../checks/tf-value';
import { cidrContains, formatIp, parseIp } from '../../core/cidr';
import { DocUrl } from '../doc-url';
import { MarkerRole, MarkerTag } from '../marker-tags';
import { findReservedSubnetAddress } from '../subnet-addresses';

/** An interface that carries a virtual IP, and its subnet when known. */
interface Carrier {
  readonly eni: TfResource;
  readonly subnet?: SubnetKey;
}

/**
 * NIC050: in secondary-IP mode, a virtual IP moves as a secondary private address between the
 * interfaces of its pair, so it lies in their subnet and they all share that subnet. Interfaces
 * are recognized by their marker tags (`nic-patterns:role = virtual-ip`, `nic-patterns:virtual-ips`).
 */
export class Nic050VirtualIpSubnet extends AwsRule {
  public readonly id = 'NIC050';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'virtual IP and the interfaces that carry it in the same subnet (secondary-IP mode)';
  public readonly explanation = 'A virtual IP carried as a secondary private IPv4 address is an address of the interface\'s subnet, '
    + 'and it can only be reassigned to another interface of that same subnet. Outside the subnet, EC2 refuses to assign it; '
    + 'across subnets, the failover (AssignPrivateIpAddresses with reassignment) fails at the moment it is needed.';
  public readonly docUrl = DocUrl.multipleIp;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    const carriersByVip = new Map<string, Carrier[]>();
    for (const eni of index.resources('aws_network_interface')) {
      const role = hasRole(index, eni, MarkerRole.virtualIp);
      if (role instanceof TfValue) report.cannotVerify(eni, `its ${MarkerTag.role} tag`, role);
      if (role !== true) continue;
      const vips = virtualIps(index, eni);
      if (vips instanceof TfValue) {
        report.cannotVerify(eni, `its ${MarkerTag.virtualIps} tag`, vips);
        continue;
      }
      for (const vip of this.checkInSubnet(index, eni, vips, report)) {
        carriersByVip.set(vip, [...(carriersByVip.get(vip) ?? []), { eni, subnet: subnetKey(index, eni.attr('subnet_id')) }]);
      }
    }
    for (const [vip, carriers] of carriersByVip) this.checkSameSubnet(vip, carriers, report);
  }

  /** Reports the virtual IPs that cannot be addresses of the interface's subnet; returns the others. */
  private checkInSubnet(index: AwsIndex, eni: TfResource, vips: string[], report: RuleReport): string[] {
    const subnet = subnetCidr(index, eni.attr('subnet_id'));
    if ('unknown' in subnet && vips.length > 0) report.cannotVerify(eni, `the subnet of ${eni.label} (${subnet.what})`, subnet.unknown);
    const fits: string[] = [];
    for (const vip of vips) {
      const ip = parseIp(vip);
      const found = `${eni.label} carries virtual IP "${vip}" (tag ${MarkerTag.virtualIps})`;
      if (ip?.family !== 4) {
        report.violation(eni, `${found}, which is not an IPv4 address`, `list IPv4 addresses of the interface's subnet in ${MarkerTag.virtualIps}, separated by commas`);
        continue;
      }
      if ('cidr' in subnet) {
        const where = `${subnet.subnet.label} (${subnet.cidr})`;
        if (!cidrContains(subnet.cidr, vip)) {
          report.violation(eni, `${found}, outside ${where}, the subnet it is created in`,
            `create every interface that carries ${vip} in the subnet that holds it, or pick a virtual IP of ${subnet.cidr}; `
              + 'a virtual IP outside the VPC needs an overlay route instead of a secondary address');
          continue;
        }
        const reserved = findReservedSubnetAddress(subnet.cidr, vip);
        if (reserved) {
          report.violation(eni, `${found}, one of the 5 addresses AWS reserves in ${where} (${reserved.reason})`,
            `pick another virtual IP of ${subnet.cidr}`);
          continue;
        }
      }
      fits.push(formatIp(ip));
    }
    return fits;
  }

  private checkSameSubnet(vip: string, carriers: Carrier[], report: RuleReport): void {
    for (const kind of ['resource', 'id'] as const) {
      // A subnet of the stack and a literal subnet id cannot be compared; NIC050 already reported the literal one.
      const comparable = carriers.filter((c) => c.subnet?.kind === kind);
      const first = comparable[0];
      for (const other of comparable.slice(1)) {
        if (other.subnet!.key === first.subnet!.key) continue;
        report.violation(other.eni,
          `virtual IP "${vip}" is carried by ${other.eni.label} in ${other.subnet!.name} and by ${first.eni.label} in ${first.subnet!.name}: `
            + 'a secondary private IP only moves between interfaces of one subnet',
          `create every interface that carries ${vip} in one subnet, or use an overlay route (a /32 route to the active interface) to span subnets`);
      }
    }
  }
}
