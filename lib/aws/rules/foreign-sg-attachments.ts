import { AwsIndex } from './aws-index';
import { RuleReport } from '../../checks/rule-report';

/**
 * Reports (INFO) every `aws_network_interface_sg_attachment` whose interface is not one of this
 * stack: its other groups and its VPC are unknown at synth time.
 */
export function reportForeignSgAttachments(index: AwsIndex, report: RuleReport): void {
  const linked = new Set(index.securityGroupLinks.map((link) => link.source));
  for (const attachment of index.resources('aws_network_interface_sg_attachment')) {
    if (!linked.has(attachment)) report.cannotVerify(attachment, 'network_interface_id', attachment.attr('network_interface_id'));
  }
}
