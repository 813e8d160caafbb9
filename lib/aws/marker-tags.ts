/**
 * Tags that tell the synth-time rules what an interface is for, when its resources alone cannot
 * say it. The library's HA constructs set them; users writing raw resources set them by hand to get
 * the same checks (README "Checks" lists them).
 */
export const MarkerTag = {
  /** The interface's role: one of `MarkerRole`. */
  role: 'nic-patterns:role',
  /** Comma-separated virtual IPv4 addresses the interface carries as secondary addresses. */
  virtualIps: 'nic-patterns:virtual-ips',
  /** The name of the failover pair, on both instances of an `HaFailoverNic` (the agent acts only within it). */
  failoverPair: 'nic-patterns:failover-pair',
  /** When the failover agent last moved the interface (ISO time), on the interface: its anti-flap cooldown. */
  lastFailover: 'nic-patterns:last-failover',
  /** The name of the virtual IP pair, on the interfaces and instances of a `VirtualIpPair`. */
  virtualIpPair: 'nic-patterns:vip-pair',
} as const;

/** Values of the `nic-patterns:role` tag. */
export const MarkerRole = {
  /** A standalone interface moved between a primary and a standby instance on failure. */
  failover: 'failover',
  /** An interface of a virtual IP pair that carries (or may take over) a shared virtual IP. */
  virtualIp: 'virtual-ip',
} as const;
