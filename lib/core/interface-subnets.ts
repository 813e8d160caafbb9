import { DefaultTokenResolver, Fn, StringConcat, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { ErrorCode } from './error-codes';
import { NetworkConstraintError } from './errors';
import { isUnresolved } from './tokens';

// Checks and helpers shared by patterns that put several interfaces on one instance, whatever the cloud.

/** An interface's subnet (or vSwitch) id and the role the interface plays, named in errors. */
export interface RoleSubnetId {
  readonly role: string;
  readonly subnetId: string;
}

/** How the errors name the cloud's things (`port` and `subnet` on NHN Cloud). */
export interface InterfaceNouns {
  readonly interfaceNoun: string;
  readonly subnetNoun: string;
}

/**
 * What identifies a value at synth time: the literal, or the Terraform expression a token stands
 * for (two reads of one resource's `id` give different token strings but resolve alike). Resolving
 * without the preparing phase registers no cross-stack reference, so the check has no side effect.
 */
export function synthKey(scope: IConstruct, value: string): string {
  if (!isUnresolved(value)) return value;
  return JSON.stringify(Tokenization.resolve(value, { scope, resolver: new DefaultTokenResolver(new StringConcat()), preparing: false }));
}

/**
 * Throws when two interfaces of one instance are in the same subnet: the instance then has two
 * routes to it and replies may leave by the other interface (asymmetric routing).
 * @param fix how to get the same result without a second interface in the subnet
 * @throws NetworkConstraintError `InterfacesInSameSubnet`
 */
export function checkDistinctSubnetIds(scope: IConstruct, entries: RoleSubnetId[], nouns: InterfaceNouns, fix: string, docUrl?: string): void {
  const seen = new Map<string, RoleSubnetId>();
  for (const entry of entries) {
    const key = synthKey(scope, entry.subnetId);
    const first = seen.get(key);
    if (first) {
      throw new NetworkConstraintError({
        code: ErrorCode.InterfacesInSameSubnet,
        scope,
        problem: `the ${first.role} and ${entry.role} ${nouns.interfaceNoun}s are in the same ${nouns.subnetNoun}, which invites asymmetric routing`,
        received: `both in ${isUnresolved(entry.subnetId) ? key : entry.subnetId}`,
        allowed: `one ${nouns.interfaceNoun} per ${nouns.subnetNoun}`,
        fix,
        docUrl,
      });
    }
    seen.set(key, entry);
  }
}

/**
 * The ids a pattern creates followed by the ones the user added. A list known only at deploy time
 * cannot be spread into a literal list (cdktf refuses to add elements to a list token), so
 * Terraform joins it with `concat(...)`.
 */
export function joinIds(created: string[], added: string[] | undefined): string[] {
  if (added === undefined) return created;
  if (!Token.isUnresolved(added)) return [...created, ...added];
  return created.length === 0 ? added : Token.asList(Fn.concat([created, added]));
}

// Interface names prefix construct ids and appear in descriptions: keep them plain.
const INTERFACE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

/**
 * Refuses an interface name that is not plain, or one given twice.
 * @param noun what the cloud calls an interface, in errors (`interface`, `ENI`, `port`)
 * @throws NetworkConstraintError `InvalidInterfaceName`, `DuplicateInterfaceName`
 */
export function checkInterfaceNames(scope: IConstruct, names: string[], noun: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (!INTERFACE_NAME.test(name)) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidInterfaceName,
        scope,
        problem: `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun} name is not a plain literal name`,
        received: JSON.stringify(name),
        allowed: 'a letter, then letters, digits, "-" or "_" (at most 63 characters), such as "web" or "app-tier"',
      });
    }
    if (seen.has(name)) {
      throw new NetworkConstraintError({
        code: ErrorCode.DuplicateInterfaceName,
        scope,
        problem: `two ${noun}s have the same name`,
        received: JSON.stringify(name),
        allowed: 'each name once',
      });
    }
    seen.add(name);
  }
}
