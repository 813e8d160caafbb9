import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { DeclaredAddress, PrivateIpDeclaration, privateIpDeclarations } from './declared-private-ips';
import { subnetKey } from './subnet-of';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfResource, TfValue } from '../../checks/tf-value';
import { formatIp, parseIp } from '../../core/cidr';
import { DocUrl } from '../doc-url';

/** One interface claiming one literal address. */
interface Claim {
  readonly declaration: PrivateIpDeclaration;
  readonly address: DeclaredAddress;
}

/** Everything declared in one subnet. */
interface SubnetClaims {
  readonly name: string;
  /** Literal addresses, by canonical text, in declaration order. */
  readonly byIp: Map<string, Claim[]>;
  /** Addresses only known at deploy time. */
  readonly unknown: Claim[];
}

/**
 * NIC035: a private IPv4 address belongs to one interface at a time: two interfaces (or
 * instances) of one subnet cannot be written with the same address.
 */
export class Nic035DuplicatePrivateIp extends AwsRule {
  public readonly id = 'NIC035';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'the same private IP on two interfaces of one subnet';
  public readonly explanation = 'A private IPv4 address is assigned to one network interface of its subnet at a time. The '
    + 'second interface or instance written with the same address fails to create (InvalidIPAddress.InUse), so the apply '
    + 'fails half-way; a resource with count or for_each and a fixed address fails on its second copy.';
  public readonly docUrl = DocUrl.ec2ApiErrors;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    const subnets = new Map<string, SubnetClaims>();
    for (const declaration of privateIpDeclarations(index, true)) {
      const subnet = subnetKey(index, declaration.subnetId);
      // Without a known subnet there is nothing to compare with; NIC034 reports the subnet it cannot read.
      if (!subnet) continue;
      const claims = subnets.get(subnet.key) ?? { name: subnet.name, byIp: new Map<string, Claim[]>(), unknown: [] };
      subnets.set(subnet.key, claims);
      for (const address of declaration.addresses) {
        const ip = parseIp(address.value.follow().asString());
        if (address.value.follow().asString() === undefined) claims.unknown.push({ declaration, address });
        if (!ip) continue;
        const text = formatIp(ip);
        claims.byIp.set(text, [...(claims.byIp.get(text) ?? []), { declaration, address }]);
        this.checkCopies(declaration, text, claims.name, report);
      }
    }
    for (const claims of subnets.values()) this.checkSubnet(claims, report);
  }

  private checkSubnet(claims: SubnetClaims, report: RuleReport): void {
    for (const [ip, sameIp] of claims.byIp) {
      const [first, ...others] = sameIp;
      for (const other of others) {
        if (other.declaration === first.declaration) continue;
        report.violation(
          other.declaration.owner,
          `${other.declaration.label} has private IP "${ip}" (${other.address.attribute}), already used by ${first.declaration.label} `
            + `(${first.address.attribute}) in ${claims.name}`,
          `give each interface its own address of ${claims.name}, or carry ${ip} on one interface only (use secondary private IPs to add addresses)`,
        );
      }
    }
    // An address only known at deploy time may collide with the literal ones of other interfaces.
    for (const claim of claims.unknown) {
      const others = [...claims.byIp.values()].flat().some((c) => c.declaration !== claim.declaration);
      if (others) report.cannotVerify(claim.declaration.owner, `${claim.address.attribute} of ${claim.declaration.label}`, claim.address.value);
    }
  }

  /** A fixed address on a resource with count or for_each is the same address on every copy. */
  private checkCopies(declaration: PrivateIpDeclaration, ip: string, subnetName: string, report: RuleReport): void {
    const owner = declaration.owner;
    if (!owner.repeated || /count\.index|each\./.test(String(declaration.subnetId.raw))) return;
    const copies = copiesOf(owner);
    if (copies instanceof TfValue) {
      report.cannotVerify(owner, `the number of copies of ${owner.label} (it has ${owner.raw.for_each !== undefined ? 'for_each' : 'count'} and the fixed private IP "${ip}")`, copies);
    } else if (copies > 1) {
      report.violation(owner, `${declaration.label} has private IP "${ip}" and ${copies} copies (count/for_each): every copy takes the same address in ${subnetName}`,
        'give each copy its own address (for example cidrhost() with count.index), or let AWS pick the addresses');
    }
  }
}

/** How many real resources a count/for_each resource stands for, or the value that hides it. */
function copiesOf(resource: TfResource): number | TfValue {
  if (resource.raw.for_each !== undefined) {
    const forEach = resource.attr('for_each');
    const raw = forEach.isLiteral ? forEach.raw : undefined;
    if (Array.isArray(raw)) return raw.length;
    if (raw !== null && typeof raw === 'object') return Object.keys(raw).length;
    return forEach;
  }
  const count = resource.attr('count');
  return count.follow().asNumber() ?? count;
}
