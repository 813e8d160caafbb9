/**
 * Bundles the failover agent (lib/aws/failover/agent/handler.ts) into one CommonJS file for the AWS
 * Lambda Node.js 20 runtime: `assets/failover-agent/index.js`, exporting `handler` (`index.handler`).
 * The FailoverAgent construct zips that folder as a TerraformAsset, so users need no bundler at synth.
 *
 * The AWS SDK is bundled, not left external: the SDK v3 that the nodejs20.x runtime ships changes
 * version without notice, while the bundled one is the exact version the agent's tests ran against
 * (package-lock.json). The cost is size (about 1.8 MB, 0.3 MB zipped) and a little cold-start time, paid
 * once per failover, which is rare. The SDK's ES module builds are preferred (`mainFields`) because
 * esbuild can drop the EC2 commands the agent never sends from them; the CommonJS build is one
 * 2.4 MB file that cannot be tree-shaken.
 *
 * Usage: tsx scripts/bundle-failover-agent.ts [--outdir <dir>]   (default assets/failover-agent)
 */
import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(__dirname, '..');
export const AGENT_ENTRY = join(ROOT, 'lib', 'aws', 'failover', 'agent', 'handler.ts');
export const DEFAULT_OUTDIR = join(ROOT, 'assets', 'failover-agent');

/** Builds the bundle into `outdir` and returns the file written and its size in bytes. */
export async function bundleFailoverAgent(outdir: string): Promise<{ file: string; bytes: number }> {
  const file = join(outdir, 'index.js');
  await build({
    entryPoints: [AGENT_ENTRY],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    minify: false,
    sourcemap: false,
    // Same input, same bytes whatever the current directory (esbuild writes module paths relative to
    // it): the asset hash, and so the deployed Lambda, only changes when the code does.
    absWorkingDir: ROOT,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return { file, bytes: statSync(file).size };
}

function outdirArgument(argv: string[]): string {
  const index = argv.indexOf('--outdir');
  if (index === -1) {
    return DEFAULT_OUTDIR;
  }
  const value = argv[index + 1];
  if (!value || value.startsWith('--')) {
    throw new Error('--outdir needs a directory');
  }
  return resolve(value);
}

if (require.main === module) {
  bundleFailoverAgent(outdirArgument(process.argv.slice(2)))
    .then(({ file, bytes }) => console.log(`failover agent bundled: ${relative(process.cwd(), file) || file} (${(bytes / 1024).toFixed(1)} KiB)`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
