import { literal } from '../core/tokens';

/**
 * What the library may know about a vSwitch besides its id. Each field is optional: a missing or
 * token value only means the matching construction-time check is skipped.
 */
export interface VswitchAttributes {
  /**
   * The vSwitch's zone (`cn-hangzhou-h`), compared with the instance's when an ENI is attached.
   * @default - the zone is not checked
   * @see https://www.alibabacloud.com/help/en/doc-detail/58515.htm
   */
  readonly zoneId?: string;

  /**
   * The id of the vSwitch's VPC, compared with the instance's when an ENI is attached.
   * @default - the VPC is not checked
   */
  readonly vpcId?: string;

  /**
   * The vSwitch's IPv4 CIDR block, used to check that fixed private addresses lie in it.
   * @default - addresses are not checked against the vSwitch
   */
  readonly cidrBlock?: string;
}

/**
 * A vSwitch an ENI lives in: its id plus whatever is known about it, so that constraints such as
 * "an ENI and its instance share a zone and a VPC" are checked at synth time.
 */
export class VswitchReference {
  /**
   * Refers to a vSwitch by id, with what is known about it. For an `alicloud_vswitch` of this app
   * pass its `id` and the zone, VPC and CIDR block it was given.
   */
  public static fromVswitchId(vswitchId: string, attributes: VswitchAttributes = {}): VswitchReference {
    return new VswitchReference(vswitchId, attributes);
  }

  /** The vSwitch id (may be a token). */
  public readonly vswitchId: string;
  /**
   * The zone when known at synth time.
   * @default - unknown
   */
  public readonly zoneId?: string;
  /**
   * The VPC id when known at synth time.
   * @default - unknown
   */
  public readonly vpcId?: string;
  /**
   * The IPv4 CIDR block when known at synth time.
   * @default - unknown
   */
  public readonly cidrBlock?: string;

  private constructor(vswitchId: string, attributes: VswitchAttributes) {
    this.vswitchId = vswitchId;
    // Only literals are kept: a token cannot be compared before deploy.
    this.zoneId = literal(attributes.zoneId);
    this.vpcId = literal(attributes.vpcId);
    this.cidrBlock = literal(attributes.cidrBlock);
  }
}
