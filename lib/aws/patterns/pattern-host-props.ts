import { InstanceReference } from '../instance-reference';

/**
 * Where a pattern puts its interfaces: on an instance it launches (give `instanceType` and `ami`)
 * or on an instance that already exists (give `existingInstance`), never both.
 */
export interface PatternHostProps {
  /**
   * Instance type of the instance the pattern launches; it bounds the interfaces and addresses
   * the pattern may create.
   * @default - no instance is launched: `existingInstance` is required
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
   */
  readonly instanceType?: string;

  /**
   * AMI id (`ami-...`) of the instance the pattern launches.
   * @default - no instance is launched: `existingInstance` is required
   */
  readonly ami?: string;

  /**
   * EC2 key pair of the launched instance. The pattern never opens SSH to the internet: reach the
   * instance through SSM Session Manager, or add an SSH rule from your admin range yourself.
   * @default - no key pair
   */
  readonly keyName?: string;

  /**
   * User data script of the launched instance.
   * @default - no user data
   */
  readonly userData?: string;

  /**
   * IAM instance profile name of the launched instance.
   * @default - no instance profile
   */
  readonly iamInstanceProfile?: string;

  /**
   * Tags of the launched instance.
   * @default - no tags
   */
  readonly instanceTags?: { [key: string]: string };

  /**
   * An instance that already exists: the pattern creates no instance and attaches all of its
   * interfaces as secondary interfaces, since the primary interface of a running instance can
   * never be replaced. Give its instance type and Availability Zone so limits and zones are checked.
   * @default - the pattern launches an instance from `instanceType` and `ami`
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/network-interface-attachments.html
   */
  readonly existingInstance?: InstanceReference;

  /**
   * Device index of the first secondary interface the pattern attaches; the next ones follow.
   * Raise it when the instance already has secondary interfaces.
   * @default 1
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/network-interface-attachments.html
   */
  readonly firstDeviceIndex?: number;
}
