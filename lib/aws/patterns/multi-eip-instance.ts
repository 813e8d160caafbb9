import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { Annotations, Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { PatternHost, patternVpcId } from './pattern-host';
import { PatternHostProps } from './pattern-host-props';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkProps } from '../../core/prop-checks';
import { markSuppressed } from '../../core/suppression-marks';
import { isUnresolved } from '../../core/tokens';
import { checkCount, checkNoDuplicates } from '../address-checks';
import { AwsRuleId } from '../constraints';
import { DocUrl } from '../doc-url';
import { ElasticIp } from '../elastic-ip';
import { Instance } from '../instance';
import { Ipv4Assignment } from '../ipv4-assignment';
import { InstanceNetworkLimits } from '../limits/instance-network-limits';
import { NetworkInterface } from '../network-interface';
import { MULTI_EIP_INSTANCE_PROPS } from '../prop-specs';
import { Peer } from '../security/peer';
import { Port } from '../security/port';
import { SecurityGroup } from '../security/security-group';
import { SubnetReference } from '../subnet-reference';

/**
 * Elastic IPs an AWS account may allocate per Region before it asks for more.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
 */
const ELASTIC_IPS_DEFAULT_QUOTA = 5;

/** How a `MultiEipInstance` carries its public addresses. */
export enum MultiEipMode {
  /**
   * One secondary interface whose private addresses (its primary and secondary ones) each take an
   * Elastic IP; one security group for all. For services that need no isolation from each other.
   * At most as many addresses as the instance type allows per interface.
   */
  SECONDARY_ADDRESSES = 'SECONDARY_ADDRESSES',
  /**
   * One secondary interface per address, each with its own security group and Elastic IP, so each
   * service gets its own network isolation. At most the instance type's interfaces minus the primary.
   */
  INTERFACE_PER_ADDRESS = 'INTERFACE_PER_ADDRESS',
}

/** Props of a `MultiEipInstance`. */
export interface MultiEipInstanceProps extends PatternHostProps {
  /**
   * Subnet of the interfaces that carry the public addresses (its route table must send
   * 0.0.0.0/0 to an internet gateway).
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
   */
  readonly subnet: SubnetReference;

  /**
   * How the addresses are carried.
   * @default MultiEipMode.SECONDARY_ADDRESSES
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/MultipleIP.html
   */
  readonly mode?: MultiEipMode;

  /**
   * Number of public addresses (Elastic IPs). Bounded by the instance type: private IPv4
   * addresses per interface with `SECONDARY_ADDRESSES`, interfaces minus one with
   * `INTERFACE_PER_ADDRESS` (those of the largest instance type when the type is unknown). More
   * than the default quota of 5 Elastic IPs per Region is accepted with a warning.
   * @default - the number of `privateIpAddresses`
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
   */
  readonly publicAddressCount?: number;

  /**
   * Fixed private addresses in `subnet`, one per public address: Elastic IP number i maps to
   * address number i. With `SECONDARY_ADDRESSES` the first one is the interface's primary address
   * (written with `private_ip_list`, the only form that keeps the order).
   * @default - AWS picks the addresses; each Elastic IP still gets its own address
   */
  readonly privateIpAddresses?: string[];

  /**
   * Ports every public address accepts from the whole internet. SSH and RDP are refused here.
   * With `INTERFACE_PER_ADDRESS`, add per-service rules to `securityGroups[i]` instead.
   * @default - none
   */
  readonly publicIngressPorts?: Port[];

  /**
   * Subnet of the launched instance's primary interface, which takes no Elastic IP. Another subnet
   * than `subnet` avoids two interfaces of one instance in the same subnet (asymmetric routing).
   * @default - `subnet`
   */
  readonly primarySubnet?: SubnetReference;

  /**
   * VPC of the security groups.
   * @default - the VPC of `subnet` (known for subnets from `SubnetReference.fromSubnet`)
   */
  readonly vpcId?: string;

  /**
   * Tags of the interfaces, security groups and Elastic IPs.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * Several public IPv4 addresses on one instance, where an Elastic IP maps to exactly one private
 * address of an interface.
 * Either N private addresses on one secondary interface with one Elastic IP each, or N secondary
 * interfaces each with its own security group and Elastic IP.
 *
 * It launches its instance (with a primary interface of its own, without Elastic IP) or adds the
 * interfaces to an existing instance. The operating system must bring up the secondary interface
 * and addresses and route replies out of the interface they came in on: `osNetworkConfig` makes the
 * launched instance's user data do so.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/MultipleIP.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
 */
export class MultiEipInstance extends Construct {
  /** How the addresses are carried. */
  public readonly mode: MultiEipMode;
  /** The interfaces that carry the public addresses: one, or one per address. */
  public readonly interfaces: NetworkInterface[];
  /** Their security groups: one, or one per address (same order as `interfaces`). */
  public readonly securityGroups: SecurityGroup[];
  /** The Elastic IPs, in the order of the addresses they map to. */
  public readonly elasticIps: ElasticIp[];
  /** The attachments of `interfaces`. */
  public readonly attachments: NetworkInterfaceAttachmentA[];
  /**
   * Device indexes of `interfaces`, in the same order: from 1 on a launched instance, else from
   * `firstDeviceIndex`. Operating-system routing (one route table per interface) is keyed on them.
   */
  public readonly deviceIndexes: number[];
  /**
   * The launched instance.
   * @default - none: the interfaces were added to `existingInstance`
   */
  public readonly instance?: Instance;
  /**
   * The launched instance's primary interface.
   * @default - none: the interfaces were added to `existingInstance`
   */
  public readonly primaryInterface?: NetworkInterface;
  /**
   * Security group of the launched instance's primary interface (no inbound rule).
   * @default - none: the interfaces were added to `existingInstance`
   */
  public readonly primarySecurityGroup?: SecurityGroup;

  constructor(scope: Construct, id: string, props: MultiEipInstanceProps) {
    super(scope, id);
    checkProps(this, props, MULTI_EIP_INSTANCE_PROPS);
    this.mode = props.mode ?? MultiEipMode.SECONDARY_ADDRESSES;
    const host = new PatternHost(this, props);
    const count = this.addressCount(props);
    this.checkLimits(host, count);
    const addresses = props.privateIpAddresses;
    checkNoDuplicates(this, 'privateIpAddresses', addresses ?? []);
    const vpcId = patternVpcId(this, props.subnet, props.vpcId);

    if (host.launches) {
      this.primarySecurityGroup = new SecurityGroup(this, 'PrimarySecurityGroup', {
        vpcId, description: 'Primary interface of an instance with several public addresses', tags: props.tags,
      });
      this.primaryInterface = new NetworkInterface(this, 'PrimaryInterface', {
        subnet: props.primarySubnet ?? props.subnet,
        securityGroupIds: [this.primarySecurityGroup.securityGroupId],
        description: 'Primary interface of an instance with several public addresses',
        tags: props.tags,
      });
      host.addInterface(this.primaryInterface);
    }

    const group = (groupId: string) => {
      const sg = new SecurityGroup(this, groupId, { vpcId, description: 'Public addresses of an instance', tags: props.tags });
      for (const port of props.publicIngressPorts ?? []) sg.addIngressRule(Peer.anyIpv4(), port, { description: 'Public service' });
      return sg;
    };
    const nic = (nicId: string, sg: SecurityGroup, privateIpv4: Ipv4Assignment) => new NetworkInterface(this, nicId, {
      subnet: props.subnet,
      privateIpv4,
      securityGroupIds: [sg.securityGroupId],
      description: 'Carries public addresses (Elastic IPs)',
      tags: props.tags,
    });
    const indexes = [...Array(count).keys()];
    this.elasticIps = indexes.map((i) => new ElasticIp(this, `ElasticIp${i + 1}`, { tags: props.tags }));

    if (this.mode === MultiEipMode.SECONDARY_ADDRESSES) {
      const sg = group('SecurityGroup');
      const single = nic('Interface', sg, addresses
        ? Ipv4Assignment.addresses(addresses[0], ...addresses.slice(1))
        : Ipv4Assignment.count(count - 1));
      // With AWS-picked addresses, element i of the (sorted) address set is still a distinct
      // address for each Elastic IP, the primary included.
      indexes.forEach((i) => this.elasticIps[i].associateWith(single, {
        privateIp: addresses ? addresses[i] : Fn.element(Fn.tolist(single.privateIps), i),
      }));
      this.securityGroups = [sg];
      this.interfaces = [single];
    } else {
      this.securityGroups = indexes.map((i) => group(`SecurityGroup${i + 1}`));
      this.interfaces = indexes.map((i) => nic(`Interface${i + 1}`, this.securityGroups[i],
        addresses ? Ipv4Assignment.addresses(addresses[i]) : Ipv4Assignment.automatic()));
      indexes.forEach((i) => this.elasticIps[i].associateWith(this.interfaces[i]));
    }
    this.explainSharedSubnet(props, host.launches, count);
    this.attachments = this.interfaces
      .map((networkInterface) => host.addInterface(networkInterface))
      .filter((attachment): attachment is NetworkInterfaceAttachmentA => attachment !== undefined);
    this.deviceIndexes = this.attachments.map((attachment) => attachment.deviceIndexInput!);
    this.instance = host.instance;
  }

  /**
   * The interfaces this pattern puts in one subnet by design, which NIC013 would warn about: the
   * launched primary interface, which takes no Elastic IP, in `subnet` unless `primarySubnet` names
   * another, and one interface per address with INTERFACE_PER_ADDRESS.
   */
  private explainSharedSubnet(props: MultiEipInstanceProps, launches: boolean, count: number): void {
    const reasons = [
      ...launches && props.primarySubnet === undefined
        ? ['the primary interface, which takes no Elastic IP, is in `subnet` unless primarySubnet names another subnet'] : [],
      ...this.mode === MultiEipMode.INTERFACE_PER_ADDRESS && count > 1
        ? ['INTERFACE_PER_ADDRESS puts one interface per public address in one subnet, so each service has its own security group'] : [],
    ];
    if (reasons.length === 0) return;
    markSuppressed(this, {
      id: AwsRuleId.interfacesSameSubnet,
      reason: `by design: ${reasons.join('; ')}. Replies must leave by their own interface (osNetworkConfig policy routing)`,
    });
  }

  /** The number of public addresses, which must be known at synth time: each is its own resource. */
  private addressCount(props: MultiEipInstanceProps): number {
    const listed = props.privateIpAddresses;
    // A list token has no length known at synth time; a literal list of tokens has one.
    if (listed !== undefined && !Token.isUnresolved(listed)) {
      if (props.publicAddressCount !== undefined && props.publicAddressCount !== listed.length) {
        throw new NetworkConstraintError({
          code: ErrorCode.AddressCountMismatch,
          scope: this,
          problem: 'publicAddressCount and the number of privateIpAddresses differ',
          received: `publicAddressCount ${props.publicAddressCount}, ${listed.length} privateIpAddresses`,
          allowed: 'one private address per public address',
          fix: 'Drop publicAddressCount: the list gives the count',
        });
      }
      checkCount(this, 'the number of privateIpAddresses', listed.length, 1);
      return listed.length;
    }
    const count = props.publicAddressCount;
    if (count === undefined || isUnresolved(count) || listed !== undefined) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidCount,
        scope: this,
        problem: 'the number of public addresses must be known at synth time, since each one is its own Elastic IP',
        received: count === undefined && listed === undefined ? 'neither publicAddressCount nor privateIpAddresses'
          : 'a value only known at deploy time',
        allowed: 'a literal publicAddressCount, or a literal list of privateIpAddresses',
      });
    }
    checkCount(this, 'publicAddressCount', count, 1);
    return count;
  }

  /**
   * Bounds the count by the instance type, or by the largest instance type when the type is
   * unknown, so a typo never allocates thousands of Elastic IPs; warns past the default quota.
   */
  private checkLimits(host: PatternHost, count: number): void {
    const limits = host.limits ?? InstanceNetworkLimits.maxima();
    const type = host.limits ? host.instanceType : 'any instance type';
    const perInterface = this.mode === MultiEipMode.SECONDARY_ADDRESSES;
    const max = perInterface ? limits.ipv4AddressesPerInterface : limits.maxNetworkInterfaces - 1;
    if (count <= max) {
      this.warnPastDefaultQuota(count);
      return;
    }
    const otherMode = perInterface ? MultiEipMode.INTERFACE_PER_ADDRESS : MultiEipMode.SECONDARY_ADDRESSES;
    const otherMax = perInterface ? limits.maxNetworkInterfaces - 1 : limits.ipv4AddressesPerInterface;
    throw new NetworkConstraintError({
      code: ErrorCode.TooManyPublicAddresses,
      scope: this,
      problem: perInterface
        ? `${type} allows at most ${max} private IPv4 addresses per interface, so one interface carries at most ${max} Elastic IPs`
        : `${type} takes at most ${limits.maxNetworkInterfaces} interfaces, the primary one included, so at most ${max} interfaces carry an Elastic IP`,
      received: `${count} public addresses with ${this.mode} on ${host.instanceType ?? 'an instance of unknown type'}`,
      allowed: `at most ${max} with ${this.mode} on ${type}`,
      fix: otherMax >= count
        ? `Use MultiEipMode.${otherMode} (up to ${otherMax} on ${type})${host.limits ? ' or a larger instance type' : ''}`
        : host.limits
          ? `Choose a larger instance type (MultiEipMode.${otherMode} allows only ${otherMax} on ${type})`
          : 'Spread the addresses over several instances',
      docUrl: DocUrl.ipPerEni,
    });
  }

  private warnPastDefaultQuota(count: number): void {
    if (count <= ELASTIC_IPS_DEFAULT_QUOTA) return;
    Annotations.of(this).addWarning(`${count} Elastic IPs exceed the default quota of ${ELASTIC_IPS_DEFAULT_QUOTA} Elastic IP addresses `
      + 'per Region of an AWS account: the apply fails unless the account\'s quota was raised (Service Quotas, '
      + `"EC2-VPC Elastic IPs"). See ${DocUrl.elasticIp}`);
  }
}
