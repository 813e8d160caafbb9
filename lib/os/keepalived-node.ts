/** What keepalived on one node of a virtual IP pair needs, whatever the cloud. */
export interface KeepalivedNode {
  /** Name of the pair: the VRRP instance and the router id. */
  readonly pairName: string;
  /** `active` or `standby`, for the router id and comments. */
  readonly nodeName: string;
  /** Whether the node holds the virtual IP when the pair is created (the higher priority). */
  readonly initiallyMaster: boolean;
  readonly virtualIp: string;
  /** Prefix length the virtual IP is added with on the device (the subnet's, or 32). */
  readonly virtualIpPrefixLength: number;
  /** This node's primary private address: the source of its VRRP advertisements. */
  readonly ownAddress: string;
  /** The other node's primary private address: VRRP goes unicast, cloud networks carry no multicast. */
  readonly peerAddress: string;
  readonly priority: number;
  readonly virtualRouterId: number;
  readonly advertisementIntervalSeconds: number;
  /** VRRP PASS authentication, when set. */
  readonly authPassword?: string;
}
