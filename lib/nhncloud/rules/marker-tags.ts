import { TfResource } from '../../checks/tf-value';

/**
 * Tags that tell the NHN Cloud rules what a port is for, when its resources alone cannot say it.
 * NHN Cloud (OpenStack) tags are plain strings, so each marker is one whole tag. The constructs set
 * them; users writing raw resources add them to a port's `tags` by hand.
 */
export const NhnMarkerTag = {
  /** A port created as a virtual IP: never attached to an instance (NHN001), shares its subnet with its carriers (NHN002). */
  virtualIp: 'nic-patterns:role=virtual-ip',
  /** A port of an instance that sends and receives a virtual IP's traffic (NHN003 checks it may). */
  carriesVirtualIp: 'nic-patterns:role=vip-carrier',
  /** A standalone port moved between instances on failure (NHN050: never created inline). */
  failover: 'nic-patterns:role=failover',
  /** A standalone management port (NHN050: never created inline). */
  management: 'nic-patterns:role=management',
  /** The guest runs its own firewall, so port security off is intended (NHN011). */
  guestFirewall: 'nic-patterns:guest-firewall',
} as const;

/**
 * What NHN Cloud's API guide says to put in a port's `device_id` to make it a virtual IP ("Specify as
 * `network:virtual_ip` when using as a virtual IP"). The guide types the field as a UUID, so the rules
 * also accept the value in `device_owner` (constraints.md B2).
 */
export const NHN_VIRTUAL_IP_DEVICE = 'network:virtual_ip';

/**
 * Whether a resource's `tags` (a set of strings) hold `tag`. The markers are opt-in, so a tag list
 * only known at deploy time, or a tag that is itself an expression, reads as no marker: the rules
 * never guess a role.
 */
export function hasMarker(resource: TfResource, tag: string): boolean {
  const tags = resource.raw.tags;
  return Array.isArray(tags) && tags.includes(tag);
}

/**
 * Whether a port is a virtual IP: marked with `NhnMarkerTag.virtualIp`, or with `network:virtual_ip`
 * written literally in `device_id` or `device_owner` (constraints.md B2).
 */
export function isVirtualIp(port: TfResource): boolean {
  return hasMarker(port, NhnMarkerTag.virtualIp)
    || ['device_id', 'device_owner'].some((name) => port.attr(name).follow().asString() === NHN_VIRTUAL_IP_DEVICE);
}
