import { InstanceReference } from '../instance-reference';
import { OsNetworkConfig } from '../os/os-network-config';

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
   * Operating system of the launched instance, to append to its user data the policy routing of
   * every secondary interface the pattern attaches: each one gets its own route table
   * (100 + device index) and one source rule per private address, so that replies leave through
   * the interface the request came in on. `OsNetworkConfig.ubuntuNetplan()` writes a netplan file,
   * `OsNetworkConfig.iproute2Script()` installs an iproute2 script for other distributions, and
   * `OsNetworkConfig.amazonLinux2023()` adds only a comment because ec2-net-utils does it already.
   *
   * `userData`, when given, must be a shell script (starting with `#!`); the routing is appended to
   * it. The subnet of each secondary interface needs a literal IPv4 CIDR block (a
   * `SubnetReference.fromSubnet` of a subnet with a literal `cidrBlock`, or `fromSubnetId` with
   * `ipv4CidrBlock`). Not with `existingInstance`, whose user data is not the pattern's: run
   * `SecondaryInterfaceRouting.render(...)` on that instance instead.
   * @default - none (the user data is left as given)
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/best-practices-for-configuring-network-interfaces.html
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
   */
  readonly osNetworkConfig?: OsNetworkConfig;

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
