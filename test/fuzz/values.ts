import * as fc from 'fast-check';
import { FIXTURE_SUBNETS, FixtureSubnet } from './case-context';
import { call, Spec, SpecObject, tok, TokenKind } from './case-data';
import { InstanceNetworkLimits } from '../../lib';

// Value generators shared by the construct generators: mostly valid values, then boundary values,
// malformed text, out-of-range numbers and tokens, in roughly that order of weight.

export type Arb<T = Spec> = fc.Arbitrary<T>;

/** `arbitrary` or, half of the time (by default), nothing. */
export function opt<T extends Spec>(arbitrary: Arb<T>, weightPresent = 1): Arb<T | undefined> {
  return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: weightPresent, arbitrary });
}

/** A record whose missing optional props are left out, so cases print without `undefined` noise. */
export function props<T extends Record<string, Arb<Spec>>>(shape: T): Arb<SpecObject> {
  return fc.record(shape).map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)));
}

export function weighted(...choices: Array<[number, Arb<Spec>]>): Arb<Spec> {
  return fc.oneof(...choices.map(([weight, arbitrary]) => ({ weight, arbitrary })));
}

export function token(...kinds: TokenKind[]): Arb<Spec> {
  return fc.constantFrom(...kinds.map(tok));
}

export const stringToken = token('stringVariable', 'availabilityZone', 'privateIp');
export const numberToken = token('numberVariable', 'resourceNumber');
export const listToken = token('listVariable', 'privateIps');

/** A private IPv4 address meant for the subnet whose third octet is `third` (10.0.third.0/24). */
export function ipv4In(third: number | undefined): Arb<Spec> {
  const t = third ?? 1;
  return weighted(
    [10, fc.integer({ min: 4, max: 254 }).map((host) => `10.0.${t}.${host}`)],
    [2, fc.constantFrom(0, 1, 2, 3, 255).map((host) => `10.0.${t}.${host}`)],
    [1, fc.constantFrom(`10.0.${t + 5}.10`, '192.168.0.10', '0.0.0.0', '255.255.255.255')],
    [2, fc.constantFrom('10.0.1.256', '10.0.1', '010.0.1.5', ' 10.0.1.5', '10.0.1.5 ', 'not-an-ip', '', '::1', '10.0.1.5/32', '1.2.3.4.5')],
    [1, token('stringVariable', 'privateIp')],
  );
}

export const ipv4Cidr = weighted(
  [8, fc.constantFrom('10.0.0.0/16', '10.0.1.0/24', '192.168.0.0/24', '203.0.113.0/24', '10.0.1.5/32', '172.16.0.0/12', '198.51.100.0/28')],
  [2, fc.constantFrom('0.0.0.0/0', '10.0.1.1/24', '10.0.0.0/8', '255.255.255.255/32', '10.0.0.0/0')],
  [2, fc.constantFrom('10.0.0.0/33', '10.0.0/16', '', ' 10.0.0.0/16', '10.0.0.0', '10.0.0.0/-1', '2600:1f18::/56', 'a.b.c.d/8', '10.0.0.0/16 ', '10.0.0.0/016')],
  [1, token('stringVariable', 'subnetCidr')],
);

export const ipv6Cidr = weighted(
  [6, fc.constantFrom('2600:1f18::/56', '2600:1f18:1:100::/64', '2001:db8::/32')],
  [2, fc.constantFrom('::/0', '2600:1f18::1/128', '2600:1f18::1/56', '2600:1F18::/56')],
  [2, fc.constantFrom('2600:1f18::/129', '10.0.0.0/16', '', 'gggg::/64', '2600:1f18::', '2600:1f18:::/64')],
  [1, token('stringVariable')],
);

export const ipv6Address = weighted(
  [6, fc.integer({ min: 4, max: 65535 }).map((n) => `2600:1f18:1:100::${n.toString(16)}`)],
  [2, fc.constantFrom('2600:1f18:1:100::', '2600:1f18:1:100:ffff:ffff:ffff:ffff', '2600:1f18:2::5', '2600:1F18:1:100::A')],
  [2, fc.constantFrom('', '::g', '10.0.1.5', '2600:1f18:1:100::/128', ':::')],
  [1, token('stringVariable')],
);

/** A count: small whole numbers, then boundary, nonsense and token numbers. */
export function count(max = 12): Arb<Spec> {
  return weighted(
    [10, fc.integer({ min: 0, max })],
    [2, fc.constantFrom(-1, -2, 49, 50, 51, 1000)],
    [2, fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e9, -0.5)],
    [1, numberToken],
  );
}

export const portNumber = weighted(
  [8, fc.constantFrom(22, 80, 443, 3389, 8080, 1024, 53)],
  [3, fc.integer({ min: 0, max: 65535 })],
  [2, fc.constantFrom(0, 65535, -1, 65536, 1.5, Number.NaN, 255, 256)],
  [1, numberToken],
);

/** Free text: descriptions, names, user data. Empty, oversized and odd characters included. */
export const text = weighted(
  [6, fc.constantFrom('web server', 'a', 'Managed by fuzz', 'db-tier_1')],
  [2, fc.constantFrom('', 'x'.repeat(256), 'x'.repeat(5000), 'ünïcödé ☃', 'line\nbreak', '"quoted"', 'tab\there')],
  [1, fc.constantFrom('${var.x}', '%{ if true }x%{ endif }', 'back\\slash')],
  [2, fc.string({ maxLength: 24 })],
  [1, stringToken],
);

export const tags = opt(fc.dictionary(
  fc.constantFrom('Name', 'env', 'team', '', 'k'.repeat(200), 'aws:reserved'),
  weighted([6, fc.constantFrom('prod', 'fuzz', '')], [1, fc.constantFrom('v'.repeat(300))], [1, stringToken]),
  { maxKeys: 3 },
) as Arb<Spec>);

const knownTypes = InstanceNetworkLimits.knownTypes();
export const instanceType = weighted(
  [6, fc.constantFrom('t3.micro', 't3.large', 'm5.xlarge', 'c5n.18xlarge', 't2.nano', 'm5.large')],
  [3, fc.constantFrom(...knownTypes)],
  [1, fc.constantFrom('z9.huge', 'T3.MICRO', '', 't3', ' t3.micro')],
  [1, token('instanceType', 'stringVariable')],
);

export const ami = weighted(
  [8, fc.constant('ami-0123456789abcdef0')],
  [1, fc.constantFrom('', 'ami-x', 'not-an-ami')],
  [1, stringToken],
);

/** An id such as `sg-...`: literal, empty, malformed or a token of the matching resource. */
export function resourceId(prefix: string, kind: TokenKind): Arb<Spec> {
  return weighted(
    [6, fc.constantFrom(`${prefix}-0123456789abcdef0`, `${prefix}-0fedcba9876543210`)],
    [1, fc.constantFrom('', `${prefix}-`, 'x'.repeat(300))],
    [3, token(kind, 'stringVariable')],
  );
}

export const securityGroupIds = opt(weighted(
  [6, fc.array(resourceId('sg', 'securityGroupId'), { maxLength: 3 })],
  [1, fc.array(fc.constant('sg-0123456789abcdef0'), { minLength: 16, maxLength: 18 })],
  [1, listToken],
));

export const userData = weighted(
  [4, fc.constantFrom('#!/bin/bash\necho hello', '#!/bin/sh\n')],
  [1, fc.constantFrom('', 'not a script', '#cloud-config\npackages: [nginx]', 'x'.repeat(20000))],
  [1, stringToken],
);

/** A subnet reference, with the third octet of its literal CIDR when there is one. */
export interface SubnetChoice {
  readonly spec: Spec;
  readonly third?: number;
}

export function fixtureSubnet(name: FixtureSubnet): SubnetChoice {
  return { spec: call('SubnetReference.fromSubnet', name), third: Number(FIXTURE_SUBNETS[name].cidr.split('.')[2]) };
}

export const subnetById: Arb<SubnetChoice> = fc.record({
  id: resourceId('subnet', 'subnetId'),
  cidr: weighted([6, fc.constant('10.0.4.0/24')], [1, fc.constantFrom('10.0.4.0/33', '', '10.0.4.7/24', '2600:1f18::/64')], [2, fc.constant(undefined)], [1, token('subnetCidr')]),
  zone: weighted([6, fc.constant('us-east-1a')], [1, fc.constantFrom('us-east-1b', '')], [2, fc.constant(undefined)], [1, token('availabilityZone')]),
  vpcId: weighted([5, fc.constant('vpc-0123456789abcdef0')], [2, fc.constant(undefined)], [2, token('vpcId')]),
}).map(({ id, cidr, zone, vpcId }) => ({
  spec: call('SubnetReference.fromSubnetId', id, Object.fromEntries(Object.entries({ ipv4CidrBlock: cidr, availabilityZone: zone, vpcId })
    .filter(([, value]) => value !== undefined))),
  third: cidr === '10.0.4.0/24' ? 4 : undefined,
}));

export const subnet: Arb<SubnetChoice> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<FixtureSubnet>('a', 'b', 'c').map(fixtureSubnet) },
  { weight: 2, arbitrary: subnetById },
);

/** Private IPv4 addresses for a subnet: AWS-picked, a count, or fixed addresses. */
export function ipv4Assignment(third: number | undefined): Arb<Spec> {
  return weighted(
    [2, fc.constant(call('Ipv4Assignment.automatic'))],
    [2, count().map((n) => call('Ipv4Assignment.count', n))],
    [4, fc.array(ipv4In(third), { minLength: 1, maxLength: 4 }).map((list) => call('Ipv4Assignment.addresses', ...list))],
  );
}

export const ipv6Assignment = weighted(
  [2, fc.constant(call('Ipv6Assignment.none'))],
  [2, count(4).map((n) => call('Ipv6Assignment.count', n))],
  [2, fc.array(ipv6Address, { minLength: 0, maxLength: 3 }).map((list) => call('Ipv6Assignment.addresses', ...list))],
);

export const instanceReference = weighted(
  [3, fc.constant(call('InstanceReference.fromInstance'))],
  [4, fc.record({
    id: resourceId('i', 'instanceId'),
    type: opt(instanceType, 3),
    zone: opt(weighted([5, fc.constant('us-east-1a')], [1, fc.constantFrom('us-east-1b', '')], [1, token('availabilityZone')]), 3),
  }).map(({ id, type, zone }) => call('InstanceReference.fromInstanceId', id,
    Object.fromEntries(Object.entries({ instanceType: type, availabilityZone: zone }).filter(([, value]) => value !== undefined))))],
);

export const port = weighted(
  [4, portNumber.map((p) => call('Port.tcp', p))],
  [2, fc.tuple(portNumber, portNumber).map(([from, to]) => call('Port.tcpRange', from, to))],
  [2, portNumber.map((p) => call('Port.udp', p))],
  [1, fc.tuple(portNumber, portNumber).map(([from, to]) => call('Port.udpRange', from, to))],
  [1, fc.constant(call('Port.allIcmp'))],
  [1, fc.constant(call('Port.allTraffic'))],
  [1, weighted([4, fc.constantFrom(112, 47, 50, 0, 255)], [1, fc.constantFrom(-1, 256, 1.5, 6, 17)], [1, numberToken])
    .map((n) => call('Port.ipProtocol', n))],
);

export const peer = weighted(
  [5, ipv4Cidr.map((cidr) => call('Peer.ipv4', cidr))],
  [2, ipv6Cidr.map((cidr) => call('Peer.ipv6', cidr))],
  [1, fc.constant(call('Peer.anyIpv4'))],
  [1, fc.constant(call('Peer.anyIpv6'))],
  [1, resourceId('pl', 'stringVariable').map((id) => call('Peer.prefixList', id))],
  [1, resourceId('sg', 'securityGroupId').map((id) => call('Peer.securityGroupId', id))],
  [1, fc.constant(call('Peer.securityGroup'))],
);

export const bool = opt(fc.boolean() as Arb<Spec>);

/** Values of the wrong type, as a JavaScript caller could pass them. */
export const wrongType = fc.constantFrom<Spec>(undefined, null, 42, -1, 'text', true, [], {}, Number.NaN, ['a', 1]);
