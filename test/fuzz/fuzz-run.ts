import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { fuzzCase } from './arbitraries';
import { AcceptedCase, validateBatch } from './batch-validator';
import { FuzzCase } from './case-data';
import { runCase } from './case-runner';

const SCRATCH_ROOT = path.resolve(__dirname, '..', '..', '.tmp');
/** Cases per terraform configuration: one init and validate each, memory of one validate bounded. */
const DEFAULT_BATCH_SIZE = 1000;

/** A case that broke the property: thrown untyped, or accepted and refused by `terraform validate`. */
export interface FuzzFinding {
  readonly index: number;
  readonly kind: 'untyped' | 'invalid';
  readonly fuzzCase: FuzzCase;
  /** The error message, or Terraform's error diagnostics. */
  readonly details: string[];
}

export interface FuzzSummary {
  readonly seed: number;
  readonly cases: number;
  readonly typed: number;
  readonly untyped: number;
  readonly accepted: number;
  readonly invalid: number;
  /** Whether the accepted cases went through `terraform validate`. */
  readonly validated: boolean;
  readonly findings: FuzzFinding[];
  /** Terraform errors that name no case: the run itself is broken when there are any. */
  readonly unattributed: string[];
  readonly typedCodes: Record<string, number>;
}

export interface FuzzOptions {
  readonly seed: number;
  readonly runs: number;
  /** Run `terraform validate` on the accepted cases (false: synth only, V stays 0). */
  readonly validate: boolean;
  /** @default 1000 */
  readonly batchSize?: number;
  /** Called after each case and each batch, for progress output. */
  readonly onProgress?: (message: string) => void;
  /** Keep the scratch folder (for a look at the generated configuration). @default false */
  readonly keep?: boolean;
}

/** The cases of a seed: the same seed and count always give the same cases. */
export function generateCases(seed: number, runs: number): FuzzCase[] {
  return fc.sample(fuzzCase, { seed, numRuns: runs });
}

/** The last line of a run, in the form issue 10 asks for. */
export function summaryLine(summary: FuzzSummary): string {
  return `fuzz: ${summary.cases} cases, ${summary.typed} typed errors, ${summary.untyped} untyped throws, ${summary.invalid} accepted-but-invalid`;
}

/** Builds, synthesizes and classifies every case, then validates the accepted ones batch by batch. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const cases = generateCases(options.seed, options.runs);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  fs.mkdirSync(SCRATCH_ROOT, { recursive: true });
  const findings: FuzzFinding[] = [];
  const unattributed: string[] = [];
  const typedCodes: Record<string, number> = {};
  let typed = 0;
  let accepted = 0;
  let invalid = 0;
  for (let start = 0; start < cases.length; start += batchSize) {
    const rootDir = fs.mkdtempSync(path.join(SCRATCH_ROOT, 'fuzz-'));
    try {
      const acceptedCases: AcceptedCase[] = [];
      for (let index = start; index < Math.min(cases.length, start + batchSize); index++) {
        const outcome = runCase(cases[index], path.join(rootDir, 'cases', `case_${index}`));
        if (outcome.kind === 'typed') {
          typed++;
          typedCodes[outcome.code] = (typedCodes[outcome.code] ?? 0) + 1;
        } else if (outcome.kind === 'untyped') {
          findings.push({ index, kind: 'untyped', fuzzCase: cases[index], details: [outcome.message] });
        } else {
          accepted++;
          acceptedCases.push({ index, stackDir: outcome.stackDir });
        }
      }
      const end = Math.min(cases.length, start + batchSize);
      options.onProgress?.(`cases ${start}-${end - 1}: ${acceptedCases.length} accepted${options.validate ? ', validating them' : ''}`);
      if (options.validate) {
        const validation = await validateBatch(rootDir, acceptedCases);
        unattributed.push(...validation.unattributed);
        for (const [index, diagnostics] of validation.invalid) {
          invalid++;
          findings.push({ index, kind: 'invalid', fuzzCase: cases[index], details: diagnostics });
        }
      }
    } finally {
      if (!options.keep) fs.rmSync(rootDir, { recursive: true, force: true });
    }
  }
  return {
    seed: options.seed,
    cases: cases.length,
    typed,
    untyped: findings.filter((f) => f.kind === 'untyped').length,
    accepted,
    invalid,
    validated: options.validate,
    findings: findings.sort((a, b) => a.index - b.index),
    unattributed,
    typedCodes,
  };
}

/**
 * Findings grouped by what went wrong: the construct and the message with the values taken out,
 * so that one bug hit by many cases shows once, with the first (smallest-index) case.
 */
export function dedupeFindings(findings: FuzzFinding[]): Array<FuzzFinding & { readonly count: number }> {
  const groups = new Map<string, FuzzFinding & { count: number }>();
  for (const finding of findings) {
    const detail = finding.details[0] ?? '';
    const shape = detail
      .replace(/"[^"]*"/g, '"…"')
      .replace(/\bcase_\d+\b/g, 'case_N')
      .replace(/\d+(\.\d+)*/g, 'N')
      .replace(/\/[^\s:]*\//g, '/…/');
    const key = `${finding.kind} ${finding.fuzzCase.construct} ${shape}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { ...finding, count: 1 });
  }
  return [...groups.values()];
}

/** A case as TypeScript-like text, for a reproduction. */
export function describeCase(generated: FuzzCase): string {
  return fc.stringify(generated);
}

/** Long strings in a reproduction are cut, so one finding stays a few lines. */
function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/** One deduplicated finding as text: how often, which case first, what went wrong, the case. */
export function formatFinding(finding: FuzzFinding & { readonly count?: number }): string {
  const label = finding.kind === 'untyped' ? 'untyped throw' : 'accepted but invalid';
  const times = finding.count !== undefined && finding.count > 1 ? ` (${finding.count} cases)` : '';
  return [
    `${label}${times}, ${finding.fuzzCase.construct}, first case #${finding.index}:`,
    ...finding.details.slice(0, 3).map((detail) => `  ${shorten(detail, 600)}`),
    `  case: ${shorten(describeCase(finding.fuzzCase).replace(/"(.)\1{40,}"/g, (_m, c: string) => `"${c}…"`), 1500)}`,
  ].join('\n');
}
