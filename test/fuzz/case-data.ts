/**
 * A fuzz case is plain data: props trees whose leaves may be markers for values that only exist
 * inside a stack (tokens of variables and resources, and the library's factory objects). Plain data
 * prints as a reproduction and builds the same construct in any fresh stack.
 */

/** Tokens a case can ask for; each is made fresh in the case's own stack. */
export type TokenKind =
  | 'stringVariable' | 'numberVariable' | 'listVariable'
  | 'vpcId' | 'subnetId' | 'subnetCidr' | 'availabilityZone' | 'instanceId' | 'instanceType'
  | 'securityGroupId' | 'routeTableId' | 'privateIp' | 'privateIps' | 'resourceNumber';

/** A value of a case: JSON-like, with `{ $tok }` and `{ $call, args }` markers. */
export type Spec = undefined | null | boolean | number | string | Spec[] | SpecObject;
export interface SpecObject { readonly [key: string]: Spec }

export function tok(kind: TokenKind): SpecObject {
  return { $tok: kind };
}

/** A library factory (`Ipv4Assignment.addresses`, `Peer.ipv4`, ...) or a construct the case needs. */
export function call(name: string, ...args: Spec[]): SpecObject {
  return { $call: name, args };
}

/** The constructs under test. */
export type ConstructName =
  | 'NetworkInterface' | 'ElasticIp' | 'SecurityGroup' | 'Instance'
  | 'ManagementNetwork' | 'DualHomedInstance' | 'NetworkAppliance' | 'MultiEipInstance'
  | 'HaFailoverNic' | 'VirtualIpPair';

/** One case: a construct, its props, and calls made on it afterwards (attach, associate, add rules). */
export interface FuzzCase {
  readonly construct: ConstructName;
  readonly props: Spec;
  readonly ops: Spec[];
}
