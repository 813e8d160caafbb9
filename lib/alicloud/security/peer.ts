import { isWholeInternet } from '../../core/security-rules';
import { isUnresolved } from '../../core/tokens';

/**
 * The other side of an Alibaba Cloud security group rule: an IPv4 or IPv6 CIDR block, a prefix
 * list or another security group. One `alicloud_security_group_rule` takes exactly one peer.
 */
export class Peer {
  /** An IPv4 CIDR block such as `10.0.0.0/16`. */
  public static ipv4(cidr: string): Peer {
    return new Peer('cidrIp', cidr);
  }

  /** An IPv6 CIDR block such as `2408:4005:3a1::/56`. */
  public static ipv6(cidr: string): Peer {
    return new Peer('ipv6CidrIp', cidr);
  }

  /** Every IPv4 address (`0.0.0.0/0`). */
  public static anyIpv4(): Peer {
    return Peer.ipv4('0.0.0.0/0');
  }

  /** Every IPv6 address (`::/0`). */
  public static anyIpv6(): Peer {
    return Peer.ipv6('::/0');
  }

  /** A prefix list (`pl-...`). */
  public static prefixList(prefixListId: string): Peer {
    return new Peer('prefixListId', prefixListId);
  }

  /** Members of a security group given by id (`sg-...`). */
  public static securityGroupId(securityGroupId: string): Peer {
    return new Peer('sourceSecurityGroupId', securityGroupId);
  }

  /** @internal the attribute of the rule resource that holds the peer */
  public readonly _attribute: 'cidrIp' | 'ipv6CidrIp' | 'prefixListId' | 'sourceSecurityGroupId';
  /** The CIDR block, prefix list id or security group id. */
  public readonly value: string;

  private constructor(attribute: Peer['_attribute'], value: string) {
    this._attribute = attribute;
    this.value = value;
  }

  /** Whether the peer is a CIDR block (rather than a prefix list or a security group). */
  public get isCidr(): boolean {
    return this._attribute === 'cidrIp' || this._attribute === 'ipv6CidrIp';
  }

  /** Whether the peer is the whole internet: a block with prefix length 0 of the peer's family. */
  public get isInternet(): boolean {
    return this.isCidr && isWholeInternet(this.value, this._attribute === 'ipv6CidrIp' ? 6 : 4);
  }

  /** A readable key that stays the same across syntheses, for rule construct ids (`undefined` for a token). */
  public get stableKey(): string | undefined {
    return isUnresolved(this.value) ? undefined : this.value;
  }

  /** Readable description of the peer, for errors. */
  public toString(): string {
    return `${this._attribute} ${this.value}`;
  }
}
