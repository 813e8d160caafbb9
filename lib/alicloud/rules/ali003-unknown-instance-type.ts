import { AliIndex } from './ali-index';
import { AliRule } from './ali-rule';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';
import { ALI_LIMITS_SOURCE, aliInstanceNetworkLimits } from '../limits/instance-network-limits';

/** ALI003: an instance type missing from the limits table means its ENI and address counts are not verified. */
export class Ali003UnknownInstanceType extends AliRule {
  public readonly id = 'ALI003';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'instance type known to the limits table (otherwise ENI and address counts are not verified)';
  public readonly explanation = 'The ENI and address limits (ALI001, ALI002) come from a table of ECS instance types copied '
    + `from Alibaba Cloud's instance family pages (${ALI_LIMITS_SOURCE}): the provider ships none, its alicloud_instance_types `
    + 'data source asks the API. A type missing from the table is either misspelled (ECS rejects it at creation) or newer '
    + 'than the table, and its limits are then not checked.';
  public readonly docUrl = AliDocUrl.instanceFamilies;
  public readonly hardLimit = false;

  public check(index: AliIndex, report: RuleReport): void {
    for (const host of index.hosts) {
      // Deploy-time types are reported by the count rules as "cannot verify".
      const typeName = host.instanceType.follow().asString();
      if (typeName === undefined || aliInstanceNetworkLimits(typeName)) continue;
      report.violation(
        host.resource,
        `${host.resource.label} uses instance type "${typeName}", which is not in the instance network limits table: `
          + 'its ENI and address counts are not verified',
        'check the spelling of the instance type (names are case-sensitive and start with "ecs.", such as "ecs.g6.large"); '
          + 'for a type newer than the table, refresh data/alicloud-ecs-instance-network-limits.json (scripts/generate-alicloud-limits.ts) '
          + 'or suppress ALI003 with the reason',
      );
    }
  }
}
