import { AwsIndex } from './aws-index';
import { AwsRule } from './aws-rule';
import { reportForeignSgAttachments } from './foreign-sg-attachments';
import { interfaceSecurityGroups, InterfaceSecurityGroups } from './interface-security-groups';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { sameValue } from '../../checks/same-value';
import { TfResource, TfValue } from '../../checks/tf-value';
import { DocUrl } from '../doc-url';

/** A VPC as synth time knows it: the account's default VPC, or a `vpc_id` value. */
type Vpc = 'default' | TfValue;

const GROUP_TYPES = ['aws_security_group', 'aws_default_security_group'];

/**
 * NIC011: a security group can only be applied to an interface of the VPC it was created in (or
 * a VPC it is associated with by `aws_vpc_security_group_vpc_association`), whether it is listed on
 * the interface, on the instance or added by an `aws_network_interface_sg_attachment`.
 */
export class Nic011SecurityGroupVpc extends AwsRule {
  public readonly id = 'NIC011';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'security groups of an interface belong to the interface\'s VPC';
  public readonly explanation = 'A security group belongs to the VPC it was created in and can only be applied to interfaces '
    + 'in subnets of that VPC. EC2 rejects the interface, the launch or the group change (security group and subnet belong '
    + 'to different networks), so the apply fails.';
  public readonly docUrl = DocUrl.eni;
  public readonly hardLimit = true;

  public check(index: AwsIndex, report: RuleReport): void {
    for (const nic of interfaceSecurityGroups(index)) {
      if (nic.groups.length === 0) continue;
      const vpc = interfaceVpc(index, nic);
      if (vpc === undefined) continue;
      if (vpc instanceof TfValue && !index.subnet(nic.subnet)) {
        report.cannotVerify(nic.owner, `the subnet (and so the VPC) of ${nic.label}`, nic.subnet);
        continue;
      }
      for (const { source, group } of nic.groups) this.checkGroup(index, nic, vpc, source, group, report);
    }
    reportForeignSgAttachments(index, report);
  }

  private checkDefaultGroup(
    index: AwsIndex, nic: InterfaceSecurityGroups, vpc: Vpc, source: TfResource, owner: TfResource, report: RuleReport,
  ): void {
    const same = sameVpcAsDefaultGroupOwner(index, vpc, owner);
    if (same === true) return;
    if (same === undefined) {
      report.cannotVerify(source, `whether the VPC of ${nic.label} is ${owner.label}, whose default security group it uses`, vpc as TfValue);
      return;
    }
    report.violation(
      source,
      `the default security group of ${owner.label} is on ${nic.label}, which is in ${vpcName(vpc)}: `
        + 'a security group can only be applied to interfaces of its own VPC',
      `use the default security group of ${vpcName(vpc)} (its default_security_group_id), or move the interface into a subnet of ${owner.label}`,
    );
  }

  private checkGroup(index: AwsIndex, nic: InterfaceSecurityGroups, vpc: Vpc, source: TfResource, group: TfValue, report: RuleReport): void {
    const defaultGroupOf = group.referenceTo('aws_vpc');
    if (defaultGroupOf && group.attribute === 'default_security_group_id') {
      this.checkDefaultGroup(index, nic, vpc, source, defaultGroupOf, report);
      return;
    }
    const resource = GROUP_TYPES.map((type) => group.referenceTo(type)).find((r) => r !== undefined);
    if (!resource) {
      report.cannotVerify(source, `the VPC of security group ${group.display} on ${nic.label}`, group);
      return;
    }
    // A group created without vpc_id lands in the account's default VPC.
    const groupVpc: Vpc = resource.attr('vpc_id').isAbsent ? 'default' : resource.attr('vpc_id');
    const verdicts = [sameVpc(vpc, groupVpc), ...associations(index, group, vpc)];
    if (verdicts.includes(true)) return;
    if (verdicts.includes(undefined)) {
      const unknownSide = [vpc, groupVpc].find((v): v is TfValue => v instanceof TfValue && !v.follow().referenceTo('aws_vpc'));
      report.cannotVerify(source, `whether ${resource.label} is in the VPC of ${nic.label}`, unknownSide ?? resource.attr('vpc_id'));
      return;
    }
    report.violation(
      source,
      `${resource.label} on ${nic.label} belongs to ${vpcName(groupVpc)}, but the interface is in ${vpcName(vpc)}: `
        + 'a security group can only be applied to interfaces of its own VPC',
      `apply a security group whose vpc_id is ${vpcName(vpc)}, the VPC of the interface's subnet`,
    );
  }
}

/**
 * `aws_vpc.x.default_security_group_id` names the default group of VPC x: it belongs to x and to no
 * other VPC, whatever the interface's VPC is.
 */
function sameVpcAsDefaultGroupOwner(index: AwsIndex, vpc: Vpc, owner: TfResource): boolean | undefined {
  return sameVpc(vpc, TfValue.of(`\${${owner.address}.id}`, index));
}

function interfaceVpc(index: AwsIndex, nic: InterfaceSecurityGroups): Vpc | undefined {
  if (nic.subnet.isAbsent) return nic.absentSubnetIsDefaultVpc ? 'default' : undefined;
  if (nic.subnet.referenceTo('aws_default_subnet')) return 'default';
  return index.subnet(nic.subnet)?.attr('vpc_id') ?? nic.subnet;
}

/** Whether each `aws_vpc_security_group_vpc_association` of the stack extends the group to the interface's VPC. */
function associations(index: AwsIndex, group: TfValue, vpc: Vpc): Array<boolean | undefined> {
  return index.resources('aws_vpc_security_group_vpc_association').map((association) => {
    const sameGroup = sameValue(association.attr('security_group_id'), group);
    const sameTarget = sameVpc(vpc, association.attr('vpc_id'));
    if (sameGroup === false || sameTarget === false) return false;
    return sameGroup && sameTarget ? true : undefined;
  });
}

function sameVpc(a: Vpc, b: Vpc): boolean | undefined {
  if (a === 'default' && b === 'default') return true;
  if (a === 'default' || b === 'default') {
    // A VPC this stack creates is never the default VPC; a VPC id written elsewhere may be.
    const value = (a === 'default' ? b : a) as TfValue;
    return value.follow().referenceTo('aws_vpc') ? false : undefined;
  }
  return sameValue(a, b);
}

function vpcName(vpc: Vpc): string {
  if (vpc === 'default') return 'the default VPC';
  const followed = vpc.follow();
  return followed.referenceTo('aws_vpc')?.label ?? `VPC ${followed.display}`;
}
