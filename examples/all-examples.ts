import { App } from 'cdktf';
import { BuildingBlocksStack } from './building-blocks/stack';
import { DualHomedInstanceStack } from './dual-homed-instance/stack';
import { ManagementNetworkStack } from './management-network/stack';
import { MultiEipInstanceStack } from './multi-eip-instance/stack';
import { NatApplianceStack } from './nat-appliance/stack';

/** Every example stack, by the name its folder and stack share; used by the root app and the tests. */
export const ALL_EXAMPLES: ReadonlyArray<{ readonly name: string; readonly build: (app: App) => void }> = [
  { name: 'building-blocks', build: (app) => new BuildingBlocksStack(app, 'building-blocks') },
  { name: 'dual-homed-instance', build: (app) => new DualHomedInstanceStack(app, 'dual-homed-instance') },
  { name: 'management-network', build: (app) => new ManagementNetworkStack(app, 'management-network') },
  { name: 'multi-eip-instance', build: (app) => new MultiEipInstanceStack(app, 'multi-eip-instance') },
  { name: 'nat-appliance', build: (app) => new NatApplianceStack(app, 'nat-appliance') },
];
