// The root cdktf app (cdktf.json): every example's stacks in one App, so `cdktf synth` from the
// repository root builds them all. Each example also runs alone: `npx tsx examples/<name>/main.ts`.
import { BuildingBlocksStack } from './building-blocks/stack';
import { runExample } from './shared/run-example';

runExample((app) => {
  new BuildingBlocksStack(app, 'building-blocks');
});
