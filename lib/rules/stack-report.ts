import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct, IConstruct } from 'constructs';
import { RuleLevel } from './rule-level';

/** One finding as the report and `NetworkRules.findingsOf` give it. */
export interface StoredFinding {
  readonly ruleId: string;
  readonly level: RuleLevel;
  readonly path: string;
  readonly message: string;
  readonly suppressed: boolean;
  readonly suppressionReason?: string;
}

/** The report file written into each stack's folder of the synth output. */
export const REPORT_FILE_NAME = 'network-rules-report.json';

const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');

// Findings of the last run of each NetworkRules instance over each stack: a run replaces its
// previous findings, which keeps a second synth of the same app from doubling the report.
const runs = new WeakMap<TerraformStack, Map<object, StoredFinding[]>>();
const reporting = new WeakSet<TerraformStack>();

/** Records the findings of one run of `rules` over `stack`, and makes sure the report is written. */
export function recordRun(stack: TerraformStack, rules: object, findings: StoredFinding[], writeReport: boolean): void {
  const byRules = runs.get(stack) ?? new Map<object, StoredFinding[]>();
  byRules.set(rules, findings);
  runs.set(stack, byRules);
  if (writeReport) writeReportAtSynth(stack);
}

/** Every finding recorded for a stack, without duplicates (two NetworkRules may report the same). */
export function findingsOf(stack: TerraformStack): StoredFinding[] {
  const seen = new Set<string>();
  const all: StoredFinding[] = [];
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
      message: f.message,
      suppressed: f.suppressed,
      ...(f.suppressionReason !== undefined ? { reason: f.suppressionReason } : {}),
    })),
  };
}

function writeReportAtSynth(stack: TerraformStack): void {
  if (reporting.has(stack)) return;
  reporting.add(stack);
  // cdktf calls custom synthesis after the aspects and before it collects annotations, with the
  // session that knows the stack's output folder. The hook is a non-configurable property, so a
  // stack that already has one (not ours) gets a child construct to carry ours.
  const carrier: IConstruct = (stack as unknown as Record<symbol, unknown>)[CUSTOM_SYNTHESIS] === undefined
    ? stack
    : new Construct(stack, 'NetworkRulesReport');
  addCustomSynthesis(carrier, {
    onSynthesize: (session) => {
      const folder = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, REPORT_FILE_NAME), `${JSON.stringify(reportOf(stack), null, 2)}\n`);
    },
  });
}
