/**
 * How long `require` of a set of modules takes in a fresh `node` process (module resolution,
 * reading, compiling and running them), excluding the process start itself.
 */
import { spawnSync } from 'node:child_process';
import { ROOT } from './compile';
import { median } from './stats';

// Run with `node -e` from the project root, so bare names resolve like a user's app.
const CHILD = `
const { performance } = require('node:perf_hooks');
const start = performance.now();
for (const name of JSON.parse(process.argv[1])) require(name);
process.stdout.write(JSON.stringify({ ms: performance.now() - start, rssBytes: process.memoryUsage().rss }));
`;

export interface ImportTime {
  /** Median over the runs. */
  readonly ms: number;
  readonly rssBytes: number;
}

export function importTime(modules: readonly string[], runs: number): ImportTime {
  const samples = Array.from({ length: runs }, () => {
    const child = spawnSync(process.execPath, ['-e', CHILD, JSON.stringify(modules)], { cwd: ROOT, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`importing ${modules.join(', ')} failed:\n${child.stderr}`);
    return JSON.parse(child.stdout) as ImportTime;
  });
  return { ms: median(samples.map((s) => s.ms)), rssBytes: median(samples.map((s) => s.rssBytes)) };
}
