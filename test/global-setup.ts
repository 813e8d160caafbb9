import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Jest global setup: the constructs that deploy the failover agent need its bundle. */
export default function globalSetup(): void {
  const root = join(__dirname, '..');
  if (existsSync(join(root, 'assets', 'failover-agent', 'index.js'))) return;
  execFileSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/bundle-failover-agent.ts'], { cwd: root, stdio: 'inherit' });
}
