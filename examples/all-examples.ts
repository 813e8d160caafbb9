import { App } from 'cdktf';
import { BuildingBlocksStack } from './building-blocks/stack';

/** Every example stack, by the name its folder and stack share; used by the root app and the tests. */
export const ALL_EXAMPLES: ReadonlyArray<{ readonly name: string; readonly build: (app: App) => void }> = [
  { name: 'building-blocks', build: (app) => new BuildingBlocksStack(app, 'building-blocks') },
];
