import { VirtualIpMode } from './vip-mode';
import { writeFileLines } from '../../os/write-file';

// Internal: what a VirtualIpPair writes on each instance (not re-exported from lib/index.ts).
// Everything here ends up inside `user_data`, a Terraform string: the shell text never contains a
// dollar sign followed by a brace or a percent sign followed by a brace, which Terraform would read
// as its own interpolation; only the `${...}` references of tokens (interface ids, route tables) do.

/** Where keepalived reads its configuration on Amazon Linux 2023 and Ubuntu. */
export const KEEPALIVED_CONFIG_PATH = '/etc/keepalived/keepalived.conf';
/** The script keepalived runs on every VRRP state change. */
export const NOTIFY_SCRIPT_PATH = '/etc/keepalived/vip-notify.sh';
/**
 * Stands for the device name of the node's primary address in keepalived.conf until the instance
 * runs: it depends on the AMI and instance type (`eth0`, `ens5`), so the user data fills it in.
 */
export const PRIMARY_DEVICE_PLACEHOLDER = '@PRIMARY_DEVICE@';

/** The VRRP states whose transitions run the notify script (STOP: keepalived is shutting down). */
const NOTIFY_STATES = ['MASTER', 'BACKUP', 'FAULT', 'STOP'];

/** Everything one node of a virtual IP pair needs to run keepalived. */
export interface KeepalivedNodeSettings {
  /** Name of the pair: the VRRP instance and the router id. */
  readonly pairName: string;
  /** `active` or `standby`, for the router id and comments. */
  readonly nodeName: string;
  /** Whether the node holds the virtual IP when the pair is created (the higher priority). */
  readonly initiallyMaster: boolean;
  readonly mode: VirtualIpMode;
  readonly virtualIp: string;
  /** Prefix length the virtual IP is added with on the device (the subnet's, or 32). */
  readonly virtualIpPrefixLength: number;
  /** This node's primary private address: the source of its VRRP advertisements. */
  readonly ownAddress: string;
  /** The other node's primary private address: VRRP goes unicast, a VPC carries no multicast. */
  readonly peerAddress: string;
  /** This node's interface, the one the virtual IP (or the routes to it) move to. */
  readonly networkInterfaceId: string;
  readonly priority: number;
  readonly virtualRouterId: number;
  readonly advertisementIntervalSeconds: number;
  /** VRRP PASS authentication, when set. */
  readonly authPassword?: string;
  /** OVERLAY_ROUTE: the route tables whose /32 route to the virtual IP moves to this node. */
  readonly routeTableIds: string[];
  /** SECONDARY_IP: the Elastic IP re-mapped to the virtual IP on this node's interface. */
  readonly elasticIpAllocationId?: string;
}

/** keepalived.conf of one node: one unicast VRRP instance whose state changes run the notify script. */
export function renderKeepalivedConfig(node: KeepalivedNodeSettings): string {
  const auth = node.authPassword === undefined ? [] : [
    '    authentication {',
    '        auth_type PASS',
    `        auth_pass ${node.authPassword}`,
    '    }',
  ];
  return [
    `# keepalived of VirtualIpPair "${node.pairName}", ${node.nodeName} node (written by cdktf-nic-patterns).`,
    '# Unicast VRRP: a VPC carries no multicast, so each node names its peer. The virtual IP is not',
    '# listed here: the notify script adds it locally and moves it through the EC2 API.',
    'global_defs {',
    `    router_id ${node.pairName}-${node.nodeName}`,
    '    enable_script_security',
    '    script_user root',
    '}',
    '',
    `vrrp_instance ${node.pairName} {`,
    // The higher priority wins the election anyway; the initial state only avoids a needless
    // BACKUP-to-MASTER transition at boot on the node that already holds the virtual IP.
    `    state ${node.initiallyMaster ? 'MASTER' : 'BACKUP'}`,
    `    interface ${PRIMARY_DEVICE_PLACEHOLDER}`,
    `    virtual_router_id ${node.virtualRouterId}`,
    `    priority ${node.priority}`,
    `    advert_int ${node.advertisementIntervalSeconds}`,
    `    unicast_src_ip ${node.ownAddress}`,
    '    unicast_peer {',
    `        ${node.peerAddress}`,
    '    }',
    ...auth,
    ...NOTIFY_STATES.map((state) => `    notify_${state.toLowerCase()} "${NOTIFY_SCRIPT_PATH} ${state}"`),
    '}',
    '',
  ].join('\n');
}

/**
 * Shell that prints the device holding `addressVariable`'s address (`ens5`, `eth0`): device names
 * depend on the AMI and instance type, the primary address does not.
 */
function primaryDeviceLookup(addressVariable: string): string {
  return `ip -o -4 address show | awk -v ip="${addressVariable}" '{ split($4, a, "/") } a[1] == ip { print $2; exit }'`;
}

/** The EC2 API calls that make this node the holder of the virtual IP. */
function takeOverCommands(node: KeepalivedNodeSettings): string[] {
  if (node.mode === VirtualIpMode.OVERLAY_ROUTE) {
    return [
      `    for table in ${node.routeTableIds.join(' ')}; do`,
      '      retry aws ec2 replace-route --route-table-id "$table" --destination-cidr-block "$VIP/32" \\',
      '        --network-interface-id "$OWN_ENI" || status=1',
      '    done',
    ];
  }
  const elasticIp = node.elasticIpAllocationId === undefined ? [] : [
    `    retry aws ec2 associate-address --allocation-id "${node.elasticIpAllocationId}" --network-interface-id "$OWN_ENI" \\`,
    '      --private-ip-address "$VIP" --allow-reassociation || status=1',
  ];
  return [
    '    retry aws ec2 assign-private-ip-addresses --network-interface-id "$OWN_ENI" --private-ip-addresses "$VIP" \\',
    '      --allow-reassignment || status=1',
    ...elasticIp,
  ];
}

/**
 * The notify script: MASTER adds the virtual IP locally and moves it (secondary address and Elastic
 * IP, or the overlay routes) to this node's interface through the EC2 API with the instance role;
 * BACKUP, FAULT and STOP only drop it locally, since the new MASTER's call takes it away in EC2.
 */
export function renderNotifyScript(node: KeepalivedNodeSettings): string {
  const moves = node.mode === VirtualIpMode.OVERLAY_ROUTE ? 'the /32 routes to it' : 'it';
  return [
    '#!/bin/bash',
    `# Notify script of VirtualIpPair "${node.pairName}", ${node.nodeName} node, run by keepalived on each VRRP`,
    `# state change as: vip-notify.sh ${NOTIFY_STATES.join('|')}. MASTER adds the virtual IP locally and`,
    `# moves ${moves} to this node's interface; the other states drop it locally (the new MASTER takes it in EC2).`,
    'set -uo pipefail',
    'export PATH="$PATH:/usr/local/bin:/snap/bin"',
    '# The AWS CLI retries throttling and transient errors itself, with backoff; credentials come from',
    '# the instance role through IMDSv2.',
    'export AWS_RETRY_MODE=standard AWS_MAX_ATTEMPTS=10',
    'STATE="$1"',
    `VIP="${node.virtualIp}"`,
    `VIP_PREFIX="${node.virtualIpPrefixLength}"`,
    `OWN_ENI="${node.networkInterfaceId}"`,
    `OWN_ADDRESS="${node.ownAddress}"`,
    '',
    'log() { logger -t vip-notify "$STATE: $*"; }',
    '# Retries what the CLI gives up on (a dropped connection, an expired metadata token).',
    'retry() {',
    '  local attempt',
    '  for attempt in 1 2 3 4 5; do',
    '    "$@" && return 0',
    '    log "attempt $attempt failed: $*"',
    '    sleep "$attempt"',
    '  done',
    '  log "gave up: $*"',
    '  return 1',
    '}',
    'imds() {',
    '  local token',
    '  token=$(curl -sSf -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 60") &&',
    '    curl -sSf -H "X-aws-ec2-metadata-token: $token" "http://169.254.169.254/latest/meta-data/$1"',
    '}',
    '',
    '# One transition at a time: keepalived may report MASTER and BACKUP in quick succession.',
    'exec 9>/run/vip-notify.lock',
    'flock 9',
    `DEV=$(${primaryDeviceLookup('$OWN_ADDRESS')})`,
    'status=0',
    'case "$STATE" in',
    '  MASTER)',
    '    ip address replace "$VIP/$VIP_PREFIX" dev "$DEV" || status=1',
    '    AWS_DEFAULT_REGION=$(retry imds placement/region) || { log "no region from IMDSv2"; exit 1; }',
    '    export AWS_DEFAULT_REGION',
    ...takeOverCommands(node),
    '    log "took $VIP (status $status)"',
    '    ;;',
    `  ${NOTIFY_STATES.filter((state) => state !== 'MASTER').join('|')})`,
    '    ip address del "$VIP/$VIP_PREFIX" dev "$DEV" 2>/dev/null || true',
    '    log "released $VIP locally"',
    '    ;;',
    '  *)',
    '    log "unknown state"',
    '    status=2',
    '    ;;',
    'esac',
    'exit "$status"',
    '',
  ].join('\n');
}

/**
 * The user data of one node: installs keepalived (and the AWS CLI where the AMI lacks it) on
 * Amazon Linux 2023 or Ubuntu, writes the notify script and keepalived.conf, fills in the device
 * name and starts keepalived, which elects the node with the higher priority as MASTER.
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
    ...writeFileLines(NOTIFY_SCRIPT_PATH, renderNotifyScript(node), '0700'),
    ...writeFileLines(KEEPALIVED_CONFIG_PATH, renderKeepalivedConfig(node), '0640'),
    `DEV=$(${primaryDeviceLookup(node.ownAddress)})`,
    `sed -i "s/${PRIMARY_DEVICE_PLACEHOLDER}/$DEV/" ${KEEPALIVED_CONFIG_PATH}`,
    'systemctl enable keepalived',
    'systemctl restart keepalived',
    '',
  ].join('\n');
}
