import { NetworkInterface as NetworkInterfaceResource } from '@cdktf/provider-aws/lib/network-interface';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import {
  checkCidr, checkCount, checkIpv6, checkNoDuplicates, checkPrivateIpv4, InterfaceAddressCounts,
} from './address-checks';
import { SECURITY_GROUPS_PER_INTERFACE } from './constraints';
import { DocUrl } from './doc-url';
import { Ipv4Assignment } from './ipv4-assignment';
import { Ipv6Assignment } from './ipv6-assignment';
import { INetworkInterface, NetworkInterfaceBase } from './network-interface-base';
import { NETWORK_INTERFACE_PROPS } from './prop-specs';
import { SubnetReference } from './subnet-reference';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { checkProps } from '../core/prop-checks';
import { isUnresolved } from '../core/tokens';

/** AWS hard limit of security groups per interface (the default quota is 5). */

/** Props of a `NetworkInterface`. */
export interface NetworkInterfaceProps {
  /**
   * The subnet the interface lives in; it fixes the interface's VPC and Availability Zone for life.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html
   */
  readonly subnet: SubnetReference;

  /**
   * Private IPv4 addresses.
   * @default Ipv4Assignment.automatic() - one primary address picked by AWS
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/MultipleIP.html
   */
  readonly privateIpv4?: Ipv4Assignment;

  /**
   * IPv6 addresses.
   * @default Ipv6Assignment.none()
   */
  readonly ipv6?: Ipv6Assignment;

  /**
   * Security groups of the interface, all of the interface's VPC (at most 16 per interface; the
   * default quota is 5).
   * @default - the VPC's default security group
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups
   */
  readonly securityGroupIds?: string[];

  /**
   * Whether AWS drops traffic whose source or destination is not one of the interface's addresses.
   * Turn it off on interfaces that forward traffic (NAT, routers, firewalls, overlay virtual IPs).
   * @default true
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html#change_source_dest_check
   */
  readonly sourceDestCheck?: boolean;

  /**
   * Description shown in the EC2 console.
   * @default - no description
   */
  readonly description?: string;

  /**
   * Tags of the interface.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/** Attributes of an interface created elsewhere. */
export interface NetworkInterfaceAttributes {
  /**
   * The interface's fixed private IPv4 addresses, primary first, used to check Elastic IP mappings.
   * @default - unknown: Elastic IP mappings to literal addresses are refused
   */
  readonly privateIpv4Addresses?: string[];

  /**
   * The interface's Availability Zone, compared with the instance's at attachment.
   * @default - not checked
   */
  readonly availabilityZone?: string;
}

/**
 * An elastic network interface (`aws_network_interface`) that outlives any instance it is attached
 * to, with its addresses checked against its subnet and, once attached, against the instance
 * type's per-interface limits.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html
 */
export class NetworkInterface extends NetworkInterfaceBase {
  /** Refers to an existing interface by id; it can be attached and take Elastic IPs. */
  public static fromNetworkInterfaceId(
    scope: Construct,
    id: string,
    networkInterfaceId: string,
    attributes: NetworkInterfaceAttributes = {},
  ): INetworkInterface {
    return new ImportedNetworkInterface(scope, id, networkInterfaceId, attributes);
  }

  /** The interface id (`eni-...`). */
  public readonly networkInterfaceId: string;
  /** The subnet the interface lives in. */
  public readonly subnet: SubnetReference;
  /** How the private IPv4 addresses are assigned. */
  public readonly privateIpv4: Ipv4Assignment;
  /** How the IPv6 addresses are assigned. */
  public readonly ipv6: Ipv6Assignment;
  /** The underlying `aws_network_interface` resource, for properties this construct does not cover. */
  public readonly resource: NetworkInterfaceResource;
  // Created on first read: cdktf records a full stack trace per token, which made these three a
  // third of the cost of building an interface that never reads them.
  private macAddressToken?: string;
  private privateIpToken?: string;
  private privateIpsToken?: string[];

  constructor(scope: Construct, id: string, props: NetworkInterfaceProps) {
    super(scope, id);
    checkProps(this, props, NETWORK_INTERFACE_PROPS);
    this.subnet = props.subnet;
    this.privateIpv4 = props.privateIpv4 ?? Ipv4Assignment.automatic();
    this.ipv6 = props.ipv6 ?? Ipv6Assignment.none();
    this.validate(props);

    const ipv4Addresses = this.privateIpv4.fixedAddresses;
    const ipv6Addresses = this.ipv6.fixedAddresses;
    this.resource = new NetworkInterfaceResource(this, 'Resource', {
      subnetId: this.subnet.subnetId,
      description: props.description,
      securityGroups: props.securityGroupIds,
      sourceDestCheck: props.sourceDestCheck ?? true,
      // A list (not the private_ips set) is the only form in which the first address stays primary.
      privateIpListEnabled: ipv4Addresses ? true : undefined,
      privateIpList: ipv4Addresses,
      privateIpsCount: ipv4Addresses || this.privateIpv4.secondaryCount === 0 ? undefined : this.privateIpv4.secondaryCount,
      ipv6Addresses,
      ipv6AddressCount: ipv6Addresses || this.ipv6.addressCount === 0 ? undefined : this.ipv6.addressCount,
      tags: props.tags,
    });
    this.networkInterfaceId = this.resource.id;
  }

  /** The interface's MAC address, which it keeps wherever it is attached. */
  public get macAddress(): string {
    return this.macAddressToken ??= this.resource.macAddress;
  }

  /** The primary private IPv4 address. */
  public get privateIp(): string {
    return this.privateIpToken ??= this.resource.privateIp;
  }

  /** All private IPv4 addresses. */
  public get privateIps(): string[] {
    return this.privateIpsToken ??= this.resource.privateIps;
  }

  /** @internal */
  protected _knownPrivateIpv4Addresses(): string[] | undefined {
    return this.privateIpv4.fixedAddresses;
  }

  /** @internal */
  protected _addressCounts(): InterfaceAddressCounts {
    return { ipv4: this.privateIpv4.totalAddresses, ipv6: this.ipv6.totalAddresses };
  }

  /** @internal */
  protected _knownAvailabilityZone(): string | undefined {
    return this.subnet.availabilityZone;
  }

  private validate(props: NetworkInterfaceProps): void {
    checkCidr(this, 'the subnet\'s IPv4 CIDR block', this.subnet.ipv4CidrBlock);
    checkCidr(this, 'the subnet\'s IPv6 CIDR block', this.subnet.ipv6CidrBlock, true);
    checkCount(this, 'the number of secondary private IPv4 addresses', this.privateIpv4.secondaryCount, 0);
    checkCount(this, 'the number of IPv6 addresses', this.ipv6.addressCount, 0);
    const ipv4 = this.privateIpv4.fixedAddresses ?? [];
    ipv4.forEach((address, i) => checkPrivateIpv4(
      this, i === 0 ? 'the primary private IPv4 address' : `secondary private IPv4 address #${i}`,
      address, this.subnet.ipv4CidrBlock));
    checkNoDuplicates(this, 'the private IPv4 addresses', ipv4);
    const ipv6 = this.ipv6.fixedAddresses ?? [];
    ipv6.forEach((address, i) => checkIpv6(this, `IPv6 address #${i + 1}`, address, this.subnet.ipv6CidrBlock));
    checkNoDuplicates(this, 'the IPv6 addresses', ipv6);
    this.checkSecurityGroupCount(props.securityGroupIds);
  }

  private checkSecurityGroupCount(securityGroupIds: string[] | undefined): void {
    if (!securityGroupIds || isUnresolved(securityGroupIds)) return;
    if (securityGroupIds.length > SECURITY_GROUPS_PER_INTERFACE.hardMaximum) {
      throw new NetworkConstraintError({
        code: ErrorCode.TooManySecurityGroups,
        scope: this,
        problem: 'an interface takes at most 16 security groups',
        received: `${securityGroupIds.length} security groups`,
        allowed: `at most ${SECURITY_GROUPS_PER_INTERFACE.hardMaximum} (${SECURITY_GROUPS_PER_INTERFACE.defaultQuota} under the default quota)`,
        fix: 'Merge rules into fewer groups',
        docUrl: DocUrl.securityGroupQuotas,
      });
    }
  }
}

/** An interface created outside this app, known by id. */
class ImportedNetworkInterface extends NetworkInterfaceBase {
  public readonly networkInterfaceId: string;
  private readonly attributes: NetworkInterfaceAttributes;

  constructor(scope: Construct, id: string, networkInterfaceId: string, attributes: NetworkInterfaceAttributes) {
    super(scope, id);
    this.networkInterfaceId = networkInterfaceId;
    this.attributes = attributes;
  }

  /** @internal */
  protected _knownPrivateIpv4Addresses(): string[] | undefined {
    return this.literalAddresses();
  }

  /** @internal */
  protected _addressCounts(): InterfaceAddressCounts {
    return { ipv4: this.literalAddresses()?.length };
  }

  // A list token reads as a one-element list whose element no scalar may take: its length and
  // addresses are only known at deploy time.
  private literalAddresses(): string[] | undefined {
    const addresses = this.attributes.privateIpv4Addresses;
    return addresses !== undefined && Token.isUnresolved(addresses) ? undefined : addresses;
  }

  /** @internal */
  protected _knownAvailabilityZone(): string | undefined {
    return this.attributes.availabilityZone;
  }
}
