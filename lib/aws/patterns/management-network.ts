import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { Construct } from 'constructs';
import { PatternHost, patternVpcId } from './pattern-host';
import { PatternHostProps } from './pattern-host-props';
import { checkDistinctSubnets, checkOneZone } from './subnet-checks';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { joinIds } from '../../core/interface-subnets';
import { checkProps } from '../../core/prop-checks';
import { DocUrl } from '../doc-url';
import { ElasticIp } from '../elastic-ip';
import { Instance } from '../instance';
import { Ipv4Assignment } from '../ipv4-assignment';
import { NetworkInterface } from '../network-interface';
import { MANAGEMENT_NETWORK_PROPS } from '../prop-specs';
import { Peer } from '../security/peer';
import { Port } from '../security/port';
import { SecurityGroup } from '../security/security-group';
import { SubnetReference } from '../subnet-reference';

const SSH_PORT = 22;
const DEFAULT_WEB_PORTS = [80, 443];

/** Props of a `ManagementNetwork`. */
export interface ManagementNetworkProps extends PatternHostProps {
  /**
   * Subnet of the public interface (eth0), which carries the public traffic. With
   * `existingInstance`, the subnet of that instance's own primary interface: it is then only used
   * to check that the management subnet is a different subnet of the same Availability Zone.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
   */
  readonly publicSubnet: SubnetReference;

  /**
   * Subnet of the management interface (eth1): a separate subnet, in the Availability Zone of the
   * public subnet, with more restrictive access control.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
   */
  readonly managementSubnet: SubnetReference;

  /**
   * IPv4 ranges allowed to reach the management interface over SSH: an admin range on the
   * internet or in the VPC, a private subnet of the same zone, a virtual private gateway's
   * on-premises range. `0.0.0.0/0` is refused. This list and `managementIpv6Cidrs` together must
   * name at least one range.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
   */
  readonly managementCidrs: string[];

  /**
   * IPv6 ranges allowed to reach the management interface over SSH (`::/0` is refused).
   * @default - none
   */
  readonly managementIpv6Cidrs?: string[];

  /**
   * Security group of the load balancer in front of the public interface. When given, the web
   * ports accept traffic from that group only, not from the internet.
   * @default - the web ports are open to 0.0.0.0/0
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
   */
  readonly loadBalancerSecurityGroupId?: string;

  /**
   * TCP ports of the public traffic.
   * @default [80, 443]
   */
  readonly webPorts?: number[];

  /**
   * Also open the web ports to the IPv6 internet (`::/0`). Not with `loadBalancerSecurityGroupId`.
   * @default false
   */
  readonly allowWebFromIpv6?: boolean;

  /**
   * Private IPv4 addresses of the public interface. A secondary address is the documented way to
   * make failover work: it (and its Elastic IP) can move to a standby instance. Give fixed
   * addresses, `Ipv4Assignment.addresses(primary, failover)`, to put an Elastic IP on it.
   * @default Ipv4Assignment.automatic()
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
   */
  readonly publicInterfaceIpv4?: Ipv4Assignment;

  /**
   * Private IPv4 addresses of the management interface.
   * @default Ipv4Assignment.automatic()
   */
  readonly managementInterfaceIpv4?: Ipv4Assignment;

  /**
   * Allocate an Elastic IP for the first secondary address of the public interface (the failover
   * address). Requires `publicInterfaceIpv4` with fixed addresses and at least one secondary one,
   * because the association names the private address.
   * @default false
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
   */
  readonly failoverElasticIp?: boolean;

  /**
   * Allocate an Elastic IP for the primary address of the public interface. A separately created
   * interface gets no auto-assigned public IPv4, so without a load balancer or a failover Elastic
   * IP the instance would not be reachable from the internet.
   * @default - true unless `loadBalancerSecurityGroupId` or `failoverElasticIp` is given
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
   */
  readonly primaryElasticIp?: boolean;

  /**
   * Security groups added to the public interface besides the one the pattern creates.
   * @default - none
   */
  readonly publicSecurityGroupIds?: string[];

  /**
   * Security groups added to the management interface besides the one the pattern creates.
   * @default - none
   */
  readonly managementSecurityGroupIds?: string[];

  /**
   * VPC of the security groups.
   * @default - the VPC of each interface's subnet (known for subnets from `SubnetReference.fromSubnet`)
   */
  readonly vpcId?: string;

  /**
   * Tags of the interfaces, security groups and Elastic IPs.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/** Props that only make sense when the pattern launches the instance and so owns eth0. */
const PUBLIC_INTERFACE_PROPS = [
  'publicInterfaceIpv4', 'publicSecurityGroupIds', 'loadBalancerSecurityGroupId', 'webPorts',
  'allowWebFromIpv6', 'failoverElasticIp', 'primaryElasticIp',
] as const;

/**
 * The AWS "management network" scenario: the primary interface (eth0) carries the public traffic,
 * with a security group that allows the web ports from the internet or from a load balancer; the
 * secondary interface (eth1) carries back-end management traffic in a separate subnet of the same
 * Availability Zone, with a security group that allows SSH only from the given ranges.
 *
 * It launches its instance (eth0 and eth1 are both created here), or adds only the management
 * interface to `existingInstance` at device index `firstDeviceIndex` (1): eth0 is then the
 * instance's own, so the pattern creates neither the public interface nor its security group, and
 * the public-interface props are refused.
 *
 * The operating system must answer management traffic through eth1: Amazon Linux does so with
 * ec2-net-utils; on Ubuntu or other distributions give `osNetworkConfig` and the launched
 * instance's user data adds source-based routing for the management interface.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
 */
export class ManagementNetwork extends Construct {
  /**
   * The public interface (eth0) of the launched instance.
   * @default - none with `existingInstance`
   */
  public readonly publicInterface?: NetworkInterface;
  /** The management interface (eth1). */
  public readonly managementInterface: NetworkInterface;
  /**
   * Security group of the public interface (web ports).
   * @default - none with `existingInstance`
   */
  public readonly publicSecurityGroup?: SecurityGroup;
  /** Security group of the management interface (SSH from the management ranges). */
  public readonly managementSecurityGroup: SecurityGroup;
  /**
   * The launched instance.
   * @default - none with `existingInstance`
   */
  public readonly instance?: Instance;
  /** The attachment of the management interface. */
  public readonly managementAttachment: NetworkInterfaceAttachmentA;
  /**
   * Device index of the management interface: 1, or `firstDeviceIndex`. Operating-system routing
   * (one route table per interface) is keyed on it.
   */
  public readonly managementDeviceIndex: number;
  /**
   * The Elastic IP of the public interface's primary address.
   * @default - none unless `primaryElasticIp`
   */
  public readonly primaryElasticIp?: ElasticIp;
  /**
   * The Elastic IP of the failover address.
   * @default - none unless `failoverElasticIp`
   */
  public readonly failoverElasticIp?: ElasticIp;
  /**
   * The failover address: the first secondary private IPv4 address of the public interface, when fixed.
   * @default - none when the public interface has no fixed secondary address
   */
  public readonly failoverPrivateIp?: string;

  constructor(scope: Construct, id: string, props: ManagementNetworkProps) {
    super(scope, id);
    checkProps(this, props, MANAGEMENT_NETWORK_PROPS);
    const subnets = [
      { role: 'public', subnet: props.publicSubnet },
      { role: 'management', subnet: props.managementSubnet },
    ];
    checkDistinctSubnets(this, subnets, 'Put the management interface in a separate subnet with more restrictive access control');
    checkOneZone(this, subnets);
    this.checkManagementAccess(props);
    const host = new PatternHost(this, props);
    if (host.launches) {
      this.checkPublicProps(props);
    } else {
      this.refusePublicProps(props);
    }
    this.failoverPrivateIp = props.publicInterfaceIpv4?.fixedAddresses?.[1];

    if (host.launches) {
      this.publicSecurityGroup = this.createPublicSecurityGroup(props);
      this.publicInterface = new NetworkInterface(this, 'PublicInterface', {
        subnet: props.publicSubnet,
        privateIpv4: props.publicInterfaceIpv4,
        securityGroupIds: joinIds([this.publicSecurityGroup.securityGroupId], props.publicSecurityGroupIds),
        description: 'Public traffic (eth0) of a management network',
        tags: props.tags,
      });
      host.addInterface(this.publicInterface);
    }
    this.managementSecurityGroup = this.createManagementSecurityGroup(props);
    this.managementInterface = new NetworkInterface(this, 'ManagementInterface', {
      subnet: props.managementSubnet,
      privateIpv4: props.managementInterfaceIpv4,
      securityGroupIds: joinIds([this.managementSecurityGroup.securityGroupId], props.managementSecurityGroupIds),
      description: 'Management traffic (eth1) of a management network',
      tags: props.tags,
    });
    // The management interface is never the first one added, so it is always attached.
    this.managementAttachment = host.addInterface(this.managementInterface)!;
    this.managementDeviceIndex = this.managementAttachment.deviceIndexInput!;
    this.instance = host.instance;

    if (this.publicInterface) {
      const usePrimary = props.primaryElasticIp ?? (props.loadBalancerSecurityGroupId === undefined && !props.failoverElasticIp);
      if (usePrimary) {
        this.primaryElasticIp = new ElasticIp(this, 'PrimaryElasticIp', { networkInterface: this.publicInterface, tags: props.tags });
      }
      if (props.failoverElasticIp) {
        this.failoverElasticIp = new ElasticIp(this, 'FailoverElasticIp', {
          networkInterface: this.publicInterface,
          privateIp: this.failoverPrivateIp,
          tags: props.tags,
        });
      }
    }
  }

  private createPublicSecurityGroup(props: ManagementNetworkProps): SecurityGroup {
    const group = new SecurityGroup(this, 'PublicSecurityGroup', {
      vpcId: patternVpcId(this, props.publicSubnet, props.vpcId),
      description: 'Public traffic of a management network',
      tags: props.tags,
    });
    const loadBalancer = props.loadBalancerSecurityGroupId;
    const peers = loadBalancer !== undefined
      ? [Peer.securityGroupId(loadBalancer)]
      : [Peer.anyIpv4(), ...props.allowWebFromIpv6 ? [Peer.anyIpv6()] : []];
    for (const port of props.webPorts ?? DEFAULT_WEB_PORTS) {
      for (const peer of peers) {
        group.addIngressRule(peer, Port.tcp(port), {
          description: `TCP ${port} from ${loadBalancer !== undefined ? 'the load balancer' : 'the internet'}`,
        });
      }
    }
    return group;
  }

  private createManagementSecurityGroup(props: ManagementNetworkProps): SecurityGroup {
    const group = new SecurityGroup(this, 'ManagementSecurityGroup', {
      vpcId: patternVpcId(this, props.managementSubnet, props.vpcId),
      description: 'Management traffic of a management network',
      tags: props.tags,
    });
    const peers = [...props.managementCidrs.map((cidr) => Peer.ipv4(cidr)), ...(props.managementIpv6Cidrs ?? []).map((cidr) => Peer.ipv6(cidr))];
    // The group's own check refuses SSH from 0.0.0.0/0 or ::/0 (AdminPortOpenToInternet).
    for (const peer of peers) group.addIngressRule(peer, Port.tcp(SSH_PORT), { description: 'SSH from a management range' });
    return group;
  }

  private checkManagementAccess(props: ManagementNetworkProps): void {
    if (props.managementCidrs.length + (props.managementIpv6Cidrs?.length ?? 0) > 0) return;
    throw new NetworkConstraintError({
      code: ErrorCode.NoManagementAccess,
      scope: this,
      problem: 'no range may reach the management interface',
      received: 'empty managementCidrs and managementIpv6Cidrs',
      allowed: 'at least one range: an admin range, a private subnet of the same zone or a virtual private gateway\'s range',
      docUrl: DocUrl.eniScenarios,
    });
  }

  private checkPublicProps(props: ManagementNetworkProps): void {
    if (props.loadBalancerSecurityGroupId !== undefined && props.allowWebFromIpv6) {
      throw new NetworkConstraintError({
        code: ErrorCode.ConflictingProps,
        scope: this,
        problem: 'the web ports cannot be open both to the load balancer only and to the IPv6 internet',
        received: 'loadBalancerSecurityGroupId and allowWebFromIpv6: true',
        allowed: 'one of them',
        fix: 'Drop allowWebFromIpv6: behind a load balancer, the load balancer takes the IPv6 traffic',
        docUrl: DocUrl.eniScenarios,
      });
    }
    if (props.failoverElasticIp && props.publicInterfaceIpv4?.fixedAddresses?.[1] === undefined) {
      throw new NetworkConstraintError({
        code: ErrorCode.FailoverAddressRequired,
        scope: this,
        problem: 'the failover Elastic IP needs a fixed secondary private address on the public interface',
        received: props.publicInterfaceIpv4?.fixedAddresses
          ? 'publicInterfaceIpv4 with a primary address only'
          : 'publicInterfaceIpv4 picked by AWS',
        allowed: 'publicInterfaceIpv4: Ipv4Assignment.addresses(primary, failover, ...)',
        fix: 'Give the public interface fixed addresses, the second one being the failover address',
        docUrl: DocUrl.eniScenarios,
      });
    }
  }

  private refusePublicProps(props: ManagementNetworkProps): void {
    const given = PUBLIC_INTERFACE_PROPS.filter((name) => props[name] !== undefined);
    if (given.length === 0) return;
    throw new NetworkConstraintError({
      code: ErrorCode.ConflictingInstanceProps,
      scope: this,
      problem: 'the public interface is the existing instance\'s own eth0, so the pattern does not create it',
      received: `existingInstance and ${given.join(', ')}`,
      allowed: 'with existingInstance, only the management props',
      fix: 'Configure the existing instance\'s eth0 where it is defined, or launch the instance with this pattern',
      docUrl: DocUrl.eniScenarios,
    });
  }
}
