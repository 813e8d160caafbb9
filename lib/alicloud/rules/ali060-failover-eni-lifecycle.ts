import { AliIndex, AliType } from './ali-index';
import { AliRule } from './ali-rule';
import { AliMarkerRole, AliMarkerTag, hasRole } from './marker-tags';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfValue } from '../../checks/tf-value';
import { AliDocUrl } from '../doc-url';

const FIX = 'declare it as a standalone alicloud_ecs_network_interface with delete_on_release = false, attached with '
  + 'alicloud_ecs_network_interface_attachment, so that it outlives the instances it moves between';

/**
 * ALI060: an ENI that fails over between instances (tag `nic-patterns:role = failover`) lives on
 * its own: it is neither part of an instance's definition nor released with an instance.
 */
export class Ali060FailoverEniLifecycle extends AliRule {
  public readonly id = 'ALI060';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'a failover ENI declared in alicloud_instance (network_interfaces, network_interface_id) or released with the instance';
  public readonly explanation = 'Failover moves an ENI, with its private IPs, EIPs and MAC address, from a failed instance to '
    + 'a standby. alicloud_instance.network_interfaces and every field in it are ForceNew, so an ENI named there belongs to '
    + 'that instance: moving it makes Terraform replace the instance; a primary ENI (network_interface_id) is never '
    + 'detached. And an attached ENI is released with its instance unless delete_on_release is false ("Specifies whether '
    + 'to release the ENI when the associated instance is released"; "Retain and reuse an ENI": "When you release an Elastic '
    + 'Compute Service (ECS) instance, all attached Elastic Network Interfaces (ENIs) -- both primary and secondary -- are '
    + 'released by default"), so the ENI dies with the instance it '
    + 'should survive. The rule reads the marker tag nic-patterns:role = failover.';
  public readonly docUrl = AliDocUrl.retainEni;
  public readonly hardLimit = false;

  public check(index: AliIndex, report: RuleReport): void {
    for (const eni of index.resources(AliType.enis)) {
      const role = hasRole(index, eni, AliMarkerRole.failover);
      if (role instanceof TfValue) report.cannotVerify(eni, `its ${AliMarkerTag.role} tag`, role);
      if (role !== true) continue;
      for (const attachment of index.attachmentsOf(eni)) {
        if (attachment.kind === 'inline') {
          report.violation(attachment.source, `failover ${eni.label} is attached in the network_interfaces block of ${attachment.source.label}, `
            + 'which is ForceNew: moving the ENI replaces the instance', FIX);
        } else if (attachment.kind === 'primary-eni') {
          report.violation(attachment.source, `failover ${eni.label} is the primary ENI (network_interface_id) of ${attachment.source.label}, `
            + 'which is never detached', FIX);
        }
      }
      const release = eni.attr('delete_on_release');
      const released = release.isAbsent ? true : release.follow().asBoolean();
      if (released === undefined) {
        report.cannotVerify(eni, 'delete_on_release', release);
      } else if (released) {
        report.violation(eni, `failover ${eni.label} is released with the instance it is attached to (delete_on_release ${release.isAbsent
          ? 'is not set: Alibaba Cloud releases attached ENIs with their instance by default' : '= true'})`, FIX);
      }
    }
  }
}
