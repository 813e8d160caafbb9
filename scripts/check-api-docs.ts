/**
 * Fails when the checked-in API.md is not what jsii-docgen generates from the current assembly,
 * so the API reference never drifts from the code. Regenerate with `npx projen docgen`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const tmp = join(root, '.tmp', 'docgen');
mkdirSync(tmp, { recursive: true });
const generated = join(tmp, 'API.md');
const run = spawnSync('npx', ['jsii-docgen', '-o', generated], { cwd: root, encoding: 'utf8' });
if (run.status !== 0) {
  console.error(`jsii-docgen failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
let current = '';
try {
  current = readFileSync(join(root, 'API.md'), 'utf8');
} catch {
  // A missing API.md is reported as stale below.
}
const fresh = readFileSync(generated, 'utf8');
rmSync(tmp, { recursive: true, force: true });
if (current !== fresh) {
  console.error('API.md is stale: it differs from what jsii-docgen generates. Run `npx projen docgen` and commit API.md.');
  process.exit(1);
}
console.log('API.md is current');
