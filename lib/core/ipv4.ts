/** Width of an IPv4 address in bits. */
export const IPV4_BITS = 32;

const IPV4_MAX = 2 ** IPV4_BITS - 1;

// One decimal octet 0-255 without leading zeros: "010" is octal to some parsers (inet_aton) and
// decimal to others, so the same text would name two different hosts.
const OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)$/;

/**
 * The 32-bit value of a strict dotted-quad IPv4 address, or `undefined` for anything else
 * (leading zeros, spaces, fewer or more than four octets, tokens, non-strings).
 */
export function parseIpv4(text: string | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  const octets = text.split('.');
  if (octets.length !== 4 || !octets.every((octet) => OCTET.test(octet))) return undefined;
  return octets.reduce((value, octet) => value * 256 + Number(octet), 0);
}

/** True when `text` is a strict dotted-quad IPv4 address (see `parseIpv4`). */
export function isIpv4(text: string | undefined): boolean {
  return parseIpv4(text) !== undefined;
}

/**
 * Dotted-quad text of a 32-bit address value.
 * @throws RangeError when `value` is not an integer in [0, 2^32 - 1]
 */
export function formatIpv4(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > IPV4_MAX) {
    throw new RangeError(`not an IPv4 address value: ${value}`);
  }
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
