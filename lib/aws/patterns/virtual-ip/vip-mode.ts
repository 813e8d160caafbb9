/**
 * How a `VirtualIpPair` moves its virtual IP between the two instances.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/MultipleIP.html
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html
 */
export enum VirtualIpMode {
  /**
   * The virtual IP is a secondary private IPv4 address of the active instance's interface, moved
   * with AssignPrivateIpAddresses and AllowReassignment. Both interfaces share the virtual IP's
   * subnet (hence one Availability Zone); an Elastic IP mapped to the virtual IP moves with it.
   */
  SECONDARY_IP = 'SECONDARY_IP',
  /**
   * The virtual IP lies outside every CIDR block of the VPC; a /32 route in each given route table
   * points at the active instance's interface and is moved with ReplaceRoute. Source/destination
   * check is off on both interfaces, which may live in different subnets and Availability Zones.
   */
  OVERLAY_ROUTE = 'OVERLAY_ROUTE',
}
