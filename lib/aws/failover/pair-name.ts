import { createHash } from 'crypto';
import { IConstruct } from 'constructs';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { isUnresolved } from '../../core/tokens';

// Internal: the names of failover and virtual IP pairs (not re-exported from lib/index.ts).
// A pair name goes into account-wide names (IAM roles and instance profiles, Lambda functions,
// EventBridge rules, alarms) and into the tag value that scopes the pair's IAM policy, so two
// pairs of one kind must never share one, whatever stacks or scopes they are in.

/**
 * At most 40 characters, so that the longest name built from it stays within AWS's limits: the
 * failover agent's EventBridge rules (`nic-failover-<pair>-state`, 64) and role
 * (`nic-ha-<pair>-<region>`, 64 with the 14 characters of the longest region names), the virtual IP
 * pair's role and instance profile (`nic-vip-<pair>-<region>`, 64).
 */
const MAX_PAIR_NAME = 40;
const PAIR_NAME = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_PAIR_NAME}}$`);
const HASH_LENGTH = 8;

/** Which names a pair's name goes into; pairs of different kinds name different resources. */
export enum PairKind {
  /** `HaFailoverNic` and its `FailoverAgent`: `nic-failover-<pair>...` and the `nic-patterns:failover-pair` tag. */
  FAILOVER = 'failover',
  /** `VirtualIpPair`: `nic-vip-<pair>` and the `nic-patterns:vip-pair` tag. */
  VIRTUAL_IP = 'virtual-ip',
}

/** The AWS names each kind of pair builds from its name. */
const NAMED_AFTER_PAIR: Record<PairKind, string> = {
  [PairKind.FAILOVER]: 'the failover agent\'s Lambda function, IAM role, EventBridge rules and alarms',
  [PairKind.VIRTUAL_IP]: 'the IAM role and instance profile of the pair\'s instances',
};

/** The pair names claimed in each app (by its root), with the construct that claimed each. */
const claims = new WeakMap<IConstruct, Map<string, IConstruct>>();

/**
 * The default name of a pair: its construct id, made of allowed characters, then a hash of its
 * construct path, so that two pairs with the same id in different stacks or scopes differ
 * (`web-pair` becomes `web-pair-1a2b3c4d`). It depends on the path only, so it stays the same from
 * one synth to the next.
 */
export function defaultPairName(scope: IConstruct): string {
  const hash = createHash('sha256').update(scope.node.path).digest('hex').slice(0, HASH_LENGTH);
  const readable = scope.node.id
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, MAX_PAIR_NAME - HASH_LENGTH - 1)
    .replace(/^-+|-+$/g, '');
  return readable === '' ? hash : `${readable}-${hash}`;
}

/**
 * Checks a pair's name and claims it for `scope` in its app: refuses a name AWS names cannot take,
 * and a name another pair of the same kind has claimed. A construct inside the claimant (the
 * `FailoverAgent` of an `HaFailoverNic`) serves the same pair and may claim it again.
 */
export function claimPairName(scope: IConstruct, kind: PairKind, name: string): void {
  if (isUnresolved(name)) return;
  if (!PAIR_NAME.test(name)) {
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidPairName,
      scope,
      problem: `the pair name is used in ${NAMED_AFTER_PAIR[kind]}, and in a tag value`,
      received: JSON.stringify(name),
      allowed: `1 to ${MAX_PAIR_NAME} letters, digits, hyphens or underscores`,
    });
  }
  const root = scope.node.root;
  const appClaims = claims.get(root) ?? new Map<string, IConstruct>();
  claims.set(root, appClaims);
  const key = `${kind}:${name}`;
  const owner = appClaims.get(key);
  if (owner === undefined) {
    appClaims.set(key, scope);
    return;
  }
  if (owner === scope || scope.node.scopes.includes(owner)) return;
  throw new NetworkConstraintError({
    code: ErrorCode.DuplicatePairName,
    scope,
    problem: `another ${kind} pair of the app has this name, and ${NAMED_AFTER_PAIR[kind]} are named after it, which must be unique in an AWS account`,
    received: `${JSON.stringify(name)} for ${scope.node.path}, already the name of ${owner.node.path}`,
    allowed: `a pair name no other ${kind} pair of the app uses`,
    fix: 'Give each pair its own pairName, or leave pairName out: the default is derived from the construct path',
  });
}
