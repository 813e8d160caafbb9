import { App } from 'cdktf';
import { HaActiveSide } from '../lib';
import { AlicloudBuildingBlocksStack } from './alicloud-building-blocks/stack';
import { AlicloudDualHomedInstanceStack } from './alicloud-dual-homed-instance/stack';
import { AlicloudHaVipPairStack } from './alicloud-havip-pair/stack';
import { AlicloudManagementNetworkStack } from './alicloud-management-network/stack';
import { AlicloudMultiEipInstanceStack } from './alicloud-multi-eip-instance/stack';
import { AlicloudNatGatewayStack } from './alicloud-nat-gateway/stack';
import { BuildingBlocksStack } from './building-blocks/stack';
import { CheckYourOwnStack } from './check-your-own-stack/stack';
import { DualHomedInstanceStack } from './dual-homed-instance/stack';
import { HaFailoverNicStack } from './ha-failover-nic/stack';
import { ManagementNetworkStack } from './management-network/stack';
import { MultiEipInstanceStack } from './multi-eip-instance/stack';
import { NatApplianceStack } from './nat-appliance/stack';
import { NhncloudBuildingBlocksStack } from './nhncloud-building-blocks/stack';
import { NhncloudDualHomedInstanceStack } from './nhncloud-dual-homed-instance/stack';
import { NhncloudHaFailoverPortStack } from './nhncloud-ha-failover-port/stack';
import { NhncloudManagementNetworkStack } from './nhncloud-management-network/stack';
import { NhncloudVirtualIpPairStack } from './nhncloud-virtual-ip-pair/stack';
import { VirtualIpPairStack } from './virtual-ip-pair/stack';

/** One example: the name its folder and stack share, and how to build it into an app. */
export interface ExampleEntry {
  readonly name: string;
  readonly build: (app: App) => void;
  /** The example exists to show NetworkRules findings (its own test asserts exactly which). */
  readonly showsFindings?: boolean;
}

/** Every example stack; used by the root app and the tests. */
export const ALL_EXAMPLES: readonly ExampleEntry[] = [
  { name: 'alicloud-building-blocks', build: (app) => new AlicloudBuildingBlocksStack(app, 'alicloud-building-blocks') },
  { name: 'alicloud-dual-homed-instance', build: (app) => new AlicloudDualHomedInstanceStack(app, 'alicloud-dual-homed-instance') },
  { name: 'alicloud-havip-pair', build: (app) => new AlicloudHaVipPairStack(app, 'alicloud-havip-pair') },
  { name: 'alicloud-management-network', build: (app) => new AlicloudManagementNetworkStack(app, 'alicloud-management-network') },
  { name: 'alicloud-multi-eip-instance', build: (app) => new AlicloudMultiEipInstanceStack(app, 'alicloud-multi-eip-instance') },
  { name: 'alicloud-nat-gateway', build: (app) => new AlicloudNatGatewayStack(app, 'alicloud-nat-gateway') },
  { name: 'building-blocks', build: (app) => new BuildingBlocksStack(app, 'building-blocks') },
  { name: 'check-your-own-stack', build: (app) => new CheckYourOwnStack(app, 'check-your-own-stack'), showsFindings: true },
  { name: 'dual-homed-instance', build: (app) => new DualHomedInstanceStack(app, 'dual-homed-instance') },
  { name: 'ha-failover-nic', build: (app) => new HaFailoverNicStack(app, 'ha-failover-nic', { active: HaActiveSide.PRIMARY }) },
  { name: 'management-network', build: (app) => new ManagementNetworkStack(app, 'management-network') },
  { name: 'multi-eip-instance', build: (app) => new MultiEipInstanceStack(app, 'multi-eip-instance') },
  { name: 'nat-appliance', build: (app) => new NatApplianceStack(app, 'nat-appliance') },
  { name: 'nhncloud-building-blocks', build: (app) => new NhncloudBuildingBlocksStack(app, 'nhncloud-building-blocks') },
  { name: 'nhncloud-dual-homed-instance', build: (app) => new NhncloudDualHomedInstanceStack(app, 'nhncloud-dual-homed-instance') },
  { name: 'nhncloud-ha-failover-port', build: (app) => new NhncloudHaFailoverPortStack(app, 'nhncloud-ha-failover-port', { active: HaActiveSide.PRIMARY }) },
  { name: 'nhncloud-management-network', build: (app) => new NhncloudManagementNetworkStack(app, 'nhncloud-management-network') },
  { name: 'nhncloud-virtual-ip-pair', build: (app) => new NhncloudVirtualIpPairStack(app, 'nhncloud-virtual-ip-pair') },
  { name: 'virtual-ip-pair', build: (app) => new VirtualIpPairStack(app, 'virtual-ip-pair') },
];
