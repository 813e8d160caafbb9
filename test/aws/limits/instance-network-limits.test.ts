import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lazy, Token } from 'cdktf';
import { InstanceNetworkLimits, InstanceTypeNetworkLimits } from '../../../lib/aws/limits/instance-network-limits';

// The raw data file is the oracle: these tests read it directly, not through the generator.
interface RawEntry {
  type: string;
  maxEni: number;
  ipv4PerEni: number;
  ipv6PerEni: number | null;
  ipv6Supported: boolean | null;
  networkCards: { index: number; maxEni: number }[];
  defaultNetworkCardIndex: number;
  hypervisor: string | null;
  bareMetal: boolean;
}
const raw: RawEntry[] = JSON.parse(readFileSync(join(__dirname, '../../../data/ec2-instance-network-limits.json'), 'utf8')).instanceTypes;
const rawByType = new Map(raw.map((entry) => [entry.type, entry]));

function rawEntry(type: string): RawEntry {
  const entry = rawByType.get(type);
  if (!entry) throw new Error(`${type} is not in the data file`);
  return entry;
}

function expectedLimits(entry: RawEntry): InstanceTypeNetworkLimits {
  return {
    instanceType: entry.type,
    maxNetworkInterfaces: entry.maxEni,
    ipv4AddressesPerInterface: entry.ipv4PerEni,
    ipv6AddressesPerInterface: entry.ipv6PerEni ?? undefined,
    ipv6Supported: entry.ipv6Supported ?? undefined,
    networkCards: entry.networkCards.map((card) => ({ index: card.index, maxNetworkInterfaces: card.maxEni })),
    defaultNetworkCardIndex: entry.defaultNetworkCardIndex,
    hypervisor: entry.hypervisor ?? undefined,
    bareMetal: entry.bareMetal,
  };
}

function limitsOf(type: string): InstanceTypeNetworkLimits {
  const limits = InstanceNetworkLimits.of(type);
  if (!limits) throw new Error(`InstanceNetworkLimits.of('${type}') returned undefined`);
  return limits;
}

describe('InstanceNetworkLimits.of', () => {
  test('GIVEN p5.48xlarge WHEN looked up THEN it has 64 interfaces spread over 32 network cards as in the data', () => {
    const limits = limitsOf('p5.48xlarge');

    expect(limits.maxNetworkInterfaces).toBe(64);
    expect(limits.networkCards).toHaveLength(32);
    for (const card of rawEntry('p5.48xlarge').networkCards) {
      expect(limits.networkCards[card.index]).toEqual({ index: card.index, maxNetworkInterfaces: card.maxEni });
    }
    expect(limits.networkCards.reduce((sum, card) => sum + card.maxNetworkInterfaces, 0)).toBe(limits.maxNetworkInterfaces);
  });

  test('GIVEN t2.small WHEN looked up THEN it allows 3 interfaces on one card', () => {
    const limits = limitsOf('t2.small');

    expect(limits.maxNetworkInterfaces).toBe(3);
    expect(limits.networkCards).toEqual([{ index: 0, maxNetworkInterfaces: 3 }]);
  });

  test('GIVEN c1.medium (no IPv6) WHEN looked up THEN ipv6Supported is false and 0 IPv6 addresses per interface', () => {
    const limits = limitsOf('c1.medium');

    expect(limits.ipv6Supported).toBe(false);
    expect(limits.ipv6AddressesPerInterface).toBe(0);
  });

  test('GIVEN types without IPv6 data WHEN looked up THEN ipv6Supported and ipv6AddressesPerInterface are undefined', () => {
    const unknownIpv6 = raw.filter((entry) => entry.ipv6Supported === null);
    expect(unknownIpv6.length).toBeGreaterThan(0);

    for (const entry of unknownIpv6) {
      const limits = limitsOf(entry.type);
      expect(limits.ipv6Supported).toBeUndefined();
      expect(limits.ipv6AddressesPerInterface).toBeUndefined();
    }
  });

  test('GIVEN every type of the data file WHEN looked up THEN every number round-trips', () => {
    for (const entry of raw) {
      expect(InstanceNetworkLimits.of(entry.type)).toStrictEqual(expectedLimits(entry));
    }
  });

  test('GIVEN a type the table does not know WHEN looked up THEN the result is undefined', () => {
    expect(InstanceNetworkLimits.of('t99.nano')).toBeUndefined();
    expect(InstanceNetworkLimits.of('')).toBeUndefined();
  });

  test('GIVEN a known type in other letter case WHEN looked up THEN the result is undefined (names are exact)', () => {
    expect(InstanceNetworkLimits.of('t2.small')).toBeDefined();
    expect(InstanceNetworkLimits.of('T2.SMALL')).toBeUndefined();
  });

  test('GIVEN a token that would resolve to a known type WHEN looked up THEN the result is undefined', () => {
    const token = Token.asString(Lazy.anyValue({ produce: () => 't2.small' }));

    expect(InstanceNetworkLimits.of(token)).toBeUndefined();
  });

  test('GIVEN a returned object WHEN a caller tries to change it THEN it throws and later lookups are unchanged', () => {
    const limits = limitsOf('t2.small') as unknown as Record<string, unknown> & { networkCards: Record<string, unknown>[] };

    expect(() => { limits.maxNetworkInterfaces = 99; }).toThrow(TypeError);
    expect(() => { limits.networkCards.push({ index: 1, maxNetworkInterfaces: 1 }); }).toThrow(TypeError);
    expect(() => { limits.networkCards[0].maxNetworkInterfaces = 99; }).toThrow(TypeError);
    expect(InstanceNetworkLimits.of('t2.small')).toStrictEqual(expectedLimits(rawEntry('t2.small')));
  });
});

describe('InstanceNetworkLimits.knownTypes', () => {
  test('GIVEN the data file WHEN listing known types THEN they are its types, sorted', () => {
    const sortedTypes = raw.map((entry) => entry.type).sort();

    expect(InstanceNetworkLimits.knownTypes()).toEqual(sortedTypes);
    expect(sortedTypes).toHaveLength(1429);
  });

  test('GIVEN a returned list WHEN the caller changes it THEN the next call is unaffected', () => {
    const first = InstanceNetworkLimits.knownTypes();
    first.length = 0;

    expect(InstanceNetworkLimits.knownTypes()).toHaveLength(raw.length);
  });
});

describe('InstanceNetworkLimits.maxInterfacesOnCard', () => {
  test('GIVEN every card of every multi-card type WHEN asked THEN it returns the per-card maximum of the data', () => {
    for (const entry of raw.filter((e) => e.networkCards.length > 1)) {
      for (const card of entry.networkCards) {
        expect(InstanceNetworkLimits.maxInterfacesOnCard(entry.type, card.index)).toBe(card.maxEni);
      }
    }
  });

  test('GIVEN a card index beyond the last card WHEN asked THEN the result is undefined', () => {
    const cards = rawEntry('p5.48xlarge').networkCards.length;

    expect(InstanceNetworkLimits.maxInterfacesOnCard('p5.48xlarge', cards)).toBeUndefined();
    expect(InstanceNetworkLimits.maxInterfacesOnCard('t2.small', 1)).toBeUndefined();
  });

  test('GIVEN an unknown type WHEN asked THEN the result is undefined', () => {
    expect(InstanceNetworkLimits.maxInterfacesOnCard('t99.nano', 0)).toBeUndefined();
  });

  test('GIVEN tokens for the type or the card index WHEN asked THEN the result is undefined', () => {
    const typeToken = Token.asString(Lazy.anyValue({ produce: () => 't2.small' }));
    const cardToken = Token.asNumber(Lazy.anyValue({ produce: () => 0 }));

    expect(InstanceNetworkLimits.maxInterfacesOnCard(typeToken, 0)).toBeUndefined();
    expect(InstanceNetworkLimits.maxInterfacesOnCard('t2.small', cardToken)).toBeUndefined();
  });
});

describe('InstanceNetworkLimits.maxima', () => {
  test('GIVEN the data file WHEN the maxima are asked THEN each is the largest value of its limit over every type', () => {
    // GIVEN the largest value of each limit, read from the raw data
    const largest = (limit: (entry: RawEntry) => number) => raw.reduce((max, entry) => Math.max(max, limit(entry)), 0);

    // WHEN
    const maxima = InstanceNetworkLimits.maxima();

    // THEN
    expect(maxima).toEqual({
      maxNetworkInterfaces: largest((entry) => entry.maxEni),
      ipv4AddressesPerInterface: largest((entry) => entry.ipv4PerEni),
      ipv6AddressesPerInterface: largest((entry) => entry.ipv6PerEni ?? 0),
      networkCards: largest((entry) => entry.networkCards.length),
    });
    expect(Object.isFrozen(maxima)).toBe(true);
  });

  test('GIVEN every known type WHEN compared with the maxima THEN none exceeds them', () => {
    const maxima = InstanceNetworkLimits.maxima();
    for (const type of InstanceNetworkLimits.knownTypes()) {
      const limits = limitsOf(type);
      expect(limits.maxNetworkInterfaces).toBeLessThanOrEqual(maxima.maxNetworkInterfaces);
      expect(limits.ipv4AddressesPerInterface).toBeLessThanOrEqual(maxima.ipv4AddressesPerInterface);
      expect(limits.ipv6AddressesPerInterface ?? 0).toBeLessThanOrEqual(maxima.ipv6AddressesPerInterface);
      expect(limits.networkCards.length).toBeLessThanOrEqual(maxima.networkCards);
    }
  });
});
