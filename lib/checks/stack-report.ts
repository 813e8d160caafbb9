import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { NetworkFinding } from './network-finding';
import { RuleLevel } from './rule-level';
import { writeAtSynth } from '../core/stack-output';

/** The report file written into each stack's folder of the synth output. */
export const REPORT_FILE_NAME = 'network-rules-report.json';

// Findings of the last run of each NetworkRules instance over each stack: a run replaces its
// previous findings, which keeps a second synth of the same app from doubling the report.
const runs = new WeakMap<TerraformStack, Map<object, NetworkFinding[]>>();

/** Records the findings of one run of `rules` over `stack`. */
export function recordRun(stack: TerraformStack, rules: object, findings: NetworkFinding[]): void {
  const byRules = runs.get(stack) ?? new Map<object, NetworkFinding[]>();
  byRules.set(rules, findings);
  runs.set(stack, byRules);
}


/** Every finding recorded for a stack, without duplicates (two NetworkRules may report the same). */
export function findingsOf(stack: TerraformStack): NetworkFinding[] {
  const seen = new Set<string>();
  const all: NetworkFinding[] = [];
  for (const findings of runs.get(stack)?.values() ?? []) {
    for (const finding of findings) {
      const key = `${finding.path}\n${finding.message}\n${finding.suppressed}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(finding);
    }
  }
  return all;
}

/** `NetworkRules "web": 2 errors, 1 warning, 3 info, 1 suppressed` */
export function summaryOf(stack: TerraformStack): string {
  const findings = findingsOf(stack);
  const active = findings.filter((f) => !f.suppressed);
  const count = (level: RuleLevel) => active.filter((f) => f.level === level).length;
  const errors = count(RuleLevel.ERROR);
  const warnings = count(RuleLevel.WARNING);
  return `NetworkRules "${stack.node.id}": ${errors} ${errors === 1 ? 'error' : 'errors'}, `
    + `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, ${count(RuleLevel.INFO)} info, `
    + `${findings.length - active.length} suppressed`;
}

/** The report as JSON-ready data. */
export function reportOf(stack: TerraformStack): object {
  return {
    stack: stack.node.id,
    summary: summaryOf(stack),
    findings: findingsOf(stack).map((f) => ({
      rule: f.ruleId,
      level: f.level,
      path: f.path,
      ...(f.address !== undefined ? { address: f.address } : {}),
      message: f.message,
      suppressed: f.suppressed,
      ...(f.suppressionReason !== undefined ? { reason: f.suppressionReason } : {}),
    })),
  };
}

/** Writes the report into the stack's folder of the synth output, at every synth of the stack. */
export function writeReportAtSynth(stack: TerraformStack): void {
  writeAtSynth(stack, 'NetworkRulesReport', (folder) => writeReport(stack, folder));
}

/** Writes the report into a folder now. */
export function writeReport(stack: TerraformStack, folder: string): void {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, REPORT_FILE_NAME), `${JSON.stringify(reportOf(stack), null, 2)}\n`);
}
