import { AliIndex } from './ali-index';
import { AliRule } from './ali-rule';
import { eniSecurityGroups } from './eni-security-groups';
import { ruleOption, SECURITY_GROUPS_PER_ENI } from './option-values';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

const { defaultCap: DEFAULT_CAP, maximum: MAXIMUM } = SECURITY_GROUPS_PER_ENI;

/**
 * ALI012: an ENI joins at most as many security groups as the account allows (an option, 5 by
 * default: WARNING) and never more than 10 (ERROR, cannot be suppressed).
 */
export class Ali012SecurityGroupsPerEni extends AliRule {
  public readonly id = 'ALI012';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = `security groups per ENI <= the account's cap (option securityGroupsPerEni, default ${DEFAULT_CAP}, warning) and <= ${MAXIMUM} (no account allows more, error)`;
  public readonly explanation = 'Alibaba Cloud\'s documents disagree on the number of security groups per ENI. The ECS API '
    + 'reference (JoinSecurityGroup, 2024) says "An instance can be added to up to five security groups by default", which '
    + 'a ticket changes to 4 or 10; the current "Security group rules" guide says "An elastic network interface can be '
    + `associated with up to 10 security groups". ALI012 warns above the cap of your account (${DEFAULT_CAP} unless set with `
    + 'AlicloudRuleOptions.set(scope, { securityGroupsPerEni })) and fails above 10, which no document exceeds. Beyond the '
    + 'account\'s cap Alibaba Cloud rejects the ENI, the instance or the group change, so the apply fails.';
  public readonly docUrl = AliDocUrl.securityGroupRules;
  public readonly hardLimit = false;

  public check(index: AliIndex, report: RuleReport): void {
    for (const eni of eniSecurityGroups(index)) {
      if (eni.unknown) {
        report.cannotVerify(eni.owner, eni.unknown.what, eni.unknown.value);
        continue;
      }
      const count = eni.groups.length;
      if (count > MAXIMUM) {
        report.violation(eni.owner, `${eni.label} joins ${count} security groups, over the ${MAXIMUM} no Alibaba Cloud account allows per ENI`,
          `merge rules into at most ${MAXIMUM} groups`, { level: RuleLevel.ERROR, hardLimit: true });
        continue;
      }
      if (count <= 1) continue;
      const cap = ruleOption(eni.owner.construct, 'securityGroupsPerEni');
      if (count > cap) {
        report.violation(eni.owner, `${eni.label} joins ${count} security groups, over the cap of ${cap} per ENI`,
          `merge rules into at most ${cap} groups; if your account allows more (up to ${MAXIMUM}), say so with `
            + 'AlicloudRuleOptions.set(scope, { securityGroupsPerEni })');
      }
    }
  }
}
