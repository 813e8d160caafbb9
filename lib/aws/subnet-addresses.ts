import { Cidr, CidrLike, formatIp, hasHostBits, parseIp, toCidr } from '../core/cidr';

/** Where AWS states which subnet addresses are reserved and which subnet sizes are allowed. */
export const SUBNET_SIZING_DOC_URL = 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html';

/**
 * Largest IPv4 subnet AWS allows (a /16 netmask).
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
export const SUBNET_IPV4_MIN_PREFIX = 16;

/**
 * Smallest IPv4 subnet AWS allows (a /28 netmask).
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
export const SUBNET_IPV4_MAX_PREFIX = 28;

/** An address AWS keeps for itself in every IPv4 subnet, and why. */
export interface ReservedSubnetAddress {
  /** Dotted-quad address. */
  readonly address: string;
  /** Why AWS reserves it, as a short phrase (for example `VPC router`). */
  readonly reason: string;
}

// "The first four IP addresses and the last IP address in each subnet CIDR block are not available
// for you to use, and they cannot be assigned to a resource":
// https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
const RESERVED_FROM_START = [
  'network address',
  'VPC router',
  'Amazon DNS server (base of the range plus two)',
  'reserved by AWS for future use',
];
const RESERVED_LAST = 'network broadcast address (a VPC does not support broadcast)';
const RESERVED_COUNT = RESERVED_FROM_START.length + 1;

/**
 * The block when it is a valid AWS IPv4 subnet: IPv4, /16 to /28, no host bits set.
 * Anything else (IPv6, tokens, other sizes) has no AWS IPv4 reservation to compute.
 */
function ipv4Subnet(cidr: CidrLike | undefined): Cidr | undefined {
  const block = toCidr(cidr);
  if (block === undefined || block.family !== 4 || hasHostBits(block)) return undefined;
  return block.prefix >= SUBNET_IPV4_MIN_PREFIX && block.prefix <= SUBNET_IPV4_MAX_PREFIX ? block : undefined;
}

/**
 * The five addresses AWS reserves in an IPv4 subnet, lowest first: network, VPC router, DNS,
 * future use and broadcast. `undefined` when `cidr` is not a valid AWS IPv4 subnet block.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
export function reservedSubnetAddresses(cidr: CidrLike | undefined): ReservedSubnetAddress[] | undefined {
  const subnet = ipv4Subnet(cidr);
  if (subnet === undefined) return undefined;
  const reserved = (value: bigint, reason: string) => ({ address: formatIp({ family: 4, value }), reason });
  return [
    ...RESERVED_FROM_START.map((reason, offset) => reserved(subnet.network + BigInt(offset), reason)),
    reserved(subnet.network + subnet.size - 1n, RESERVED_LAST),
  ];
}

/**
 * The reserved address (with its reason) that `ip` names in the subnet, or `undefined` when `ip`
 * is not one of them or either value is not a literal IPv4 subnet and address.
 */
export function findReservedSubnetAddress(cidr: CidrLike | undefined, ip: string | undefined): ReservedSubnetAddress | undefined {
  const address = parseIp(ip);
  if (address === undefined || address.family !== 4) return undefined;
  return reservedSubnetAddresses(cidr)?.find((reserved) => parseIp(reserved.address)?.value === address.value);
}

/** True when `ip` is one of the five addresses AWS reserves in the IPv4 subnet `cidr`. */
export function isReservedSubnetAddress(cidr: CidrLike | undefined, ip: string | undefined): boolean {
  return findReservedSubnetAddress(cidr, ip) !== undefined;
}

/** Addresses of the IPv4 subnet that resources may use (size minus the five reserved), or `undefined`. */
export function usableIpv4Count(cidr: CidrLike | undefined): number | undefined {
  const subnet = ipv4Subnet(cidr);
  return subnet === undefined ? undefined : usableCount(subnet);
}

function usableCount(subnet: Cidr): number {
  return Number(subnet.size) - RESERVED_COUNT;
}

/**
 * The `n`-th usable address of the IPv4 subnet, counting from 0 (`10.0.1.4` for n = 0 in
 * `10.0.1.0/24`), or `undefined` when `n` is not an integer in [0, usableIpv4Count) or the subnet
 * is not a valid AWS IPv4 subnet block.
 */
export function nthHostAddress(cidr: CidrLike | undefined, n: number): string | undefined {
  const subnet = ipv4Subnet(cidr);
  if (subnet === undefined || !Number.isInteger(n) || n < 0 || n >= usableCount(subnet)) return undefined;
  return formatIp({ family: 4, value: subnet.network + BigInt(RESERVED_FROM_START.length + n) });
}
