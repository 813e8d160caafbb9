import * as path from 'path';
import { NetworkFinding } from '../../checks/network-finding';
import { RuleLevel } from '../../checks/rule-level';
import { CheckedFinding, CheckResult } from '../run-check';

/** What every formatter needs besides the result. */
export interface ReportContext {
  /** nic-check's version (the package's). */
  readonly version: string;
  /** The folder the paths were given from: sources are written relative to it. */
  readonly cwd: string;
}

/** A formatter: the result as the text written to stdout or `--output`. */
export type Formatter = (result: CheckResult, context: ReportContext) => string;

/** A finding's message in its parts: `[NIC001] <problem> Fix: <fix> See <url> (<note>)`. */
export interface MessageParts {
  /** What is wrong, with any note the engine added after the URL. */
  readonly problem: string;
  /**
   * How to fix it.
   * @default - none ("cannot verify" findings have no fix)
   */
  readonly fix?: string;
  /**
   * The rule's documentation.
   * @default - none
   */
  readonly docUrl?: string;
}

const RULE_ID_PREFIX = /^\[[A-Z0-9]+\]\s*/;
const SEE_URL = /\s*See (https?:\/\/\S+)/;

/** Splits a finding's message, which the engine writes as one annotation line. */
export function messageParts(message: string): MessageParts {
  let rest = message.replace(RULE_ID_PREFIX, '');
  const see = SEE_URL.exec(rest);
  const docUrl = see?.[1];
  // A note after the URL (a suppression that cannot apply) belongs with the problem.
  const note = see ? rest.slice(see.index + see[0].length).trim() : '';
  if (see) rest = rest.slice(0, see.index);
  const fixAt = rest.indexOf(' Fix: ');
  const problem = (fixAt === -1 ? rest : rest.slice(0, fixAt)).trim();
  const fix = fixAt === -1 ? undefined : rest.slice(fixAt + ' Fix: '.length).trim();
  return { problem: note ? `${problem} ${note}` : problem, fix, docUrl };
}

/** The address a finding names, or its path when it is about no one resource. */
export function whereOf(finding: NetworkFinding): string {
  return finding.address ?? finding.path;
}

/** Counts of unsuppressed findings by level, and of suppressed ones. */
export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly info: number;
  readonly suppressed: number;
}

export function countFindings(findings: readonly CheckedFinding[]): FindingCounts {
  const active = findings.filter((f) => !f.finding.suppressed);
  const count = (level: RuleLevel) => active.filter((f) => f.finding.level === level).length;
  return {
    errors: count(RuleLevel.ERROR),
    warnings: count(RuleLevel.WARNING),
    info: count(RuleLevel.INFO),
    suppressed: findings.length - active.length,
  };
}

/** `2 errors, 1 warning, 0 info, 1 suppressed`: how `NetworkRules.summaryOf` words it too. */
export function describeCounts(counts: FindingCounts): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.info} info, ${counts.suppressed} suppressed`;
}

/** A source as the report names it: relative to `cwd` when inside it, with `/` separators. */
export function displayPath(source: string, cwd: string): string {
  const relative = path.relative(cwd, source);
  const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? source : relative;
  return shown.split(path.sep).join('/');
}
