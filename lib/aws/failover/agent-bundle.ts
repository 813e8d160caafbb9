import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the package ships the failover agent's esbuild bundle (built by `npx projen bundle:agent`). */
export const AGENT_BUNDLE_DIR = join(__dirname, '..', '..', '..', 'assets', 'failover-agent');

/** The bundle folder, or an error that says how to build it. */
export function agentBundleDir(): string {
  if (!existsSync(join(AGENT_BUNDLE_DIR, 'index.js'))) {
    throw new Error(
      `The failover agent bundle is missing (${join(AGENT_BUNDLE_DIR, 'index.js')}). `
      + 'Installed packages ship it; in a clone of the repository run `npx projen bundle:agent`.',
    );
  }
  return AGENT_BUNDLE_DIR;
}
