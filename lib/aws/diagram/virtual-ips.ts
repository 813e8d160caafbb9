import { interfaceAddresses, listedAddresses } from './interface-addresses';
import { TfResource, TfValue } from '../../checks/tf-value';
import { cidrContains, formatIp, parseIp } from '../../core/cidr';
import { MarkerRole, MarkerTag } from '../marker-tags';
import { AwsIndex } from '../rules/aws-index';
import { hasRole, tagValue, virtualIps } from '../rules/marker-tag-values';

/** One interface a virtual IP reaches, and how. */
export interface VirtualIpCarrier {
  /** The address, normalized. */
  readonly vip: string;
  /** The interface as written (a resource of the stack, or an id). */
  readonly eni: TfValue;
  /**
   * `holder`: carries it as a secondary address now; `standby`: tagged to take it over;
   * `route`: a /32 route outside the VPC sends it there (overlay).
   */
  readonly kind: 'holder' | 'standby' | 'route';
  /** Whether the virtual IP lives outside the VPC (overlay mode) rather than as a secondary address. */
  readonly overlay: boolean;
  /** For a route, the resource that declares it. */
  readonly route?: TfResource;
}

/** The virtual IPs of a stack, and the interfaces whose `nic-patterns:virtual-ips` tag is only known at deploy time. */
export interface VirtualIps {
  readonly carriers: VirtualIpCarrier[];
  readonly unknownTags: Set<TfResource>;
}

/**
 * Virtual IPs two ways: interfaces tagged `nic-patterns:role = virtual-ip` with their
 * `nic-patterns:virtual-ips` (secondary-IP mode: the holder lists the address among its private
 * IPs), and IPv4 /32 routes to an interface whose destination lies outside the route table's VPC
 * (overlay mode), where the other interfaces of the target's pair (`nic-patterns:vip-pair`) stand
 * by. A /32 inside the VPC is an ordinary route, not a virtual IP.
 */
export function virtualIpCarriers(index: AwsIndex): VirtualIps {
  const carriers: VirtualIpCarrier[] = [];
  const unknownTags = new Set<TfResource>();
  const pairs = new Map<string, TfResource[]>();
  for (const eni of index.resources('aws_network_interface')) {
    if (hasRole(index, eni, MarkerRole.virtualIp) !== true) continue;
    const pair = tagValue(index, eni, MarkerTag.virtualIpPair).follow().asString();
    if (pair !== undefined) {
      const members = pairs.get(pair) ?? [];
      members.push(eni);
      pairs.set(pair, members);
    }
    const vips = virtualIps(index, eni);
    if (vips instanceof TfValue) {
      unknownTags.add(eni);
      continue;
    }
    const own = listedAddresses(interfaceAddresses(eni).ipv4);
    const self = TfValue.of(`\${${eni.address}.id}`, index);
    for (const vip of vips) {
      const address = normalized(vip);
      carriers.push({ vip: address, eni: self, kind: own.some((ip) => normalized(ip) === address) ? 'holder' : 'standby', overlay: false });
    }
  }
  for (const route of index.routes) {
    if (route.networkInterface.isAbsent) continue;
    const destination = route.destination.follow().asString();
    const [ip, prefix] = destination?.split('/') ?? [];
    if (prefix !== '32' || parseIp(ip)?.family !== 4) continue;
    const table = route.source.type === 'aws_route_table' ? route.source : route.routeTable.referenceTo('aws_route_table');
    const vpc = table ? index.vpcOf(table) : undefined;
    const vpcCidr = vpc?.attr('cidr_block').follow().asString();
    if (vpcCidr !== undefined && cidrContains(vpcCidr, ip)) continue;
    const vip = normalized(ip);
    carriers.push({ vip, eni: route.networkInterface, kind: 'route', overlay: true, route: route.source });
    const target = route.networkInterface.referenceTo('aws_network_interface');
    const pair = target ? tagValue(index, target, MarkerTag.virtualIpPair).follow().asString() : undefined;
    for (const other of (pair === undefined ? undefined : pairs.get(pair)) ?? []) {
      if (other !== target) carriers.push({ vip, eni: TfValue.of(`\${${other.address}.id}`, index), kind: 'standby', overlay: true });
    }
  }
  return { carriers, unknownTags };
}

function normalized(ip: string): string {
  const parsed = parseIp(ip);
  return parsed ? formatIp(parsed) : ip;
}
