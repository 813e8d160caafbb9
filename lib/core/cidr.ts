import { IPV4_BITS, formatIpv4, parseIpv4 } from './ipv4';
import { IPV6_BITS, formatIpv6, parseIpv6 } from './ipv6';

/** IP version of an address or block. */
export type IpFamily = 4 | 6;

/** A parsed address of either family; IPv4 values fit in 32 bits, IPv6 values in 128. */
export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

/** A parsed CIDR block. */
export interface Cidr {
  readonly family: IpFamily;
  /** First address of the block: the written address with its host bits cleared. */
  readonly network: bigint;
  /** The address as written, host bits included (see `hasHostBits`). */
  readonly address: bigint;
  /** Prefix length, 0-32 for IPv4 and 0-128 for IPv6. */
  readonly prefix: number;
  /** Number of addresses in the block, 2^(address bits - prefix). */
  readonly size: bigint;
}

/** A block either parsed already or still as text such as `10.0.1.0/24`. */
export type CidrLike = Cidr | string;

/** How `parseCidr` treats an address with host bits set, such as `10.0.1.5/24`. */
export interface ParseCidrOptions {
  /**
   * Reject blocks whose address has host bits set. The EC2 API silently rounds such a block down
   * to its network, but the Terraform AWS provider rejects it for VPC, subnet and security group
   * rule CIDRs (`verify.ValidIPv4CIDRNetworkAddress`), so a literal with host bits is a mistake.
   * @default false
   */
  readonly strict?: boolean;
}

// Decimal without leading zeros, as in the addresses themselves.
const PREFIX = /^(?:0|[1-9]\d{0,2})$/;

/** Width in bits of an address of the family. */
export function familyBits(family: IpFamily): number {
  return family === 4 ? IPV4_BITS : IPV6_BITS;
}

/** An IPv4 or IPv6 address parsed from text, or `undefined` (see `parseIpv4` and `parseIpv6`). */
export function parseIp(text: string | undefined): IpAddress | undefined {
  const ipv4 = parseIpv4(text);
  if (ipv4 !== undefined) return { family: 4, value: BigInt(ipv4) };
  const ipv6 = parseIpv6(text);
  return ipv6 === undefined ? undefined : { family: 6, value: ipv6 };
}

/** Canonical text of an address: dotted quad, or RFC 5952 for IPv6. */
export function formatIp(address: IpAddress): string {
  return address.family === 4 ? formatIpv4(Number(address.value)) : formatIpv6(address.value);
}

/**
 * A CIDR block of either family (`10.0.1.0/24`, `2600:1f18::/56`), or `undefined` for anything
 * else: no prefix, prefix out of range or with leading zeros, bad address, tokens, and with
 * `strict`, host bits set.
 */
export function parseCidr(text: string | undefined, options: ParseCidrOptions = {}): Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = text.split('/');
  if (parts.length !== 2 || !PREFIX.test(parts[1])) return undefined;
  const ip = parseIp(parts[0]);
  if (ip === undefined) return undefined;
  const bits = familyBits(ip.family);
  const prefix = Number(parts[1]);
  if (prefix > bits) return undefined;
  const size = 2n ** BigInt(bits - prefix);
  const network = ip.value - ip.value % size;
  if (options.strict && network !== ip.value) return undefined;
  return { family: ip.family, network, address: ip.value, prefix, size };
}

/** A block given as text parsed leniently (host bits ignored), or the block itself. */
export function toCidr(cidr: CidrLike | undefined): Cidr | undefined {
  if (typeof cidr === 'string') return parseCidr(cidr);
  return typeof cidr === 'object' && cidr !== null ? cidr : undefined;
}

/** Canonical text of the block: its network address and prefix (host bits dropped). */
export function formatCidr(cidr: Cidr): string {
  return `${formatIp({ family: cidr.family, value: cidr.network })}/${cidr.prefix}`;
}

/** True when the block was written with host bits set (`10.0.1.5/24` rather than `10.0.1.0/24`). */
export function hasHostBits(cidr: Cidr): boolean {
  return cidr.address !== cidr.network;
}

/** Last address of the block. */
export function lastAddress(cidr: Cidr): bigint {
  return cidr.network + cidr.size - 1n;
}

/** True when the address lies in the block; false across families and for anything unparsable. */
export function cidrContains(cidr: CidrLike | undefined, ip: string | undefined): boolean {
  const block = toCidr(cidr);
  const address = parseIp(ip);
  return block !== undefined && address !== undefined && address.family === block.family
    && address.value >= block.network && address.value <= lastAddress(block);
}

/** True when every address of `inner` lies in `outer` (a block contains itself). */
export function cidrContainsCidr(outer: CidrLike | undefined, inner: CidrLike | undefined): boolean {
  const a = toCidr(outer);
  const b = toCidr(inner);
  return a !== undefined && b !== undefined && a.family === b.family
    && a.network <= b.network && lastAddress(b) <= lastAddress(a);
}

/** True when the two blocks share at least one address; false across families. */
export function cidrsOverlap(first: CidrLike | undefined, second: CidrLike | undefined): boolean {
  const a = toCidr(first);
  const b = toCidr(second);
  return a !== undefined && b !== undefined && a.family === b.family
    && a.network <= lastAddress(b) && b.network <= lastAddress(a);
}
