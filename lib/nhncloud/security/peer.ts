import type { SecurityGroup } from './security-group';
import { isWholeInternet } from '../../core/security-rules';
import { isUnresolved } from '../../core/tokens';

/**
 * The other side of an NHN Cloud security group rule: an IPv4 CIDR block (`remote_ip_prefix`) or
 * the ports of a security group (`remote_group_id`). NHN Cloud's rules are IPv4 (`ethertype` is
 * `IPv4`). A virtual IP belongs to no security group: to accept packets from one, use its address
 * as a block (constraints.md B19).
 *
 * @see https://registry.terraform.io/providers/nhn-cloud/nhncloud/1.0.7/docs/resources/networking_secgroup_rule_v2
 */
export class Peer {
  /** An IPv4 CIDR block such as `192.168.0.0/16`. */
  public static ipv4(cidr: string): Peer {
    return new Peer('remoteIpPrefix', cidr);
  }

  /** Every IPv4 address (`0.0.0.0/0`). */
  public static anyIpv4(): Peer {
    return Peer.ipv4('0.0.0.0/0');
  }

  /** The ports of a security group given by id. */
  public static securityGroupId(securityGroupId: string): Peer {
    return new Peer('remoteGroupId', securityGroupId);
  }

  /** The ports of a security group of this app. */
  public static securityGroup(group: SecurityGroup): Peer {
    return new Peer('remoteGroupId', group.securityGroupId, group.node.path);
  }

  /** @internal the attribute of the rule resource that holds the peer */
  public readonly _attribute: 'remoteIpPrefix' | 'remoteGroupId';
  /** The CIDR block or the security group id. */
  public readonly value: string;
  /**
   * A readable key that stays the same across syntheses, for rule construct ids.
   * @default - none: the peer is a token
   */
  public readonly stableKey?: string;

  private constructor(attribute: Peer['_attribute'], value: string, stableKey?: string) {
    this._attribute = attribute;
    this.value = value;
    this.stableKey = stableKey ?? (isUnresolved(value) ? undefined : value);
  }

  /** Whether the peer is a CIDR block (rather than a security group). */
  public get isCidr(): boolean {
    return this._attribute === 'remoteIpPrefix';
  }

  /** Whether the peer is the whole internet (`0.0.0.0/0`, however it is written). */
  public get isInternet(): boolean {
    return this.isCidr && isWholeInternet(this.value, 4);
  }

  /** Readable description of the peer, for errors. */
  public toString(): string {
    return `${this._attribute} ${this.value}`;
  }
}
