import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { DocUrl } from '../doc-url';

/**
 * NIC041: `source_dest_check` of `aws_instance` only changes the instance's primary interface;
 * on an instance with several interfaces it belongs on each `aws_network_interface`.
 */
export class Nic041InstanceSourceDestCheck extends AwsRule {
  public readonly id = 'NIC041';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'source_dest_check set on an instance with several interfaces (set it per interface)';
  public readonly explanation = 'The source/destination check is an attribute of each network interface. Set on an instance, '
    + 'it only changes the primary interface: a router or firewall whose traffic enters or leaves by another interface '
    + 'still drops it, and when the primary interface is an aws_network_interface with its own setting, Terraform flips '
    + 'the attribute back and forth at every apply.';
  public readonly docUrl = DocUrl.sourceDestCheck;
  public readonly hardLimit = false;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      const instance = host.resource;
      const setting = instance.attr('source_dest_check');
      if (instance.type !== 'aws_instance' || setting.isAbsent) continue;
      if (host.unknownInterfaces) {
        report.cannotVerify(instance, 'its list of network interfaces', host.unknownInterfaces);
        continue;
      }
      const others = host.attachments.filter((a) => a.deviceIndex.follow().asNumber() !== 0);
      // An attachment with count/for_each may stand for no interface at all.
      const repeated = others.find((a) => a.repeated);
      if (repeated && others.every((a) => a.repeated)) {
        const multiplicity = [repeated.source, repeated.eniResource].find((r) => r?.repeated) ?? repeated.source;
        report.cannotVerify(instance, `its number of interfaces (${multiplicity.label} has count/for_each)`,
          multiplicity.repetition);
        continue;
      }
      if (others.length === 0) continue;
      report.violation(
        instance,
        `${instance.label} sets source_dest_check = ${setting.display}, which applies only to its primary interface; `
          + `its other ${others.length === 1 ? 'interface' : `${others.length} interfaces`} (${others.map((a) => a.label).join(', ')}) ${others.length === 1 ? 'keeps its' : 'keep their'} own setting`,
        'set source_dest_check on each aws_network_interface that forwards traffic (and on the primary one), and remove it from the instance',
      );
    }
  }
}
