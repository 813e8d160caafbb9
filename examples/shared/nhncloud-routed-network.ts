import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { nhncloud } from '../../lib';
import { NetworkingRoutingtableAttachGatewayV2 } from '../../lib/nhncloud/bindings/networking-routingtable-attach-gateway-v2';
import { NetworkingRoutingtableV2 } from '../../lib/nhncloud/bindings/networking-routingtable-v2';
import { NetworkingVpcV2 } from '../../lib/nhncloud/bindings/networking-vpc-v2';
import { NetworkingVpcsubnetV2 } from '../../lib/nhncloud/bindings/networking-vpcsubnet-v2';

/**
 * A VPC (`cidr`) whose subnets (one per name and CIDR block) are in a routing table attached to the
 * internet gateway, as a floating IP needs (constraints.md B14). Terraform has no internet gateway
 * resource for NHN Cloud: the gateway is created in the console and its id passed as the variable
 * `internet_gateway_id`.
 */
export function nhnRoutedNetwork(
  scope: Construct, name: string, cidr: string, subnets: Record<string, string>,
): Record<string, nhncloud.VpcSubnetReference> {
  const internetGatewayId = new TerraformVariable(scope, 'internet_gateway_id', {
    type: 'string',
    description: 'Id of the VPC\'s internet gateway (Network > Internet Gateway in the console)',
    default: '00000000-0000-0000-0000-000000000000',
  }).stringValue;
  const vpc = new NetworkingVpcV2(scope, 'vpc', { name, cidrv4: cidr });
  const routes = new NetworkingRoutingtableV2(scope, 'routes', { name, vpcId: vpc.id });
  new NetworkingRoutingtableAttachGatewayV2(scope, 'internet', { routingtableId: routes.id, gatewayId: internetGatewayId });
  return Object.fromEntries(Object.entries(subnets).map(([subnetName, block]) => [subnetName, nhncloud.VpcSubnetReference.fromSubnetId(
    new NetworkingVpcsubnetV2(scope, subnetName, { name: `${name}-${subnetName}`, vpcId: vpc.id, cidr: block, routingtableId: routes.id }).id,
    { vpcId: vpc.id, cidr: block })]));
}
