#!/usr/bin/env node
import * as fs from 'fs';
import * as path from 'path';
import { CliUsageError, parseCliArgs, USAGE } from './args';
import { loadInput } from './inputs/load-input';
import { FORMATTERS } from './output';
import { runCheck } from './run-check';
import { NetworkConstraintError } from '../core/errors';
import '../clouds';

// Exit statuses: findings at the --fail-on level give 1 (runCheck decides); anything that stopped
// the check (bad usage, an input or suppressions file that cannot be read) gives 2.
const EXIT_CANNOT_CHECK = 2;

async function main(argv: string[]): Promise<number> {
  const command = parseCliArgs(argv);
  if (command.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const version = packageVersion();
  if (command.kind === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const { options } = command;
  const cwd = process.cwd();
  const result = await runCheck(options, { loadInput, cwd, note: (text) => process.stderr.write(`nic-check: note: ${text}\n`) });
  const report = FORMATTERS[options.format](result, { version, cwd });
  if (options.output === undefined) process.stdout.write(report);
  else fs.writeFileSync(options.output, report);
  return result.exitCode;
}

// Compiled, this file sits two folders below the package root, as it does in the sources.
function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: Error) => {
    // A refused input says all in its message; anything else is a bug, worth its stack.
    const known = error instanceof CliUsageError || error instanceof NetworkConstraintError;
    process.stderr.write(`nic-check: ${known ? error.message : error.stack}\n`);
    if (error instanceof CliUsageError) process.stderr.write(`\n${USAGE}`);
    process.exitCode = EXIT_CANNOT_CHECK;
  },
);
