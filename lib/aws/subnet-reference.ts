import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { literal } from '../core/tokens';

/**
 * What the library may know about a subnet besides its id. Each field is optional: a missing or
 * token value only means the matching construction-time check is skipped.
 */
export interface SubnetAttributes {
  /**
   * The subnet's IPv4 CIDR block, used to check that literal addresses lie in the subnet and avoid
   * the five addresses AWS reserves.
   * @default - addresses are not checked against the subnet
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
   */
  readonly ipv4CidrBlock?: string;
  /**
   * The subnet's IPv6 CIDR block.
   * @default - IPv6 addresses are not checked against the subnet
   */
  readonly ipv6CidrBlock?: string;
  /**
   * The subnet's Availability Zone, used to check that an interface and its instance share it.
   * @default - the Availability Zone is not checked
   */
  readonly availabilityZone?: string;
  /**
   * The id of the subnet's VPC.
   * @default - unknown
   */
  readonly vpcId?: string;
}

/**
 * A subnet an interface lives in: its id plus whatever is known about it, so that constraints
 * such as "a private IP lies in its subnet" are checked at synth time.
 */
export class SubnetReference {
  /** Refers to a subnet declared in this app; its CIDR blocks, zone and VPC are read from it. */
  public static fromSubnet(subnet: Subnet): SubnetReference {
    return new SubnetReference(subnet.id, {
      ipv4CidrBlock: subnet.cidrBlockInput,
      ipv6CidrBlock: subnet.ipv6CidrBlockInput,
      availabilityZone: subnet.availabilityZoneInput,
      vpcId: subnet.vpcIdInput,
    });
  }

  /** Refers to a subnet by id (for example one created elsewhere), with what is known about it. */
  public static fromSubnetId(subnetId: string, attributes: SubnetAttributes = {}): SubnetReference {
    return new SubnetReference(subnetId, attributes);
  }

  /** The subnet id (may be a token). */
  public readonly subnetId: string;
  /**
   * The subnet's IPv4 CIDR block when known at synth time.
   * @default - unknown
   */
  public readonly ipv4CidrBlock?: string;
  /**
   * The subnet's IPv6 CIDR block when known at synth time.
   * @default - unknown
   */
  public readonly ipv6CidrBlock?: string;
  /**
   * The subnet's Availability Zone when known at synth time.
   * @default - unknown
   */
  public readonly availabilityZone?: string;
  /**
   * The id of the subnet's VPC (may be a token).
   * @default - unknown
   */
  public readonly vpcId?: string;

  private constructor(subnetId: string, attributes: SubnetAttributes) {
    this.subnetId = subnetId;
    // Only literals are kept: a token CIDR or zone cannot be checked before deploy.
    this.ipv4CidrBlock = literal(attributes.ipv4CidrBlock);
    this.ipv6CidrBlock = literal(attributes.ipv6CidrBlock);
    this.availabilityZone = literal(attributes.availabilityZone);
    this.vpcId = attributes.vpcId;
  }
}
