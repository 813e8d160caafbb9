import { VirtualIpMode } from './vip-mode';
import { PolicyStatement } from '../../failover/agent-policy';

// Internal: the instance role of a VirtualIpPair (not re-exported from lib/index.ts).

/** What the role of a virtual IP pair's instances may touch. */
export interface VirtualIpPolicyScope {
  readonly partition: string;
  readonly mode: VirtualIpMode;
  /** The two interfaces of the pair. */
  readonly networkInterfaceIds: string[];
  /** OVERLAY_ROUTE: the route tables that hold the /32 route to the virtual IP. */
  readonly routeTableIds: string[];
  /** SECONDARY_IP: the Elastic IP mapped to the virtual IP. */
  readonly elasticIpAllocationId?: string;
}

/**
 * The least-privilege statements of the instances' role: each mutating action only on this pair's
 * own resources, by exact ARN (any region and account: the ids are unique, and no data source is
 * needed to learn the account). The notify script knows its interface id, and in SECONDARY_IP mode
 * reads its addresses from the instance metadata; the one read on `*` is OVERLAY_ROUTE's
 * DescribeRouteTables.
 */
export function virtualIpPolicyStatements(scope: VirtualIpPolicyScope): PolicyStatement[] {
  const ec2 = `arn:${scope.partition}:ec2:*:*`;
  const interfaces = scope.networkInterfaceIds.map((id) => `${ec2}:network-interface/${id}`);
  if (scope.mode === VirtualIpMode.OVERLAY_ROUTE) {
    return [{
      Sid: 'PointOverlayRoutesAtPairInterfaces',
      Effect: 'Allow',
      Action: ['ec2:ReplaceRoute'],
      // The route tables are what ReplaceRoute authorizes; the interfaces cover the route's target.
      Resource: [...scope.routeTableIds.map((id) => `${ec2}:route-table/${id}`), ...interfaces],
    }, {
      Sid: 'ReadWhereOverlayRoutesPoint',
      Effect: 'Allow',
      // The MASTER's periodic check reads where each table's /32 route points. EC2's Describe
      // actions support no resource-level permissions, so the resource can only be "*"; it is a read.
      Action: ['ec2:DescribeRouteTables'],
      Resource: '*',
    }];
  }
  const statements: PolicyStatement[] = [{
    Sid: 'MoveVirtualIpBetweenPairInterfaces',
    Effect: 'Allow',
    // AllowReassignment takes the address from the other interface; no Unassign call is made.
    Action: ['ec2:AssignPrivateIpAddresses'],
    Resource: interfaces,
  }];
  if (scope.elasticIpAllocationId !== undefined) {
    statements.push({
      Sid: 'MapElasticIpToVirtualIp',
      Effect: 'Allow',
      Action: ['ec2:AssociateAddress'],
      Resource: [`${ec2}:elastic-ip/${scope.elasticIpAllocationId}`, ...interfaces],
    });
  }
  return statements;
}
