import { FloatingIpAssociation, NhnIndex, NhnType } from './nhn-index';
import { NhnRule } from './nhn-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { sameValue } from '../../checks/same-value';
import { TfResource, TfValue } from '../../checks/tf-value';
import { NhnDocUrl } from '../doc-url';

/**
 * NHN021: a floating IP is associated only with a port whose subnet is in a routing table that has
 * an internet gateway, when the port, the subnet and the routing table are in the stack.
 */
export class Nhn021FloatingIpInternetGateway extends NhnRule {
  public readonly id = 'NHN021';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'floating IP on a port whose subnet\'s routing table has no internet gateway';
  public readonly explanation = 'NHN Cloud\'s Floating IP guide: "the subnet containing the instance must be connected to the '
    + 'routing table, and that routing table must be connected to the internet through an internet gateway". NHN Cloud rejects '
    + 'the association otherwise (the external network is not reachable from the subnet), so the apply fails. NHN021 follows '
    + 'the association\'s port to the subnet of its address (fixed_ip.subnet_id), to that nhncloud_networking_vpcsubnet_v2\'s '
    + 'routingtable_id, and looks for an nhncloud_networking_routingtable_attach_gateway_v2 of that routing table.';
  public readonly docUrl = NhnDocUrl.floatingIp;
  public readonly hardLimit = true;

  public check(index: NhnIndex, report: RuleReport): void {
    const gateways = index.resources(NhnType.gatewayAttach).map((g) => g.attr('routingtable_id'));
    for (const association of index.floatingIpAssociations) {
      const port = association.portResource;
      if (!port) continue;
      const subnetId = subnetOfAddress(port, association);
      if (!subnetId) {
        report.cannotVerify(association.source, `the subnet of ${port.label} (fixed_ip.subnet_id)`, TfValue.ABSENT);
        continue;
      }
      const subnet = index.refersTo(subnetId, NhnType.subnet);
      if (!subnet) {
        report.cannotVerify(association.source, `the routing table of the subnet of ${port.label}`, subnetId);
        continue;
      }
      const table = subnet.attr('routingtable_id');
      if (!index.refersTo(table, NhnType.routingTable)) {
        // Absent: the VPC's default routing table, which the stack does not declare.
        report.cannotVerify(association.source, `whether the routing table of ${subnet.label} (routingtable_id) has an internet gateway`, table);
        continue;
      }
      const same = gateways.map((g) => sameValue(g, table));
      if (same.includes(true)) continue;
      const hidden = gateways.find((_, i) => same[i] === undefined);
      if (hidden) {
        report.cannotVerify(association.source, `whether a gateway attachment is for the routing table of ${subnet.label}`, hidden);
      } else {
        report.violation(association.source,
          `${association.source.label} puts ${association.label} on ${port.label}, whose ${subnet.label} is in ${index.refersTo(table, NhnType.routingTable)!.label}, which has no internet gateway`,
          'attach an internet gateway to the routing table (nhncloud_networking_routingtable_attach_gateway_v2), or put the port in a subnet whose routing table has one');
      }
    }
  }
}

/** The subnet of the port address an association takes: the `fixed_ip` block of its `fixed_ip`, else the first. */
function subnetOfAddress(port: TfResource, association: FloatingIpAssociation): TfValue | undefined {
  const blocks = port.blocks('fixed_ip').items;
  const chosen = blocks.find((b) => !association.fixedIp.isAbsent && sameValue(b.attr('ip_address'), association.fixedIp) === true) ?? blocks[0];
  return chosen?.attr('subnet_id');
}
