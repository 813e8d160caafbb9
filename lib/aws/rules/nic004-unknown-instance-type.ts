import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { DocUrl } from '../doc-url';
import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { InstanceNetworkLimits } from '../limits/instance-network-limits';

/** NIC004: an instance type missing from the limits table means its interface and address counts are not verified. */
export class Nic004UnknownInstanceType extends AwsRule {
  public readonly id = 'NIC004';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'instance type known to the limits table (otherwise interface and address counts are not verified)';
  public readonly explanation = 'The interface and address limits (NIC001-NIC003, NIC023) come from a table of EC2 instance '
    + 'types. A type missing from it is either misspelled (EC2 rejects it at launch) or newer than the table, and its '
    + 'limits are then not checked.';
  public readonly docUrl = DocUrl.ipPerEni;
  public readonly hardLimit = false;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      // An instance that takes its type from a launch template of this stack: the template reports it.
      if (host.launchTemplate && host.resource.attr('instance_type').isAbsent) continue;
      // Deploy-time types are reported by the count rules as "cannot verify".
      const typeName = host.instanceType.follow().asString();
      if (typeName === undefined || InstanceNetworkLimits.of(typeName)) continue;
      report.violation(
        host.resource,
        `${host.resource.label} uses instance type "${typeName}", which is not in the instance network limits table: `
          + 'its interface and address counts are not verified',
        'check the spelling of the instance type (names are case-sensitive, such as "m5.large"); for a type newer than the table, '
          + 'refresh data/ec2-instance-network-limits.json or suppress NIC004 with the reason',
      );
    }
  }
}
