import { spawnSync } from 'node:child_process';

/** Whether bash parses the script (`bash -n`), with its error output. */
export function bashSyntax(script: string) {
  const result = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}
