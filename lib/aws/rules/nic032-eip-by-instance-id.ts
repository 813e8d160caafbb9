import { InterfaceAttachment, AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { DocUrl } from '../doc-url';

/**
 * NIC032: an Elastic IP associated by instance id (`aws_eip.instance`,
 * `aws_eip_association.instance_id`) needs an instance with exactly one interface; with several,
 * AWS requires the interface id.
 */
export class Nic032EipByInstanceId extends AwsRule {
  public readonly id = 'NIC032';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'an Elastic IP associated by instance id is on an instance with a single interface';
  public readonly explanation = 'AssociateAddress by instance id requires an instance with exactly one attached network interface; '
    + 'with more, EC2 rejects the association (InvalidInstanceID: there are multiple interfaces attached to the instance), so '
    + 'the apply fails, or a later re-association fails once a second interface is attached.';
  public readonly docUrl = DocUrl.associateAddress;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const association of index.eipAssociations) {
      if (association.instance.isAbsent || !association.eni.isAbsent) continue;
      const source = association.source;
      const instance = association.instance.referenceTo('aws_instance');
      const host = instance ? index.hostOf(instance) : undefined;
      if (!host) {
        report.cannotVerify(source, 'the instance it is associated with', association.instance);
        continue;
      }
      // A count on the instance itself repeats the whole instance, not its interfaces.
      const multiplier = (a: InterfaceAttachment) => [a.source, a.eniResource].find((r) => r?.repeated && r !== host.resource);
      const certain = host.attachments.filter((a) => !multiplier(a));
      if (certain.length > 1) {
        const attribute = source.type === 'aws_eip' ? 'instance' : 'instance_id';
        report.violation(
          source,
          `${source.label} is associated by ${attribute} with ${host.resource.label}, which has ${certain.length}`
            + `${certain.length < host.attachments.length || host.unknownInterfaces ? ' or more' : ''} interfaces `
            + `(${certain.map((a) => a.label).join(', ')}): an association by instance id needs exactly one`,
          `associate it by interface id instead (${source.type === 'aws_eip' ? 'network_interface' : 'network_interface_id'}), `
            + 'with the interface that should receive the public traffic',
        );
      } else if (host.unknownInterfaces) {
        report.cannotVerify(source, `the interfaces of ${host.resource.label}`, host.unknownInterfaces);
      } else if (certain.length < host.attachments.length) {
        const multiplied = host.attachments.map(multiplier).find((r) => r !== undefined)!;
        report.cannotVerify(source, `the number of interfaces of ${host.resource.label} (${multiplied.label} has count/for_each)`,
          multiplied.repetition);
      }
    }
  }
}
