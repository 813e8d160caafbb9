import { NhnDocUrl } from './doc-url';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { isIpv4 } from '../core/ipv4';
import { isUnresolved } from '../core/tokens';

/**
 * How a port gets its fixed IPv4 addresses: always one first (primary) address, optionally more.
 *
 * Each address is one `fixed_ip` block, and `fixed_ip` is a list: the address named first is
 * written first, so the port's first address never depends on the order of a set.
 *
 * @see https://registry.terraform.io/providers/nhn-cloud/nhncloud/1.0.7/docs/resources/networking_port_v2
 */
export class FixedIpAssignment {
  /** NHN Cloud picks one address from the subnet. */
  public static automatic(): FixedIpAssignment {
    return new FixedIpAssignment(0, undefined);
  }

  /**
   * NHN Cloud picks the first address and `additionalCount` more from the subnet.
   * @param additionalCount number of addresses besides the first, a whole number known at synth
   * time: each address is a `fixed_ip` block of its own
   */
  public static count(additionalCount: number): FixedIpAssignment {
    if (isUnresolved(additionalCount) || !Number.isInteger(additionalCount) || additionalCount < 0) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidCount,
        subject: 'FixedIpAssignment.count',
        problem: isUnresolved(additionalCount)
          ? 'the number of additional fixed IPs is a token, but each address is a fixed_ip block of its own, written at synth time'
          : 'the number of additional fixed IPs is out of range',
        received: isUnresolved(additionalCount) ? 'a token' : String(additionalCount),
        allowed: 'a whole number >= 0, known at synth time',
        docUrl: NhnDocUrl.portResource,
      });
    }
    return new FixedIpAssignment(additionalCount, undefined);
  }

  /**
   * Fixed addresses: `first`, then the others, in this order.
   * @param first the port's first (primary) address
   * @param others more addresses of the same subnet
   */
  public static addresses(first: string, ...others: string[]): FixedIpAssignment {
    const addresses = [first, ...others];
    addresses.forEach((address, i) => {
      if (isUnresolved(address) || isIpv4(address)) return;
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidIpv4Address,
        subject: 'FixedIpAssignment.addresses',
        problem: `${i === 0 ? 'the first address' : `address #${i + 1}`} is not an IPv4 address`,
        received: JSON.stringify(address),
        allowed: 'a dotted-quad IPv4 address such as 192.168.0.10',
      });
    });
    return new FixedIpAssignment(others.length, addresses);
  }

  /**
   * The fixed addresses, first one first.
   * @default - NHN Cloud picks the addresses
   */
  public readonly fixedAddresses?: string[];

  /** Number of addresses besides the first. */
  public readonly additionalCount: number;

  private constructor(additionalCount: number, addresses: string[] | undefined) {
    this.additionalCount = additionalCount;
    this.fixedAddresses = addresses;
  }

  /** Total number of fixed IPs of the port, the first one included. */
  public get totalAddresses(): number {
    return this.additionalCount + 1;
  }
}
