import { isIPv4 } from 'node:net';
import { Token } from 'cdktf';
import * as fc from 'fast-check';
import { formatIpv4, isIpv4, parseIpv4 } from '../../lib/core/ipv4';

const octets = (a: number, b: number, c: number, d: number) => ((a * 256 + b) * 256 + c) * 256 + d;

describe('parseIpv4', () => {
  test.each([
    ['10.0.1.4', octets(10, 0, 1, 4)],
    ['0.0.0.0', 0],
    ['255.255.255.255', 2 ** 32 - 1],
    ['192.168.100.9', octets(192, 168, 100, 9)],
  ])('GIVEN %s WHEN parsed THEN it yields its 32-bit value', (text, value) => {
    expect(parseIpv4(text)).toBe(value);
    expect(isIpv4(text)).toBe(true);
  });

  test.each([
    ['a leading zero', '010.0.0.1'],
    ['a leading zero in the last octet', '10.0.0.01'],
    ['an octet above 255', '10.0.256.1'],
    ['only three octets', '10.0.1'],
    ['five octets', '10.0.1.4.5'],
    ['an empty octet', '10..1.4'],
    ['a trailing dot', '10.0.1.4.'],
    ['a leading space', ' 10.0.1.4'],
    ['a trailing space', '10.0.1.4 '],
    ['a trailing newline', '10.0.1.4\n'],
    ['a sign', '+10.0.1.4'],
    ['a negative octet', '10.0.-1.4'],
    ['a hex octet', '0x0a.0.1.4'],
    ['an exponent', '1e1.0.1.4'],
    ['full-width digits', '１0.0.1.4'],
    ['a CIDR suffix', '10.0.1.4/32'],
    ['IPv6 form', '::ffff:10.0.1.4'],
    ['nothing in it', ''],
    ['a string token', Token.asString({ Ref: 'ip' })],
  ])('fails when the text has a %s', (_, text) => {
    expect(parseIpv4(text)).toBeUndefined();
    expect(isIpv4(text)).toBe(false);
  });

  test('fails when the value is missing or not a string', () => {
    expect(parseIpv4(undefined)).toBeUndefined();
    expect(parseIpv4(167772417 as unknown as string)).toBeUndefined();
  });
});

describe('formatIpv4', () => {
  test('GIVEN a 32-bit value WHEN formatted THEN octets come most significant first', () => {
    expect(formatIpv4(octets(10, 0, 1, 4))).toBe('10.0.1.4');
    expect(formatIpv4(2 ** 32 - 1)).toBe('255.255.255.255');
  });

  test.each([
    ['negative', -1],
    ['above 32 bits', 2 ** 32],
    ['fractional', 1.5],
    ['NaN', NaN],
    ['number token', Token.asNumber({ Ref: 'n' })],
  ])('fails when the value is %s', (_, value) => {
    expect(() => formatIpv4(value)).toThrow(RangeError);
  });
});

describe('IPv4 properties', () => {
  const uint32 = fc.integer({ min: 0, max: 2 ** 32 - 1 });

  test('GIVEN any 32-bit value WHEN formatted and parsed back THEN the value is unchanged', () => {
    fc.assert(fc.property(uint32, (value) => parseIpv4(formatIpv4(value)) === value), { numRuns: 500 });
  });

  test('GIVEN four random octets WHEN joined, parsed and formatted THEN the text is unchanged', () => {
    const text = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }).map((o) => o.join('.'));
    fc.assert(fc.property(text, (t) => formatIpv4(parseIpv4(t)!) === t), { numRuns: 300 });
  });

  test('GIVEN strings of digits and dots WHEN checked THEN the verdict matches node:net', () => {
    const noisy = fc.string({ unit: fc.constantFrom(...'0123456789.'.split('')), maxLength: 18 });
    // Near misses: four dotted runs of digits, often with leading zeros or above 255.
    const dotted = fc.array(fc.stringMatching(/^\d{1,3}$/), { minLength: 3, maxLength: 5 }).map((o) => o.join('.'));
    fc.assert(fc.property(fc.oneof(noisy, dotted), (text) => isIpv4(text) === isIPv4(text)), { numRuns: 1000 });
  });

  test('GIVEN arbitrary strings WHEN parsed THEN nothing throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
      parseIpv4(text);
    }), { numRuns: 200 });
  });
});
