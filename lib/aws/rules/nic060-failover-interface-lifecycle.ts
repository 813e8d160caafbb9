import { InterfaceAttachment, AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { hasRole, tagValue } from './marker-tag-values';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { TfResource, TfValue } from '../../checks/tf-value';
import { DocUrl } from '../doc-url';
import { MarkerRole, MarkerTag } from '../marker-tags';

const FIX = 'declare it as a standalone aws_network_interface attached with aws_network_interface_attachment at device index 1 or '
  + 'higher, so that it outlives the instances it moves between';

/**
 * NIC060: an interface that fails over between instances (tag `nic-patterns:role = failover`)
 * lives on its own: it is neither part of an instance's launch nor deleted with an instance.
 */
export class Nic060FailoverInterfaceLifecycle extends AwsRule {
  public readonly id = 'NIC060';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'a failover interface that is inline or deleted on termination (it must outlive instances)';
  public readonly explanation = 'Failover moves an interface, with its private IPs, Elastic IP and MAC address, from a failed '
    + 'instance to a standby. An interface attached in an instance\'s network_interface block belongs to that instance: moving '
    + 'it makes Terraform replace the instance, a primary interface (device index 0) can never be detached, and with '
    + 'delete_on_termination, or when a launch template creates it, it is deleted with the instance it should survive.';
  public readonly docUrl = DocUrl.eniScenarios;
  public readonly hardLimit = false;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const eni of index.resources('aws_network_interface')) {
      const launched = index.attachmentsOf(eni).filter((a) => a.kind === 'instance-block'
        || (a.kind === 'launch-template-block' && a.source.type === 'aws_launch_template'));
      if (launched.length === 0) continue;
      const role = hasRole(index, eni, MarkerRole.failover);
      if (role instanceof TfValue) report.cannotVerify(eni, `its ${MarkerTag.role} tag`, role);
      if (role === true) launched.forEach((attachment) => this.reportLaunched(eni, attachment, report));
    }
    for (const template of index.resources('aws_launch_template')) this.checkCreatedByTemplate(index, template, report);
  }

  private reportLaunched(eni: TfResource, attachment: InterfaceAttachment, report: RuleReport): void {
    const where = attachment.kind === 'instance-block'
      ? `in the network_interface block of ${attachment.source.label}`
      : `in a network_interfaces block of ${attachment.source.label}, so every instance launched from it claims it`;
    const deviceIndex = attachment.deviceIndex.follow().asNumber();
    const primary = deviceIndex === 0 ? ', as its primary interface (device index 0), which can never be detached' : '';
    const deleted = attachment.block?.attr('delete_on_termination').follow().asBoolean() === true
      ? ', with delete_on_termination = true, so terminating the instance deletes it' : '';
    report.violation(attachment.source, `failover ${eni.label} is attached ${where}${primary}${deleted}`, FIX);
  }

  /** Interfaces a launch template creates itself, tagged as failover interfaces, die with their instance. */
  private checkCreatedByTemplate(index: AwsIndex, template: TfResource, report: RuleReport): void {
    for (const spec of template.blocks('tag_specifications').items) {
      if (spec.attr('resource_type').asString() !== 'network-interface') continue;
      const role = tagValue(index, spec, MarkerTag.role);
      const literal = role.follow().asString();
      if (role.isAbsent) continue;
      if (literal === undefined) {
        report.cannotVerify(template, `the ${MarkerTag.role} tag of the interfaces it creates`, role);
      } else if (literal === MarkerRole.failover) {
        report.violation(template,
          `${template.label} tags the interfaces it creates with ${MarkerTag.role} = ${MarkerRole.failover}, but an interface created at launch is deleted with its instance`,
          `create the failover interface separately: ${FIX}`);
      }
    }
  }
}
