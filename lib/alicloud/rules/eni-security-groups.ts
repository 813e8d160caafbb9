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

// ALI011, ALI012 and ALI070 all read the list of one index: built once, it was a third of the rules' time on a large fleet.
const byIndex = new WeakMap<AliIndex, readonly EniSecurityGroups[]>();

/**
 * Every ENI of the stack with its security groups: the ENI resources (`security_group_ids`, or the
 * deprecated `security_groups`), the primary ENI an `alicloud_instance` creates (`security_groups`)
 * and the ENIs its `network_interfaces` blocks create (`security_group_ids`). Built once per index
 * and shared by its callers.
 */
export function eniSecurityGroups(index: AliIndex): readonly EniSecurityGroups[] {
  let list = byIndex.get(index);
  if (!list) byIndex.set(index, list = collect(index));
  return list;
}

function collect(index: AliIndex): EniSecurityGroups[] {
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
