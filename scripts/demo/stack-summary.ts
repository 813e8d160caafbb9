/**
 * What `npm run demo` reports about one synthesized stack, read from the cdktf output folder only
 * (cdk.tf.json, manifest.json annotations, and the NetworkRules report when the stack has one).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Name of the JSON report the NetworkRules aspect writes into a stack's output folder. */
export const RULES_REPORT_FILE = 'network-rules-report.json';

/** cdktf's annotation levels, shortened for display. */
const ANNOTATION_LEVELS: Record<string, string> = {
  '@cdktf/info': 'info',
  '@cdktf/warn': 'warning',
  '@cdktf/error': 'error',
};

export interface ManifestAnnotation {
  readonly constructPath: string;
  readonly level: string;
  readonly message: string;
}

export interface Finding {
  readonly level: string;
  readonly path: string;
  readonly message: string;
}

export interface RulesReportSummary {
  /** Findings that are not suppressed, counted by level. */
  readonly byLevel: Record<string, number>;
  readonly suppressed: number;
  /** Why the report could not be read, when it could not. */
  readonly unreadable?: string;
}

export interface StackSummary {
  readonly name: string;
  readonly resourcesByType: Record<string, number>;
  readonly dataSourcesByType: Record<string, number>;
  readonly annotations: Finding[];
  /** Absent when the stack folder has no rules report. */
  readonly rulesReport?: RulesReportSummary;
}

function countEntries(blocks: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [type, byName] of Object.entries((blocks ?? {}) as Record<string, object>)) {
    counts[type] = Object.keys(byName).length;
  }
  return counts;
}

export function countByLevel(findings: ReadonlyArray<{ readonly level: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.level] = (counts[finding.level] ?? 0) + 1;
  return counts;
}

/**
 * Summarizes the rules report without assuming more of its shape than README.md documents ("Checks
 * at synth time"): a list of findings (or an object holding one under `findings`), each with a level
 * and a suppressed flag.
 */
export function readRulesReport(stackDir: string): RulesReportSummary | undefined {
  const file = join(stackDir, RULES_REPORT_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const findings: Array<Record<string, unknown>> = Array.isArray(report) ? report : report.findings;
    if (!Array.isArray(findings)) return { byLevel: {}, suppressed: 0, unreadable: 'no findings list' };
    const active = findings.filter((f) => f.suppressed !== true);
    return {
      byLevel: countByLevel(active.map((f) => ({ level: String(f.level ?? f.severity ?? 'unknown').toLowerCase() }))),
      suppressed: findings.length - active.length,
    };
  } catch (error) {
    return { byLevel: {}, suppressed: 0, unreadable: (error as Error).message };
  }
}

export function summarizeStack(name: string, stackDir: string, annotations: ManifestAnnotation[]): StackSummary {
  const config = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
  return {
    name,
    resourcesByType: countEntries(config.resource),
    dataSourcesByType: countEntries(config.data),
    annotations: annotations.map((a) => ({
      level: ANNOTATION_LEVELS[a.level] ?? a.level,
      path: a.constructPath,
      message: a.message,
    })),
    rulesReport: readRulesReport(stackDir),
  };
}

/** Renders rows as a plain-text table; numbers are right-aligned, the rest left-aligned. */
export function renderTable(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number'));
  const line = (row: string[]): string =>
    row.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return [line(header.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell))), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** `error 1, warning 2` (levels in a stable order), or `none`. */
export function formatCounts(counts: Record<string, number>): string {
  const order = ['error', 'warning', 'info'];
  const levels = Object.keys(counts).sort((a, b) => {
    const rank = (level: string): number => (order.includes(level) ? order.indexOf(level) : order.length);
    return rank(a) - rank(b) || a.localeCompare(b);
  });
  return levels.length === 0 ? 'none' : levels.map((level) => `${level} ${counts[level]}`).join(', ');
}
