import { MarkerTag } from '../marker-tags';
import { AwsIndex } from './aws-index';
import { TfObject, TfResource, TfValue } from '../../checks/tf-value';

/**
 * One tag of a resource. The marker tags are opt-in, so a tag map only known at deploy time
 * (`merge(var.tags, ...)`) reads as absent: it says nothing about the resource's role. A tag
 * written with a deploy-time value stays unknown.
 */
export function tagValue(index: AwsIndex, resource: TfObject, key: string): TfValue {
  const tags = resource.raw.tags;
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) return TfValue.ABSENT;
  return new TfObject(tags as Record<string, unknown>, index).attr(key);
}

/** Whether the resource's `nic-patterns:role` tag is `role`: true, false, or the deploy-time value that hides it. */
export function hasRole(index: AwsIndex, resource: TfResource, role: string): boolean | TfValue {
  const value = tagValue(index, resource, MarkerTag.role);
  if (value.isAbsent) return false;
  const literal = value.follow().asString();
  return literal === undefined ? value : literal === role;
}

/** The addresses of a `nic-patterns:virtual-ips` tag (`"10.0.1.50, 10.0.1.51"`), or the value that hides them. */
export function virtualIps(index: AwsIndex, resource: TfResource): string[] | TfValue {
  const value = tagValue(index, resource, MarkerTag.virtualIps);
  if (value.isAbsent) return [];
  const literal = value.follow().asString();
  if (literal === undefined) return value;
  return literal.split(',').map((ip) => ip.trim()).filter((ip) => ip !== '');
}
