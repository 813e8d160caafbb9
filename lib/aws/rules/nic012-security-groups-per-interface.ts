import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { SECURITY_GROUPS_PER_INTERFACE } from '../constraints';
import { reportForeignSgAttachments } from './foreign-sg-attachments';
import { InterfaceSecurityGroups, interfaceSecurityGroups } from './interface-security-groups';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { DocUrl } from '../doc-url';

/** Security groups per network interface: the default quota, and the most it can be raised to. */
const { defaultQuota: DEFAULT_QUOTA, hardMaximum: HARD_MAXIMUM } = SECURITY_GROUPS_PER_INTERFACE;

/**
 * NIC012: an interface takes at most 5 security groups under the default quota (WARNING: the
 * quota can be raised) and never more than 16 (ERROR, cannot be suppressed).
 */
export class Nic012SecurityGroupsPerInterface extends AwsRule {
  public readonly id = 'NIC012';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'security groups per interface <= 5 (default quota, warning) and <= 16 (hard maximum, error)';
  public readonly explanation = 'The "Security groups per network interface" quota is 5 by default and can be raised to 16 at '
    + 'most. Beyond the account\'s quota EC2 rejects the interface, the launch or the group change '
    + '(SecurityGroupsPerInterfaceLimitExceeded), so the apply fails; beyond 16 no quota increase helps.';
  public readonly docUrl = DocUrl.securityGroupQuotas;
  public readonly hardLimit = false;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const nic of interfaceSecurityGroups(index)) {
      const count = nic.groups.length;
      // With part of the list unknown, the known part is a lower bound.
      const found = nic.unknown.length > 0 ? `at least ${count}` : `${count}`;
      if (count > HARD_MAXIMUM) {
        report.violation(nic.owner, `${nic.label} has ${found} security groups (${origins(nic)}), over the hard maximum of ${HARD_MAXIMUM} per interface`,
          `merge rules into at most ${HARD_MAXIMUM} groups`, { level: RuleLevel.ERROR, hardLimit: true });
        continue;
      }
      if (count > DEFAULT_QUOTA) {
        report.violation(nic.owner, `${nic.label} has ${found} security groups (${origins(nic)}), over the default quota of ${DEFAULT_QUOTA} per interface`,
          `merge rules into at most ${DEFAULT_QUOTA} groups, or have the "Security groups per network interface" quota raised (to ${HARD_MAXIMUM} at most) before deploying`);
      }
      const [unknown] = nic.unknown;
      if (unknown) report.cannotVerify(unknown.source, `${unknown.what} of ${nic.label}`, unknown.value);
    }
    reportForeignSgAttachments(index, report);
  }
}

/** `security_groups: 4, sg attachment "x": 1`: where the groups come from. */
function origins(nic: InterfaceSecurityGroups): string {
  const counts = new Map<string, number>();
  for (const { source } of nic.groups) {
    const name = source === nic.owner ? 'listed on it' : source.label;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, n]) => `${n} ${name}`).join(', ');
}
