// VRRP (IP protocol 112) runs between the peers' own addresses, never to the virtual IP: the rules
// about ingress meant for a virtual IP (AWS NIC051, NHN Cloud NHN040) leave it alone.
const VRRP_PROTOCOLS = new Set(['112', 'vrrp']);

/** Whether a rule's protocol, as written, is VRRP. */
export function isVrrp(protocol: string | undefined): boolean {
  return protocol !== undefined && VRRP_PROTOCOLS.has(protocol.toLowerCase());
}
