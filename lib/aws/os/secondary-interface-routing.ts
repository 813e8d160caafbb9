import { Fn } from 'cdktf';
import { IConstruct } from 'constructs';
import { InterfaceRouting } from './interface-routing';
import { OsNetworkConfig } from './os-network-config';
import { resolveInterfaceRoutings } from './resolve-interface-routing';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { appendToShellUserData } from '../../core/shell-user-data';
import { NetworkInterface } from '../network-interface';

/**
 * Renders the opt-in user data that makes an instance with several interfaces answer each
 * request through the interface it came in on: every interface gets its own Linux route table
 * (its subnet, and a default route through the subnet's VPC router) and one `ip rule` per private
 * address pointing into that table. The main table, and so the instance's default route, is
 * left alone.
 *
 * - Ubuntu: `OsNetworkConfig.ubuntuNetplan()` writes a netplan file and applies it.
 * - Other distributions: `OsNetworkConfig.iproute2Script()` installs and runs an iproute2 script.
 * - Amazon Linux 2023: `OsNetworkConfig.amazonLinux2023()` adds only a comment, because
 *   amazon-ec2-net-utils already does this.
 *
 * IPv4 only. Literal values are checked when rendering (a `NetworkConstraintError` names the
 * problem); tokens are rendered as Terraform references and resolved at apply time.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
 */
export class SecondaryInterfaceRouting {
  /**
   * The user data fragment (POSIX shell lines, no `#!` line) that configures `interfaces` on
   * `target`, to append to a shell-script user data.
   *
   * @param scope construct the errors are reported on (usually the pattern or the instance)
   * @param target the instance's operating system
   * @param interfaces the interfaces to route, usually every secondary interface
   */
  public static render(scope: IConstruct, target: OsNetworkConfig, interfaces: InterfaceRouting[]): string {
    return target._render(resolveInterfaceRoutings(scope, interfaces));
  }

  /**
   * `userData` followed by the fragment of `render`, or a new `#!/bin/sh` script holding only the
   * fragment. A literal `userData` must be a shell script (start with `#!`); cloud-config or
   * MIME multipart user data cannot be extended this way. A token `userData` is assumed to be one.
   *
   * @param scope construct the errors are reported on
   * @param target the instance's operating system
   * @param interfaces the interfaces to route
   * @param userData the user data to extend
   */
  public static appendToUserData(scope: IConstruct, target: OsNetworkConfig, interfaces: InterfaceRouting[], userData?: string): string {
    return appendToShellUserData(scope, userData, SecondaryInterfaceRouting.render(scope, target, interfaces), 'the secondary interface routing',
      'Turn the user data into a shell script, or add the output of SecondaryInterfaceRouting.render() to your own MIME multipart user data');
  }

  /**
   * Describes an interface created by this app: found by its MAC address, with its private
   * addresses (primary first) and its subnet's CIDR block, as Terraform references where they
   * are only known at apply time.
   *
   * @param networkInterface the interface
   * @param deviceIndex the device index it is attached at
   * @param subnetCidr the IPv4 CIDR block of the interface's subnet (may be a token, such as
   *   `Subnet.cidrBlock`); without it, the block of the interface's `SubnetReference`, which must
   *   then be known at synth time
   */
  public static forInterface(networkInterface: NetworkInterface, deviceIndex: number, subnetCidr?: string): InterfaceRouting {
    const cidr = subnetCidr ?? networkInterface.subnet.ipv4CidrBlock;
    if (cidr === undefined) {
      throw new NetworkConstraintError({
        code: ErrorCode.SubnetCidrUnknown,
        scope: networkInterface,
        problem: 'the IPv4 CIDR block of the interface\'s subnet, which its route table needs, is unknown',
        received: `subnet ${networkInterface.subnet.subnetId} without a literal ipv4CidrBlock`,
        allowed: 'a subnet whose IPv4 CIDR block is known',
        fix: 'Pass subnetCidr (a token such as Subnet.cidrBlock is fine), or build the SubnetReference with SubnetReference.fromSubnet(subnet) or with ipv4CidrBlock',
      });
    }
    // `private_ips` is a set, sorted by Terraform rather than primary first.
    const privateIps = networkInterface.privateIpv4.fixedAddresses
      ?? Fn.distinct(Fn.concat([[networkInterface.privateIp], networkInterface.privateIps]));
    return { deviceIndex, macAddress: networkInterface.macAddress, privateIps, subnetCidr: cidr };
  }

  private constructor() {}
}
