import { IConstruct } from 'constructs';
import { ADMIN_PORTS } from './admin-ports';
import { formatCidr, parseCidr } from './cidr';
import { ErrorCode } from './error-codes';
import { NetworkConstraintError } from './errors';
import { isUnresolved } from './tokens';

// What every cloud's security-group construct checks the same way, whatever its rule resource looks
// like: a peer that is the whole internet, SSH/RDP opened to it, port ranges, the same rule twice and
// stable construct ids. Each construct keeps its own resource, doc URLs and wording of the fix.

/** Construct ids a rule cannot take: `node.defaultChild` looks for `Resource` and `Default`. */
const RESERVED_RULE_IDS = ['Resource', 'Default'];

/** What a rule lets through, as the neutral checks read it. */
export interface RuleTraffic {
  /** Whether the rule lets TCP `port` through (true when a token end makes it uncertain). */
  coversTcpPort(port: number): boolean;
  /** Readable form such as `tcp/22`, for ids and errors. */
  toString(): string;
}

/** Whether a CIDR block is the whole internet of its family: prefix length 0, however it is written (`::0/0`). */
export function isWholeInternet(cidr: string, family: 4 | 6): boolean {
  const block = parseCidr(cidr);
  return block?.prefix === 0 && block.family === family;
}

/** The canonical form of a literal CIDR block (`2408:4005:0::/32` is `2408:4005::/32`), or `undefined`. */
export function canonicalCidr(cidr: string): string | undefined {
  const block = isUnresolved(cidr) ? undefined : parseCidr(cidr);
  return block ? formatCidr(block) : undefined;
}

/** An ingress rule as the administration-port check reads it. */
export interface AdminExposure {
  /** Whether the peer is the whole internet. */
  readonly fromInternet: boolean;
  readonly traffic: RuleTraffic;
  /** The peer as the user wrote it, for the error. */
  readonly peer: string;
  /** The rule's explicit opt-in (`allowAdministrationFromInternet`). */
  readonly optedIn?: boolean;
  /** Where the administration port should be allowed from instead, in the cloud's words. */
  readonly fix: string;
  readonly docUrl: string;
}

/**
 * Refuses SSH or RDP opened to the whole internet unless the rule opts in explicitly.
 * @returns the administration port an opted-in rule opens (its construct records the suppression), or `undefined`
 * @throws NetworkConstraintError `AdminPortOpenToInternet`
 */
export function checkAdminExposure(scope: IConstruct, rule: AdminExposure): { readonly port: number; readonly name: string } | undefined {
  const exposed = rule.fromInternet ? ADMIN_PORTS.find((admin) => rule.traffic.coversTcpPort(admin.port)) : undefined;
  if (exposed && !rule.optedIn) {
    throw new NetworkConstraintError({
      code: ErrorCode.AdminPortOpenToInternet,
      scope,
      problem: `${exposed.name} (TCP ${exposed.port}) would be open to the whole internet`,
      received: `${rule.traffic} from ${rule.peer}`,
      allowed: 'administration ports from specific CIDR ranges, a prefix list or a security group',
      fix: rule.fix,
      docUrl: rule.docUrl,
    });
  }
  return exposed;
}

/**
 * Refuses a TCP or UDP port range outside 1 to 65535 or with its ends swapped. Each literal end is
 * checked on its own: a token at one end does not vouch for the other.
 * @throws NetworkConstraintError `InvalidPort`
 */
export function checkTransportPorts(scope: IConstruct, protocol: string, fromPort: number, toPort: number, docUrl: string): void {
  const inRange = (value: number) => isUnresolved(value) || (Number.isInteger(value) && value >= 1 && value <= 65535);
  if (inRange(fromPort) && inRange(toPort) && (isUnresolved(fromPort) || isUnresolved(toPort) || fromPort <= toPort)) return;
  throw new NetworkConstraintError({
    code: ErrorCode.InvalidPort,
    scope,
    problem: 'the rule has an invalid port range',
    received: `${protocol} ${fromPort}-${toPort}`,
    allowed: 'whole numbers from 1 to 65535 with fromPort <= toPort',
    docUrl,
  });
}

/** One rule as the ledger records it. */
export interface LedgerRule {
  /** `ingress` or `egress`. */
  readonly direction: 'ingress' | 'egress';
  readonly traffic: RuleTraffic;
  /** What kind of peer (the attribute that holds it), so a block and a group id never compare equal. */
  readonly peerKind: string;
  /** The peer in canonical form, or `undefined` when it is a token and cannot be compared. */
  readonly peerKey?: string;
  /** A readable key of the peer that stays the same across syntheses, or `undefined` for a token. */
  readonly stableKey?: string;
  /** The peer as the error shows it. */
  readonly peer: string;
  /** The construct id the user asked for. */
  readonly id?: string;
}

/** A cloud's rule peer as the ledger reads it. */
export interface LedgerPeer {
  /** Whether the peer is a CIDR block. */
  readonly isCidr: boolean;
  /** The CIDR block, prefix list or group id. */
  readonly value: string;
  /** A readable key that stays the same across syntheses (`undefined` for a token). */
  readonly stableKey?: string;
  /** @internal the attribute of the rule resource that holds the peer */
  readonly _attribute: string;
  toString(): string;
}

/** A rule as the ledger compares it: CIDR blocks in canonical form (`2408:4005:0::/32` is `2408:4005::/32`). */
export function ledgerRule(direction: 'ingress' | 'egress', peer: LedgerPeer, traffic: RuleTraffic, id: string | undefined): LedgerRule {
  const peerKey = peer.isCidr ? canonicalCidr(peer.value) ?? peer.stableKey : peer.stableKey;
  return { direction, traffic, peerKind: peer._attribute, peerKey, stableKey: peer.stableKey, peer: `${peer}`, id };
}

/**
 * The rules of one security group: refuses the same rule twice (clouds compare a rule's direction,
 * traffic and peer, not its name) and gives each rule a construct id derived from its content, so
 * that adding or reordering rules replaces nothing. A token peer has no stable content: it gets a
 * sequence number, which an explicit id replaces when the order may change.
 */
export class RuleLedger {
  private readonly contents = new Set<string>();
  private tokenPeers = 0;

  /**
   * @param group the security group construct, parent of the rules
   * @param docUrl the cloud's page on security group rules, for the duplicate error
   */
  constructor(private readonly group: IConstruct, private readonly docUrl: string) {}

  /**
   * Refuses a rule that allows what an earlier rule allows already.
   * @returns its content, for `claimId` (`undefined` for a token peer)
   * @throws NetworkConstraintError `DuplicateRule`
   */
  public checkNotAddedYet(rule: LedgerRule): string | undefined {
    if (rule.peerKey === undefined) return undefined;
    const content = `${rule.direction} ${rule.traffic} ${rule.peerKind} ${rule.peerKey}`;
    if (!this.contents.has(content)) return content;
    throw new NetworkConstraintError({
      code: ErrorCode.DuplicateRule,
      scope: this.group,
      problem: 'the same rule is added twice',
      received: `${rule.direction} ${rule.traffic} ${rule.peer}`,
      allowed: 'each direction, port and peer once',
      docUrl: this.docUrl,
    });
  }

  /**
   * The rule's construct id: the one asked for, or one derived from the rule. Once the id is free,
   * the rule's content counts as added.
   * @throws NetworkConstraintError `ConstructIdInUse`
   */
  public claimId(rule: LedgerRule, content: string | undefined): string {
    const direction = rule.direction === 'ingress' ? 'Ingress' : 'Egress';
    const id = rule.id ?? `${direction}-${rule.traffic}-${rule.stableKey ?? `peer${++this.tokenPeers}`}`.replace(/[^A-Za-z0-9.:_-]+/g, '_');
    const taken = this.group.node.tryFindChild(id);
    if (id === '' || taken || RESERVED_RULE_IDS.includes(id)) {
      throw new NetworkConstraintError({
        code: ErrorCode.ConstructIdInUse,
        scope: this.group,
        problem: taken ? `the rule's construct id names ${taken.node.path} already` : 'the rule\'s construct id is empty or reserved',
        received: `id ${JSON.stringify(id)}`,
        allowed: `a non-empty id that no child of ${this.group.node.path} has, other than ${RESERVED_RULE_IDS.map((r) => JSON.stringify(r)).join(' and ')}`,
        fix: 'Give the rule another id, or leave id out to derive one from the rule',
      });
    }
    if (content !== undefined) this.contents.add(content);
    return id;
  }
}
