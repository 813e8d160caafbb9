import { TerraformStack } from 'cdktf';
import { VpcSubnetReference } from '../../../lib/nhncloud';
import { NetworkingRoutingtableAttachGatewayV2 } from '../../../lib/nhncloud/bindings/networking-routingtable-attach-gateway-v2';
import { NetworkingRoutingtableV2 } from '../../../lib/nhncloud/bindings/networking-routingtable-v2';
import { NetworkingVpcV2 } from '../../../lib/nhncloud/bindings/networking-vpc-v2';
import { NetworkingVpcsubnetV2 } from '../../../lib/nhncloud/bindings/networking-vpcsubnet-v2';
import { nhnStack, VPC } from '../building-block-fixtures';

export { expectConstraintError, instance, nhnStack, resourcesOf, variable, VPC } from '../building-block-fixtures';

/** What the patterns' launched instance needs. */
export const LAUNCH = { flavorId: 'flavor-1', imageId: 'image-1' } as const;

/** Subnet `subnet-<n>` (192.168.<n>.0/24) of VPC, or of `vpcId`. */
export function literalSubnet(n: number, vpcId = VPC): VpcSubnetReference {
  return VpcSubnetReference.fromSubnetId(`subnet-${n}`, { vpcId, cidr: `192.168.${n}.0/24` });
}

/**
 * A stack with a VPC (192.168.0.0/16) whose subnets 192.168.<n>.0/24 (one per name, in order) are
 * in a routing table with an internet gateway, as the NHN Cloud rules want to see; the subnet ids are tokens.
 */
export function routedNetwork(...names: string[]): { stack: TerraformStack; subnets: VpcSubnetReference[] } {
  const stack = nhnStack();
  const vpc = new NetworkingVpcV2(stack, 'vpc', { name: 'test', cidrv4: '192.168.0.0/16' });
  const table = new NetworkingRoutingtableV2(stack, 'routes', { name: 'test', vpcId: vpc.id });
  new NetworkingRoutingtableAttachGatewayV2(stack, 'internet', { routingtableId: table.id, gatewayId: 'igw-0123' });
  const subnets = names.map((name, n) => {
    const cidr = `192.168.${n}.0/24`;
    const subnet = new NetworkingVpcsubnetV2(stack, name, { name, vpcId: vpc.id, cidr, routingtableId: table.id });
    return VpcSubnetReference.fromSubnetId(subnet.id, { vpcId: vpc.id, cidr });
  });
  return { stack, subnets };
}
