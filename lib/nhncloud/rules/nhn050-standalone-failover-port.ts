import { hasMarker, NhnMarkerTag } from './marker-tags';
import { Host, NhnIndex, NhnType } from './nhn-index';
import { NhnRule } from './nhn-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { NhnDocUrl } from '../doc-url';

const ROLES = [
  { tag: NhnMarkerTag.failover, name: 'failover' },
  { tag: NhnMarkerTag.management, name: 'management' },
] as const;

/**
 * NHN050: an instance that has a failover or management NIC (its tag `nic-patterns:role=failover`
 * or `nic-patterns:role=management`) gets it as a standalone port with the same tag, not as a NIC it
 * creates inline in a `network` block (which is deleted with the instance).
 */
export class Nhn050StandaloneFailoverPort extends NhnRule {
  public readonly id = 'NHN050';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'a failover or management NIC created inline by the instance (deleted with it)';
  public readonly explanation = 'NHN Cloud\'s Network Interface guide: a NIC the instance creates is deleted with it, while '
    + '"the network interface that was used by the instance is not deleted together" when an existing one was specified '
    + '(既存のネットワークインターフェイスを指定して...そのインスタンスで使用していたネットワークインターフェイスは一緒に削除されません). A failover '
    + 'NIC must outlive the instance it moves away from, and a management NIC should survive a rebuild, so both belong in a '
    + 'standalone nhncloud_networking_port_v2 given as network.port or attached with nhncloud_compute_interface_attach_v2. '
    + 'A NIC created inline (network.uuid or network.name) carries no tags, so NHN050 reads the instance\'s own tags: an '
    + 'instance tagged nic-patterns:role=failover (or =management) must have a port with that tag attached; otherwise its '
    + 'inline NICs are reported.';
  public readonly docUrl = NhnDocUrl.networkInterface;
  public readonly hardLimit = false;

  public check(index: NhnIndex, report: RuleReport): void {
    const tagged = (tag: string) => index.resources(NhnType.port).filter((port) => hasMarker(port, tag));
    for (const host of index.hosts) {
      for (const role of ROLES) {
        if (!hasMarker(host.resource, role.tag)) continue;
        const standalone = tagged(role.tag).some((port) => index.attachmentsOf(port).some((a) => a.hostResource === host.resource));
        if (!standalone) this.checkInline(host, role.name, role.tag, report);
      }
    }
  }

  private checkInline(host: Host, role: string, tag: string, report: RuleReport): void {
    const { resource, nics, unknownNics } = host;
    if (unknownNics) {
      report.cannotVerify(resource, `whether its ${role} NIC is a standalone port (network)`, unknownNics);
      return;
    }
    const inline = nics.filter((nic) => nic.port.isAbsent);
    if (inline.length === 0) return;
    report.violation(resource,
      `${resource.label} is tagged "${tag}" but no port with that tag is attached to it: its NIC${inline.length === 1 ? '' : 's'} in network `
        + `${inline.map((n) => `[${n.position}]`).join(', ')} ${inline.length === 1 ? 'is' : 'are'} created inline and deleted with the instance`,
      `create the ${role} NIC as an nhncloud_networking_port_v2 tagged "${tag}" and give it to the instance as network.port (or attach it with nhncloud_compute_interface_attach_v2)`);
  }
}
