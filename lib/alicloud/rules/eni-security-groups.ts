import { AliIndex, AliType } from './ali-index';
import { attachedPlacement, Placement, vswitchPlacement } from './placement';
import { TfObject, TfResource, TfValue } from '../../checks/tf-value';

/** One ENI, wherever it is declared, with the security groups it joins. */
export interface EniSecurityGroups {
  /** The resource that declares the ENI: findings about it go there. */
  readonly owner: TfResource;
  /** How messages name the ENI. */
  readonly label: string;
  /** Where the ENI is. */
  readonly placement: Placement;
  /** The groups written literally, duplicates removed, in declaration order. */
  readonly groups: TfValue[];
  /** The group list, when it is only known at deploy time, and its attribute. */
  readonly unknown?: { readonly what: string; readonly value: TfValue };
}

/**
 * Every ENI of the stack with its security groups: the ENI resources (`security_group_ids`, or the
 * deprecated `security_groups`), the primary ENI an `alicloud_instance` creates (`security_groups`)
 * and the ENIs its `network_interfaces` blocks create (`security_group_ids`).
 */
export function eniSecurityGroups(index: AliIndex): EniSecurityGroups[] {
  const result: EniSecurityGroups[] = [];
  for (const eni of index.resources(AliType.enis)) {
    const current = eni.attr('security_group_ids');
    const attribute = current.isAbsent ? 'security_groups' : 'security_group_ids';
    result.push(entry(eni, eni.label, vswitchPlacement(index, eni.attr('vswitch_id'), eni.label), eni, attribute));
  }
  for (const host of index.hosts) {
    for (const attachment of host.attachments) {
      const { kind, source, block, label } = attachment;
      if (kind === 'primary') result.push(entry(source, label, attachedPlacement(index, attachment), source, 'security_groups'));
      if (kind === 'inline' && attachment.eni.isAbsent && block) result.push(entry(source, label, attachedPlacement(index, attachment), block, 'security_group_ids'));
    }
  }
  return result;
}

function entry(owner: TfResource, label: string, placement: Placement, object: TfObject, attribute: string): EniSecurityGroups {
  const value = object.attr(attribute);
  const list = value.asList();
  if (!list) return { owner, label, placement, groups: [], unknown: { what: `${attribute} of ${label}`, value } };
  const seen = new Set<string>();
  const groups = list.filter((group) => {
    const key = JSON.stringify(group.raw);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { owner, label, placement, groups };
}
