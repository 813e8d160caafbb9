/**
 * Proves every jsii target generates from the compiled assembly: runs `jsii-pacmak --code-only`
 * once per target into .tmp/pacmak/<target> and checks that the generated sources declare the
 * library's main types. Full wheels, jars and nupkgs need registries these machines cannot reach.
 *
 * Run after the jsii compile (the `.jsii` file must exist): `npx projen jsii:targets`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const TARGETS = ['python', 'java', 'dotnet', 'go'] as const;
/** Types every target must declare: one struct, one construct, one enum-like class. */
const EXPECTED_TYPES = ['NetworkInterfaceProps', 'NetworkInterface', 'Ipv4Assignment', 'InstanceNetworkLimits'];
/**
 * Submodules the assembly must declare. A target writes a submodule's package once it holds a type,
 * so for the clouds still to come the assembly is what can be checked.
 */
const EXPECTED_SUBMODULES = ['cdktf-nic-patterns.alicloud', 'cdktf-nic-patterns.nhncloud'];

const root = join(__dirname, '..');
const outRoot = join(root, '.tmp', 'pacmak');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function main(): number {
  if (!existsSync(join(root, '.jsii'))) {
    console.error('check-jsii-targets: no .jsii assembly; run the jsii compile first (npx projen compile)');
    return 1;
  }
  const assembly = JSON.parse(readFileSync(join(root, '.jsii'), 'utf8')) as { submodules?: Record<string, unknown> };
  const missingSubmodules = EXPECTED_SUBMODULES.filter((name) => !(name in (assembly.submodules ?? {})));
  if (missingSubmodules.length > 0) {
    console.error(`check-jsii-targets: the assembly declares no submodule ${missingSubmodules.join(', ')}`);
    return 1;
  }
  rmSync(outRoot, { recursive: true, force: true });
  let failures = 0;
  for (const target of TARGETS) {
    const outdir = join(outRoot, target);
    const started = Date.now();
    const run = spawnSync('npx', ['jsii-pacmak', '--code-only', '--target', target, '--outdir', outdir], {
      cwd: root, encoding: 'utf8', env: process.env,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (run.status !== 0) {
      console.error(`jsii-pacmak --code-only --target ${target}: FAILED (exit ${run.status}, ${seconds}s)\n${run.stdout}\n${run.stderr}`);
      failures++;
      continue;
    }
    const files = filesUnder(outdir);
    const text = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    const missing = EXPECTED_TYPES.filter((type) => !text.includes(type));
    if (missing.length > 0) {
      console.error(`jsii-pacmak --code-only --target ${target}: generated ${files.length} files but no ${missing.join(', ')}`);
      failures++;
      continue;
    }
    console.log(`jsii-pacmak --code-only --target ${target}: ok, ${files.length} files in ${seconds}s`);
  }
  rmSync(outRoot, { recursive: true, force: true });
  console.log(`jsii targets: ${TARGETS.length - failures} passed, ${failures} failed`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = main();
