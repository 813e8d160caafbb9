import * as fs from 'fs';
import * as path from 'path';
import { CliOptions } from './args';
import { TerraformConfig } from './inputs/terraform-config';
import { SuppressionsFile } from './suppressions-file';
import { checkTerraformJson } from '../checks/check-terraform-json';
import { NetworkFinding } from '../checks/network-finding';
import { requireRule } from '../checks/rule-registry';
import { isAtLeast } from '../checks/rule-report';

/** The suppressions file a run reads when `--suppressions` is not given, from the current folder. */
export const DEFAULT_SUPPRESSIONS_FILE = '.nic-check.json';

/** What `runCheck` needs from the outside world; tests pass their own. */
export interface CheckIo {
  /** Reads one command-line path, as given, into its configurations (`loadInput` in the bin). */
  readonly loadInput: (inputPath: string) => Promise<readonly TerraformConfig[]>;
  /** Where the default suppressions file and a relative `--suppressions` are found. */
  readonly cwd: string;
  /** Where notes go (suppressions that matched nothing, modules not followed): stderr in the bin. */
  readonly note: (text: string) => void;
}

/** A finding with the configuration it was found in. */
export interface CheckedFinding {
  readonly finding: NetworkFinding;
  /** The configuration's name. */
  readonly config: string;
  /** The file or folder the configuration came from. */
  readonly source: string;
}

/** What a run found. */
export interface CheckResult {
  /** Every configuration checked, in order. */
  readonly inputs: ReadonlyArray<{ readonly name: string; readonly source: string }>;
  /** The findings at or above `minLevel`, suppressed ones included. */
  readonly findings: CheckedFinding[];
  /** 1 when an unsuppressed finding is at or above `failOn` (reported or not), else 0. */
  readonly exitCode: 0 | 1;
}

/**
 * Checks every configuration of every path with the same rules and suppressions.
 *
 * @throws NetworkConstraintError `UnknownNetworkRule` for an unknown id in `rules` or
 * `excludeRules`, `SuppressionsFileInvalid` (and the suppression codes) for a bad suppressions
 * file, and whatever `loadInput` throws for a path it cannot read
 */
export async function runCheck(options: CliOptions, io: CheckIo): Promise<CheckResult> {
  // Checked before any input is read, so a typo fails fast even when an input is empty.
  const rules = options.rules?.map((id) => requireRule(id, { subject: '--rules', action: 'select' }).id);
  const excludeRules = options.excludeRules?.map((id) => requireRule(id, { subject: '--exclude-rules', action: 'exclude' }).id);
  const suppressions = readSuppressions(options, io.cwd);
  suppressions.hardLimitNotes().forEach((text) => io.note(text));

  // The engine must report down to `failOn` even when fewer levels are shown, or the exit status
  // would depend on what is displayed.
  const minimumLevel = isAtLeast(options.failOn, options.minLevel) ? options.minLevel : options.failOn;
  const inputs: TerraformConfig[] = [];
  for (const inputPath of options.paths) inputs.push(...await io.loadInput(inputPath));
  for (const input of inputs) {
    for (const skipped of input.skipped ?? []) io.note(`${skipped.address} (${skipped.source}) is not checked: ${skipped.reason}`);
  }
  const all = inputs.flatMap((input) => checkTerraformJson(input.terraformJson, {
    name: input.name,
    addressPrefix: input.addressPrefix,
    minimumLevel,
    rules,
    excludeRules,
    suppressionOf: (ruleId, address) => suppressions.suppressionOf(ruleId, address),
  }).map((finding) => ({ finding, config: input.name, source: input.source })));

  const ran = (ruleId: string) => (!rules || rules.includes(ruleId)) && !excludeRules?.includes(ruleId);
  suppressions.unused().filter((s) => ran(s.rule)).forEach((s) => io.note(`the suppression of ${s.rule} on ${s.address} (${suppressions.source}) matched no finding`));

  return {
    inputs: inputs.map((input) => ({ name: input.name, source: input.source })),
    findings: all.filter((f) => isAtLeast(f.finding.level, options.minLevel)),
    exitCode: all.some((f) => !f.finding.suppressed && isAtLeast(f.finding.level, options.failOn)) ? 1 : 0,
  };
}

function readSuppressions(options: CliOptions, cwd: string): SuppressionsFile {
  if (options.suppressionsFile !== undefined) return SuppressionsFile.read(path.resolve(cwd, options.suppressionsFile));
  const fallback = path.join(cwd, DEFAULT_SUPPRESSIONS_FILE);
  return fs.existsSync(fallback) ? SuppressionsFile.read(fallback) : SuppressionsFile.none();
}

