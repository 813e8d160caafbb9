import { Token } from 'cdktf';
import * as fc from 'fast-check';
import {
  SUBNET_IPV4_MAX_PREFIX, SUBNET_IPV4_MIN_PREFIX, findReservedSubnetAddress, isReservedSubnetAddress, nthHostAddress,
  reservedSubnetAddresses, usableIpv4Count,
} from '../../lib/aws/subnet-addresses';
import { cidrContains, formatIp, parseCidr, parseIp } from '../../lib/core/cidr';

const not = [
  ['an IPv4 block larger than /16', '10.0.0.0/15'],
  ['an IPv4 block smaller than /28', '10.0.1.0/29'],
  ['a block with host bits set', '10.0.1.5/24'],
  ['an IPv6 block', '2600:1f18::/64'],
  ['malformed', '10.0.1.0/'],
  ['a token', Token.asString({ Ref: 'cidr' })],
  ['missing', undefined],
];

describe('reservedSubnetAddresses', () => {
  // The example of the AWS subnet sizing page: 10.0.0.0/24.
  test('GIVEN 10.0.0.0/24 WHEN listing reserved addresses THEN they are .0 to .3 and .255 with their reasons', () => {
    const reserved = reservedSubnetAddresses('10.0.0.0/24')!;
    expect(reserved.map((r) => r.address)).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.255']);
    expect(reserved.map((r) => r.reason)).toEqual([
      expect.stringMatching(/network address/),
      expect.stringMatching(/VPC router/),
      expect.stringMatching(/DNS/),
      expect.stringMatching(/future use/),
      expect.stringMatching(/broadcast/),
    ]);
  });

  test('GIVEN a parsed block WHEN listing reserved addresses THEN it behaves as its text', () => {
    expect(reservedSubnetAddresses(parseCidr('10.0.16.0/20'))).toEqual(reservedSubnetAddresses('10.0.16.0/20'));
  });

  test.each(not)('fails when the block is %s', (_, cidr) => {
    expect(reservedSubnetAddresses(cidr)).toBeUndefined();
    expect(usableIpv4Count(cidr)).toBeUndefined();
    expect(nthHostAddress(cidr, 0)).toBeUndefined();
    expect(isReservedSubnetAddress(cidr, '10.0.1.0')).toBe(false);
  });
});

describe('isReservedSubnetAddress', () => {
  test.each(['10.0.1.0', '10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.255'])(
    'GIVEN 10.0.1.0/24 WHEN checking %s THEN it is reserved', (ip) => {
      expect(isReservedSubnetAddress('10.0.1.0/24', ip)).toBe(true);
      expect(findReservedSubnetAddress('10.0.1.0/24', ip)?.address).toBe(ip);
    });

  test.each([
    ['the first usable address', '10.0.1.4'],
    ['the last usable address', '10.0.1.254'],
    ['outside the subnet', '10.0.2.1'],
    ['the IPv4-mapped form of a reserved address', '::ffff:10.0.1.1'],
    ['malformed', '10.0.1'],
    ['a token', Token.asString({ Ref: 'ip' })],
    ['missing', undefined],
  ])('fails when the address is %s', (_, ip) => {
    expect(isReservedSubnetAddress('10.0.1.0/24', ip)).toBe(false);
    expect(findReservedSubnetAddress('10.0.1.0/24', ip)).toBeUndefined();
  });
});

describe('usableIpv4Count and nthHostAddress', () => {
  test.each([16, 24, 28])('GIVEN a /%i subnet WHEN counting THEN five fewer than its size are usable', (prefix) => {
    expect(usableIpv4Count(`10.0.0.0/${prefix}`)).toBe(2 ** (32 - prefix) - 5);
  });

  test('GIVEN 10.0.1.0/24 WHEN numbering usable addresses THEN they run from .4 to .254', () => {
    expect(nthHostAddress('10.0.1.0/24', 0)).toBe('10.0.1.4');
    expect(nthHostAddress('10.0.1.0/24', usableIpv4Count('10.0.1.0/24')! - 1)).toBe('10.0.1.254');
  });

  test.each([
    ['past the last usable address', 251],
    ['negative', -1],
    ['fractional', 1.5],
    ['NaN', NaN],
    ['a number token', Token.asNumber({ Ref: 'n' })],
  ])('fails when n is %s', (_, n) => {
    expect(nthHostAddress('10.0.1.0/24', n)).toBeUndefined();
  });
});

describe('subnet address properties', () => {
  const subnet = fc.record({
    value: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    prefix: fc.integer({ min: SUBNET_IPV4_MIN_PREFIX, max: SUBNET_IPV4_MAX_PREFIX }),
  }).map(({ value, prefix }) => {
    const network = BigInt(value) - BigInt(value) % 2n ** BigInt(32 - prefix);
    return parseCidr(`${formatIp({ family: 4, value: network })}/${prefix}`, { strict: true })!;
  });
  const value = (ip: string) => parseIp(ip)!.value;

  test('GIVEN any /16-/28 subnet WHEN listing reserved addresses THEN they are the first four and the last, all inside', () => {
    fc.assert(fc.property(subnet, (cidr) => {
      const reserved = reservedSubnetAddresses(cidr)!.map((r) => r.address);
      expect(new Set(reserved).size).toBe(5);
      expect(reserved.every((ip) => cidrContains(cidr, ip))).toBe(true);
      expect(reserved.map(value)).toEqual([0n, 1n, 2n, 3n, cidr.size - 1n].map((offset) => cidr.network + offset));
      expect(usableIpv4Count(cidr)! + reserved.length).toBe(Number(cidr.size));
    }), { numRuns: 300 });
  });

  test('GIVEN any subnet and usable index WHEN taking that host THEN it is inside, not reserved and in order', () => {
    const hostIndex = subnet.chain((cidr) => fc.tuple(fc.constant(cidr), fc.nat({ max: usableIpv4Count(cidr)! - 1 })));
    fc.assert(fc.property(hostIndex, ([cidr, n]) => {
      const host = nthHostAddress(cidr, n)!;
      expect(cidrContains(cidr, host)).toBe(true);
      expect(isReservedSubnetAddress(cidr, host)).toBe(false);
      expect(value(host) - cidr.network).toBe(BigInt(n + 4));
    }), { numRuns: 300 });
  });

  test('GIVEN arbitrary strings WHEN used as subnet and address THEN nothing throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 16 }), fc.double(), (cidr, ip, n) => {
      reservedSubnetAddresses(cidr);
      isReservedSubnetAddress(cidr, ip);
      usableIpv4Count(cidr);
      nthHostAddress(cidr, n);
    }), { numRuns: 200 });
  });
});
