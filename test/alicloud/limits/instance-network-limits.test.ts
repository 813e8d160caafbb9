import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lazy, Token } from 'cdktf';
import { ALI_LIMITS_SOURCE, AliInstanceNetworkLimits, aliInstanceNetworkLimits } from '../../../lib/alicloud/limits/instance-network-limits';

// The raw data file is the oracle: these tests read it directly, not through the generator.
interface RawEntry {
  eniQuantity: number;
  privateIpv4PerEni: number | null;
  ipv6PerEni: number | null;
}
const rawFile = JSON.parse(readFileSync(join(__dirname, '../../../data/alicloud-ecs-instance-network-limits.json'), 'utf8'));
const raw: Record<string, RawEntry> = rawFile.types;

function limitsOf(type: string): AliInstanceNetworkLimits {
  const limits = aliInstanceNetworkLimits(type);
  if (!limits) throw new Error(`aliInstanceNetworkLimits('${type}') returned undefined`);
  return limits;
}

describe('aliInstanceNetworkLimits', () => {
  test.each([
    // type, ENIs, private IPv4 per ENI, IPv6 per ENI
    ['ecs.g6.large', 2, 6, undefined],
    ['ecs.c5.16xlarge', 8, 20, undefined],
    ['ecs.g7.xlarge', 4, 15, 15],
  ])('GIVEN %s WHEN looked up THEN it takes %d ENIs of %d private IPv4 each', (type, eniQuantity, privateIpv4PerEni, ipv6PerEni) => {
    // WHEN
    const limits = limitsOf(type);

    // THEN
    expect(limits).toStrictEqual({ eniQuantity, privateIpv4PerEni, ipv6PerEni });
  });

  test('GIVEN a type whose documentation row has no per-ENI count WHEN looked up THEN only the ENI count is known', () => {
    // GIVEN ecs.c4.2xlarge, a retired type listed with its ENIs only
    expect(raw['ecs.c4.2xlarge'].privateIpv4PerEni).toBeNull();

    // WHEN
    const limits = limitsOf('ecs.c4.2xlarge');

    // THEN
    expect(limits.eniQuantity).toBe(4);
    expect(limits.privateIpv4PerEni).toBeUndefined();
    expect(limits.ipv6PerEni).toBeUndefined();
  });

  test('GIVEN a type the table does not know WHEN looked up THEN the result is undefined', () => {
    expect(aliInstanceNetworkLimits('ecs.g99.large')).toBeUndefined();
    expect(aliInstanceNetworkLimits('')).toBeUndefined();
  });

  test('GIVEN a known type in other letter case or without its ecs. prefix WHEN looked up THEN the result is undefined (names are exact)', () => {
    expect(aliInstanceNetworkLimits('ECS.G6.LARGE')).toBeUndefined();
    expect(aliInstanceNetworkLimits('g6.large')).toBeUndefined();
  });

  test('GIVEN a token that would resolve to a known type WHEN looked up THEN the result is undefined', () => {
    const token = Token.asString(Lazy.anyValue({ produce: () => 'ecs.g6.large' }));

    expect(aliInstanceNetworkLimits(token)).toBeUndefined();
  });

  test('GIVEN every type of the data file WHEN looked up THEN every number round-trips (null as undefined)', () => {
    for (const [type, entry] of Object.entries(raw)) {
      expect(aliInstanceNetworkLimits(type)).toStrictEqual({
        eniQuantity: entry.eniQuantity,
        privateIpv4PerEni: entry.privateIpv4PerEni ?? undefined,
        ipv6PerEni: entry.ipv6PerEni ?? undefined,
      });
    }
  });

  test('GIVEN the data file WHEN counting THEN it knows 642 types, 519 of them with a per-ENI IPv4 count', () => {
    const types = Object.keys(raw);

    expect(types).toHaveLength(642);
    expect(types.filter((type) => limitsOf(type).privateIpv4PerEni !== undefined)).toHaveLength(519);
  });

  test('GIVEN a returned object WHEN a caller tries to change it THEN it throws and later lookups are unchanged', () => {
    const limits = limitsOf('ecs.g6.large') as unknown as Record<string, unknown>;

    expect(() => { limits.eniQuantity = 99; }).toThrow(TypeError);
    expect(limitsOf('ecs.g6.large').eniQuantity).toBe(2);
  });
});

describe('ALI_LIMITS_SOURCE', () => {
  test('GIVEN the data file WHEN the source is quoted THEN it names the file, the documentation repository, commit and date', () => {
    const { repo, commit, commitDate } = rawFile.source.primary;

    expect(ALI_LIMITS_SOURCE).toContain('data/alicloud-ecs-instance-network-limits.json');
    expect(ALI_LIMITS_SOURCE).toContain(`${repo} @ ${commit.slice(0, 12)} (${commitDate})`);
    expect(ALI_LIMITS_SOURCE).not.toMatch(/[\r\n]/);
  });
});
