import { Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { DocUrl } from './doc-url';
import { findReservedSubnetAddress } from './subnet-addresses';
import { cidrContains, familyBits, formatCidr, formatIp, hasHostBits, parseCidr } from '../core/cidr';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { isIpv4 } from '../core/ipv4';
import { isIpv6 } from '../core/ipv6';
import { isUnresolved } from '../core/tokens';
import { InstanceNetworkLimits } from './limits/instance-network-limits';

// Construction-time checks shared by every construct that takes addresses, so each documented
// constraint has one implementation and one error code. Tokens are always skipped.

/** Throws unless `value` is a whole number within [min, max]. */
export function checkCount(scope: IConstruct, what: string, value: number, min: number, max?: number): void {
  if (isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidCount,
      scope,
      problem: `${what} is out of range`,
      received: String(value),
      allowed: max === undefined ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`,
    });
  }
}

/**
 * Throws unless `cidr` is a well-formed IPv4 (or IPv6 when `ipv6`) CIDR block written as its network
 * address. EC2 would round `10.0.0.5/24` down to `10.0.0.0/24`, but the Terraform AWS provider
 * refuses host bits in VPC, subnet, route and security group rule CIDRs ("must be a valid IPv4 CIDR
 * that represents a network address"), and so does `ip route` for a subnet: every caller wants the
 * network address, and the error names it.
 */
export function checkCidr(scope: IConstruct, what: string, cidr: string | undefined, ipv6 = false): void {
  if (cidr !== undefined && Tokenization.reverseList([cidr]) !== undefined) {
    // The one element cdktf gives a list known only at deploy time: each CIDR makes its own rule.
    throw new NetworkConstraintError({
      code: ErrorCode.ListLengthUnknown,
      scope,
      problem: `${what} comes from a list known only at deploy time, but each CIDR block makes its own rule, so the list must be written out`,
      received: 'a list token (a variable, a data source or another resource\'s list attribute)',
      allowed: 'a literal list, whose elements may themselves be tokens',
      fix: 'List the CIDR blocks in the code, or give one CIDR block per element from separate variables',
    });
  }
  if (cidr === undefined || isUnresolved(cidr)) return;
  const parsed = parseCidr(cidr);
  if (!parsed || parsed.family !== (ipv6 ? 6 : 4)) {
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidCidr,
      scope,
      problem: `${what} is not a valid ${ipv6 ? 'IPv6' : 'IPv4'} CIDR block`,
      received: JSON.stringify(cidr),
      allowed: ipv6 ? 'an IPv6 CIDR such as "2600:1f18:1234:5600::/64"' : 'an IPv4 CIDR such as "10.0.1.0/24"',
    });
  }
  if (hasHostBits(parsed)) {
    const host = `${formatIp({ family: parsed.family, value: parsed.address })}/${familyBits(parsed.family)}`;
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidCidr,
      scope,
      problem: `${what} has host bits set`,
      received: JSON.stringify(cidr),
      allowed: `the network address ${JSON.stringify(formatCidr(parsed))}`,
      fix: `Write the block as its network address, or as ${JSON.stringify(host)} for that one address`,
    });
  }
}

/**
 * Throws when a literal private IPv4 address is malformed, outside the subnet's CIDR block, or one
 * of the five addresses AWS reserves in every subnet.
 */
export function checkPrivateIpv4(scope: IConstruct, what: string, address: string, subnetCidr?: string): void {
  if (isUnresolved(address)) return;
  if (!isIpv4(address)) {
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidIpv4Address,
      scope,
      problem: `${what} is not a valid IPv4 address`,
      received: JSON.stringify(address),
      allowed: 'a dotted-quad IPv4 address such as "10.0.1.10"',
    });
  }
  if (subnetCidr === undefined || isUnresolved(subnetCidr) || !parseCidr(subnetCidr)) return;
  if (!cidrContains(subnetCidr, address)) {
    throw new NetworkConstraintError({
      code: ErrorCode.AddressOutsideSubnet,
      scope,
      problem: `${what} is outside its subnet`,
      received: `${address} (subnet ${subnetCidr})`,
      allowed: `an address inside ${subnetCidr}`,
      docUrl: DocUrl.subnetSizing,
    });
  }
  const reserved = findReservedSubnetAddress(subnetCidr, address);
  if (reserved) {
    throw new NetworkConstraintError({
      code: ErrorCode.ReservedAddress,
      scope,
      problem: `${what} is one of the five addresses AWS reserves in every subnet (${reserved.reason})`,
      received: `${address} (subnet ${subnetCidr})`,
      allowed: `an address of ${subnetCidr} other than the network address, the next three and the last`,
      docUrl: DocUrl.subnetSizing,
    });
  }
}

/** Throws when a literal IPv6 address is malformed or outside the subnet's IPv6 CIDR block. */
export function checkIpv6(scope: IConstruct, what: string, address: string, subnetCidr?: string): void {
  if (isUnresolved(address)) return;
  if (!isIpv6(address)) {
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidIpv6Address,
      scope,
      problem: `${what} is not a valid IPv6 address`,
      received: JSON.stringify(address),
      allowed: 'an IPv6 address such as "2600:1f18:1234:5600::10"',
    });
  }
  if (subnetCidr === undefined || isUnresolved(subnetCidr) || !parseCidr(subnetCidr)) return;
  if (!cidrContains(subnetCidr, address)) {
    throw new NetworkConstraintError({
      code: ErrorCode.AddressOutsideSubnet,
      scope,
      problem: `${what} is outside its subnet's IPv6 CIDR block`,
      received: `${address} (subnet ${subnetCidr})`,
      allowed: `an address inside ${subnetCidr}`,
      docUrl: DocUrl.subnetSizing,
    });
  }
}

/** Throws when the same literal address appears twice (compared case-insensitively). */
export function checkNoDuplicates(scope: IConstruct, what: string, addresses: string[]): void {
  const seen = new Set<string>();
  for (const address of addresses) {
    if (isUnresolved(address)) continue;
    const key = address.toLowerCase();
    if (seen.has(key)) {
      throw new NetworkConstraintError({
        code: ErrorCode.DuplicateAddress,
        scope,
        problem: `${what} lists the same address twice`,
        received: address,
        allowed: 'each address once',
      });
    }
    seen.add(key);
  }
}

/** Address counts of one interface, `undefined` where a count is a token. */
export interface InterfaceAddressCounts {
  readonly ipv4?: number;
  readonly ipv6?: number;
}

/**
 * Throws when an interface carries more addresses than the instance type allows per interface,
 * or any IPv6 address on a type without IPv6. Unknown types are left to the NetworkRules aspect.
 */
export function checkAddressLimits(
  scope: IConstruct,
  instanceType: string | undefined,
  counts: InterfaceAddressCounts,
): void {
  const limits = instanceType === undefined ? undefined : InstanceNetworkLimits.of(instanceType);
  if (!limits) return;
  if (counts.ipv4 !== undefined && counts.ipv4 > limits.ipv4AddressesPerInterface) {
    throw new NetworkConstraintError({
      code: ErrorCode.TooManyPrivateIpv4Addresses,
      scope,
      problem: `the interface has more private IPv4 addresses than ${instanceType} allows per interface`,
      received: `${counts.ipv4} addresses (primary included)`,
      allowed: `at most ${limits.ipv4AddressesPerInterface} on ${instanceType}`,
      fix: 'Use fewer secondary addresses, spread them over more interfaces, or choose a larger instance type',
      docUrl: DocUrl.ipPerEni,
    });
  }
  if (counts.ipv6 === undefined || counts.ipv6 === 0) return;
  if (limits.ipv6Supported === false) {
    throw new NetworkConstraintError({
      code: ErrorCode.Ipv6NotSupported,
      scope,
      problem: `${instanceType} does not support IPv6`,
      received: `${counts.ipv6} IPv6 addresses`,
      allowed: `no IPv6 address on ${instanceType}`,
      fix: 'Remove the IPv6 assignment or choose an instance type that supports IPv6',
      docUrl: DocUrl.ipPerEni,
    });
  }
  if (limits.ipv6AddressesPerInterface !== undefined && counts.ipv6 > limits.ipv6AddressesPerInterface) {
    throw new NetworkConstraintError({
      code: ErrorCode.TooManyIpv6Addresses,
      scope,
      problem: `the interface has more IPv6 addresses than ${instanceType} allows per interface`,
      received: `${counts.ipv6} IPv6 addresses`,
      allowed: `at most ${limits.ipv6AddressesPerInterface} on ${instanceType}`,
      docUrl: DocUrl.ipPerEni,
    });
  }
}
