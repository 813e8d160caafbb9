// The root cdktf app (cdktf.json): every example's stacks in one App, so `cdktf synth` from the
// repository root builds them all. Each example also runs alone: `npx tsx examples/<name>/main.ts`.
import { ALL_EXAMPLES } from './all-examples';
import { runExample } from './shared/run-example';

runExample((app) => ALL_EXAMPLES.forEach((example) => example.build(app)));
