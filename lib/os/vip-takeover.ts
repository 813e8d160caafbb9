import { KeepalivedNode } from './keepalived-node';

/**
 * The cloud's part of the notify script: bash lines that the cloud-neutral script
 * (`renderNotifyScript`) places after its own variables and helpers, and that define two functions.
 *
 * - `take_over`: makes the network deliver the virtual IP to this node; returns non-zero, after
 *   logging what did not converge, when any part failed.
 * - `delivered_here`: whether the network delivers the virtual IP to this node now: 0 yes, 1 no
 *   (the next `take_over` may then repair only what it found wrong), 2 cannot tell.
 *
 * In scope: `VIP`, `VIP_PREFIX`, `OWN_ADDRESS`, `DEV` (the primary device), `log` (to syslog)
 * and `retry` (five attempts with a growing pause). Terraform fills `${...}` references in; the
 * lines hold no `${` or `%{` of their own.
 */
export interface TakeoverShell {
  /** Comment lines (without `# `) saying how MASTER makes the network deliver the virtual IP here. */
  readonly description: string[];
  /** The variables and the two functions. */
  readonly lines: string[];
}

/**
 * How the network learns which node holds the virtual IP: the one part of a keepalived pair that
 * differs per cloud. VRRP elects the MASTER the same way everywhere; a network that follows
 * gratuitous ARP needs nothing more, while one that routes addresses to interfaces by its own
 * records (an EC2 VPC) has to be told through its API, and checked again, since a node that
 * briefly became MASTER may have moved the address away from the one that stayed MASTER.
 */
export interface VipTakeover {
  /**
   * Comment lines (without `# `) under keepalived.conf's title, saying how the virtual IP reaches
   * the MASTER: whoever reads the file on the instance sees where the address comes from.
   */
  readonly configComment: string[];

  /**
   * The cloud's part of the notify script, which then owns the virtual IP on the device;
   * `undefined` when keepalived adds the address itself and the network follows its gratuitous ARP.
   */
  takeoverShell(node: KeepalivedNode): TakeoverShell | undefined;
}
