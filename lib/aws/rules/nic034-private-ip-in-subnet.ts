import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { DocUrl } from '../doc-url';
import { findReservedSubnetAddress, nthHostAddress, usableIpv4Count } from '../subnet-addresses';
import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { DeclaredAddress, PrivateIpDeclaration, privateIpDeclarations } from './declared-private-ips';
import { subnetCidr } from './subnet-of';
import { cidrContains, parseIp } from '../../core/cidr';

/**
 * NIC034: a private IPv4 address written literally lies in the CIDR of the interface's subnet and
 * is none of the five addresses AWS reserves there.
 */
export class Nic034PrivateIpInSubnet extends AwsRule {
  public readonly id = 'NIC034';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'a literal private IP lies in its subnet and is not one of the 5 reserved addresses';
  public readonly explanation = 'An interface takes its private IPv4 addresses from its subnet, and the first four and the last '
    + 'address of every subnet belong to AWS (network, VPC router, DNS, future use, broadcast). EC2 refuses to create the '
    + 'interface or launch the instance with any other address, so the apply fails.';
  public readonly docUrl = DocUrl.subnetSizing;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const declaration of privateIpDeclarations(index)) {
      // A launch template without subnet_id takes the subnet from the launch request.
      if (declaration.subnetId.isAbsent && declaration.owner.type === 'aws_launch_template') continue;
      const literal = declaration.addresses.filter((a) => a.value.follow().asString() !== undefined);
      declaration.addresses.filter((a) => !literal.includes(a))
        .forEach((a) => report.cannotVerify(declaration.owner, `${a.attribute} of ${declaration.label}`, a.value));
      if (literal.length === 0) continue;
      const subnet = subnetCidr(index, declaration.subnetId);
      if ('unknown' in subnet) {
        report.cannotVerify(declaration.owner, `the subnet of ${declaration.label} (${subnet.what})`, subnet.unknown);
        continue;
      }
      literal.forEach((address) => this.checkAddress(declaration, address, `${subnet.subnet.label} (${subnet.cidr})`, subnet.cidr, report));
    }
  }

  private checkAddress(declaration: PrivateIpDeclaration, address: DeclaredAddress, subnetName: string, cidr: string, report: RuleReport): void {
    const ip = address.value.follow().asString()!;
    const found = `${declaration.label} has private IP "${ip}" (${address.attribute})`;
    const usable = usableRange(cidr);
    if (parseIp(ip)?.family !== 4) {
      report.violation(declaration.owner, `${found}, which is not an IPv4 address`, `write an IPv4 address of ${subnetName}${usable}`);
      return;
    }
    if (!cidrContains(cidr, ip)) {
      report.violation(declaration.owner, `${found}, outside ${subnetName}, the subnet it is created in`,
        `use an address of ${cidr}${usable}, or create the interface in the subnet that holds ${ip}`);
      return;
    }
    const reserved = findReservedSubnetAddress(cidr, ip);
    if (reserved) {
      report.violation(declaration.owner, `${found}, one of the 5 addresses AWS reserves in ${subnetName} (${reserved.reason})`,
        `use another address of ${cidr}${usable}`);
    }
  }
}

/** ` (10.0.1.4 to 10.0.1.254)`: the addresses of the subnet resources may use, or nothing for an unusual block. */
function usableRange(cidr: string): string {
  const count = usableIpv4Count(cidr);
  if (count === undefined || count <= 0) return '';
  return ` (${nthHostAddress(cidr, 0)} to ${nthHostAddress(cidr, count - 1)})`;
}
