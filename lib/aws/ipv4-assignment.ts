import { AddressFamilyBound, checkAddressCount, checkAddressList } from './assignment-bounds';
import { ErrorCode } from '../core/error-codes';
import { isUnresolved } from '../core/tokens';
import { InstanceNetworkLimits } from './limits/instance-network-limits';

function ipv4Bound(): AddressFamilyBound {
  return {
    family: 'private IPv4',
    maxPerInterface: InstanceNetworkLimits.maxima().ipv4AddressesPerInterface,
    tooManyCode: ErrorCode.TooManyPrivateIpv4Addresses,
  };
}

/**
 * How an interface gets its private IPv4 addresses.
 *
 * Always one primary address, optionally secondary ones. Explicit addresses are written with
 * `private_ip_list_enabled` + `private_ip_list`, the only form in which AWS keeps the first address
 * as the primary: with a plain `private_ips` set the primary is whichever AWS picks.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/MultipleIP.html
 */
export class Ipv4Assignment {
  /** AWS picks one primary address from the subnet; no secondary addresses. */
  public static automatic(): Ipv4Assignment {
    return new Ipv4Assignment(0, undefined);
  }

  /**
   * AWS picks the primary address and `secondaryCount` secondary addresses from the subnet.
   * @param secondaryCount number of secondary private IPv4 addresses (the primary is not counted):
   * a whole number, at most the largest per-interface limit of any instance type minus the primary
   * (the instance type's own limit is checked when the interface is attached)
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
   */
  public static count(secondaryCount: number): Ipv4Assignment {
    const bound = ipv4Bound();
    checkAddressCount('Ipv4Assignment.count', 'secondaryCount', secondaryCount, bound.maxPerInterface - 1, bound);
    return new Ipv4Assignment(secondaryCount, undefined);
  }

  /**
   * Fixed addresses: `primary` first, then the secondary addresses, in this order.
   * @param primary the primary private IPv4 address
   * @param secondary secondary private IPv4 addresses
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
   */
  public static addresses(primary: string, ...secondary: string[]): Ipv4Assignment {
    const addresses = [primary, ...secondary];
    checkAddressList('Ipv4Assignment.addresses', addresses, ipv4Bound());
    return new Ipv4Assignment(secondary.length, addresses);
  }

  /**
   * The explicit addresses, primary first.
   * @default - AWS picks the addresses
   */
  public readonly fixedAddresses?: string[];

  /** Number of secondary addresses (may be a token when given as one to `count`). */
  public readonly secondaryCount: number;

  private constructor(secondaryCount: number, addresses: string[] | undefined) {
    this.secondaryCount = secondaryCount;
    this.fixedAddresses = addresses;
  }

  /**
   * Total number of private IPv4 addresses, primary included, or `undefined` when a count is a token.
   */
  public get totalAddresses(): number | undefined {
    return isUnresolved(this.secondaryCount) ? undefined : this.secondaryCount + 1;
  }

  /** The primary address when fixed and known at synth time. */
  public get primaryAddress(): string | undefined {
    const primary = this.fixedAddresses?.[0];
    return primary !== undefined && !isUnresolved(primary) ? primary : undefined;
  }
}
