import * as fc from 'fast-check';
import { call, ConstructName, FuzzCase, Spec, SpecObject } from './case-data';
import {
  ami, Arb, bool, count, fixtureSubnet, instanceReference, instanceType, ipv4Assignment, ipv4Cidr, ipv4In, ipv6Assignment, ipv6Cidr,
  opt, peer, port, portNumber, props, resourceId, securityGroupIds, stringToken, subnet, SubnetChoice, tags, text, token, userData,
  weighted, wrongType,
} from './values';

// One generator per construct. Each draws its subnet first, so that the addresses it draws are
// mostly inside it: otherwise nearly every case would stop at the first address check.

const nicProps = (choice: SubnetChoice) => props({
  subnet: fc.constant(choice.spec),
  privateIpv4: opt(ipv4Assignment(choice.third), 2),
  ipv6: opt(ipv6Assignment),
  securityGroupIds,
  sourceDestCheck: bool,
  description: opt(text),
  tags,
});

const newInterface = subnet.chain(nicProps).map((p) => call('NetworkInterface', p));

const importedInterface = fc.record({
  id: resourceId('eni', 'stringVariable'),
  addresses: opt(weighted([4, fc.array(ipv4In(1), { maxLength: 3 })], [1, token('listVariable')])),
  zone: opt(fc.constantFrom<Spec>('us-east-1a', 'us-east-1b', '')),
}).map(({ id, addresses, zone }) => call('NetworkInterface.fromNetworkInterfaceId', id,
  Object.fromEntries(Object.entries({ privateIpv4Addresses: addresses, availabilityZone: zone }).filter(([, v]) => v !== undefined))));

const deviceIndex = weighted([8, fc.integer({ min: 1, max: 4 })], [2, fc.constantFrom(0, -1, 1.5, 15, 100)], [1, token('numberVariable')]);

const attachOptions = props({
  deviceIndex,
  networkCardIndex: opt(weighted([4, fc.constant(0)], [1, fc.constantFrom(1, 3, -1, 0.5)], [1, token('numberVariable')]), 1),
});

const eipOptions = (third: number | undefined) => props({ privateIp: opt(ipv4In(third)), allowReassociation: bool });

const networkInterface: Arb<FuzzCase> = subnet.chain((choice) => fc.record({
  props: nicProps(choice),
  ops: fc.tuple(
    opt(props({ op: fc.constant('attach'), instance: instanceReference, options: attachOptions })),
    fc.array(props({ op: fc.constant('eip'), options: eipOptions(choice.third) }), { maxLength: 2 }),
  ).map(([attach, eips]) => [...attach ? [attach] : [], ...eips]),
})).map(({ props: p, ops }) => ({ construct: 'NetworkInterface', props: p, ops }));

const elasticIp: Arb<FuzzCase> = fc.record({
  props: props({
    networkInterface: opt(weighted([3, newInterface], [1, importedInterface]), 3),
    privateIp: opt(ipv4In(1)),
    allowReassociation: bool,
    publicIpv4Pool: opt(weighted([3, fc.constantFrom('amazon', 'ipv4pool-ec2-0123456789abcdef0')], [1, text])),
    tags,
  }),
  ops: fc.array(props({ networkInterface: weighted([1, newInterface], [1, importedInterface]), options: eipOptions(1) }), { maxLength: 1 }),
}).map(({ props: p, ops }) => ({ construct: 'ElasticIp', props: p, ops }));

const ruleOptions = props({
  description: opt(text),
  allowAdministrationFromInternet: bool,
  id: opt(weighted([4, fc.constantFrom('Rule1', 'Rule2')], [1, fc.constantFrom('', 'bad id/with slash')])),
});

const securityGroup: Arb<FuzzCase> = fc.record({
  props: props({
    vpcId: resourceId('vpc', 'vpcId'),
    description: opt(text),
    securityGroupName: opt(weighted([4, fc.constantFrom('web', 'db-group')], [1, fc.constantFrom('sg-starts-with-sg', 'x'.repeat(256), '')], [1, text])),
    allowAllOutbound: bool,
    allowAllIpv6Outbound: bool,
    tags,
  }),
  ops: fc.array(props({ op: fc.constantFrom('ingress', 'egress'), peer, port, options: ruleOptions }), { maxLength: 4 }),
}).map(({ props: p, ops }) => ({ construct: 'SecurityGroup', props: p, ops }));

const hopLimit = weighted([6, fc.integer({ min: 1, max: 3 })], [2, fc.constantFrom(0, 64, 65, -1, 1.5)], [1, token('numberVariable')]);

const instance: Arb<FuzzCase> = fc.record({
  props: props({
    instanceType,
    ami,
    primaryInterface: fc.oneof(
      { weight: 5, arbitrary: nicProps(fixtureSubnet('a')).map((p) => call('NetworkInterface', p)) },
      { weight: 1, arbitrary: newInterface },
    ),
    keyName: opt(weighted([4, fc.constant('my-key')], [1, text])),
    userData: opt(userData),
    iamInstanceProfile: opt(weighted([4, fc.constant('my-profile')], [1, text])),
    metadataHopLimit: opt(hopLimit),
    tags,
  }),
  ops: fc.array(props({
    networkInterface: weighted([4, nicProps(fixtureSubnet('b')).map((p) => call('NetworkInterface', p))], [1, newInterface], [1, importedInterface]),
    options: attachOptions,
  }), { maxLength: 3 }),
}).map(({ props: p, ops }) => ({ construct: 'Instance', props: p, ops }));

/** Where a pattern puts its interfaces: a launched instance (mostly) or an existing one. */
const hostProps: Arb<SpecObject> = weighted(
  [6, props({
    instanceType,
    ami,
    keyName: opt(fc.constant('my-key')),
    userData: opt(userData),
    osNetworkConfig: opt(fc.constantFrom('ubuntuNetplan', 'iproute2Script', 'amazonLinux2023').map((name) => call(`OsNetworkConfig.${name}`))),
    iamInstanceProfile: opt(fc.constant('my-profile')),
    instanceTags: tags,
    firstDeviceIndex: opt(deviceIndex, 1),
  })],
  [3, props({ existingInstance: instanceReference, firstDeviceIndex: opt(deviceIndex, 1) })],
  [1, props({ existingInstance: opt(instanceReference), instanceType: opt(instanceType), ami: opt(ami) })],
) as Arb<SpecObject>;

/** Two subnets of one zone, mostly `a` and `b`, with a few same-subnet and cross-zone pairs. */
const subnetPair: Arb<[SubnetChoice, SubnetChoice]> = weighted(
  [6, fc.constant(['a', 'b'])],
  [2, fc.constant(['b', 'a'])],
  [1, fc.constantFrom(['a', 'a'], ['a', 'c'])],
).map((names) => (names as ['a', 'b']).map(fixtureSubnet) as [SubnetChoice, SubnetChoice])
  .chain((pair) => fc.oneof(
    { weight: 5, arbitrary: fc.constant(pair) },
    { weight: 1, arbitrary: fc.tuple(subnet, subnet) },
  ));

const withHost = (base: Arb<SpecObject>): Arb<SpecObject> => fc.tuple(base, hostProps).map(([p, host]) => ({ ...host, ...p }));

const vpcId = opt(resourceId('vpc', 'vpcId'), 1);

const managementNetwork: Arb<FuzzCase> = subnetPair.chain(([pub, mgmt]) => withHost(props({
  publicSubnet: fc.constant(pub.spec),
  managementSubnet: fc.constant(mgmt.spec),
  managementCidrs: weighted([8, fc.array(ipv4Cidr, { maxLength: 3 })], [1, token('listVariable')]),
  managementIpv6Cidrs: opt(fc.array(ipv6Cidr, { maxLength: 2 }) as Arb<Spec>),
  loadBalancerSecurityGroupId: opt(resourceId('sg', 'securityGroupId'), 1),
  webPorts: opt(weighted([6, fc.array(portNumber, { maxLength: 3 })], [1, token('listVariable')])),
  allowWebFromIpv6: bool,
  publicInterfaceIpv4: opt(ipv4Assignment(pub.third), 2),
  managementInterfaceIpv4: opt(ipv4Assignment(mgmt.third)),
  failoverElasticIp: bool,
  primaryElasticIp: bool,
  publicSecurityGroupIds: securityGroupIds,
  managementSecurityGroupIds: securityGroupIds,
  vpcId,
  tags,
}))).map((p) => ({ construct: 'ManagementNetwork', props: p, ops: [] }));

const interfaceName = weighted(
  [8, fc.constantFrom('web', 'app', 'db', 'a-b_c', 'Mgmt2')],
  [1, fc.constantFrom('', '1web', 'x'.repeat(64), 'x'.repeat(63), 'we b', 'web/1', 'ünï')],
  [1, stringToken],
);

const dualHomedInterface = subnet.chain((choice) => props({
  name: interfaceName,
  subnet: fc.constant(choice.spec),
  securityGroupIds,
  ingressRules: opt(fc.array(props({ peer, port, description: opt(text) }), { maxLength: 3 }) as Arb<Spec>),
  privateIpv4: opt(ipv4Assignment(choice.third)),
  ipv6: opt(ipv6Assignment),
  vpcId,
  description: opt(text),
}));

const dualHomedInstance: Arb<FuzzCase> = withHost(props({
  interfaces: fc.oneof(
    {
      weight: 5,
      arbitrary: subnetPair.chain(([first, second]) => fc.tuple(dualHomedInterface, dualHomedInterface)
        .map(([one, two]) => [{ ...one, name: 'web', subnet: first.spec, privateIpv4: undefined },
          { ...two, name: 'app', subnet: second.spec, privateIpv4: undefined }]
          .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))))),
    },
    { weight: 3, arbitrary: fc.array(dualHomedInterface, { maxLength: 4 }) },
  ) as Arb<Spec>,
  allowSameSubnet: bool,
  tags,
})).map((p) => ({ construct: 'DualHomedInstance', props: p, ops: [] }));

const routeTableIds = opt(weighted(
  [6, fc.array(resourceId('rtb', 'routeTableId'), { minLength: 1, maxLength: 3 })],
  [1, fc.constant([])],
  [1, token('listVariable')],
));

const networkAppliance: Arb<FuzzCase> = subnetPair.chain(([pub, priv]) => withHost(props({
  publicSubnet: fc.constant(pub.spec),
  privateSubnet: fc.constant(priv.spec),
  vpcId,
  publicInterfaceIpv4: opt(ipv4Assignment(pub.third)),
  privateInterfaceIpv4: opt(ipv4Assignment(priv.third)),
  forwarding: opt(weighted([6, fc.constantFrom('BOTH', 'PRIVATE_INTERFACE', 'PUBLIC_INTERFACE', 'NONE')], [1, fc.constantFrom('both', '', 'SIDEWAYS')])),
  routeTableIds,
  routeDestinations: opt(fc.array(weighted([3, ipv4Cidr], [1, ipv6Cidr]), { maxLength: 3 }) as Arb<Spec>),
  forwardedSourceCidrs: opt(fc.array(weighted([3, ipv4Cidr], [1, ipv6Cidr]), { maxLength: 3 }) as Arb<Spec>),
  publicIngressPorts: opt(fc.array(port, { maxLength: 3 }) as Arb<Spec>),
  elasticIp: bool,
  tags,
}))).map((p) => ({ construct: 'NetworkAppliance', props: p, ops: [] }));

const multiEipInstance: Arb<FuzzCase> = subnet.chain((choice) => withHost(props({
  subnet: fc.constant(choice.spec),
  mode: opt(weighted([6, fc.constantFrom('SECONDARY_ADDRESSES', 'INTERFACE_PER_ADDRESS')], [1, fc.constantFrom('secondary', '')])),
  publicAddressCount: opt(weighted([6, fc.integer({ min: 1, max: 4 })], [2, count(40)]), 3),
  privateIpAddresses: opt(weighted([5, fc.array(ipv4In(choice.third), { maxLength: 4 })], [1, token('listVariable')])),
  publicIngressPorts: opt(fc.array(port, { maxLength: 2 }) as Arb<Spec>),
  primarySubnet: opt(subnet.map((s) => s.spec)),
  vpcId,
  tags,
}))).map((p) => ({ construct: 'MultiEipInstance', props: p, ops: [] }));

const pairName = opt(weighted([6, fc.constantFrom('web-pair', 'db_1', 'P')], [1, fc.constantFrom('', 'x'.repeat(41), 'bad name', 'ünï')], [1, stringToken]));

const haMember = weighted(
  [3, props({
    ami,
    instanceType,
    subnet: opt(weighted([5, fc.constant(fixtureSubnet('a').spec)], [1, subnet.map((s) => s.spec)])),
    securityGroupIds,
    keyName: opt(fc.constant('my-key')),
    userData: opt(userData),
    iamInstanceProfile: opt(fc.constant('my-profile')),
  }).map((p) => call('HaMember.launch', p))],
  [2, instanceReference.map((ref) => call('HaMember.existing', ref))],
);

const failoverAgent = props({
  attachTimeoutSeconds: opt(weighted([4, fc.integer({ min: 10, max: 420 })], [1, fc.constantFrom(9, 421, 0, 1.5, -1)], [1, token('numberVariable')])),
  cooldownSeconds: opt(weighted([4, fc.integer({ min: 0, max: 3600 })], [1, fc.constantFrom(-1, 0.5)], [1, token('numberVariable')])),
  alarmTopicArns: opt(fc.array(weighted([4, fc.constant('arn:aws:sns:us-east-1:123456789012:alarms')], [1, fc.constantFrom('', 'not-an-arn')], [1, stringToken]),
    { maxLength: 2 }) as Arb<Spec>),
  logRetentionDays: opt(weighted([4, fc.constantFrom(1, 7, 30, 365, 0)], [1, fc.constantFrom(2, -1, 10000, 1.5)], [1, token('numberVariable')])),
  failOnStatusCheck: bool,
  partition: opt(weighted([4, fc.constantFrom('aws', 'aws-cn', 'aws-us-gov')], [1, fc.constantFrom('', 'bogus', 'aws iso')])),
});

function haFailoverNic(withAgent: boolean): Arb<FuzzCase> {
  const interfaceSubnet = fc.oneof({ weight: 6, arbitrary: fc.constant(fixtureSubnet('a')) }, { weight: 1, arbitrary: subnet });
  return interfaceSubnet.chain((choice) => props({
    pairName,
    subnet: fc.constant(choice.spec),
    privateIpv4: opt(ipv4Assignment(choice.third)),
    securityGroupIds,
    elasticIp: bool,
    primary: haMember,
    standby: haMember,
    active: opt(weighted([6, fc.constantFrom('primary', 'standby')], [1, fc.constantFrom('PRIMARY', '')])),
    deviceIndex: opt(deviceIndex),
    preventDestroy: bool,
    failoverAgent: withAgent ? failoverAgent : fc.constant(undefined),
    tags,
  })).map((p) => ({ construct: 'HaFailoverNic', props: p, ops: [] }));
}

const vrrpNode = (choice: SubnetChoice) => props({
  subnet: fc.constant(choice.spec),
  privateIp: ipv4In(choice.third),
  priority: opt(weighted([6, fc.integer({ min: 1, max: 254 })], [1, fc.constantFrom(0, 255, -1, 1.5)], [1, token('numberVariable')])),
});

const vrrpCommon = {
  instanceType,
  ami,
  keyName: opt(fc.constant('my-key')),
  vpcId,
  clientCidrs: opt(fc.array(ipv4Cidr, { maxLength: 2 }) as Arb<Spec>),
  clientPorts: opt(fc.array(port, { maxLength: 2 }) as Arb<Spec>),
  securityGroupIds,
  virtualRouterId: opt(weighted([6, fc.integer({ min: 1, max: 255 })], [1, fc.constantFrom(0, 256, 1.5)], [1, token('numberVariable')])),
  advertisementIntervalSeconds: opt(weighted([6, fc.integer({ min: 1, max: 255 })], [1, fc.constantFrom(0, 256, 0.5)], [1, token('numberVariable')])),
  vrrpPassword: opt(weighted([6, fc.constantFrom('secret', 'a.b_c-12')], [1, fc.constantFrom('', 'toolongpw', 'pa ss', '$(reboot)')], [1, stringToken])),
  partition: opt(fc.constantFrom<Spec>('aws', 'aws-cn', '', 'bogus')),
  pairName,
  tags,
};

const virtualIpSecondary: Arb<FuzzCase> = weighted([8, fc.constant(['a', 'a'])], [1, fc.constant(['a', 'b'])])
  .map((names) => (names as ['a', 'a']).map(fixtureSubnet) as [SubnetChoice, SubnetChoice])
  .chain(([one, two]) => props({
    mode: fc.constant('SECONDARY_IP'),
    virtualIp: ipv4In(one.third),
    active: vrrpNode(one),
    standby: vrrpNode(two),
    elasticIp: bool,
    ...vrrpCommon,
  })).map((p) => ({ construct: 'VirtualIpPair', props: p, ops: [] }));

const virtualIpOverlay: Arb<FuzzCase> = fc.tuple(fc.constantFrom<'a' | 'b' | 'c'>('a', 'b', 'c'), fc.constantFrom<'a' | 'b' | 'c'>('a', 'b', 'c'))
  .map(([one, two]) => [fixtureSubnet(one), fixtureSubnet(two)])
  .chain(([one, two]) => props({
    mode: fc.constant('OVERLAY_ROUTE'),
    virtualIp: weighted([6, fc.constantFrom('192.168.100.10', '172.31.0.5')], [1, ipv4In(1)], [1, fc.constantFrom('', '192.168.100.256')]),
    active: vrrpNode(one),
    standby: vrrpNode(two),
    vpcCidrBlocks: opt(weighted([6, fc.constant(['10.0.0.0/16'])], [1, fc.array(ipv4Cidr, { maxLength: 2 })], [1, token('listVariable')]), 6),
    routeTableIds: opt(routeTableIds, 6),
    ...vrrpCommon,
  })).map((p) => ({ construct: 'VirtualIpPair', props: p, ops: [] }));

/**
 * What a JavaScript caller can do that TypeScript would refuse: leave out a required prop, pass
 * a value of the wrong type, or pass no props object at all.
 */
function jsBoundary(cases: Arb<FuzzCase>): Arb<FuzzCase> {
  return fc.tuple(cases, fc.nat(), wrongType, fc.integer({ min: 0, max: 9 })).map(([c, pick, value, how]) => {
    if (how === 0) return { ...c, props: undefined };
    const p = c.props as SpecObject;
    const keys = Object.keys(p);
    const key = keys[pick % keys.length];
    return { ...c, props: { ...p, [key]: value } };
  });
}

/** Every construct with its weight among the cases. */
const CONSTRUCTS: Array<[ConstructName | string, number, Arb<FuzzCase>]> = [
  ['NetworkInterface', 3, networkInterface],
  ['ElasticIp', 2, elasticIp],
  ['SecurityGroup', 3, securityGroup],
  ['Instance', 3, instance],
  ['ManagementNetwork', 3, managementNetwork],
  ['DualHomedInstance', 3, dualHomedInstance],
  ['NetworkAppliance', 3, networkAppliance],
  ['MultiEipInstance', 3, multiEipInstance],
  ['HaFailoverNic', 2, haFailoverNic(false)],
  ['HaFailoverNic+agent', 2, haFailoverNic(true)],
  ['VirtualIpPair SECONDARY_IP', 2, virtualIpSecondary],
  ['VirtualIpPair OVERLAY_ROUTE', 2, virtualIpOverlay],
];

/** Any case: about one in eight goes through the JavaScript boundary (missing props, wrong types). */
export const fuzzCase: Arb<FuzzCase> = fc.oneof(
  ...CONSTRUCTS.map(([, weight, arbitrary]) => ({ weight: weight * 7, arbitrary })),
  ...CONSTRUCTS.map(([, weight, arbitrary]) => ({ weight, arbitrary: jsBoundary(arbitrary) })),
);
