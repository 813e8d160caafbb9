import { formatIpv4, parseIpv4 } from './ipv4';

/** Width of an IPv6 address in bits. */
export const IPV6_BITS = 128;

const GROUPS = 8;
const GROUP_SIZE = 0x10000n;
const IPV6_MAX = 2n ** BigInt(IPV6_BITS) - 1n;
const IPV4_SIZE = 2n ** 32n;
const HEXTET = /^[0-9a-f]{1,4}$/i;
// ::ffff:0:0/96 (RFC 4291 section 2.5.5.2), the only range RFC 5952 section 5 writes in mixed notation.
const IPV4_MAPPED_HIGH_BITS = 0xffffn;

/**
 * The 16-bit groups of one side of a `::`, or `undefined` when a piece is not a hextet.
 * Only the final piece of the whole address may be an embedded dotted-quad IPv4 address.
 */
function parseGroups(part: string, allowIpv4Tail: boolean): number[] | undefined {
  if (part === '') return [];
  const pieces = part.split(':');
  const groups: number[] = [];
  for (const [index, piece] of pieces.entries()) {
    if (allowIpv4Tail && index === pieces.length - 1 && piece.includes('.')) {
      const ipv4 = parseIpv4(piece);
      if (ipv4 === undefined) return undefined;
      groups.push(Math.floor(ipv4 / 0x10000), ipv4 % 0x10000);
    } else if (HEXTET.test(piece)) {
      groups.push(parseInt(piece, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

/**
 * The 128-bit value of an IPv6 address in full, `::`-compressed or mixed (`::ffff:192.0.2.1`)
 * form, any case; `undefined` for anything else, zone ids (`fe80::1%eth0`) and tokens included.
 */
export function parseIpv6(text: string | undefined): bigint | undefined {
  if (typeof text !== 'string') return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const compressed = halves.length === 2;
  const head = parseGroups(halves[0], !compressed);
  const tail = compressed ? parseGroups(halves[1], true) : [];
  if (head === undefined || tail === undefined) return undefined;
  // "::" stands for at least one zero group, so a compressed address writes at most seven.
  const written = head.length + tail.length;
  if (compressed ? written > GROUPS - 1 : written !== GROUPS) return undefined;
  const groups = [...head, ...new Array<number>(GROUPS - written).fill(0), ...tail];
  return groups.reduce((value, group) => value * GROUP_SIZE + BigInt(group), 0n);
}

/** True when `text` is an IPv6 address (see `parseIpv6`). */
export function isIpv6(text: string | undefined): boolean {
  return parseIpv6(text) !== undefined;
}

/** Start and length of the first longest run of at least two zero groups (RFC 5952 section 4.2). */
function longestZeroRun(groups: number[]): { start: number; length: number } | undefined {
  let best: { start: number; length: number } | undefined;
  let start = 0;
  for (let index = 0; index <= groups.length; index++) {
    if (index < groups.length && groups[index] === 0) continue;
    const length = index - start;
    if (length >= 2 && length > (best?.length ?? 0)) best = { start, length };
    start = index + 1;
  }
  return best;
}

/**
 * RFC 5952 canonical text of a 128-bit address value: lower case, no leading zeros, the first
 * longest run of two or more zero groups written `::`, IPv4-mapped addresses as `::ffff:a.b.c.d`.
 * @see https://www.rfc-editor.org/rfc/rfc5952#section-4
 * @throws RangeError when `value` is not in [0, 2^128 - 1]
 */
export function formatIpv6(value: bigint): string {
  if (typeof value !== 'bigint' || value < 0n || value > IPV6_MAX) {
    throw new RangeError(`not an IPv6 address value: ${String(value)}`);
  }
  if (value / IPV4_SIZE === IPV4_MAPPED_HIGH_BITS) return `::ffff:${formatIpv4(Number(value % IPV4_SIZE))}`;
  const groups = Array.from({ length: GROUPS }, (_, index) =>
    Number((value / GROUP_SIZE ** BigInt(GROUPS - 1 - index)) % GROUP_SIZE));
  const hex = (part: number[]) => part.map((group) => group.toString(16)).join(':');
  const run = longestZeroRun(groups);
  if (run === undefined) return hex(groups);
  return `${hex(groups.slice(0, run.start))}::${hex(groups.slice(run.start + run.length))}`;
}
