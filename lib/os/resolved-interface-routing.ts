/**
 * One interface's policy routing with every value decided: what the netplan and iproute2
 * renderers write. Each cloud fills in its own defaults (its router's address, its route table
 * numbering) and checks its own address rules before handing it over.
 */
export interface ResolvedInterfaceRouting {
  readonly deviceIndex: number;
  /** Lower-case when literal, as Linux shows it in `/sys/class/net/<dev>/address`. */
  readonly macAddress?: string;
  readonly deviceName?: string;
  /** Primary first; a literal list (whose elements may be tokens) or a list token. */
  readonly addresses: string[];
  readonly primaryAddress: string;
  readonly subnetCidr: string;
  readonly prefixLength: string;
  readonly gateway: string;
  readonly table: number;
  readonly priority: number;
}
