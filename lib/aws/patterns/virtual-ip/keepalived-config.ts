import { Ec2VipTakeover, Ec2VipTarget } from './ec2-vip-takeover';
import { keepalivedSetupLines } from '../../../os/keepalived-config';
import { KeepalivedNode } from '../../../os/keepalived-node';

// Internal: what a VirtualIpPair writes on each instance (not re-exported from lib/index.ts).
// Everything here ends up inside `user_data`, a Terraform string: the shell text never contains a
// dollar sign followed by a brace or a percent sign followed by a brace, which Terraform would read
// as its own interpolation; only the `${...}` references of tokens (interface ids, route tables) do.

/** Everything one node of a virtual IP pair needs to run keepalived on EC2. */
export interface KeepalivedNodeSettings extends KeepalivedNode, Ec2VipTarget {}

/**
 * The user data of one node: installs keepalived and the AWS CLI, which the EC2 takeover calls, on
 * Amazon Linux 2023 or Ubuntu, then sets keepalived up and starts it.
 */
export function keepalivedUserData(node: KeepalivedNodeSettings): string {
  return [
    '#!/bin/bash',
    `# keepalived for VirtualIpPair "${node.pairName}", ${node.nodeName} node (written by cdktf-nic-patterns).`,
    '# Amazon Linux 2023 (dnf) or Ubuntu (apt); other distributions: install keepalived and the AWS CLI.',
    'set -euo pipefail',
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
