import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateProviderBindings, PROVIDER_BINDINGS } from '../scripts/generate-provider-bindings';

/**
 * Jest global setup, so that a plain `npx jest` works in a fresh clone: the constructs that deploy
 * the failover agent need its bundle, and the Alibaba and NHN constructs their generated bindings
 * (a no-op in milliseconds when up to date).
 */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '..');
  for (const spec of PROVIDER_BINDINGS) await generateProviderBindings(spec);
  if (existsSync(join(root, 'assets', 'failover-agent', 'index.js'))) return;
  execFileSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/bundle-failover-agent.ts'], { cwd: root, stdio: 'inherit' });
}
