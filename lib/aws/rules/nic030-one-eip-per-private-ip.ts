import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { EipTarget, eipTargets, interfaceAddresses } from './eip-targets';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { sameValue } from '../../checks/same-value';
import { TfValue } from '../../checks/tf-value';
import { DocUrl } from '../doc-url';

/** The private address an association maps to: a key (equal keys, same address) and how to show it, or the value that hides it. */
type Address = { key: string; shown: string } | { unknown: TfValue };

const PRIMARY = 'its primary private IP';

/**
 * NIC030: a private IPv4 address takes at most one Elastic IP. Two associations (`aws_eip` with
 * `network_interface` or `instance`, `aws_eip_association`) that map to the same address of the
 * same interface cannot both hold.
 */
export class Nic030OneEipPerPrivateIp extends AwsRule {
  public readonly id = 'NIC030';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'at most one Elastic IP per private IPv4 address';
  public readonly explanation = 'An Elastic IP maps to exactly one private IPv4 address, and a private address takes one Elastic '
    + 'IP. Associating a second one with the same address takes the address away from the first (or fails), so one public '
    + 'address does not reach the instance and every apply moves it back and forth.';
  public readonly docUrl = DocUrl.eni;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    const targets = eipTargets(index);
    const byInterface = new Map<string, Array<{ target: EipTarget; address: Address }>>();
    for (const target of targets) {
      const address = addressOf(target);
      this.checkCopies(target, address, report);
      if (target.key === undefined) {
        if (targets.length > 1) report.cannotVerify(target.association.source, `the interface of ${target.association.source.label}`, target.hiddenBy ?? target.association.eni);
        continue;
      }
      const earlier = byInterface.get(target.key) ?? [];
      this.compare(target, address, earlier, report);
      byInterface.set(target.key, [...earlier, { target, address }]);
    }
  }

  private compare(target: EipTarget, address: Address, earlier: Array<{ target: EipTarget; address: Address }>, report: RuleReport): void {
    const others = earlier.filter((e) => !sameEip(e.target, target));
    const taken = 'key' in address ? others.find((e) => 'key' in e.address && e.address.key === address.key) : undefined;
    if (taken && 'key' in address) {
      report.violation(
        target.association.source,
        `${target.association.source.label} maps an Elastic IP to ${address.shown} of ${target.label}, which ${taken.target.association.source.label} `
          + 'already maps one to: a private IPv4 address takes at most one Elastic IP',
        `give ${target.label} another private IPv4 address and map this Elastic IP to it (${privateIpAttribute(target)})`,
      );
      return;
    }
    const unsure = others.find((e) => 'unknown' in e.address || 'unknown' in address);
    if (unsure) {
      const hidden = 'unknown' in address ? address.unknown : (unsure.address as { unknown: TfValue }).unknown;
      report.cannotVerify(target.association.source, `the private IP of an Elastic IP on ${target.label}`, hidden);
    }
  }

  /** An association with count/for_each maps one Elastic IP per copy, all to the same address unless the address varies. */
  private checkCopies(target: EipTarget, address: Address, report: RuleReport): void {
    const source = target.association.source;
    // A target that varies per copy (`aws_instance.web[count.index]`) has no key: the copies go to different interfaces.
    if (!source.repeated || target.key === undefined || !('key' in address)) return;
    const count = source.attr('count').follow().asNumber();
    if (count === undefined) {
      report.cannotVerify(source, `the number of Elastic IPs it maps to ${address.shown} of ${target.label}`, source.repetition);
    } else if (count > 1) {
      report.violation(source, `${source.label} has count = ${count} and maps each copy's Elastic IP to ${address.shown} of ${target.label}: `
        + 'a private IPv4 address takes at most one Elastic IP',
      `map each copy to its own private IPv4 address (${privateIpAttribute(target)} = element(<addresses>, count.index))`);
    }
  }
}

function addressOf(target: EipTarget): Address {
  const addresses = target.owner ? interfaceAddresses(target.owner) : undefined;
  const primary = addresses?.primary;
  const primaryAddress = { key: primary ?? PRIMARY, shown: primary ? `${primary} (${PRIMARY})` : PRIMARY };
  const written = target.association.privateIp;
  if (written.isAbsent) return primaryAddress;
  const value = written.follow();
  const literal = value.asString();
  if (literal !== undefined) return literal === primary ? primaryAddress : { key: literal, shown: literal };
  // `${aws_network_interface.x.private_ip}` is the primary address of x.
  if (target.owner && value.referenceTo() === target.owner && value.attribute === 'private_ip') return primaryAddress;
  return { unknown: written };
}

/** Whether two associations move one Elastic IP (an `aws_eip` and an `aws_eip_association` of it), rather than two. */
function sameEip(a: EipTarget, b: EipTarget): boolean {
  const [x, y] = [a.association, b.association];
  return (x.eipResource !== undefined && x.eipResource === y.eipResource) || sameValue(x.eip, y.eip) === true;
}

function privateIpAttribute(target: EipTarget): string {
  return target.association.source.type === 'aws_eip' ? 'associate_with_private_ip' : 'private_ip_address';
}
