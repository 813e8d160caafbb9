import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { Route } from '@cdktf/provider-aws/lib/route';
import { Construct } from 'constructs';
import { PatternHost, patternVpcId } from './pattern-host';
import { PatternHostProps } from './pattern-host-props';
import { checkDistinctSubnets, checkOneZone } from './subnet-checks';
import { formatCidr, parseCidr } from '../../core/cidr';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkProps } from '../../core/prop-checks';
import { isUnresolved } from '../../core/tokens';
import { isListToken } from '../../os/list-template';
import { checkNoDuplicates } from '../address-checks';
import { DocUrl } from '../doc-url';
import { ElasticIp } from '../elastic-ip';
import { Instance } from '../instance';
import { Ipv4Assignment } from '../ipv4-assignment';
import { NetworkInterface } from '../network-interface';
import { NETWORK_APPLIANCE_PROPS } from '../prop-specs';
import { Peer } from '../security/peer';
import { Port } from '../security/port';
import { SecurityGroup } from '../security/security-group';
import { SubnetReference } from '../subnet-reference';

/** Which interfaces of a `NetworkAppliance` carry traffic that is not addressed to them. */
export enum ApplianceForwarding {
  /** Both interfaces forward (NAT instance, routing firewall): source/destination check off on both. */
  BOTH = 'BOTH',
  /** Only the private interface, the target of the routes, forwards; the public one keeps the check. */
  PRIVATE_INTERFACE = 'PRIVATE_INTERFACE',
  /** Only the public interface forwards; the private one keeps the check (and cannot be a route target). */
  PUBLIC_INTERFACE = 'PUBLIC_INTERFACE',
  /** Neither forwards (a proxy or load balancer that terminates connections); no route may target it. */
  NONE = 'NONE',
}

/** Props of a `NetworkAppliance`. */
export interface NetworkApplianceProps extends PatternHostProps {
  /**
   * Subnet of the public interface (a subnet whose route table sends 0.0.0.0/0 to an internet
   * gateway). When the appliance launches its instance, this interface is the primary one (eth0).
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
   */
  readonly publicSubnet: SubnetReference;

  /**
   * Subnet of the private interface, the one the routes point at. It must differ from the public
   * subnet and lie in the same Availability Zone (an interface attaches only to an instance of its zone).
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
   */
  readonly privateSubnet: SubnetReference;

  /**
   * VPC of the two security groups.
   * @default - the VPC of each interface's subnet (known for subnets from `SubnetReference.fromSubnet`)
   */
  readonly vpcId?: string;

  /**
   * Private IPv4 addresses of the public interface.
   * @default Ipv4Assignment.automatic()
   */
  readonly publicInterfaceIpv4?: Ipv4Assignment;

  /**
   * Private IPv4 addresses of the private interface. A fixed address keeps the next hop of the
   * routes readable in the console.
   * @default Ipv4Assignment.automatic()
   */
  readonly privateInterfaceIpv4?: Ipv4Assignment;

  /**
   * Which interfaces forward traffic not addressed to them; source/destination check is turned off
   * on those. AWS drops such traffic on an interface whose check is on.
   * @default ApplianceForwarding.BOTH
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html#change_source_dest_check
   */
  readonly forwarding?: ApplianceForwarding;

  /**
   * Route tables whose traffic to `routeDestinations` goes through the appliance: one `aws_route`
   * per table and destination, with the private interface as target (`network_interface_id`).
   * A table may hold only one route per destination: one already there makes the apply fail.
   * Each id may be a reference, but the list itself must be literal: a list known only at deploy
   * time gives no count of routes to create (`RouteCountUnknown`).
   * @default - no routes
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html
   */
  readonly routeTableIds?: string[];

  /**
   * Destination CIDR blocks (IPv4 or IPv6) of the routes, written without host bits, each block
   * once (`::/0` and `0::/0` are the same block). Like `routeTableIds`, a literal list.
   * @default ['0.0.0.0/0']
   */
  readonly routeDestinations?: string[];

  /**
   * Source ranges whose traffic the private interface accepts (all protocols): the subnets whose
   * route tables point at the appliance.
   * @default - the private subnet's IPv4 CIDR block when known, else none (add rules to `privateSecurityGroup`)
   */
  readonly forwardedSourceCidrs?: string[];

  /**
   * Ports the public interface accepts from the whole internet (a reverse proxy's 443, for example).
   * SSH and RDP are refused here: administer the appliance through SSM Session Manager or from the
   * private side.
   * @default - none: a NAT instance needs no inbound rule, replies to its outbound connections are allowed
   */
  readonly publicIngressPorts?: Port[];

  /**
   * Whether to allocate an Elastic IP and map it to the public interface's primary address. Without
   * one the appliance has no public address: AWS only auto-assigns public IPv4 to interfaces it
   * creates at launch, never to one created separately like these.
   * @default true
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
   */
  readonly elasticIp?: boolean;

  /**
   * Tags of the interfaces, security groups and Elastic IP.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A network or security appliance (NAT instance, proxy, firewall, load balancer) with a public and
 * a private interface, each with its own addresses and security group, source/destination check
 * off on the forwarding interfaces, routes from the given route tables to the private interface
 * and an optional Elastic IP on the public one.
 *
 * It launches its instance (the public interface is eth0, the private one eth1) or adds both
 * interfaces to an existing instance. The operating system must forward and, for NAT, masquerade
 * the traffic: that is the job of the AMI or of `userData`. `osNetworkConfig` adds source-based
 * routing for the private interface, so the appliance's own replies leave by the interface the
 * request came in on.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html
 */
export class NetworkAppliance extends Construct {
  /** The public interface: eth0 of a launched instance, with the Elastic IP. */
  public readonly publicInterface: NetworkInterface;
  /** The private interface, target of the routes. */
  public readonly privateInterface: NetworkInterface;
  /** Security group of the public interface (no inbound rule unless `publicIngressPorts`). */
  public readonly publicSecurityGroup: SecurityGroup;
  /** Security group of the private interface (all traffic from `forwardedSourceCidrs`). */
  public readonly privateSecurityGroup: SecurityGroup;
  /**
   * The launched instance.
   * @default - none: the interfaces were added to `existingInstance`
   */
  public readonly instance?: Instance;
  /** The attachments of the secondary interfaces (both with an existing instance, the private one otherwise). */
  public readonly attachments: NetworkInterfaceAttachmentA[];
  /** Device index of the public interface: 0 on a launched instance, else `firstDeviceIndex`. */
  public readonly publicDeviceIndex: number;
  /**
   * Device index of the private interface: 1 on a launched instance, else the one after the
   * public interface. Operating-system routing (one route table per interface) is keyed on it.
   */
  public readonly privateDeviceIndex: number;
  /** The routes to the private interface, by route table then destination. */
  public readonly routes: Route[];
  /**
   * The Elastic IP of the public interface.
   * @default - none when `elasticIp` is false
   */
  public readonly elasticIp?: ElasticIp;

  constructor(scope: Construct, id: string, props: NetworkApplianceProps) {
    super(scope, id);
    checkProps(this, props, NETWORK_APPLIANCE_PROPS);
    const forwarding = props.forwarding ?? ApplianceForwarding.BOTH;
    const routeTableIds = props.routeTableIds ?? [];
    const destinations = props.routeDestinations ?? ['0.0.0.0/0'];
    const subnets = [{ role: 'public', subnet: props.publicSubnet }, { role: 'private', subnet: props.privateSubnet }];
    checkDistinctSubnets(this, subnets, 'Put the private interface in a private subnet of the same Availability Zone');
    checkOneZone(this, subnets);
    this.checkRoutes(routeTableIds, destinations, forwarding);
    const host = new PatternHost(this, props);

    this.publicSecurityGroup = new SecurityGroup(this, 'PublicSecurityGroup', {
      vpcId: patternVpcId(this, props.publicSubnet, props.vpcId),
      description: 'Public interface of a network appliance',
      tags: props.tags,
    });
    for (const port of props.publicIngressPorts ?? []) {
      this.publicSecurityGroup.addIngressRule(Peer.anyIpv4(), port, { description: 'Public service of the appliance' });
    }
    this.privateSecurityGroup = new SecurityGroup(this, 'PrivateSecurityGroup', {
      vpcId: patternVpcId(this, props.privateSubnet, props.vpcId),
      description: 'Private interface of a network appliance',
      tags: props.tags,
    });
    const sources = props.forwardedSourceCidrs ?? (props.privateSubnet.ipv4CidrBlock ? [props.privateSubnet.ipv4CidrBlock] : []);
    for (const cidr of sources) {
      const peer = isIpv6Text(cidr) ? Peer.ipv6(cidr) : Peer.ipv4(cidr);
      this.privateSecurityGroup.addIngressRule(peer, Port.allTraffic(), { description: 'Traffic the appliance forwards' });
    }

    this.publicInterface = new NetworkInterface(this, 'PublicInterface', {
      subnet: props.publicSubnet,
      privateIpv4: props.publicInterfaceIpv4,
      securityGroupIds: [this.publicSecurityGroup.securityGroupId],
      sourceDestCheck: !forwardsOn(forwarding, ApplianceForwarding.PUBLIC_INTERFACE),
      description: 'Public interface of a network appliance',
      tags: props.tags,
    });
    this.privateInterface = new NetworkInterface(this, 'PrivateInterface', {
      subnet: props.privateSubnet,
      privateIpv4: props.privateInterfaceIpv4,
      securityGroupIds: [this.privateSecurityGroup.securityGroupId],
      sourceDestCheck: !forwardsOn(forwarding, ApplianceForwarding.PRIVATE_INTERFACE),
      description: 'Private interface of a network appliance',
      tags: props.tags,
    });
    this.attachments = [this.publicInterface, this.privateInterface]
      .map((nic) => host.addInterface(nic))
      .filter((attachment): attachment is NetworkInterfaceAttachmentA => attachment !== undefined);
    this.instance = host.instance;
    const deviceIndexes = this.attachments.map((attachment) => attachment.deviceIndexInput!);
    this.privateDeviceIndex = deviceIndexes[deviceIndexes.length - 1];
    this.publicDeviceIndex = host.launches ? 0 : deviceIndexes[0];

    if (props.elasticIp ?? true) {
      this.elasticIp = new ElasticIp(this, 'ElasticIp', { networkInterface: this.publicInterface, tags: props.tags });
    }
    this.routes = routeTableIds.flatMap((routeTableId, t) => destinations.map((destination, d) => new Route(
      this, `Route${t}-${isUnresolved(destination) ? `destination${d}` : destinationName(destination)}`, {
        routeTableId,
        // The provider's quirk: an interface target is network_interface_id, never instance_id on a multi-interface instance.
        networkInterfaceId: this.privateInterface.networkInterfaceId,
        ...(isIpv6Text(destination) ? { destinationIpv6CidrBlock: destination } : { destinationCidrBlock: destination }),
      })));
  }

  private checkRoutes(routeTableIds: string[], destinations: string[], forwarding: ApplianceForwarding): void {
    this.checkRouteCountKnown('routeTableIds', routeTableIds);
    this.checkRouteCountKnown('routeDestinations', destinations);
    for (const destination of destinations) {
      if (isUnresolved(destination) || parseCidr(destination, { strict: true })) continue;
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidCidr,
        scope: this,
        problem: 'a route destination is not a CIDR block without host bits',
        received: JSON.stringify(destination),
        allowed: 'an IPv4 or IPv6 CIDR block such as "0.0.0.0/0", "10.1.0.0/16" or "::/0"',
        docUrl: DocUrl.routeTables,
      });
    }
    // AWS compares blocks, not their text: "0::/0" is "::/0" (RouteAlreadyExists at apply).
    checkNoDuplicates(this, 'routeDestinations', destinations.map((d) => (isUnresolved(d) ? d : canonicalCidr(d))));
    checkNoDuplicates(this, 'routeTableIds', routeTableIds);
    if (routeTableIds.length > 0 && !forwardsOn(forwarding, ApplianceForwarding.PRIVATE_INTERFACE)) {
      throw new NetworkConstraintError({
        code: ErrorCode.RouteToCheckedInterface,
        scope: this,
        problem: 'routes point at the private interface, but its source/destination check stays on, so AWS drops the routed traffic',
        received: `forwarding ${forwarding} with ${routeTableIds.length} route table(s)`,
        allowed: `forwarding ${ApplianceForwarding.BOTH} or ${ApplianceForwarding.PRIVATE_INTERFACE} when routeTableIds is given`,
        fix: 'Let the private interface forward, or drop routeTableIds',
        docUrl: DocUrl.sourceDestCheck,
      });
    }
  }

  /**
   * One route per table and destination: a list whose length is known only at deploy time, or an
   * element spread from one (`['rtb-1', ...variable.listValue]`), gives no count to create them by.
   * Elements that are tokens in a literal list are fine.
   */
  private checkRouteCountKnown(prop: string, list: string[]): void {
    if (!isListToken(list) && !list.some((element) => isListToken([element]))) return;
    throw new NetworkConstraintError({
      code: ErrorCode.RouteCountUnknown,
      scope: this,
      problem: `one route is created per route table and destination, so ${prop} must be a list whose length is known at synth time`,
      received: `${prop} with a list known only at deploy time`,
      allowed: 'a literal list; each element may be a reference (aws_route_table.x.id)',
      fix: 'List the elements, or create the aws_route resources yourself with count or for_each',
      docUrl: DocUrl.routeTables,
    });
  }
}

/** Canonical text of a block already checked: lowercase, shortest IPv6 form. */
function canonicalCidr(text: string): string {
  return formatCidr(parseCidr(text, { strict: true })!);
}

/**
 * The part of a route's construct id that names its destination, from the canonical block. Ids of
 * deployed routes must not change, so it keeps the old form (each run of punctuation as one `_`)
 * wherever that form names a single block: IPv4, and IPv6 without `::` or with `::` at either end.
 * A `::` between groups (`2001:db8::1/128` against `2001:db8:1::/128`) or before an IPv4-mapped
 * tail would be ambiguous in it, so that `::` is written `__`, which the old form never contains.
 */
function destinationName(destination: string): string {
  const text = canonicalCidr(destination);
  const address = text.slice(0, text.indexOf('/'));
  const ambiguous = address.includes('::') && !address.endsWith('::') && (!address.startsWith('::') || address.includes('.'));
  return (ambiguous ? text.replace('::', '__') : text).replace(/[^A-Za-z0-9_]+/g, '_');
}

/** Whether the interface on `side` (`PUBLIC_INTERFACE` or `PRIVATE_INTERFACE`) forwards. */
function forwardsOn(forwarding: ApplianceForwarding, side: ApplianceForwarding): boolean {
  return forwarding === ApplianceForwarding.BOTH || forwarding === side;
}

/** IPv6 text has colons; tokens and IPv4 have none. */
function isIpv6Text(value: string): boolean {
  return !isUnresolved(value) && value.includes(':');
}
