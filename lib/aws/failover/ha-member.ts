import { InstanceReference } from '../instance-reference';
import { SubnetReference } from '../subnet-reference';

/** How `HaFailoverNic` launches one member of the pair. */
export interface HaMemberInstanceProps {
  /** AMI id (`ami-...`). */
  readonly ami: string;
  /** Instance type; it must take the failover interface's addresses. */
  readonly instanceType: string;
  /**
   * Subnet of the member's own primary interface, in the failover interface's Availability Zone.
   * Another subnet than the failover interface's spares the member two interfaces in one subnet
   * (NIC013, which the construct silences for this default).
   * @default - the failover interface's subnet
   */
  readonly subnet?: SubnetReference;
  /**
   * Security groups of the member's own primary interface.
   * @default - the failover interface's security groups
   */
  readonly securityGroupIds?: string[];
  /**
   * EC2 key pair name.
   * @default - no key pair
   */
  readonly keyName?: string;
  /**
   * User data, at most 16 KB (counted before base64 encoding).
   * @default - none
   */
  readonly userData?: string;
  /**
   * IAM instance profile name.
   * @default - none
   */
  readonly iamInstanceProfile?: string;
}

/** One member of a failover pair: launched by the construct, or an existing instance. */
export class HaMember {
  /** The construct launches the member (IMDSv2 required, its own primary interface). */
  public static launch(props: HaMemberInstanceProps): HaMember {
    return new HaMember(props, undefined);
  }

  /**
   * An existing instance in the failover interface's Availability Zone. With the failover agent
   * on, the construct tags it with the pair's name (`aws_ec2_tag`) so the agent may move the
   * interface to it.
   */
  public static existing(instance: InstanceReference): HaMember {
    return new HaMember(undefined, instance);
  }

  /**
   * How to launch it.
   * @default - an existing instance
   */
  public readonly launchProps?: HaMemberInstanceProps;
  /**
   * The existing instance.
   * @default - launched by the construct
   */
  public readonly instance?: InstanceReference;

  private constructor(launchProps: HaMemberInstanceProps | undefined, instance: InstanceReference | undefined) {
    this.launchProps = launchProps;
    this.instance = instance;
  }
}
