import { Token } from 'cdktf';
import * as fc from 'fast-check';
import {
  Cidr, IpFamily, cidrContains, cidrContainsCidr, cidrsOverlap, formatCidr, formatIp, hasHostBits, lastAddress,
  parseCidr, parseIp, toCidr,
} from '../../lib/core/cidr';
import { parseIpv4 } from '../../lib/core/ipv4';
import { parseIpv6 } from '../../lib/core/ipv6';

const v4 = (text: string) => BigInt(parseIpv4(text)!);
const v6 = (text: string) => parseIpv6(text)!;

describe('parseCidr', () => {
  test.each([
    ['an IPv4 subnet', '10.0.1.0/24', 4, v4('10.0.1.0'), 24],
    ['the IPv4 default route', '0.0.0.0/0', 4, 0n, 0],
    ['an IPv4 host', '10.0.1.4/32', 4, v4('10.0.1.4'), 32],
    ['an IPv6 block', '2600:1f18::/56', 6, v6('2600:1f18::'), 56],
    ['the IPv6 default route', '::/0', 6, 0n, 0],
    ['an IPv6 host in upper case', '2600:1F18::A/128', 6, v6('2600:1f18::a'), 128],
  ])('GIVEN %s WHEN parsed THEN family, network, prefix and size follow', (_, text, family, network, prefix) => {
    const bits = family === 4 ? 32 : 128;
    expect(parseCidr(text)).toEqual({ family, network, address: network, prefix, size: 2n ** BigInt(bits - prefix) });
  });

  test.each([
    ['has no prefix', '10.0.1.0'],
    ['has an empty prefix', '10.0.1.0/'],
    ['has no address', '/24'],
    ['has an IPv4 prefix above 32', '10.0.1.0/33'],
    ['has an IPv6 prefix above 128', '2600:1f18::/129'],
    ['has a prefix with a leading zero', '10.0.1.0/024'],
    ['has a negative prefix', '10.0.1.0/-1'],
    ['has a space in the prefix', '10.0.1.0/ 24'],
    ['has a non-decimal prefix', '10.0.1.0/0x18'],
    ['has two prefixes', '10.0.1.0/24/24'],
    ['has a bad address', '10.0.1/24'],
    ['has an IPv6 zone id', 'fe80::%eth0/64'],
    ['is empty', ''],
    ['is a string token', Token.asString({ Ref: 'cidr' })],
    ['ends with a token', `10.0.${Token.asString({ Ref: 'octet' })}.0/24`],
  ])('fails when the text %s', (_, text) => {
    expect(parseCidr(text)).toBeUndefined();
  });

  test('fails when the value is missing or not a string', () => {
    expect(parseCidr(undefined)).toBeUndefined();
    expect(parseCidr(24 as unknown as string)).toBeUndefined();
  });

  test('GIVEN host bits set WHEN parsed leniently THEN the network drops them and hasHostBits reports them', () => {
    const cidr = parseCidr('10.0.1.5/24')!;
    expect(cidr.network).toBe(v4('10.0.1.0'));
    expect(cidr.address).toBe(v4('10.0.1.5'));
    expect(hasHostBits(cidr)).toBe(true);
    expect(formatCidr(cidr)).toBe('10.0.1.0/24');
  });

  test('fails when host bits are set and parsing is strict', () => {
    expect(parseCidr('10.0.1.5/24', { strict: true })).toBeUndefined();
    expect(parseCidr('2600:1f18::1/56', { strict: true })).toBeUndefined();
  });

  test('GIVEN no host bits WHEN parsed strictly THEN the block is accepted', () => {
    expect(parseCidr('10.0.1.0/24', { strict: true })).toEqual(parseCidr('10.0.1.0/24'));
    expect(hasHostBits(parseCidr('10.0.1.0/24')!)).toBe(false);
  });
});

describe('parseIp and formatIp', () => {
  test('GIVEN either family WHEN parsed THEN the family is reported and formatting is canonical', () => {
    expect(parseIp('10.0.1.4')).toEqual({ family: 4, value: v4('10.0.1.4') });
    expect(formatIp(parseIp('2600:1F18:0::0A')!)).toBe('2600:1f18::a');
  });

  test('fails when the text is neither family or a token', () => {
    expect(parseIp('10.0.1')).toBeUndefined();
    expect(parseIp(Token.asString({ Ref: 'ip' }))).toBeUndefined();
  });
});

describe('containment and overlap', () => {
  test('GIVEN a subnet WHEN testing addresses THEN only those from network to last address are inside', () => {
    expect(cidrContains('10.0.1.0/24', '10.0.1.0')).toBe(true);
    expect(cidrContains('10.0.1.0/24', '10.0.1.255')).toBe(true);
    expect(cidrContains('10.0.1.0/24', '10.0.0.255')).toBe(false);
    expect(cidrContains('10.0.1.0/24', '10.0.2.0')).toBe(false);
    expect(cidrContains('2600:1f18::/56', '2600:1f18:0:ff::1')).toBe(true);
    expect(cidrContains('2600:1f18::/56', '2600:1f18:0:100::')).toBe(false);
    expect(cidrContains(parseCidr('10.0.0.0/8')!, '10.255.0.1')).toBe(true);
  });

  test('fails when families differ, even for an IPv4-mapped IPv6 address', () => {
    expect(cidrContains('10.0.1.0/24', '::ffff:10.0.1.4')).toBe(false);
    expect(cidrContains('::/0', '10.0.1.4')).toBe(false);
    expect(cidrsOverlap('0.0.0.0/0', '::/0')).toBe(false);
    expect(cidrContainsCidr('::/0', '10.0.0.0/8')).toBe(false);
  });

  test('fails when either side is a token, missing or malformed', () => {
    const token = Token.asString({ Ref: 'cidr' });
    expect(cidrContains(token, '10.0.1.4')).toBe(false);
    expect(cidrContains('10.0.1.0/24', token)).toBe(false);
    expect(cidrContains(undefined, '10.0.1.4')).toBe(false);
    expect(cidrsOverlap(token, '10.0.0.0/8')).toBe(false);
    expect(cidrContainsCidr('10.0.0.0/8', '10.0.1.0/33')).toBe(false);
    expect(toCidr(null as unknown as string)).toBeUndefined();
  });

  test('GIVEN nested and disjoint blocks WHEN compared THEN containment is one-way and overlap two-way', () => {
    expect(cidrContainsCidr('10.0.0.0/16', '10.0.1.0/24')).toBe(true);
    expect(cidrContainsCidr('10.0.1.0/24', '10.0.0.0/16')).toBe(false);
    expect(cidrsOverlap('10.0.1.0/24', '10.0.0.0/16')).toBe(true);
    expect(cidrsOverlap('10.0.1.0/24', '10.0.2.0/24')).toBe(false);
    expect(cidrContainsCidr('10.0.1.0/24', '10.0.1.0/24')).toBe(true);
  });
});

describe('CIDR properties', () => {
  const block = (family: IpFamily) => {
    const bits = family === 4 ? 32 : 128;
    return fc.record({
      value: fc.bigInt({ min: 0n, max: 2n ** BigInt(bits) - 1n }),
      prefix: fc.integer({ min: 0, max: bits }),
    }).map(({ value, prefix }) => parseCidr(`${formatIp({ family, value })}/${prefix}`)!);
  };
  const anyBlock = fc.oneof(block(4), block(6));
  const max = (cidr: Cidr) => 2n ** BigInt(cidr.family === 4 ? 32 : 128) - 1n;
  const ip = (cidr: Cidr, value: bigint) => formatIp({ family: cidr.family, value });

  test('GIVEN any text form of a block WHEN parsed THEN formatCidr round-trips the canonical text', () => {
    fc.assert(fc.property(anyBlock, (cidr) => {
      const again = parseCidr(formatCidr(cidr), { strict: true })!;
      return again.network === cidr.network && again.prefix === cidr.prefix && again.size === cidr.size;
    }), { numRuns: 300 });
  });

  test('GIVEN any block WHEN testing an address inside THEN it is contained, and the neighbours outside are not', () => {
    fc.assert(fc.property(anyBlock, fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }), (cidr, seed) => {
      const inside = cidr.network + (seed % cidr.size);
      expect(cidrContains(cidr, ip(cidr, inside))).toBe(true);
      expect(cidrContains(cidr, ip(cidr, lastAddress(cidr)))).toBe(true);
      if (cidr.network > 0n) expect(cidrContains(cidr, ip(cidr, cidr.network - 1n))).toBe(false);
      if (lastAddress(cidr) < max(cidr)) expect(cidrContains(cidr, ip(cidr, lastAddress(cidr) + 1n))).toBe(false);
    }), { numRuns: 300 });
  });

  // Two blocks of one family with random networks rarely meet, so half the pairs are a block and
  // a sub-block of it.
  const pair = fc.oneof(
    fc.constantFrom<IpFamily>(4, 6).chain((family) => fc.tuple(block(family), block(family))),
    anyBlock.chain((outer) => fc.tuple(
      fc.constant(outer),
      fc.record({ seed: fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }), extra: fc.nat() }).map(({ seed, extra }) => {
        const bits = outer.family === 4 ? 32 : 128;
        const prefix = outer.prefix + (extra % (bits - outer.prefix + 1));
        return parseCidr(`${ip(outer, outer.network + (seed % outer.size))}/${prefix}`)!;
      }),
    )),
  );

  test('GIVEN two blocks WHEN compared THEN overlap is symmetric and equals containment of either network', () => {
    fc.assert(fc.property(pair, ([a, b]) => {
      const overlap = cidrsOverlap(a, b);
      expect(cidrsOverlap(b, a)).toBe(overlap);
      expect(overlap).toBe(cidrContains(a, ip(b, b.network)) || cidrContains(b, ip(a, a.network)));
      // CIDR blocks are nested or disjoint, never partly overlapping.
      expect(overlap).toBe(cidrContainsCidr(a, b) || cidrContainsCidr(b, a));
    }), { numRuns: 400 });
  });

  test('GIVEN two blocks WHEN one contains the other THEN it contains both endpoints of the other', () => {
    fc.assert(fc.property(pair, ([a, b]) => {
      const endpoints = cidrContains(a, ip(b, b.network)) && cidrContains(a, ip(b, lastAddress(b)));
      expect(cidrContainsCidr(a, b)).toBe(endpoints);
    }), { numRuns: 400 });
  });

  test('GIVEN arbitrary strings WHEN parsed as blocks THEN nothing throws', () => {
    const slashy = fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 4 })).map(([a, p]) => `${a}/${p}`);
    fc.assert(fc.property(fc.oneof(slashy, fc.string({ unit: 'grapheme', maxLength: 30 })), (text) => {
      parseCidr(text, { strict: true });
      cidrContains(text, text);
      cidrsOverlap(text, '10.0.0.0/8');
    }), { numRuns: 200 });
  });
});
