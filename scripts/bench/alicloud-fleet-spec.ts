/**
 * The Alibaba Cloud fleet both benchmark variants build, host for host: per host an ECS instance
 * with three secondary ENIs, two EIPs in NAT mode on the primary private IP of the first two, and a
 * security group with two ingress rules. Both variants read these values, so they write the same
 * resources.
 *
 * The provider bindings are generated into `lib/alicloud/bindings` (never published on npm), so
 * both variants load them from the copy of the library the benchmark runs (BENCH_LIBRARY_MODULE).
 */
import { dirname, join } from 'node:path';
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type * as EcsNetworkInterfaceBinding from '../../lib/alicloud/bindings/ecs-network-interface';
import type * as EcsNetworkInterfaceAttachmentBinding from '../../lib/alicloud/bindings/ecs-network-interface-attachment';
import type * as EipAddressBinding from '../../lib/alicloud/bindings/eip-address';
import type * as EipAssociationBinding from '../../lib/alicloud/bindings/eip-association';
import type * as InstanceBinding from '../../lib/alicloud/bindings/instance';
import type * as ProviderBinding from '../../lib/alicloud/bindings/provider';
import type * as SecurityGroupBinding from '../../lib/alicloud/bindings/security-group';
import type * as SecurityGroupRuleBinding from '../../lib/alicloud/bindings/security-group-rule';
import type * as VpcBinding from '../../lib/alicloud/bindings/vpc';
import type * as VswitchBinding from '../../lib/alicloud/bindings/vswitch';

/**
 * Takes four ENIs, the primary one included (data/alicloud-ecs-instance-network-limits.json:
 * eniQuantity 4, privateIpv4PerEni 10); ecs.g6.xlarge takes three, one too few for three secondary ENIs.
 */
export const ALI_INSTANCE_TYPE = 'ecs.g6.2xlarge';
/** Any literal image id: nothing is deployed. */
export const ALI_IMAGE = 'aliyun_3_x64_20G_alibase_20240819.vhd';
export const ALI_REGION = 'cn-hangzhou';
export const ALI_ZONE = 'cn-hangzhou-h';
export const ALI_VPC_CIDR = '10.0.0.0/16';
/** vSwitch 0 holds the instances' primary ENIs, vSwitch k the secondary ENI k of every host. */
export const ALI_VSWITCH_CIDRS = ['10.0.0.0/20', '10.0.16.0/20', '10.0.32.0/20', '10.0.48.0/20'];
/** A /20 holds 4,092 ENIs once Alibaba Cloud has reserved the first and the last three addresses. */
export const ALI_MAX_HOSTS = 4092;
export const SECONDARY_ENIS = 3;
/** The secondary ENIs (0-based) that take an EIP, in NAT mode on their primary private IP. */
export const ALI_EIP_ENIS = [0, 1];
export const ALI_SECURITY_GROUP_DESCRIPTION = 'Managed by cdktf-nic-patterns';
/** The ingress rules of every host's group; neither opens an administration port to the internet. */
export const ALI_INGRESS_RULES: ReadonlyArray<{ readonly port: number; readonly cidr: string; readonly description: string }> = [
  { port: 443, cidr: '0.0.0.0/0', description: 'HTTPS' },
  { port: 22, cidr: ALI_VPC_CIDR, description: 'SSH from the VPC' },
];

/** The generated `alicloud_*` bindings the fleets use. */
export interface AlicloudBindings {
  readonly provider: typeof ProviderBinding;
  readonly vpc: typeof VpcBinding;
  readonly vswitch: typeof VswitchBinding;
  readonly instance: typeof InstanceBinding;
  readonly securityGroup: typeof SecurityGroupBinding;
  readonly securityGroupRule: typeof SecurityGroupRuleBinding;
  readonly ecsNetworkInterface: typeof EcsNetworkInterfaceBinding;
  readonly ecsNetworkInterfaceAttachment: typeof EcsNetworkInterfaceAttachmentBinding;
  readonly eipAddress: typeof EipAddressBinding;
  readonly eipAssociation: typeof EipAssociationBinding;
}

/** Loads the bindings next to the library entry (`build/index.js` or `lib/` transpiled). */
export function loadAlicloudBindings(libraryModulePath: string): AlicloudBindings {
  const folder = join(dirname(libraryModulePath), 'alicloud', 'bindings');
  /* eslint-disable-next-line @typescript-eslint/no-require-imports -- the folder is only known at run time */
  const load = <T>(name: string): T => require(join(folder, name)) as T;
  return {
    provider: load('provider'),
    vpc: load('vpc'),
    vswitch: load('vswitch'),
    instance: load('instance'),
    securityGroup: load('security-group'),
    securityGroupRule: load('security-group-rule'),
    ecsNetworkInterface: load('ecs-network-interface'),
    ecsNetworkInterfaceAttachment: load('ecs-network-interface-attachment'),
    eipAddress: load('eip-address'),
    eipAssociation: load('eip-association'),
  };
}

export interface AlicloudNetwork {
  readonly vpc: VpcBinding.Vpc;
  readonly vswitches: VswitchBinding.Vswitch[];
}

/** The provider, VPC and vSwitches, written the same way (raw) by both variants. */
export function buildAlicloudNetwork(bindings: AlicloudBindings, stack: TerraformStack, hosts: number): AlicloudNetwork {
  if (!Number.isInteger(hosts) || hosts < 1 || hosts > ALI_MAX_HOSTS) {
    throw new Error(`hosts must be a whole number from 1 to ${ALI_MAX_HOSTS}, got ${hosts}`);
  }
  new bindings.provider.AlicloudProvider(stack, 'alicloud', { region: ALI_REGION });
  const vpc = new bindings.vpc.Vpc(stack, 'Vpc', { cidrBlock: ALI_VPC_CIDR });
  const vswitches = ALI_VSWITCH_CIDRS.map((cidrBlock, k) =>
    new bindings.vswitch.Vswitch(stack, `Vswitch${k}`, { vpcId: vpc.id, cidrBlock, zoneId: ALI_ZONE }));
  return { vpc, vswitches };
}

/** The instance, which has no construct of its own in the library: both variants write it raw. */
export function buildAlicloudInstance(
  bindings: AlicloudBindings, host: Construct, network: AlicloudNetwork, securityGroupId: string,
): InstanceBinding.Instance {
  return new bindings.instance.Instance(host, 'Instance', {
    instanceType: ALI_INSTANCE_TYPE,
    imageId: ALI_IMAGE,
    vswitchId: network.vswitches[0].id,
    securityGroups: [securityGroupId],
  });
}
