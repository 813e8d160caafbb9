import { iproute2UserData } from '../../os/iproute2-script';
import { netplanUserData } from '../../os/netplan-config';
import { ResolvedInterfaceRouting } from '../../os/resolved-interface-routing';

/**
 * How the operating system of the instance an Alibaba Cloud pattern launches is told to route each
 * private IP of the ENI back out through the ENI (policy routing). Without it the guest answers
 * through the main table's default route, the primary ENI, with a source address that ENI does not
 * have, and the reply is lost; some images do not even configure a hot-attached ENI.
 *
 * @see https://www.alibabacloud.com/help/en/ecs/user-guide/configure-nic-routing
 * @see https://www.alibabacloud.com/help/doc-detail/56955.htm
 */
export class EcsOsNetworkConfig {
  /**
   * Any Linux image (Alibaba Cloud Linux, CentOS, Debian, Ubuntu): a POSIX shell script using
   * iproute2 only, installed as a cloud-init per-boot script (routes and rules do not survive a
   * reboot) and run once at first boot. It finds the ENI by MAC address, waiting up to 120 seconds
   * for it to be attached, gives it its private IPs, its own route table and one source rule per IP.
   * @see https://man7.org/linux/man-pages/man8/ip-rule.8.html
   */
  public static iproute2Script(): EcsOsNetworkConfig {
    return new EcsOsNetworkConfig('iproute2-script', iproute2UserData);
  }

  /**
   * Ubuntu: a netplan file matching the ENI by MAC address, with its private IPs, its own route
   * table and `routing-policy` rules, applied with `netplan apply` (systemd-networkd applies it
   * when the ENI appears, after boot too).
   * @see https://netplan.readthedocs.io/en/stable/netplan-yaml/#routing
   */
  public static ubuntuNetplan(): EcsOsNetworkConfig {
    return new EcsOsNetworkConfig('ubuntu-netplan', netplanUserData);
  }

  /** Short name of the target (`iproute2-script`, `ubuntu-netplan`). */
  public readonly name: string;

  private constructor(name: string, private readonly renderUserData: (interfaces: ResolvedInterfaceRouting[]) => string) {
    this.name = name;
  }

  /**
   * The user data fragment for these ENIs.
   * @internal
   */
  public _render(interfaces: ResolvedInterfaceRouting[]): string {
    return this.renderUserData(interfaces);
  }
}
