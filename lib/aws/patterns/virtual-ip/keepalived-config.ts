import { Ec2VipTakeover, Ec2VipTarget } from './ec2-vip-takeover';
import { keepalivedSetupLines } from '../../../os/keepalived-config';
import { KeepalivedNode } from '../../../os/keepalived-node';
import { writeFileLines } from '../../../os/write-file';

// Internal: what a VirtualIpPair writes on each instance (not re-exported from lib/index.ts).
// Everything here ends up inside `user_data`, a Terraform string: the shell text never contains a
// dollar sign followed by a brace or a percent sign followed by a brace, which Terraform would read
// as its own interpolation; only the `${...}` references of tokens (interface ids, route tables) do.

/** Everything one node of a virtual IP pair needs to run keepalived on EC2. */
export interface KeepalivedNodeSettings extends KeepalivedNode, Ec2VipTarget {}

/** Where a node's own user data is written before it runs. */
const MEMBER_USER_DATA_PATH = '/var/lib/virtual-ip-pair/user-data';

/**
 * The user data of one node: runs the node's own script first, if any, then installs keepalived
 * and the AWS CLI, which the EC2 takeover calls, on Amazon Linux 2023 or Ubuntu, sets keepalived up
 * and starts it.
 *
 * The node's script runs as its own program (its `#!` line picks the interpreter, its shell
 * options are its own), before keepalived: the service behind the virtual IP is in place before
 * the node can take the address, a script that fails stops the user data before keepalived starts
 * (so the node never takes it), and a script that sets up a package proxy or mirror does so
 * before the packages are installed.
 */
export function keepalivedUserData(node: KeepalivedNodeSettings, memberUserData?: string): string {
  const member = memberUserData === undefined ? [] : [
    `# The ${node.nodeName} node's own user data, run to completion before keepalived can take the virtual IP.`,
    ...writeFileLines(MEMBER_USER_DATA_PATH, memberUserData, '0700'),
    MEMBER_USER_DATA_PATH,
  ];
  return [
    '#!/bin/bash',
    `# keepalived for VirtualIpPair "${node.pairName}", ${node.nodeName} node (written by cdktf-nic-patterns).`,
    '# Amazon Linux 2023 (dnf) or Ubuntu (apt); other distributions: install keepalived and the AWS CLI.',
    'set -euo pipefail',
    ...member,
    'if command -v dnf >/dev/null; then',
    '  dnf install -y keepalived awscli-2',
    'elif command -v apt-get >/dev/null; then',
    '  apt-get update',
    '  DEBIAN_FRONTEND=noninteractive apt-get install -y keepalived curl',
    '  # Ubuntu 24.04 ships no awscli package: the snap is the AWS CLI v2.',
    '  command -v aws >/dev/null || snap install aws-cli --classic',
    'else',
    '  echo "unsupported distribution: install keepalived and the AWS CLI" >&2',
    '  exit 1',
    'fi',
    ...keepalivedSetupLines(node, new Ec2VipTakeover(node)),
    '',
  ].join('\n');
}
