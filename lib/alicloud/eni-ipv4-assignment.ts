import { AliDocUrl } from './doc-url';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { isIpv4 } from '../core/ipv4';
import { isUnresolved } from '../core/tokens';

/** CreateNetworkInterface assigns at most 49 secondary private IPv4 addresses to a new ENI. */
const MAX_SECONDARY_IPV4_AT_CREATION = 49;

/**
 * How an ENI gets its private IPv4 addresses: always one primary, optionally secondary ones.
 *
 * Fixed addresses are written as `primary_ip_address` plus the `private_ip_addresses` set of the
 * secondary ones, so the primary is the one named first, never whichever element of a set Alibaba
 * Cloud happens to take.
 *
 * @see https://www.alibabacloud.com/help/en/elastic-compute-service/latest/createnetworkinterface
 */
export class EniIpv4Assignment {
  /** Alibaba Cloud picks the primary address from the vSwitch; no secondary addresses. */
  public static automatic(): EniIpv4Assignment {
    return new EniIpv4Assignment(0, undefined);
  }

  /**
   * Alibaba Cloud picks the primary address and `secondaryCount` secondary addresses.
   * @param secondaryCount number of secondary private IPv4 addresses (the primary not counted): a
   * whole number from 0 to 49 (the instance type's own limit is checked when the ENI is attached)
   */
  public static count(secondaryCount: number): EniIpv4Assignment {
    const whole = Number.isInteger(secondaryCount);
    if (!isUnresolved(secondaryCount) && !(whole && secondaryCount >= 0 && secondaryCount <= MAX_SECONDARY_IPV4_AT_CREATION)) {
      throw new NetworkConstraintError({
        code: whole && secondaryCount > MAX_SECONDARY_IPV4_AT_CREATION ? ErrorCode.TooManyPrivateIpv4Addresses : ErrorCode.InvalidCount,
        subject: 'EniIpv4Assignment.count',
        problem: 'the number of secondary private IPv4 addresses is out of range',
        received: String(secondaryCount),
        allowed: `a whole number from 0 to ${MAX_SECONDARY_IPV4_AT_CREATION} (CreateNetworkInterface)`,
        docUrl: AliDocUrl.createNetworkInterface,
      });
    }
    return new EniIpv4Assignment(secondaryCount, undefined);
  }

  /**
   * Fixed addresses: `primary` first, then the secondary addresses.
   * @param primary the primary private IPv4 address
   * @param secondary secondary private IPv4 addresses, at most 49
   */
  public static addresses(primary: string, ...secondary: string[]): EniIpv4Assignment {
    const addresses = [primary, ...secondary];
    addresses.forEach((address, i) => {
      if (isUnresolved(address) || isIpv4(address)) return;
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidIpv4Address,
        subject: 'EniIpv4Assignment.addresses',
        problem: `${i === 0 ? 'the primary address' : `secondary address #${i}`} is not an IPv4 address`,
        received: JSON.stringify(address),
        allowed: 'a dotted-quad IPv4 address such as 10.0.1.10',
      });
    });
    if (secondary.length > MAX_SECONDARY_IPV4_AT_CREATION) {
      throw new NetworkConstraintError({
        code: ErrorCode.TooManyPrivateIpv4Addresses,
        subject: 'EniIpv4Assignment.addresses',
        problem: 'a new ENI takes at most 49 secondary private IPv4 addresses',
        received: `${secondary.length} secondary addresses`,
        allowed: `at most ${MAX_SECONDARY_IPV4_AT_CREATION}`,
        docUrl: AliDocUrl.createNetworkInterface,
      });
    }
    return new EniIpv4Assignment(secondary.length, addresses);
  }

  /**
   * The fixed addresses, primary first.
   * @default - Alibaba Cloud picks the addresses
   */
  public readonly fixedAddresses?: string[];

  /** Number of secondary addresses (a token when given as one to `count`). */
  public readonly secondaryCount: number;

  private constructor(secondaryCount: number, addresses: string[] | undefined) {
    this.secondaryCount = secondaryCount;
    this.fixedAddresses = addresses;
  }

  /** Total number of private IPv4 addresses, primary included, or `undefined` when the count is a token. */
  public get totalAddresses(): number | undefined {
    return isUnresolved(this.secondaryCount) ? undefined : this.secondaryCount + 1;
  }
}
