import { VirtualIpMode } from './vip-mode';
import { NOTIFY_STATES } from '../../../os/keepalived-config';
import { KeepalivedNode } from '../../../os/keepalived-node';
import { primaryDeviceLookup } from '../../../os/primary-device-lookup';
import { VipTakeover } from '../../../os/vip-takeover';

/** What the EC2 API calls of one node move to it. */
export interface Ec2VipTarget {
  readonly mode: VirtualIpMode;
  /** This node's interface, the one the virtual IP (or the routes to it) move to. */
  readonly networkInterfaceId: string;
  /** OVERLAY_ROUTE: the route tables whose /32 route to the virtual IP moves to this node. */
  readonly routeTableIds: string[];
  /** SECONDARY_IP: the Elastic IP re-mapped to the virtual IP on this node's interface. */
  readonly elasticIpAllocationId?: string;
}

/**
 * A VPC delivers an address to the interface EC2 assigned it to, whatever ARP says: the node that
 * becomes MASTER takes the virtual IP (secondary address and Elastic IP, or the overlay routes)
 * with EC2 API calls from its notify script, with the instance role.
 */
export class Ec2VipTakeover implements VipTakeover {
  public readonly configComment = [
    'Unicast VRRP: a VPC carries no multicast, so each node names its peer. The virtual IP is not',
    'listed here: the notify script adds it locally and moves it through the EC2 API.',
  ];

  public constructor(private readonly target: Ec2VipTarget) {}

  /**
   * MASTER adds the virtual IP locally and moves it (secondary address and Elastic IP, or the
   * overlay routes) to this node's interface through the EC2 API; BACKUP, FAULT and STOP only drop
   * it locally, since the new MASTER's call takes it away in EC2.
   */
  public notifyScript(node: KeepalivedNode): string {
    const moves = this.target.mode === VirtualIpMode.OVERLAY_ROUTE ? 'the /32 routes to it' : 'it';
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
      `OWN_ENI="${this.target.networkInterfaceId}"`,
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
      ...this.takeOverCommands(),
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

  /** The EC2 API calls that make this node the holder of the virtual IP. */
  private takeOverCommands(): string[] {
    if (this.target.mode === VirtualIpMode.OVERLAY_ROUTE) {
      return [
        `    for table in ${this.target.routeTableIds.join(' ')}; do`,
        '      retry aws ec2 replace-route --route-table-id "$table" --destination-cidr-block "$VIP/32" \\',
        '        --network-interface-id "$OWN_ENI" || status=1',
        '    done',
      ];
    }
    const elasticIp = this.target.elasticIpAllocationId === undefined ? [] : [
      `    retry aws ec2 associate-address --allocation-id "${this.target.elasticIpAllocationId}" --network-interface-id "$OWN_ENI" \\`,
      '      --private-ip-address "$VIP" --allow-reassociation || status=1',
    ];
    return [
      '    retry aws ec2 assign-private-ip-addresses --network-interface-id "$OWN_ENI" --private-ip-addresses "$VIP" \\',
      '      --allow-reassignment || status=1',
      ...elasticIp,
    ];
  }
}
