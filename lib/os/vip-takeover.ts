import { KeepalivedNode } from './keepalived-node';

/**
 * How the network learns which node holds the virtual IP: the one part of a keepalived pair that
 * differs per cloud. VRRP elects the MASTER the same way everywhere; a network that follows
 * gratuitous ARP needs nothing more, while one that routes addresses to interfaces by its own
 * records (an EC2 VPC) has to be told through its API, from a notify script.
 */
export interface VipTakeover {
  /**
   * Comment lines (without `# `) under keepalived.conf's title, saying how the virtual IP reaches
   * the MASTER: whoever reads the file on the instance sees where the address comes from.
   */
  readonly configComment: string[];

  /**
   * The script keepalived runs on every state change with the new state (`NOTIFY_STATES`) as its
   * argument, which then owns the virtual IP on the device; `undefined` when keepalived adds the
   * address itself and the network follows its gratuitous ARP.
   */
  notifyScript(node: KeepalivedNode): string | undefined;
}
