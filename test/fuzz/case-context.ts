import { Instance as InstanceResource } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface as NetworkInterfaceResource } from '@cdktf/provider-aws/lib/network-interface';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { SecurityGroup as SecurityGroupResource } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Fn, TerraformStack, TerraformVariable } from 'cdktf';
import { SpecObject, Spec, TokenKind } from './case-data';
import {
  ElasticIp, HaMember, InstanceReference, Ipv4Assignment, Ipv6Assignment, NetworkInterface, OsNetworkConfig, Peer, Port,
  SecurityGroup, SubnetReference,
} from '../../lib';

/** The subnets a case may name: `a` and `b` share a zone, `c` is in another one, `a` has IPv6. */
export const FIXTURE_SUBNETS = {
  a: { cidr: '10.0.1.0/24', zone: 'us-east-1a', ipv6: '2600:1f18:1:100::/64' },
  b: { cidr: '10.0.2.0/24', zone: 'us-east-1a', ipv6: undefined },
  c: { cidr: '10.0.3.0/24', zone: 'us-east-1b', ipv6: undefined },
} as const;
export type FixtureSubnet = keyof typeof FIXTURE_SUBNETS;
export const FIXTURE_VPC_CIDR = '10.0.0.0/16';

/**
 * The stack-side world of one case: the VPC, subnets and other resources its tokens and
 * references point at, created only when the case asks for them.
 */
export class CaseContext {
  private readonly memo = new Map<string, unknown>();
  private sequence = 0;

  constructor(public readonly stack: TerraformStack) {}

  public nextId(prefix: string): string {
    return `${prefix}${++this.sequence}`;
  }

  public get vpc(): Vpc {
    return this.once('vpc', () => new Vpc(this.stack, 'Vpc', { cidrBlock: FIXTURE_VPC_CIDR, assignGeneratedIpv6CidrBlock: true }));
  }

  public subnet(name: FixtureSubnet): Subnet {
    return this.once(`subnet-${name}`, () => {
      const fixture = FIXTURE_SUBNETS[name];
      return new Subnet(this.stack, `Subnet-${name}`, {
        vpcId: this.vpc.id, cidrBlock: fixture.cidr, availabilityZone: fixture.zone, ipv6CidrBlock: fixture.ipv6,
      });
    });
  }

  /** An `aws_instance` outside the library, in subnet `a`. */
  public get rawInstance(): InstanceResource {
    return this.once('instance', () => new InstanceResource(this.stack, 'RawInstance', {
      ami: 'ami-0123456789abcdef0', instanceType: 't3.large', subnetId: this.subnet('a').id, availabilityZone: 'us-east-1a',
    }));
  }

  public get rawInterface(): NetworkInterfaceResource {
    return this.once('eni', () => new NetworkInterfaceResource(this.stack, 'RawInterface', { subnetId: this.subnet('a').id }));
  }

  public get librarySecurityGroup(): SecurityGroup {
    return this.once('sg', () => new SecurityGroup(this.stack, 'PeerGroup', { vpcId: this.vpc.id }));
  }

  public token(kind: TokenKind): unknown {
    const variable = (type: string) => new TerraformVariable(this.stack, this.nextId('var'), { type });
    switch (kind) {
      case 'stringVariable': return variable('string').stringValue;
      case 'numberVariable': return variable('number').numberValue;
      case 'listVariable': return variable('list(string)').listValue;
      case 'vpcId': return this.vpc.id;
      case 'subnetId': return this.subnet('a').id;
      case 'subnetCidr': return this.subnet('a').cidrBlock;
      case 'availabilityZone': return this.subnet('a').availabilityZone;
      case 'instanceId': return this.rawInstance.id;
      case 'instanceType': return this.rawInstance.instanceType;
      case 'securityGroupId': return this.once('raw-sg', () => new SecurityGroupResource(this.stack, 'RawGroup', { vpcId: this.vpc.id })).id;
      case 'routeTableId': return this.once('rt', () => new RouteTable(this.stack, this.nextId('RouteTable'), { vpcId: this.vpc.id })).id;
      case 'privateIp': return this.rawInterface.privateIp;
      case 'privateIps': return this.rawInterface.privateIps;
      case 'resourceNumber': return Fn.lengthOf(this.rawInterface.privateIps);
    }
  }

  /** Turns a spec into the value the construct receives, making tokens and factory objects. */
  public resolve(spec: Spec): any {
    if (Array.isArray(spec)) return spec.map((item) => this.resolve(item));
    if (spec === null || typeof spec !== 'object') return spec;
    const marker = spec as SpecObject & { $tok?: TokenKind; $call?: string; args?: Spec[] };
    if (marker.$tok !== undefined) return this.token(marker.$tok);
    if (marker.$call !== undefined) {
      const factory = FACTORIES[marker.$call];
      if (!factory) throw new Error(`fuzz: unknown factory ${marker.$call}`);
      return factory(this, ...(marker.args ?? []).map((arg) => this.resolve(arg)));
    }
    return Object.fromEntries(Object.entries(spec).map(([key, value]) => [key, this.resolve(value)]));
  }

  private once<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }
}

type Factory = (ctx: CaseContext, ...args: any[]) => unknown;

/** What `{ $call }` markers may name: the public factories, plus constructs a case passes as props. */
const FACTORIES: Record<string, Factory> = {
  'SubnetReference.fromSubnet': (ctx, name: FixtureSubnet) => SubnetReference.fromSubnet(ctx.subnet(name)),
  'SubnetReference.fromSubnetId': (_ctx, id, attributes) => SubnetReference.fromSubnetId(id, attributes),
  'InstanceReference.fromInstance': (ctx) => InstanceReference.fromInstance(ctx.rawInstance),
  'InstanceReference.fromInstanceId': (_ctx, id, attributes) => InstanceReference.fromInstanceId(id, attributes),
  'Ipv4Assignment.automatic': () => Ipv4Assignment.automatic(),
  'Ipv4Assignment.count': (_ctx, n) => Ipv4Assignment.count(n),
  'Ipv4Assignment.addresses': (_ctx, primary, ...secondary) => Ipv4Assignment.addresses(primary, ...secondary),
  'Ipv6Assignment.none': () => Ipv6Assignment.none(),
  'Ipv6Assignment.count': (_ctx, n) => Ipv6Assignment.count(n),
  'Ipv6Assignment.addresses': (_ctx, ...addresses) => Ipv6Assignment.addresses(...addresses),
  'Peer.ipv4': (_ctx, cidr) => Peer.ipv4(cidr),
  'Peer.ipv6': (_ctx, cidr) => Peer.ipv6(cidr),
  'Peer.anyIpv4': () => Peer.anyIpv4(),
  'Peer.anyIpv6': () => Peer.anyIpv6(),
  'Peer.prefixList': (_ctx, id) => Peer.prefixList(id),
  'Peer.securityGroupId': (_ctx, id) => Peer.securityGroupId(id),
  'Peer.securityGroup': (ctx) => Peer.securityGroup(ctx.librarySecurityGroup),
  'Port.tcp': (_ctx, port) => Port.tcp(port),
  'Port.tcpRange': (_ctx, from, to) => Port.tcpRange(from, to),
  'Port.udp': (_ctx, port) => Port.udp(port),
  'Port.udpRange': (_ctx, from, to) => Port.udpRange(from, to),
  'Port.allIcmp': () => Port.allIcmp(),
  'Port.allTraffic': () => Port.allTraffic(),
  'Port.ipProtocol': (_ctx, n) => Port.ipProtocol(n),
  'OsNetworkConfig.ubuntuNetplan': () => OsNetworkConfig.ubuntuNetplan(),
  'OsNetworkConfig.iproute2Script': () => OsNetworkConfig.iproute2Script(),
  'OsNetworkConfig.amazonLinux2023': () => OsNetworkConfig.amazonLinux2023(),
  'HaMember.launch': (_ctx, props) => HaMember.launch(props),
  'HaMember.existing': (_ctx, instance) => HaMember.existing(instance),
  'NetworkInterface': (ctx, props) => new NetworkInterface(ctx.stack, ctx.nextId('Interface'), props),
  'NetworkInterface.fromNetworkInterfaceId': (ctx, id, attributes) =>
    NetworkInterface.fromNetworkInterfaceId(ctx.stack, ctx.nextId('ImportedInterface'), id, attributes),
  'ElasticIp': (ctx, props) => new ElasticIp(ctx.stack, ctx.nextId('ElasticIp'), props),
  'ElasticIp.fromAllocationId': (ctx, id) => ElasticIp.fromAllocationId(ctx.stack, ctx.nextId('ImportedElasticIp'), id),
};
