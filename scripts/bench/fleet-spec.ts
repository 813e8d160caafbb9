/**
 * The AWS fleet both benchmark variants build, host for host: what each host has and the shared
 * network it lives in. Both variants read these values, so they write the same resources.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { TerraformStack } from 'cdktf';

/** Takes three interfaces (m5.large: 3 interfaces, 10 IPv4 addresses each). */
export const INSTANCE_TYPE = 'm5.large';
/** Any literal AMI id: nothing is deployed. */
export const AMI = 'ami-0c55b159cbfafe1f0';
export const AVAILABILITY_ZONE = 'us-east-1a';
export const VPC_CIDR = '10.0.0.0/16';
/** One subnet per device index: interface k of every host lives in subnet k (NIC013 wants them distinct). */
export const SUBNET_CIDRS = ['10.0.0.0/20', '10.0.16.0/20', '10.0.32.0/20'];
/** A /20 holds 4,091 interfaces once AWS has reserved its five addresses. */
export const MAX_HOSTS = 4091;

export const SECURITY_GROUP_DESCRIPTION = 'Managed by cdktf-nic-patterns';
/** The ingress rules of every interface's group; neither opens an administration port to the internet. */
export const INGRESS_RULES: ReadonlyArray<{ readonly port: number; readonly cidr: string; readonly description: string }> = [
  { port: 443, cidr: '0.0.0.0/0', description: 'HTTPS' },
  { port: 22, cidr: VPC_CIDR, description: 'SSH from the VPC' },
];
/** What the library's SecurityGroup adds by default (allowAllOutbound). */
export const EGRESS_RULE = { protocol: '-1', cidr: '0.0.0.0/0', description: 'All IPv4 traffic out' };
/** The interfaces (by device index) that take an Elastic IP on their primary private address. */
export const ELASTIC_IP_INTERFACES = [0, 1];

export interface FleetNetwork {
  readonly vpc: Vpc;
  readonly subnets: Subnet[];
}

/** The provider, VPC and subnets, written the same way (raw) by both variants. */
export function buildNetwork(stack: TerraformStack, hosts: number): FleetNetwork {
  if (!Number.isInteger(hosts) || hosts < 1 || hosts > MAX_HOSTS) {
    throw new Error(`hosts must be a whole number from 1 to ${MAX_HOSTS}, got ${hosts}`);
  }
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const vpc = new Vpc(stack, 'Vpc', { cidrBlock: VPC_CIDR });
  const subnets = SUBNET_CIDRS.map((cidrBlock, k) =>
    new Subnet(stack, `Subnet${k}`, { vpcId: vpc.id, cidrBlock, availabilityZone: AVAILABILITY_ZONE }));
  return { vpc, subnets };
}
