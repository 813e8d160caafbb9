import { FloatingIpAssociation, NhnIndex, NhnType } from './nhn-index';
import { NhnRule } from './nhn-rule';
import { RuleLevel } from '../../checks/rule-level';
import { reportAttachedOnce, RuleReport } from '../../checks/rule-report';
import { identity } from '../../checks/same-value';
import { NhnDocUrl } from '../doc-url';

/**
 * NHN020: a floating IP is associated once, a port address takes one floating IP, and an
 * association with a port of several addresses says which (`fixed_ip`).
 */
export class Nhn020FloatingIpOneToOne extends NhnRule {
  public readonly id = 'NHN020';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'floating IP one-to-one: one association per floating IP, one per port address; fixed_ip when the port has several';
  public readonly explanation = 'NHN Cloud\'s Floating IP overview: a floating IP is used by "connecting to the same resource of '
    + 'the instance one-to-one"; its API: fixed_ip is "Used to specify an IP if multiple IPs are assigned to the port". A second '
    + 'association of one floating IP, a second floating IP on one port address, or an association with a port of several '
    + 'fixed IPs that does not say which one is rejected, so the apply fails. NHN020 reads '
    + 'nhncloud_networking_floatingip_associate_v2, nhncloud_compute_floatingip_associate_v2 and the port_id of '
    + 'nhncloud_networking_floatingip_v2; an association without fixed_ip takes the address of a port with one fixed IP.';
  public readonly docUrl = NhnDocUrl.floatingIp;
  public readonly hardLimit = true;

  public check(index: NhnIndex, report: RuleReport): void {
    const all = index.floatingIpAssociations;
    // A floating IP only known at deploy time may be one another association of the stack uses.
    if (all.length > 1) all.filter((a) => a.floatingIp.isUnknown).forEach((a) => report.cannotVerify(a.source, 'floating_ip', a.floatingIp));
    const byFloatingIp = groupBy(all, (a) => a.key);
    for (const associations of byFloatingIp.values()) {
      const first = associations[0];
      reportAttachedOnce(index.refersTo(first.floatingIp, NhnType.floatingIp) ?? first.source, associations, report, {
        noun: 'association',
        repeated: (a) => a.repeated,
        value: (a) => a.floatingIp,
        problem: (a, earlier) => `${a.label} is associated by ${a.source.label} while ${earlier.source.label} already associates it`,
        fix: 'associate each floating IP once; to move it, change the one association',
      }, first.label);
    }
    const withPort = all.filter((a) => !a.port.isAbsent && !a.repeated);
    withPort.forEach((a) => this.checkFixedIp(a, report));
    for (const associations of groupBy(withPort, addressKey).values()) {
      associations.slice(1).forEach((a) => report.violation(a.source,
        `${a.source.label} associates ${a.label} with ${portAddress(a)}, which ${associations[0].source.label} already gives ${associations[0].label}`,
        'give each port address one floating IP: associate the other one with another fixed_ip or another port'));
    }
  }

  private checkFixedIp(association: FloatingIpAssociation, report: RuleReport): void {
    const port = association.portResource;
    if (!port || !association.fixedIp.isAbsent) return;
    const fixedIps = port.blocks('fixed_ip');
    if (fixedIps.unknown) {
      report.cannotVerify(association.source, `how many fixed IPs ${port.label} has, with no fixed_ip in the association`, fixedIps.unknown);
    } else if (fixedIps.items.length > 1) {
      report.violation(association.source, `${association.source.label} associates ${association.label} with ${port.label}, which has ${fixedIps.items.length} fixed IPs, without saying which (fixed_ip)`,
        'set fixed_ip to the port address the floating IP is for');
    }
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** The port address an association takes, as a key: the port and `fixed_ip` (its default address when absent). */
function addressKey(association: FloatingIpAssociation): string | undefined {
  const port = identity(association.port);
  if (port === undefined) return undefined;
  const fixedIp = association.fixedIp.isAbsent ? '(default)' : identity(association.fixedIp);
  return fixedIp === undefined ? undefined : `${port} ${fixedIp}`;
}

function portAddress(association: FloatingIpAssociation): string {
  const port = association.portResource?.label ?? `port ${association.port.display}`;
  return association.fixedIp.isAbsent ? `the address of ${port}` : `${association.fixedIp.display} of ${port}`;
}
