import { AliIndex, AliType } from './ali-index';
import { AliRule } from './ali-rule';
import { eniSecurityGroups } from './eni-security-groups';
import { compare, vpcName } from './placement';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

/** ALI011: the security groups of an ENI belong to the ENI's VPC. */
export class Ali011SecurityGroupVpc extends AliRule {
  public readonly id = 'ALI011';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'security groups of an ENI belong to the ENI\'s VPC';
  public readonly explanation = 'alicloud_ecs_network_interface: "The security groups and the ENI must belong to the same '
    + 'VPC." The same holds for the primary ENI an instance creates and the ENIs of its network_interfaces blocks. Alibaba '
    + 'Cloud rejects the ENI or the instance otherwise, so the apply fails.';
  public readonly docUrl = AliDocUrl.ecsNetworkInterfaceResource;
  public readonly hardLimit = true;

  public check(index: AliIndex, report: RuleReport): void {
    for (const eni of eniSecurityGroups(index)) {
      for (const group of eni.groups) {
        const resource = index.refersTo(group, AliType.securityGroup);
        if (!resource) {
          report.cannotVerify(eni.owner, `the VPC of security group ${group.display} on ${eni.label}`, group);
          continue;
        }
        const groupVpc = { value: resource.attr('vpc_id'), via: `vpc_id of ${resource.label}` };
        const same = compare(groupVpc, eni.placement.vpc);
        if (same === false) {
          report.violation(
            eni.owner,
            `${resource.label} on ${eni.label} belongs to ${vpcName(groupVpc.value)}, but the ENI is in ${vpcName(eni.placement.vpc.value)} (${eni.placement.vpc.via})`,
            `use a security group whose vpc_id is ${vpcName(eni.placement.vpc.value)}, the VPC of the ENI's vSwitch`,
          );
        } else if (same !== true) {
          report.cannotVerify(eni.owner, `whether ${resource.label} is in the VPC of ${eni.label}: ${same.via}`, same.value);
        }
      }
    }
  }
}
