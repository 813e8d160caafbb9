import { AwsIndex } from './aws-index';
import { TfObject, TfResource, TfValue } from '../../checks/tf-value';

/** One security group applied to an interface, and where. */
export interface AppliedGroup {
  /** The resource that applies it (the interface, the instance, the launch template or an `aws_network_interface_sg_attachment`). */
  readonly source: TfResource;
  readonly group: TfValue;
}

/** A part of an interface's group list that is only known at deploy time. */
export interface UnknownGroups {
  readonly source: TfResource;
  /** Which value, as the user knows it. */
  readonly what: string;
  readonly value: TfValue;
}

/** One interface, wherever it is declared, with every security group applied to it. */
export interface InterfaceSecurityGroups {
  /** The resource that declares the interface: findings about the interface go there. */
  readonly owner: TfResource;
  /** How messages name the interface. */
  readonly label: string;
  /** The interface's subnet as written. */
  readonly subnet: TfValue;
  /** Whether an absent subnet means the default VPC (an instance), rather than one chosen at launch (a launch template). */
  readonly absentSubnetIsDefaultVpc: boolean;
  /** The groups written literally, duplicates removed, in declaration order. */
  readonly groups: AppliedGroup[];
  /** The parts of the list only known at deploy time. */
  readonly unknown: UnknownGroups[];
}

const SG_ATTACHMENT = 'aws_network_interface_sg_attachment';

/**
 * Every interface of the stack with its security groups: `aws_network_interface` (`security_groups`
 * and `aws_network_interface_sg_attachment`), the primary interface an `aws_instance` creates
 * (`vpc_security_group_ids` / `security_groups`), and the interfaces of an `aws_launch_template`.
 */
export function interfaceSecurityGroups(index: AwsIndex): InterfaceSecurityGroups[] {
  const result: InterfaceSecurityGroups[] = [];
  for (const eni of index.resources('aws_network_interface')) {
    result.push(collect(index, eni, eni.label, eni.attr('subnet_id'), false, [[eni, eni, 'security_groups']]));
  }
  for (const instance of index.resources('aws_instance')) {
    // With network_interface blocks the instance creates no interface: the attached ones carry the groups.
    if (instance.blocks('network_interface').items.length > 0) continue;
    const template = index.hostOf(instance)?.launchTemplate;
    if (template && instance.attr('vpc_security_group_ids').isAbsent && instance.attr('security_groups').isAbsent) continue;
    result.push(collect(index, instance, `the primary interface of ${instance.label}`, instance.attr('subnet_id'), !template, [
      [instance, instance, 'vpc_security_group_ids'],
      [instance, instance, 'security_groups'],
    ]));
  }
  for (const template of index.resources('aws_launch_template')) {
    const blocks = template.blocks('network_interfaces').items;
    if (blocks.length === 0) {
      result.push(collect(index, template, `the interface of ${template.label}`, TfValue.ABSENT, false, [
        [template, template, 'vpc_security_group_ids'],
        [template, template, 'security_group_names'],
      ]));
    }
    for (const block of blocks) {
      const label = `the interface at device index ${block.attr('device_index').display} of ${template.label}`;
      result.push(collect(index, template, label, block.attr('subnet_id'), false, [[template, block, 'security_groups']]));
    }
  }
  return result;
}

function collect(
  index: AwsIndex,
  owner: TfResource,
  label: string,
  subnet: TfValue,
  absentSubnetIsDefaultVpc: boolean,
  lists: Array<[TfResource, TfObject, string]>,
): InterfaceSecurityGroups {
  const groups: AppliedGroup[] = [];
  const unknown: UnknownGroups[] = [];
  const seen = new Set<string>();
  const add = (source: TfResource, group: TfValue) => {
    const key = JSON.stringify(group.raw);
    if (seen.has(key)) return;
    seen.add(key);
    groups.push({ source, group });
  };
  for (const [source, object, attribute] of lists) {
    const value = object.attr(attribute);
    const list = value.asList();
    if (list) list.forEach((group) => add(source, group));
    else unknown.push({ source, what: attribute, value });
  }
  for (const link of index.securityGroupsOf(owner).filter((l) => l.source.type === SG_ATTACHMENT)) {
    if (link.source.repeated) {
      unknown.push({ source: link.source, what: `the number of groups ${link.source.label} adds (count/for_each)`, value: link.source.repetition });
    } else {
      add(link.source, link.group);
    }
  }
  return { owner, label, subnet, absentSubnetIsDefaultVpc, groups, unknown };
}
