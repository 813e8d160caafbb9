/** What keepalived on one node of a virtual IP pair needs, whatever the cloud. */
export interface KeepalivedNode {
  /** Name of the pair: the VRRP instance and the router id. */
  readonly pairName: string;
  /** `active` or `standby`, for the router id and comments. */
  readonly nodeName: string;
  /**
   * Whether the node has the higher priority: it holds the virtual IP when the pair is created, and
   * keeps re-asserting it when both nodes are MASTER at once (VRRP adverts lost between them).
   */
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
  /** Seconds between two checks, while MASTER, that the network still delivers the virtual IP here. */
  readonly ownershipCheckIntervalSeconds: number;
  /** VRRP PASS authentication, when set. */
  readonly authPassword?: string;
}
