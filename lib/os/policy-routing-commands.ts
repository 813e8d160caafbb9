/**
 * The iproute2 commands that give one interface its own route table and source rules, as data:
 * the shell script renderer prints them with shell variables as values, and the network-namespace
 * test runs them with literal values, so both exercise the same commands.
 *
 * Order matters: an address must be configured before a route may use it as `src`, and the
 * subnet route must be in the table before the default route's gateway can be resolved in it.
 */

/** One `ip` invocation (the arguments after `ip`). */
export interface IpCommand {
  readonly args: string[];
  /**
   * Run the command until it fails, ignoring the failure: how stale copies of a rule are removed
   * (`ip rule del` removes one matching rule per call and fails when none is left).
   */
  readonly repeatUntilFailure?: boolean;
}

/** What the commands of one interface are made of (literal values, or shell variables). */
export interface PolicyRoutingValues {
  /** Device name on the host (`eth1`, `ens6`). */
  readonly device: string;
  /** Prefix length of the subnet (`24`). */
  readonly prefixLength: string;
  /** Subnet CIDR block (`10.0.2.0/24`). */
  readonly subnetCidr: string;
  /** The interface's primary private IPv4 address, the source of packets routed by the table. */
  readonly primaryAddress: string;
  /** Next hop of the table's default route (the subnet's router). */
  readonly gateway: string;
  /** Route table number. */
  readonly table: string;
  /** Priority of the source rules. */
  readonly priority: string;
}

/** Brings the device up (a hot-attached interface may still be down). */
export function linkCommands(values: PolicyRoutingValues): IpCommand[] {
  return [{ args: ['link', 'set', 'dev', values.device, 'up'] }];
}

/**
 * Configures one private address (DHCP gives only the primary one, and none at all on some
 * distributions for hot-attached interfaces) and routes traffic from it through the table.
 */
export function addressCommands(values: PolicyRoutingValues, address: string): IpCommand[] {
  const rule = ['from', `${address}/32`, 'table', values.table, 'priority', values.priority];
  return [
    { args: ['address', 'replace', `${address}/${values.prefixLength}`, 'dev', values.device] },
    { args: ['rule', 'del', ...rule], repeatUntilFailure: true },
    { args: ['rule', 'add', ...rule] },
  ];
}

/** Fills the interface's table: its subnet on the link, everything else through its gateway. */
export function routeCommands(values: PolicyRoutingValues): IpCommand[] {
  return [
    { args: ['route', 'replace', values.subnetCidr, 'dev', values.device, 'src', values.primaryAddress, 'table', values.table] },
    { args: ['route', 'replace', 'default', 'via', values.gateway, 'dev', values.device, 'table', values.table] },
  ];
}

/** Every command for one interface with literal addresses, in the order they must run. */
export function policyRoutingCommands(values: PolicyRoutingValues, addresses: string[]): IpCommand[] {
  return [
    ...linkCommands(values),
    ...addresses.flatMap((address) => addressCommands(values, address)),
    ...routeCommands(values),
  ];
}
