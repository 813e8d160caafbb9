import { NhnIndex, PortAttachment } from './nhn-index';
import { NhnRule } from './nhn-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { NhnDocUrl } from '../doc-url';

/** NHN001: a virtual-IP port is never attached to an instance. */
export class Nhn001VirtualIpNotAttached extends NhnRule {
  public readonly id = 'NHN001';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'a virtual-IP port attached to an instance (network.port, interface attachment or device_id)';
  public readonly explanation = 'NHN Cloud\'s Network Interface guide: "A network interface created as a virtual IP cannot be '
    + 'used by connecting it directly when creating an instance" (仮想IPとして作成したネットワークインターフェイスは、インスタンス作成時に'
    + '直接接続して使用できません) and "is not directly connected to a specific instance" (特定のインスタンスと直接接続されません). A virtual '
    + 'IP reaches its instances through the allowed address pairs of their own ports. NHN001 reads the ports marked as '
    + 'virtual IPs (tag nic-patterns:role=virtual-ip, or device_id / device_owner = network:virtual_ip) and reports them in '
    + 'nhncloud_compute_instance_v2.network.port, in nhncloud_compute_interface_attach_v2.port_id, or with a device_id naming '
    + 'an instance.';
  public readonly docUrl = NhnDocUrl.networkInterface;
  public readonly hardLimit = false;

  public check(index: NhnIndex, report: RuleReport): void {
    for (const vip of index.virtualIps) {
      for (const attachment of index.attachmentsOf(vip)) {
        report.violation(attachment.source, `virtual IP ${vip.label} is attached to ${hostLabel(attachment)} by ${where(attachment)}`,
          'attach the virtual IP to no instance: give each instance a port of its own whose allowed_address_pairs name the virtual IP\'s address');
      }
    }
    if (index.virtualIps.length === 0) return;
    // With virtual IPs in the stack, a port only known at deploy time may be one of them.
    for (const attachment of index.portAttachments) {
      if (attachment.port.isUnknown) report.cannotVerify(attachment.source, `whether the port ${where(attachment)} attaches is a virtual IP`, attachment.port);
    }
  }
}

function hostLabel(attachment: PortAttachment): string {
  return attachment.hostResource?.label ?? `instance ${attachment.host.display}`;
}

function where(attachment: PortAttachment): string {
  switch (attachment.kind) {
    case 'network-block': return `a network block (port) of ${attachment.source.label}`;
    case 'interface-attach': return attachment.source.label;
    default: return 'its device_id';
  }
}
