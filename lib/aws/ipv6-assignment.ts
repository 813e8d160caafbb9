import { isUnresolved } from '../core/tokens';

/**
 * How an interface gets its IPv6 addresses. The subnet must have an IPv6 CIDR block and the
 * instance type must support IPv6.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
 */
export class Ipv6Assignment {
  /** No IPv6 address. */
  public static none(): Ipv6Assignment {
    return new Ipv6Assignment(0, undefined);
  }

  /**
   * AWS picks `count` IPv6 addresses from the subnet's IPv6 CIDR block.
   * @param count number of IPv6 addresses
   */
  public static count(count: number): Ipv6Assignment {
    return new Ipv6Assignment(count, undefined);
  }

  /**
   * Fixed IPv6 addresses from the subnet's IPv6 CIDR block.
   * @param addresses the IPv6 addresses
   */
  public static addresses(...addresses: string[]): Ipv6Assignment {
    return new Ipv6Assignment(addresses.length, addresses);
  }

  /**
   * The explicit addresses.
   * @default - AWS picks the addresses
   */
  public readonly fixedAddresses?: string[];

  /** Number of IPv6 addresses (may be a token when given as one to `count`). */
  public readonly addressCount: number;

  private constructor(addressCount: number, addresses: string[] | undefined) {
    this.addressCount = addressCount;
    this.fixedAddresses = addresses;
  }

  /** Number of IPv6 addresses, or `undefined` when it is a token. */
  public get totalAddresses(): number | undefined {
    return isUnresolved(this.addressCount) ? undefined : this.addressCount;
  }
}
