import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ComputeInstanceReference, Port, PortProps, PortSecurity, VpcSubnetReference } from '../../lib/nhncloud';
import { NetworkingVpcV2 } from '../../lib/nhncloud/bindings/networking-vpc-v2';
import { NetworkingVpcsubnetV2 } from '../../lib/nhncloud/bindings/networking-vpcsubnet-v2';
import { NhncloudProvider } from '../../lib/nhncloud/bindings/provider';

export { expectConstraintError, resourcesOf } from '../alicloud/building-block-fixtures';

export const VPC = 'vpc-main';
export const SUBNET = 'subnet-a';

/** A stack in a fresh test app (no provider: constructs never create one). */
export function nhnStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

/** Subnet 192.168.0.0/24 of VPC. */
export function subnet(subnetId = SUBNET, cidr: string | undefined = '192.168.0.0/24'): VpcSubnetReference {
  return VpcSubnetReference.fromSubnetId(subnetId, { vpcId: VPC, cidr });
}

/** An instance by literal id. */
export function instance(instanceId = 'instance-1'): ComputeInstanceReference {
  return ComputeInstanceReference.fromInstanceId(instanceId);
}

/** A port of `subnet()` in security group sg-web, with `props` on top. */
export function port(stack: Construct, id = 'port', props: Partial<PortProps> = {}): Port {
  return new Port(stack, id, { subnet: subnet(), portSecurity: PortSecurity.withSecurityGroups(['sg-web']), ...props });
}

/** A string variable of the stack, a token known at deploy time. */
export function variable(scope: Construct, name: string): string {
  return new TerraformVariable(scope, name, { type: 'string' }).stringValue;
}

/**
 * A stack with the NHN Cloud provider, a VPC and a subnet (192.168.0.0/24), for plans through the
 * stand-in provider; returns the subnet as ports take it.
 */
export function nhnNetwork(app = Testing.app()): { stack: TerraformStack; subnet: VpcSubnetReference } {
  const stack = new TerraformStack(app, 'nhn');
  new NhncloudProvider(stack, 'nhncloud', { region: 'KR1' });
  const vpc = new NetworkingVpcV2(stack, 'vpc', { name: 'test', cidrv4: '192.168.0.0/16' });
  const vpcSubnet = new NetworkingVpcsubnetV2(stack, 'subnet', { name: 'test', vpcId: vpc.id, cidr: '192.168.0.0/24' });
  return { stack, subnet: VpcSubnetReference.fromSubnetId(vpcSubnet.id, { vpcId: vpc.id, cidr: '192.168.0.0/24' }) };
}
