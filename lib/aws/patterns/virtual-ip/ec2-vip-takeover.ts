import { VirtualIpMode } from './vip-mode';
import { TakeoverShell, VipTakeover } from '../../../os/vip-takeover';

/** What the EC2 API calls of one node move to it. */
export interface Ec2VipTarget {
  readonly mode: VirtualIpMode;
  /** This node's interface, the one the virtual IP (or the routes to it) move to. */
  readonly networkInterfaceId: string;
  /** OVERLAY_ROUTE: the route tables whose /32 route to the virtual IP moves to this node. */
  readonly routeTableIds: string[];
  /** SECONDARY_IP: the Elastic IP re-mapped to the virtual IP on this node's interface. */
  readonly elasticIp?: Ec2ElasticIp;
}

/** An Elastic IP that follows the virtual IP. */
export interface Ec2ElasticIp {
  readonly allocationId: string;
  /** Its public address, by which the instance metadata lists its mapping. */
  readonly publicIp: string;
}

const IMDS = 'http://169.254.169.254/latest';

/** Shell lines shared by both modes: the CLI's settings, the instance metadata and the EC2 calls. */
const COMMON_LINES = [
  '# The AWS CLI v2 is a snap on Ubuntu 24.04.',
  'export PATH="$PATH:/usr/local/bin:/snap/bin"',
  '# The AWS CLI retries throttling and transient errors itself, with backoff; credentials come from',
  '# the instance role through IMDSv2.',
  'export AWS_RETRY_MODE=standard AWS_MAX_ATTEMPTS=5',
  'REGION=""',
  'imds() {',
  '  local token',
  `  token=$(curl -sSf -m 5 -X PUT ${IMDS}/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 60") &&`,
  `    curl -sSf -m 5 -H "X-aws-ec2-metadata-token: $token" "${IMDS}/meta-data/$1"`,
  '}',
  '# EC2 calls in the instance\'s region, with bounded waits: a call that hangs would hold up the',
  '# VRRP events queued behind it. The caller\'s retry covers the region lookup too.',
  'ec2() {',
  '  if [ -z "$REGION" ]; then',
  '    REGION=$(imds placement/region) || { echo "no region from IMDSv2" >&2; return 1; }',
  '  fi',
  '  AWS_DEFAULT_REGION="$REGION" aws --cli-connect-timeout 5 --cli-read-timeout 20 ec2 "$@"',
  '}',
];

/**
 * A VPC delivers an address to the interface EC2 assigned it to, whatever ARP says: the node that
 * becomes MASTER takes the virtual IP (secondary address and Elastic IP, or the overlay routes)
 * with EC2 API calls, with the instance role, and its periodic check reads where EC2 delivers it
 * (the instance metadata, or DescribeRouteTables) and calls again when that is elsewhere.
 */
export class Ec2VipTakeover implements VipTakeover {
  public readonly configComment = [
    'Unicast VRRP: a VPC carries no multicast, so each node names its peer. The virtual IP is not',
    'listed here: the notify script adds it locally and moves it through the EC2 API.',
  ];

  public constructor(private readonly target: Ec2VipTarget) {}

  public takeoverShell(): TakeoverShell {
    const shell = this.target.mode === VirtualIpMode.OVERLAY_ROUTE ? this.overlayRoutes() : this.secondaryIp();
    return { description: shell.description, lines: [...COMMON_LINES, `OWN_ENI="${this.target.networkInterfaceId}"`, ...shell.lines] };
  }

  /**
   * AssignPrivateIpAddresses with AllowReassignment takes the address from the other interface in
   * one call; the Elastic IP follows with AssociateAddress. The instance metadata lists the
   * interface's private addresses and the Elastic IP's mapping, so checking costs no API call.
   */
  private secondaryIp(): TakeoverShell {
    const eip = this.target.elasticIp;
    const elasticIp = eip === undefined ? undefined : {
      variables: [`ELASTIC_IP_ALLOCATION="${eip.allocationId}"`, `ELASTIC_IP="${eip.publicIp}"`],
      takeOver: [
        '  retry ec2 associate-address --allocation-id "$ELASTIC_IP_ALLOCATION" --network-interface-id "$OWN_ENI" \\',
        '    --private-ip-address "$VIP" --allow-reassociation',
      ],
      check: [
        '  # A single read: a 404 means the Elastic IP is mapped elsewhere, and re-mapping it is harmless.',
        '  if [ "$(imds "network/interfaces/macs/$mac/ipv4-associations/$ELASTIC_IP")" != "$VIP" ]; then',
        '    log "Elastic IP $ELASTIC_IP is not mapped to $VIP on $OWN_ENI"',
        '    return 1',
        '  fi',
      ],
    };
    return {
      description: [
        `MASTER: assign-private-ip-addresses --allow-reassignment${elasticIp ? ', then associate-address --allow-reassociation' : ''};`,
        'CHECK: the instance metadata (local-ipv4s of this interface) says whether EC2 delivers it here.',
      ],
      lines: [
        ...elasticIp?.variables ?? [],
        'take_over() {',
        // The address must be on the interface before the Elastic IP can map to it.
        '  retry ec2 assign-private-ip-addresses --network-interface-id "$OWN_ENI" --private-ip-addresses "$VIP" \\',
        `    --allow-reassignment${elasticIp ? ' || return 1' : ''}`,
        ...elasticIp?.takeOver ?? [],
        '}',
        'delivered_here() {',
        '  local mac addresses',
        '  mac=$(retry imds mac) || return 2',
        '  addresses=$(retry imds "network/interfaces/macs/$mac/local-ipv4s") || return 2',
        '  if ! grep -qxF "$VIP" <<<"$addresses"; then',
        '    log "$VIP is not a private address of $OWN_ENI in EC2"',
        '    return 1',
        '  fi',
        ...elasticIp?.check ?? [],
        '}',
      ],
    };
  }

  /**
   * ReplaceRoute in every table, all of them tried even when one fails, the ones that failed named
   * in the log. One DescribeRouteTables call reads where each table's route points; only the
   * tables that point elsewhere are replaced.
   */
  private overlayRoutes(): TakeoverShell {
    return {
      description: [
        'MASTER: replace-route in every route table; CHECK: describe-route-tables says which tables',
        'point the /32 route elsewhere, and only those are replaced.',
      ],
      lines: [
        `ROUTE_TABLES="${this.target.routeTableIds.join(' ')}"`,
        '# Every table at MASTER; the ones pointing elsewhere after delivered_here.',
        'TABLES_TO_MOVE="$ROUTE_TABLES"',
        'take_over() {',
        '  local table failed=""',
        '  for table in $TABLES_TO_MOVE; do',
        '    retry ec2 replace-route --route-table-id "$table" --destination-cidr-block "$VIP/32" \\',
        '      --network-interface-id "$OWN_ENI" || failed="$failed $table"',
        '  done',
        '  [ -z "$failed" ] && return 0',
        '  log "the route to $VIP/32 does not point at $OWN_ENI in:$failed"',
        '  return 1',
        '}',
        'delivered_here() {',
        '  local targets table target',
        '  # One line per table: its id and the interface its /32 route to the virtual IP points at.',
        '  targets=$(retry ec2 describe-route-tables --route-table-ids $ROUTE_TABLES --output text \\',
        '    --query "RouteTables[].[RouteTableId, Routes[?DestinationCidrBlock==\'$VIP/32\'] | [0].NetworkInterfaceId]") || return 2',
        '  TABLES_TO_MOVE=""',
        '  for table in $ROUTE_TABLES; do',
        '    target=$(awk -v table="$table" \'$1 == table { print $2 }\' <<<"$targets")',
        '    [ "$target" = "$OWN_ENI" ] || TABLES_TO_MOVE="$TABLES_TO_MOVE $table"',
        '  done',
        '  [ -z "$TABLES_TO_MOVE" ] && return 0',
        '  log "the route to $VIP/32 points elsewhere in:$TABLES_TO_MOVE"',
        '  return 1',
        '}',
      ],
    };
  }
}
