import { isIPv6 } from 'node:net';
import { Token } from 'cdktf';
import * as fc from 'fast-check';
import { formatIpv6, isIpv6, parseIpv6 } from '../../lib/core/ipv6';

const MAX = 2n ** 128n - 1n;
const fromGroups = (groups: number[]) => groups.reduce((value, group) => value * 0x10000n + BigInt(group), 0n);

describe('parseIpv6', () => {
  test.each([
    ['the full form', '2001:0db8:0000:0000:0000:ff00:0042:8329', [0x2001, 0xdb8, 0, 0, 0, 0xff00, 0x42, 0x8329]],
    ['the compressed form', '2001:db8::ff00:42:8329', [0x2001, 0xdb8, 0, 0, 0, 0xff00, 0x42, 0x8329]],
    ['upper case', '2001:DB8::FF00:42:8329', [0x2001, 0xdb8, 0, 0, 0, 0xff00, 0x42, 0x8329]],
    ['only "::"', '::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['loopback', '::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['"::" at the end', '2600:1f18::', [0x2600, 0x1f18, 0, 0, 0, 0, 0, 0]],
    ['"::" for a single group', '1:2:3:4:5:6:7::', [1, 2, 3, 4, 5, 6, 7, 0]],
    ['"::" for a single leading group', '::2:3:4:5:6:7:8', [0, 2, 3, 4, 5, 6, 7, 8]],
    ['an IPv4-mapped tail', '::ffff:192.0.2.1', [0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201]],
    ['an IPv4 tail after six groups', '1:2:3:4:5:6:10.0.1.4', [1, 2, 3, 4, 5, 6, 0x0a00, 0x0104]],
  ])('GIVEN %s WHEN parsed THEN it yields the 128-bit value of its groups', (_, text, groups) => {
    expect(parseIpv6(text)).toBe(fromGroups(groups as number[]));
    expect(isIpv6(text)).toBe(true);
  });

  test.each([
    ['is ":::"', ':::'],
    ['has a triple colon', '1:::2'],
    ['has two "::"', '1::2::3'],
    ['starts with a single colon', ':1:2:3:4:5:6:7'],
    ['ends with a single colon', '1:2:3:4:5:6:7:8:'],
    ['has seven groups and no "::"', '1:2:3:4:5:6:7'],
    ['has nine groups', '1:2:3:4:5:6:7:8:9'],
    ['has "::" and eight groups', '1::2:3:4:5:6:7:8'],
    ['has a five-digit group', '12345::'],
    ['has a non-hex digit', 'g::1'],
    ['has a zone id', 'fe80::1%eth0'],
    ['has a leading space', ' ::1'],
    ['has a trailing space', '::1 '],
    ['is in brackets', '[::1]'],
    ['has a CIDR suffix', '::1/128'],
    ['is IPv4', '10.0.1.4'],
    ['has a short IPv4 tail', '::ffff:1.2.3'],
    ['has an IPv4 tail out of range', '::ffff:256.1.1.1'],
    ['has an IPv4 tail with a leading zero', '::ffff:01.1.1.1'],
    ['has IPv4 before "::"', '1.2.3.4::'],
    ['has IPv4 before the last group', '::1.2.3.4:5'],
    ['has IPv4 making nine groups', '1:2:3:4:5:6:7:1.2.3.4'],
    ['is empty', ''],
    ['is a string token', Token.asString({ Ref: 'ipv6' })],
  ])('fails when the text %s', (_, text) => {
    expect(parseIpv6(text)).toBeUndefined();
    expect(isIpv6(text)).toBe(false);
  });

  test('fails when the value is missing or not a string', () => {
    expect(parseIpv6(undefined)).toBeUndefined();
    expect(parseIpv6(1n as unknown as string)).toBeUndefined();
  });
});

describe('formatIpv6', () => {
  // Cases from RFC 5952 section 4.
  test.each([
    ['drops leading zeros and lowers case', [0x2001, 0xdb8, 0, 0, 0, 0, 0xabc, 0x1], '2001:db8::abc:1'],
    ['does not shorten a single zero group', [0x2001, 0xdb8, 0, 1, 1, 1, 1, 1], '2001:db8:0:1:1:1:1:1'],
    ['shortens the longest run', [0x2001, 0, 0, 1, 0, 0, 0, 1], '2001:0:0:1::1'],
    ['shortens the first of equal runs', [0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], '2001:db8::1:0:0:1'],
    ['shortens a leading run', [0, 0, 0, 0, 0, 0, 0, 1], '::1'],
    ['shortens a trailing run', [0x2600, 0x1f18, 0, 0, 0, 0, 0, 0], '2600:1f18::'],
    ['shortens all zeros', [0, 0, 0, 0, 0, 0, 0, 0], '::'],
    ['writes IPv4-mapped addresses in mixed notation', [0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201], '::ffff:192.0.2.1'],
  ])('GIVEN groups WHEN formatted THEN it %s', (_, groups, text) => {
    expect(formatIpv6(fromGroups(groups as number[]))).toBe(text);
  });

  test.each([
    ['negative', -1n],
    ['above 128 bits', MAX + 1n],
    ['a number', 1 as unknown as bigint],
  ])('fails when the value is %s', (_, value) => {
    expect(() => formatIpv6(value)).toThrow(RangeError);
  });
});

describe('IPv6 properties', () => {
  const uint128 = fc.bigInt({ min: 0n, max: MAX });
  // Groups biased towards zero so runs of zeros, the hard part of RFC 5952, are common.
  const sparse = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 })
    .map(fromGroups);
  const address = fc.oneof(uint128, sparse);

  test('GIVEN any 128-bit value WHEN formatted and parsed back THEN the value is unchanged', () => {
    fc.assert(fc.property(address, (value) => parseIpv6(formatIpv6(value)) === value), { numRuns: 500 });
  });

  test('GIVEN any value WHEN written in full upper-case form THEN it parses to the same value', () => {
    const full = (value: bigint) => value.toString(16).padStart(32, '0').toUpperCase().match(/.{4}/g)!.join(':');
    fc.assert(fc.property(address, (value) => parseIpv6(full(value)) === value), { numRuns: 300 });
  });

  test('GIVEN any non-mapped value WHEN formatted THEN a WHATWG URL serializer leaves the text as is', () => {
    // The URL standard serializes IPv6 hosts with the RFC 5952 compression rules (mapped addresses aside).
    const notMapped = address.filter((value) => value / 2n ** 32n !== 0xffffn);
    fc.assert(fc.property(notMapped, (value) => {
      const text = formatIpv6(value);
      return new URL(`http://[${text}]/`).hostname === `[${text}]`;
    }), { numRuns: 300 });
  });

  test('GIVEN strings of IPv6 characters WHEN checked THEN the verdict matches node:net without zone ids', () => {
    const noisy = fc.string({ unit: fc.constantFrom(...'0fF:.1%'.split('')), maxLength: 20 });
    // Near misses: a valid address with one character inserted or removed.
    const mutated = fc.tuple(address, fc.nat(), fc.constantFrom('', ':', '.', '0', 'x', '::', '%', '1.2.3.4'))
      .map(([value, at, insert]) => {
        const text = formatIpv6(value);
        const cut = at % (text.length + 1);
        return insert === '' ? text.slice(0, cut) + text.slice(cut + 1) : text.slice(0, cut) + insert + text.slice(cut);
      });
    fc.assert(fc.property(fc.oneof(noisy, mutated), (text) =>
      isIpv6(text) === (isIPv6(text) && !text.includes('%'))), { numRuns: 1000 });
  });

  test('GIVEN arbitrary strings WHEN parsed THEN nothing throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 45 }), (text) => {
      parseIpv6(text);
    }), { numRuns: 200 });
  });
});
