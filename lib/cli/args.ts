import { parseArgs } from 'util';
import { RuleLevel } from '../checks/rule-level';

/** The report formats `nic-check` writes. */
export type OutputFormat = 'human' | 'json' | 'sarif';

/** What one `nic-check` run checks and how it reports. */
export interface CliOptions {
  /** The inputs: cdktf.out folders, Terraform module folders, plan or Terraform JSON files. */
  readonly paths: string[];
  readonly format: OutputFormat;
  /** Exit 1 when an unsuppressed finding is at or above this level. */
  readonly failOn: RuleLevel;
  /** Findings below this level are not reported (they still count for `failOn`). */
  readonly minLevel: RuleLevel;
  /**
   * Run only these rules.
   * @default - every rule
   */
  readonly rules?: string[];
  /**
   * Do not run these rules.
   * @default - none excluded
   */
  readonly excludeRules?: string[];
  /**
   * The suppressions file given with `--suppressions`.
   * @default - `.nic-check.json` in the current folder when it exists
   */
  readonly suppressionsFile?: string;
  /**
   * Write the report to this file instead of stdout.
   * @default - stdout
   */
  readonly output?: string;
}

/** What the command line asks for. */
export type CliCommand =
  | { readonly kind: 'check'; readonly options: CliOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

/** A command line `nic-check` cannot run: the bin prints it with the usage and exits 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, CliUsageError.prototype);
    this.name = 'CliUsageError';
  }
}

export const USAGE = `Usage: nic-check [options] <path>...

Checks Terraform configurations against the network-interface rules of cdktf-nic-patterns
(AWS NIC, Alibaba Cloud ALI, NHN Cloud NHN).

Paths:
  cdktf.out folder         every synthesized stack (manifest.json)
  Terraform module folder  its *.tf and *.tf.json files, and its local child modules
  JSON file                a \`terraform show -json\` plan, or a Terraform JSON file

Options:
  --format <human|json|sarif>      report format (default: human)
  --fail-on <error|warning>        exit 1 when an unsuppressed finding is at or above this
                                   level (default: error)
  --min-level <info|warning|error> report findings at or above this level (default: warning
                                   for human, info for json and sarif)
  --rules <ids>                    run only these rules (comma-separated, e.g. NIC001,ALI010)
  --exclude-rules <ids>            do not run these rules (comma-separated)
  --suppressions <file>            suppressions file (default: .nic-check.json in the current
                                   folder, when it exists)
  --output <file>                  write the report to a file instead of stdout
  --help                           show this help
  --version                        show the version

Exit status: 0 no finding at the --fail-on level, 1 such findings, 2 bad usage or unreadable input.
`;

const FORMATS: readonly OutputFormat[] = ['human', 'json', 'sarif'];
const LEVELS: Record<string, RuleLevel> = { info: RuleLevel.INFO, warning: RuleLevel.WARNING, error: RuleLevel.ERROR };
const FAIL_ON_LEVELS = ['error', 'warning'];

/**
 * Reads `nic-check`'s arguments (without `node` and the script).
 *
 * @throws CliUsageError for an unknown option, a bad value or no path
 */
export function parseCliArgs(argv: string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'format': { type: 'string' },
        'fail-on': { type: 'string' },
        'min-level': { type: 'string' },
        'rules': { type: 'string', multiple: true },
        'exclude-rules': { type: 'string', multiple: true },
        'suppressions': { type: 'string' },
        'output': { type: 'string' },
        'help': { type: 'boolean', short: 'h' },
        'version': { type: 'boolean' },
      },
    });
  } catch (error) {
    // parseArgs words its own errors well (unknown option, missing value); only the prefix is Node's.
    throw new CliUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (positionals.length === 0) throw new CliUsageError('no path to check');

  const format = oneOf('--format', values.format ?? 'human', FORMATS) as OutputFormat;
  const failOn = LEVELS[oneOf('--fail-on', values['fail-on'] ?? 'error', FAIL_ON_LEVELS)];
  // INFO "cannot verify" findings are many and rarely actionable in a terminal; machine formats
  // keep them, for the reader (code scanning, a script) to filter.
  const minLevel = LEVELS[oneOf('--min-level', values['min-level'] ?? (format === 'human' ? 'warning' : 'info'), Object.keys(LEVELS))];
  return {
    kind: 'check',
    options: {
      paths: positionals,
      format,
      failOn,
      minLevel,
      rules: ruleIds('--rules', values.rules),
      excludeRules: ruleIds('--exclude-rules', values['exclude-rules']),
      suppressionsFile: values.suppressions,
      output: values.output,
    },
  };
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const lower = value.toLowerCase() as T;
  if (!allowed.includes(lower)) throw new CliUsageError(`${option} must be one of ${allowed.join(', ')}; received "${value}"`);
  return lower;
}

// Repeated options and comma-separated lists both work: `--rules NIC001 --rules NIC002,NIC003`.
function ruleIds(option: string, values: string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const ids = values.flatMap((v) => v.split(',')).map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) throw new CliUsageError(`${option} needs at least one rule id`);
  return ids;
}
