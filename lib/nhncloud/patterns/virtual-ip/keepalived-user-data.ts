import { keepalivedSetupLines } from '../../../os/keepalived-config';
import { KEEPALIVED_INSTALL_LINES } from '../../../os/keepalived-install';
import { KeepalivedNode } from '../../../os/keepalived-node';
import { VipTakeover } from '../../../os/vip-takeover';

// Internal: what a VirtualIpPair runs on each member. It ends up inside `user_data` or an output, a
// Terraform string: the shell holds no `${` or `%{` of its own, only token references (addresses
// NHN Cloud picks) are Terraform interpolations.

/**
 * Both members' ports list the virtual IP as an allowed address (allowed address pairs), so either
 * may send from it and the subnet delivers it to whichever announced it last: keepalived adds the
 * address on the MASTER and sends gratuitous ARP. No API call, no credentials on the instances.
 * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
 */
export const ALLOWED_ADDRESS_TAKEOVER: VipTakeover = {
  configComment: [
    'The virtual IP is an NHN Cloud virtual IP port, an allowed address of both members\' ports: keepalived',
    'adds it on the MASTER and announces it with gratuitous ARP, which is all the subnet needs (no API call).',
  ],
  takeoverShell: () => undefined,
};

/**
 * First-boot shell lines (POSIX sh) of one member: install keepalived from the image's
 * repositories, write its unicast configuration and start it.
 */
export function keepalivedSetupFragment(node: KeepalivedNode): string {
  return [
    `# keepalived for VirtualIpPair "${node.pairName}", ${node.nodeName} member (written by cdktf-nic-patterns).`,
    'set -eu',
    ...KEEPALIVED_INSTALL_LINES,
    ...keepalivedSetupLines(node, ALLOWED_ADDRESS_TAKEOVER),
    '',
  ].join('\n');
}

/** The same lines as a script of their own, for a member that exists already (its user data has run). */
export function keepalivedSetupScript(node: KeepalivedNode): string {
  return `#!/bin/sh\n${keepalivedSetupFragment(node)}`;
}
