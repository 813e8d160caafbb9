import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RUNTIME_PATH_PREFIX } from '../../lib/os/keepalived-paths';

/** Whether bash runs here: the tests that run the generated scripts need it. */
export const BASH_AVAILABLE = spawnSync('bash', ['--version']).status === 0;

/** The real `sleep`, for test drivers in a sandbox whose `sleep` is a stub that returns at once. */
export const REAL_SLEEP = BASH_AVAILABLE ? spawnSync('bash', ['-c', 'command -v sleep'], { encoding: 'utf8' }).stdout.trim() : 'sleep';

/** `describe`, or `describe.skip` with the reason in its name when bash is missing. */
export function describeWithBash(name: string, fn: () => void): void {
  if (BASH_AVAILABLE) describe(name, fn);
  else describe.skip(`${name} (skipped: bash not found)`, fn);
}

/**
 * A scratch folder where generated scripts run with bash against stub commands (`bin/`, first on
 * PATH) and write their runtime files under `run/` instead of /run.
 */
export class ShellSandbox {
  public readonly dir: string;

  /** A new folder named after `name`, in the system's temporary folder or in `parent`. */
  public constructor(name: string, parent: string = os.tmpdir()) {
    this.dir = fs.mkdtempSync(path.join(parent, `${name}-`));
    fs.mkdirSync(this.path('bin'));
    fs.mkdirSync(this.path('run'));
  }

  public path(...parts: string[]): string {
    return path.join(this.dir, ...parts);
  }

  /** A stub command on the sandbox's PATH: a POSIX `sh` script (dash starts faster than bash). */
  public stub(name: string, body: string): void {
    fs.writeFileSync(this.path('bin', name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }

  /**
   * Writes a generated script, its runtime paths moved into the sandbox and each `replacements`
   * key swapped for its value, and returns its path.
   */
  public script(name: string, content: string, replacements: Record<string, string> = {}): string {
    let text = content.split(RUNTIME_PATH_PREFIX).join(this.path('run', 'keepalived-vip'));
    for (const [from, to] of Object.entries(replacements)) text = text.split(from).join(to);
    const file = this.path(name);
    fs.writeFileSync(file, text, { mode: 0o700 });
    return file;
  }

  /** Runs a bash command line in the sandbox, with the stubs first on PATH. */
  public run(command: string, args: string[] = []) {
    const result = spawnSync('bash', ['-c', command, 'sandbox', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${this.path('bin')}:${process.env.PATH}` },
      timeout: 20_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** A file's lines, or none when it does not exist. */
  public lines(...parts: string[]): string[] {
    const file = this.path(...parts);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '') : [];
  }

  public read(...parts: string[]): string | undefined {
    const file = this.path(...parts);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
  }

  public write(content: string, ...parts: string[]): void {
    fs.writeFileSync(this.path(...parts), content);
  }

  public dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
