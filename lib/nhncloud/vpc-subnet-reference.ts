import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { literal } from '../core/tokens';

/** What the library knows about an NHN Cloud subnet besides its id. */
export interface VpcSubnetAttributes {
  /**
   * The id of the subnet's VPC, written as the `network_id` of every port of the subnet (NHN Cloud
   * calls the port's network its VPC).
   * @see https://docs.nhncloud.com/en/Network/VPC/en/public-api-compat/
   */
  readonly vpcId: string;

  /**
   * The subnet's IPv4 CIDR block, used to check that fixed IPs lie in it.
   * @default - addresses are not checked against the subnet
   */
  readonly cidr?: string;
}

/**
 * A subnet (`nhncloud_networking_vpcsubnet_v2`) that ports live in: its id and VPC, plus its CIDR
 * block when known, so that "a fixed IP lies in its subnet" and "a virtual IP shares its subnet
 * with the ports that carry it" are checked at synth time.
 */
export class VpcSubnetReference {
  /**
   * Refers to a subnet by id. For an `nhncloud_networking_vpcsubnet_v2` of this app pass its `id`,
   * its `vpc_id` and the CIDR block it was given.
   */
  public static fromSubnetId(subnetId: string, attributes: VpcSubnetAttributes): VpcSubnetReference {
    if (typeof subnetId !== 'string' || typeof attributes?.vpcId !== 'string') {
      // TypeScript callers cannot get here; plain JavaScript and other jsii languages can.
      throw new NetworkConstraintError({
        code: ErrorCode.MissingRequiredProp,
        subject: 'VpcSubnetReference.fromSubnetId',
        problem: 'a subnet needs its id and its VPC id, the network_id of its ports',
        received: `subnetId ${JSON.stringify(subnetId)}, vpcId ${JSON.stringify(attributes?.vpcId)}`,
        allowed: 'two strings (or tokens)',
      });
    }
    return new VpcSubnetReference(subnetId, attributes);
  }

  /** The subnet id (may be a token). */
  public readonly subnetId: string;
  /** The VPC id (may be a token). */
  public readonly vpcId: string;
  /**
   * The IPv4 CIDR block when known at synth time.
   * @default - unknown
   */
  public readonly cidr?: string;

  private constructor(subnetId: string, attributes: VpcSubnetAttributes) {
    this.subnetId = subnetId;
    this.vpcId = attributes.vpcId;
    // Only a literal block is kept: a token cannot be compared before deploy.
    this.cidr = literal(attributes.cidr);
  }

  /** Readable name of the subnet, for errors. */
  public toString(): string {
    return literal(this.subnetId) === undefined ? 'a subnet known at deploy time' : `subnet ${this.subnetId}`;
  }
}
