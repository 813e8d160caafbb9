import { keepalivedSetupLines } from '../../../os/keepalived-config';
import { KEEPALIVED_INSTALL_LINES } from '../../../os/keepalived-install';
import { KeepalivedNode } from '../../../os/keepalived-node';
import { VipTakeover } from '../../../os/vip-takeover';
import { writeFileLines } from '../../../os/write-file';

// Internal: what a HaVipPair writes on each ECS instance. Everything here ends up inside
// `user_data`, a Terraform string: the shell text holds no `${` or `%{` of its own; only token
// references (the HaVip's address when Alibaba Cloud picks it) are Terraform interpolations.

/**
 * A HaVip follows gratuitous ARP: the vSwitch delivers the address to whichever attached instance
 * last announced it, with no API call. keepalived adds the address on the MASTER itself and
 * announces it, so no notify script, no credentials and no cloud CLI are needed on the instances.
 */
export const HAVIP_TAKEOVER: VipTakeover = {
  configComment: [
    'The virtual IP is an Alibaba Cloud HaVip: keepalived adds it on the MASTER and announces it with',
    'gratuitous ARP, which is all the vSwitch needs to deliver it there (no API call, no notify script).',
  ],
  takeoverShell: () => undefined,
};

/** Where a member's own user data is written before it runs. */
const MEMBER_USER_DATA_PATH = '/var/lib/havip-pair/user-data';

/**
 * The user data of one member: runs its own script first, if any (its failure stops the user data,
 * so that member never takes the HaVip), then installs keepalived from the image's repositories
 * (Alibaba Cloud Linux, CentOS and other dnf/yum images, or Ubuntu/Debian; Alibaba Cloud's images
 * use the mirrors inside the VPC, so no public address is needed), runs `networkLines` (the
 * HaVip's ENI, when the member is attached by ENI: keepalived finds its device by the member's
 * address, so the ENI must have it first), sets keepalived up and starts it.
 */
export function haVipKeepalivedUserData(node: KeepalivedNode, memberUserData?: string, networkLines: string[] = []): string {
  const member = memberUserData === undefined ? [] : [
    `# The ${node.nodeName} member's own user data, run to completion before keepalived can take the HaVip.`,
    ...writeFileLines(MEMBER_USER_DATA_PATH, memberUserData, '0700'),
    MEMBER_USER_DATA_PATH,
  ];
  return [
    '#!/bin/bash',
    `# keepalived for HaVipPair "${node.pairName}", ${node.nodeName} member (written by cdktf-nic-patterns).`,
    'set -euo pipefail',
    ...member,
    ...KEEPALIVED_INSTALL_LINES,
    ...networkLines,
    ...keepalivedSetupLines(node, HAVIP_TAKEOVER),
    '',
  ].join('\n');
}
