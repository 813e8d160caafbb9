import type { SecurityGroup } from './security-group';
import { parseCidr } from '../../core/cidr';
import { isUnresolved } from '../../core/tokens';

/**
 * The other side of a security group rule: a CIDR block, a managed prefix list or another
 * security group. One rule resource (`aws_vpc_security_group_*_rule`) takes exactly one peer.
 */
export class Peer {
  /** An IPv4 CIDR block such as `10.0.0.0/16`. */
  public static ipv4(cidr: string): Peer {
    return new Peer('cidrIpv4', cidr);
  }

  /** An IPv6 CIDR block such as `2600:1f18::/56`. */
  public static ipv6(cidr: string): Peer {
    return new Peer('cidrIpv6', cidr);
  }

  /** Every IPv4 address (`0.0.0.0/0`). */
  public static anyIpv4(): Peer {
    return Peer.ipv4('0.0.0.0/0');
  }

  /** Every IPv6 address (`::/0`). */
  public static anyIpv6(): Peer {
    return Peer.ipv6('::/0');
  }

  /** A managed prefix list (`pl-...`). */
  public static prefixList(prefixListId: string): Peer {
    return new Peer('prefixListId', prefixListId);
  }

  /** Members of a security group given by id (`sg-...`), such as a load balancer's group. */
  public static securityGroupId(securityGroupId: string): Peer {
    return new Peer('referencedSecurityGroupId', securityGroupId);
  }

  /** Members of a security group of this app. */
  public static securityGroup(group: SecurityGroup): Peer {
    return new Peer('referencedSecurityGroupId', group.securityGroupId, group.node.path);
  }

  /** @internal the attribute of the rule resource that holds the peer */
  public readonly _attribute: 'cidrIpv4' | 'cidrIpv6' | 'prefixListId' | 'referencedSecurityGroupId';
  /** The CIDR block, prefix list id or security group id. */
  public readonly value: string;

  /** @internal a readable key that stays the same across syntheses, for rule construct ids */
  public readonly _stableKey?: string;

  private constructor(attribute: Peer['_attribute'], value: string, stableKey?: string) {
    this._attribute = attribute;
    this.value = value;
    this._stableKey = stableKey ?? (isUnresolved(value) ? undefined : value);
  }

  /**
   * Whether the peer is the whole internet: a block with prefix length 0 of the peer's family,
   * however it is written (`0.0.0.0/0`, `::/0`, `::0/0`, `0:0::/0`).
   */
  public get isInternet(): boolean {
    const block = this._attribute === 'cidrIpv4' || this._attribute === 'cidrIpv6' ? parseCidr(this.value) : undefined;
    return block?.prefix === 0 && block.family === (this._attribute === 'cidrIpv6' ? 6 : 4);
  }

  /** Readable description of the peer, for errors. */
  public toString(): string {
    return `${this._attribute} ${this.value}`;
  }
}
