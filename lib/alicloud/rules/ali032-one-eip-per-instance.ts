import { AliIndex, AliType } from './ali-index';
import { AliRule } from './ali-rule';
import { byTarget, reportBeyond } from './eip-associations';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

/** EIPs associated directly with one ECS instance. */
const EIPS_PER_INSTANCE = 1;

/**
 * ALI032: an ECS instance takes at most one EIP directly (`instance_type = EcsInstance`), and only
 * when it has no public IP of its own (`internet_max_bandwidth_out` unset or 0).
 */
export class Ali032OneEipPerInstance extends AliRule {
  public readonly id = 'ALI032';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'at most one EIP directly on an ECS instance, and only if it has no public IP';
  public readonly explanation = '"Associate an EIP with a cloud resource": "An ECS instance can be '
    + 'associated with only one EIP", and "The instance cannot have a public IP address or another EIP". An '
    + 'alicloud_instance gets a public IP when internet_max_bandwidth_out is above 0 (the provider: "Setting '
    + 'internet_max_bandwidth_out larger than 0 will allocate public ip"). Alibaba Cloud rejects the association otherwise; '
    + 'several public addresses on one instance go through its ENIs in NAT mode.';
  public readonly docUrl = AliDocUrl.associateEip;
  public readonly hardLimit = true;

  public check(index: AliIndex, report: RuleReport): void {
    const groups = byTarget(index.eipAssociations, 'EcsInstance', report);
    reportBeyond(groups, EIPS_PER_INSTANCE,
      'associate further EIPs with the instance\'s ENIs in NAT mode (instance_type = "NetworkInterface"), one per private IP', report);
    for (const [first] of groups.values()) {
      const instance = index.refersTo(first.target.value, AliType.instance);
      if (!instance) {
        report.cannotVerify(first.source, 'whether the instance has a public IP or an EIP of another stack: instance_id', first.target.value);
        continue;
      }
      const bandwidth = instance.attr('internet_max_bandwidth_out');
      const mbps = bandwidth.isAbsent ? 0 : bandwidth.follow().asNumber();
      if (mbps === undefined) {
        report.cannotVerify(first.source, `whether ${instance.label} has a public IP: internet_max_bandwidth_out`, bandwidth);
      } else if (mbps > 0) {
        report.violation(first.source,
          `${first.source.label} associates an EIP with ${instance.label}, which has a public IP of its own (internet_max_bandwidth_out = ${mbps})`,
          `set internet_max_bandwidth_out to 0 on ${instance.label} (the EIP gives it its public address), or drop the association`);
      }
    }
  }
}
