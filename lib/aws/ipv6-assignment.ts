import { AddressFamilyBound, checkAddressCount, checkAddressList } from './assignment-bounds';
import { ErrorCode } from '../core/error-codes';
import { isUnresolved } from '../core/tokens';
import { InstanceNetworkLimits } from './limits/instance-network-limits';

function ipv6Bound(): AddressFamilyBound {
  return {
    family: 'IPv6',
    maxPerInterface: InstanceNetworkLimits.maxima().ipv6AddressesPerInterface,
    tooManyCode: ErrorCode.TooManyIpv6Addresses,
  };
}

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
   * @param count number of IPv6 addresses: a whole number, at most the largest per-interface limit
   * of any instance type (the instance type's own limit is checked when the interface is attached)
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
   */
  public static count(count: number): Ipv6Assignment {
    const bound = ipv6Bound();
    checkAddressCount('Ipv6Assignment.count', 'count', count, bound.maxPerInterface, bound);
    return new Ipv6Assignment(count, undefined);
  }

  /**
   * Fixed IPv6 addresses from the subnet's IPv6 CIDR block.
   * @param addresses the IPv6 addresses
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
   */
  public static addresses(...addresses: string[]): Ipv6Assignment {
    checkAddressList('Ipv6Assignment.addresses', addresses, ipv6Bound());
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
