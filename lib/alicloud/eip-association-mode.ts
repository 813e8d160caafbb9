/**
 * How an EIP reaches an ENI (`alicloud_eip_association.mode`). Only an ENI target takes a mode
 * other than NAT.
 *
 * @see https://www.alibabacloud.com/help/en/eip/associate-an-eip-with-a-cloud-instance
 */
export class EipAssociationMode {
  /** NAT mode: the EIP maps to one private IP of the target; the guest sees only the private IP. */
  public static readonly NAT = new EipAssociationMode('NAT');

  /**
   * Cut-through mode: the EIP replaces the private IP of a secondary ENI and is visible in the
   * guest. One EIP per ENI, associated before the ENI is attached; afterwards 100.64.0.0/10 is
   * unreachable through that ENI (ALI035 warns).
   * @see https://www.alibabacloud.com/help/doc-detail/98641.htm
   */
  public static readonly BINDED = new EipAssociationMode('BINDED');

  /**
   * Multi-EIP-to-ENI mode: several EIPs visible on one secondary ENI, associated before the ENI
   * is attached. Alibaba Cloud no longer grants it to new accounts (ALI034 warns).
   * @see https://www.alibabacloud.com/help/en/elastic-ip-address/latest/associate-eips-with-secondary-enis-in-multi-eip-to-eni-mode
   */
  public static readonly MULTI_BINDED = new EipAssociationMode('MULTI_BINDED');

  /** The value of `mode`. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }

  /** The value of `mode`. */
  public toString(): string {
    return this.value;
  }
}
