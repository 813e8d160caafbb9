/**
 * One interface of an instance, as `SecondaryInterfaceRouting` needs it to give the interface its
 * own route table and one source rule per private address.
 *
 * Values may be Terraform tokens (for example the `macAddress` and `privateIps` of a
 * `NetworkInterface` created in the same stack): they end up as `${...}` references inside the
 * user data, which Terraform resolves before the instance boots. Literal values are checked
 * when the user data is rendered.
 */
export interface InterfaceRouting {
  /**
   * Device index of the interface on the instance (0 is the primary interface). It numbers the
   * interface's route table and rule priority, so it must be a literal.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html
   */
  readonly deviceIndex: number;

  /**
   * MAC address of the interface, the way to find it on the instance: device names such as
   * `eth1`, `ens6` or `enX1` depend on the distribution and the instance type. A token such as
   * `NetworkInterface.macAddress` is fine. Either this or `deviceName` is required.
   * @default - the interface is found by `deviceName`
   */
  readonly macAddress?: string;

  /**
   * Name of the interface on the instance (`eth1`, `ens6`), for when the MAC address is unknown.
   * @default - the interface is found by `macAddress`
   */
  readonly deviceName?: string;

  /**
   * Private IPv4 addresses of the interface, primary first (a literal list, or a list token such
   * as `NetworkInterface.privateIps`). Each one gets a source rule into the interface's table;
   * on hot- or warm-attached interfaces the secondary addresses are not configured by DHCP and
   * are added here.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/MultipleIP.html
   */
  readonly privateIps: string[];

  /**
   * IPv4 CIDR block of the interface's subnet (for example `10.0.2.0/24`, or `Subnet.cidrBlock`).
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
   */
  readonly subnetCidr: string;

  /**
   * Next hop of the interface's default route.
   * @default - the VPC router, the first host address of the subnet (`10.0.2.1` in `10.0.2.0/24`)
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
   */
  readonly gateway?: string;

  /**
   * Linux route table of the interface, from 1 to 4294967295 except 253, 254 and 255 (the
   * `default`, `main` and `local` tables), one per interface.
   * @default 100 + deviceIndex (the numbering cloud-init uses on EC2)
   */
  readonly routeTableId?: number;

  /**
   * Priority of the interface's `ip rule`s, from 1 to 32765 so they are read before the main
   * table's rule (32766).
   * @default 1000 + deviceIndex
   */
  readonly rulePriority?: number;
}
