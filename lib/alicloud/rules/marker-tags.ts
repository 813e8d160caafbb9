import { AliIndex } from './ali-index';
import { TfObject, TfResource, TfValue } from '../../checks/tf-value';

/**
 * Tags that tell the Alibaba Cloud rules what an ENI is for, when its resources alone cannot say it
 * (the same keys as on the library's other clouds). Users writing raw resources set them by hand.
 */
export const AliMarkerTag = {
  /** The ENI's role: one of `AliMarkerRole`. */
  role: 'nic-patterns:role',
} as const;

/** Values of the `nic-patterns:role` tag. */
export const AliMarkerRole = {
  /** A standalone ENI moved between a primary and a standby instance on failure. */
  failover: 'failover',
} as const;

/**
 * Whether a resource's `nic-patterns:role` tag is `role`: true, false, or the deploy-time value
 * that hides it. The tag is opt-in, so a tag map only known at deploy time reads as no tag.
 */
export function hasRole(index: AliIndex, resource: TfResource, role: string): boolean | TfValue {
  const tags = resource.raw.tags;
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) return false;
  const value = new TfObject(tags as Record<string, unknown>, index).attr(AliMarkerTag.role);
  if (value.isAbsent) return false;
  const literal = value.follow().asString();
  return literal === undefined ? value : literal === role;
}
