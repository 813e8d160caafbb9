import { amazonLinux2023UserData } from './amazon-linux-2023';
import { iproute2UserData } from '../../os/iproute2-script';
import { netplanUserData } from '../../os/netplan-config';
import { ResolvedInterfaceRouting } from '../../os/resolved-interface-routing';

/**
 * How the instance's operating system is told to route each interface's traffic back out
 * through that interface (policy routing), passed to `SecondaryInterfaceRouting`.
 *
 * Without it, a Linux instance with several interfaces answers every request through the main
 * table's default route, that is through the primary interface: replies to requests that came in
 * on a secondary interface leave with a source address that interface owns, and the VPC drops
 * them or the client ignores them (asymmetric routing). AWS also warns that hot- and
 * warm-attached interfaces and secondary private addresses may have to be configured by hand on
 * distributions other than Amazon Linux.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html
 */
export class OsNetworkConfig {
  /**
   * Ubuntu (18.04 and later): writes `/etc/netplan/60-secondary-interface-routing.yaml`, which
   * matches each interface by MAC address and gives it static addresses, a route table
   * (`routes` with `table: N`) and `routing-policy` rules (`from: <ip>`), then runs
   * `netplan apply`. systemd-networkd applies it to interfaces attached after boot as well.
   * Recent cloud-init releases configure interfaces present at first boot in the same way;
   * this covers interfaces attached later (as `aws_network_interface_attachment` does) and
   * every secondary address.
   * @see https://netplan.readthedocs.io/en/stable/netplan-yaml/#routing
   */
  public static ubuntuNetplan(): OsNetworkConfig {
    return new OsNetworkConfig('ubuntu-netplan', netplanUserData);
  }

  /**
   * Any other Linux distribution: a POSIX shell script that uses iproute2 only (`ip address`,
   * `ip route ... table N`, `ip rule add from <ip>/32 table N`), installed as a cloud-init
   * per-boot script (`/var/lib/cloud/scripts/per-boot/`) because routes and rules do not
   * survive a reboot, and run once at first boot. It finds each interface by MAC address under
   * `/sys/class/net`, waits up to 120 seconds for interfaces attached after boot, logs to stderr
   * and is safe to run again.
   * @see https://man7.org/linux/man-pages/man8/ip-rule.8.html
   */
  public static iproute2Script(): OsNetworkConfig {
    return new OsNetworkConfig('iproute2-script', iproute2UserData);
  }

  /**
   * Amazon Linux 2023: nothing to configure. amazon-ec2-net-utils, installed by default, sets up
   * every interface when it is attached (hot and warm attach included) with its secondary IPv4
   * addresses, its own route table and source rules. The user data only gets a comment saying so.
   * @see https://docs.aws.amazon.com/linux/al2023/ug/networking-service.html
   */
  public static amazonLinux2023(): OsNetworkConfig {
    return new OsNetworkConfig('amazon-linux-2023', amazonLinux2023UserData);
  }

  /** Short name of the target (`ubuntu-netplan`, `iproute2-script`, `amazon-linux-2023`). */
  public readonly name: string;

  private constructor(name: string, private readonly renderUserData: (interfaces: ResolvedInterfaceRouting[]) => string) {
    this.name = name;
  }

  /**
   * The user data fragment for these interfaces.
   * @internal
   */
  public _render(interfaces: ResolvedInterfaceRouting[]): string {
    return this.renderUserData(interfaces);
  }
}
