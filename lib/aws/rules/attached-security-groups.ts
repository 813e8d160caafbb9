import { IngressRule, AwsIndex } from './aws-index';
import { InterfaceSecurityGroups, interfaceSecurityGroups } from './interface-security-groups';
import { TfResource, TfValue } from '../../checks/tf-value';

/** A security group of this stack applied to some interfaces, with its ingress rules. */
export interface GroupInUse {
  readonly group: TfResource;
  /** The interfaces it applies to, as messages name them, in declaration order. */
  readonly users: string[];
  /** Its ingress rules, inline or separate resources. */
  readonly ingress: IngressRule[];
}

/** A security group of an interface that is not a group of this stack, or a group list only known at deploy time. */
export interface UnresolvedGroup {
  readonly source: TfResource;
  readonly what: string;
  readonly value: TfValue;
}

/** The security groups applied to the selected interfaces. */
export interface AttachedGroups {
  readonly groups: GroupInUse[];
  readonly unresolved: UnresolvedGroup[];
}

/**
 * The security groups of this stack applied to the interfaces `select` keeps (every interface by
 * default: `aws_network_interface`, the primary interface of `aws_instance`, launch template
 * interfaces), each with its ingress rules.
 */
export function attachedGroups(index: AwsIndex, select: (entry: InterfaceSecurityGroups) => boolean = () => true): AttachedGroups {
  const ingress = new Map<TfResource, IngressRule[]>();
  for (const rule of index.ingressRules) {
    const group = rule.group.referenceTo('aws_security_group');
    if (group) ingress.set(group, [...(ingress.get(group) ?? []), rule]);
  }
  const users = new Map<TfResource, string[]>();
  const unresolved: UnresolvedGroup[] = [];
  for (const entry of interfaceSecurityGroups(index).filter(select)) {
    entry.unknown.forEach((u) => unresolved.push({ source: u.source, what: `${u.what} of ${entry.label}`, value: u.value }));
    for (const applied of entry.groups) {
      const group = applied.group.referenceTo('aws_security_group');
      if (!group) {
        unresolved.push({ source: applied.source, what: `a security group of ${entry.label}`, value: applied.group });
        continue;
      }
      const list = users.get(group) ?? [];
      if (!list.includes(entry.label)) list.push(entry.label);
      users.set(group, list);
    }
  }
  return {
    groups: [...users].map(([group, labels]) => ({ group, users: labels, ingress: ingress.get(group) ?? [] })),
    unresolved,
  };
}

/** How messages name an ingress rule: the rule resource, or an inline rule of its group. */
export function ingressRuleName(rule: IngressRule): string {
  return rule.source.type === 'aws_security_group' ? `an inline ingress rule of ${rule.source.label}` : rule.source.label;
}

/** `eni "a"`, `eni "a" and eni "b"`, `eni "a", eni "b" and 3 more`: the users of a group, briefly. */
export function usersOf(group: GroupInUse): string {
  const [first, second, ...rest] = group.users;
  if (second === undefined) return first;
  if (rest.length === 0) return `${first} and ${second}`;
  return `${first}, ${second} and ${rest.length} more`;
}
