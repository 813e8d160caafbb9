import { Host, InterfaceAttachment, AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { AwsRuleId } from '../constraints';
import { byDeviceIndex } from './host-checks';
import { hasRole } from './marker-tag-values';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { sameValue } from '../../checks/same-value';
import { TfValue } from '../../checks/tf-value';
import { DocUrl } from '../doc-url';
import { MarkerRole } from '../marker-tags';

/** Where an attached interface lives, or the value that hides it. */
interface Placement {
  readonly attachment: InterfaceAttachment;
  /** The subnet as written; absent when the interface is only known by an id synth time cannot resolve. */
  readonly subnet: TfValue;
  /** What hides the subnet, when it is not written in this stack. */
  readonly hiddenBy?: { what: string; value: TfValue };
}

/**
 * NIC013: two interfaces of one instance in the same subnet work, but replies may leave through
 * the other interface (asymmetric routing); AWS advises secondary private IPs on one interface.
 * That advice cannot apply to a failover interface (tag `nic-patterns:role = failover`), which is
 * an interface of its own so that it can move: the fix then moves the other interface.
 */
export class Nic013InterfacesSameSubnet extends AwsRule {
  public readonly id = AwsRuleId.interfacesSameSubnet;
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'two interfaces of one instance in the same subnet (asymmetric routing; use secondary IPs)';
  public readonly explanation = 'AWS accepts several interfaces of one subnet on an instance, but the operating system then '
    + 'has two routes to the same subnet and answers through whichever comes first: traffic that arrived on one interface '
    + 'leaves through the other (asymmetric routing), and is dropped by security groups or the source/destination check. '
    + 'AWS advises secondary private IPv4 addresses on the primary interface instead.';
  public readonly docUrl = DocUrl.eniBestPractices;
  public readonly hardLimit = false;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      if (host.attachments.length < 2) continue;
      const placed = byDeviceIndex(host.attachments).map(placement).filter((p): p is Placement => p !== undefined);
      placed.forEach((current, i) => this.compare(index, host, current, placed.slice(0, i), report));
    }
  }

  private compare(index: AwsIndex, host: Host, current: Placement, earlier: Placement[], report: RuleReport): void {
    const verdicts = earlier.map((other) => ({
      other,
      same: current.hiddenBy || other.hiddenBy ? undefined : sameValue(current.subnet, other.subnet),
    }));
    const twin = verdicts.find((v) => v.same === true)?.other;
    if (twin) {
      report.violation(
        current.attachment.source,
        `${host.resource.label} has two interfaces in ${subnetName(current.subnet)}, ${current.attachment.label} and ${twin.attachment.label}: `
          + 'an instance should have at most one interface per subnet',
        fixFor(index, current.attachment, twin.attachment),
      );
      return;
    }
    const unsure = verdicts.find((v) => v.same === undefined)?.other;
    if (unsure) {
      const hidden = [current, unsure].find((p) => p.hiddenBy)?.hiddenBy;
      const side = [current, unsure].find((p) => p.subnet.follow().isUnknown) ?? current;
      report.cannotVerify(current.attachment.source, hidden?.what ?? `the subnet of ${side.attachment.label}`, hidden?.value ?? side.subnet);
    }
  }
}

/** Moves the interface that is no failover interface, or drops the later one for secondary addresses on the other. */
function fixFor(index: AwsIndex, current: InterfaceAttachment, twin: InterfaceAttachment): string {
  const isFailover = (a: InterfaceAttachment) => a.eniResource !== undefined && hasRole(index, a.eniResource, MarkerRole.failover) === true;
  const [failover, other] = isFailover(current) ? [current, twin] : [twin, current];
  if (isFailover(failover) && !isFailover(other)) {
    return `put ${other.label} in another subnet of the Availability Zone: ${failover.label} is a failover interface, which `
      + 'stays an interface of its own to move between instances; or route replies out of the interface they came in on '
      + '(per-interface policy routing) and suppress this warning with that reason';
  }
  return `put ${current.label} in another subnet, or drop it and add secondary private IPv4 addresses to ${twin.label}`;
}

function placement(attachment: InterfaceAttachment): Placement | undefined {
  if (attachment.eniResource) return { attachment, subnet: attachment.eniResource.attr('subnet_id') };
  if (attachment.kind === 'primary') return optional(attachment, attachment.source.attr('subnet_id'));
  if (attachment.block && attachment.eni.isAbsent) return optional(attachment, attachment.block.attr('subnet_id'));
  return { attachment, subnet: TfValue.ABSENT, hiddenBy: { what: `the subnet of ${attachment.label}`, value: attachment.eni } };
}

/** A subnet left out is picked at launch (default subnet, launch request): nothing to compare. */
function optional(attachment: InterfaceAttachment, subnet: TfValue): Placement | undefined {
  return subnet.isAbsent ? undefined : { attachment, subnet };
}

function subnetName(subnet: TfValue): string {
  const followed = subnet.follow();
  return followed.referenceTo('aws_subnet')?.label ?? `subnet ${followed.display}`;
}
