/**
 * Synthesizes every example app and summarizes each stack: resources by type, findings by level,
 * when terraform and the provider mirror are present an offline `terraform validate` + `plan`, and
 * where its network diagram (NetworkDiagram) was written.
 *
 *   npm run demo                 all examples/<name>/main.ts
 *   npm run demo -- hello-nic    only the named examples
 *
 * Each example synthesizes in its own process into cdktf.out/<name>/: every app writes its own
 * manifest.json listing only its stacks, so a shared folder would keep only the last app's manifest,
 * and two examples could use the same stack name. Plans run on a copy of each stack folder
 * (test/terraform/offline-terraform.ts), so cdktf.out stays as synthesized.
 * Exits 1 after all examples ran when any failed to synthesize or to plan.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { countByLevel, formatCounts, renderTable, StackSummary, summarizeStack } from './demo/stack-summary';
import { diagramFileNames } from '../lib/diagram/diagram-files';
import { planStack, readManifest, terraformAvailability } from '../test/terraform/offline-terraform';
import { needsStandin, planStackWithStandin, standinAvailability } from '../test/terraform/standin-terraform';

const root = join(__dirname, '..');
const examplesDir = join(root, 'examples');
const outRoot = join(root, 'cdktf.out');
const tsxCli = require.resolve('tsx/cli');
// How much of a failing synth's error to show: cdktf's error lists every error annotation.
const STDERR_LINES_SHOWN = 30;
const FINDINGS_LISTED = 20;

function exampleNames(): string[] {
  const all = existsSync(examplesDir)
    ? readdirSync(examplesDir).filter((name) => existsSync(join(examplesDir, name, 'main.ts'))).sort()
    : [];
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !all.includes(name));
  if (unknown.length > 0) throw new Error(`unknown example(s): ${unknown.join(', ')} (have: ${all.join(', ') || 'none'})`);
  return wanted.length > 0 ? wanted : all;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs the example app with tsx (the same as `npx tsx`, without npm's start-up cost). */
function synthesize(name: string, outdir: string): { ok: boolean; output: string; ms: number } {
  rmSync(outdir, { recursive: true, force: true });
  // cdktf's App creates its outdir without parents.
  mkdirSync(outdir, { recursive: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, [tsxCli, join('examples', name, 'main.ts')], {
    cwd: root,
    env: { ...process.env, CDKTF_OUTDIR: outdir },
    encoding: 'utf8',
  });
  const output = `${run.stderr ?? ''}${run.error ? run.error.message : ''}`.trim();
  return { ok: run.status === 0 && existsSync(join(outdir, 'manifest.json')), output, ms: performance.now() - started };
}

/**
 * The thrown error's own text from a failed run's stderr: from the first `...Error:` line to the
 * stack trace, without Node's source excerpt above it; the whole output when there is no such line.
 */
function errorExcerpt(output: string): string {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => /^\w*Error\b.*:/.test(line));
  if (start < 0) return lines.slice(0, STDERR_LINES_SHOWN).join('\n');
  const end = lines.findIndex((line, index) => index > start && /^\s+at /.test(line));
  const excerpt = lines.slice(start, end < 0 ? undefined : end);
  const shown = excerpt.slice(0, STDERR_LINES_SHOWN);
  const hidden = excerpt.length - shown.length;
  return [...shown, ...(hidden > 0 ? [`... (${hidden} more lines)`] : [])].join('\n').trimEnd();
}

function printFindings(summary: StackSummary): void {
  const listed = summary.annotations.filter((f) => f.level !== 'info').slice(0, FINDINGS_LISTED);
  for (const finding of listed) console.log(`    ${finding.level.padEnd(7)} ${finding.path}: ${finding.message}`);
  const notListed = summary.annotations.length - listed.length;
  if (notListed > 0) console.log(`    (${notListed} more not listed: info findings, or beyond the first ${FINDINGS_LISTED}; see manifest.json)`);
}

async function planSummary(stackDir: string): Promise<{ text: string; ok: boolean }> {
  // Alibaba and NHN stacks plan against their schemas through the stand-in providers.
  if (needsStandin(stackDir)) return standinPlanSummary(stackDir);
  const availability = terraformAvailability();
  if (!availability.available) return { text: `skipped: needs ${availability.missing.join(' and ')}`, ok: true };
  try {
    const plan = await planStack(stackDir);
    const { initMs, validateMs, planMs } = plan.timings;
    const warnings = plan.warnings.length > 0 ? `, ${plan.warnings.length} warning(s)` : '';
    return {
      text: `${plan.add} to add, ${plan.change} to change, ${plan.destroy} to destroy${warnings}` +
        ` (init ${seconds(initMs)}, validate ${seconds(validateMs)}, plan ${seconds(planMs)})`,
      ok: true,
    };
  } catch (error) {
    return { text: `FAILED\n${(error as Error).message}`, ok: false };
  }
}

async function standinPlanSummary(stackDir: string): Promise<{ text: string; ok: boolean }> {
  const availability = standinAvailability();
  if (!availability.available) return { text: `skipped: needs ${availability.missing.join(' and ')}`, ok: true };
  try {
    const plan = await planStackWithStandin(stackDir);
    const count = (action: string) => plan.resourceChanges.filter((change) => change.actions.includes(action)).length;
    const warnings = plan.warnings.length > 0 ? `, ${plan.warnings.length} warning(s)` : '';
    return {
      text: `${count('create')} to add, ${count('update')} to change, ${count('delete')} to destroy${warnings}`
        + ` (stand-in provider: validate ${seconds(plan.timings.validateMs)}, plan ${seconds(plan.timings.planMs)})`,
      ok: true,
    };
  } catch (error) {
    return { text: `FAILED\n${(error as Error).message}`, ok: false };
  }
}

async function demoExample(name: string): Promise<boolean> {
  const outdir = join(outRoot, name);
  console.log(`\n=== examples/${name} ===`);
  const synth = synthesize(name, outdir);
  if (!synth.ok) {
    console.log(`synth FAILED after ${seconds(synth.ms)}:\n${errorExcerpt(synth.output).replace(/^/gm, '  ')}`);
    return false;
  }
  console.log(`synthesized into ${relative(root, outdir)}/ in ${seconds(synth.ms)}`);

  let ok = true;
  for (const stack of Object.values(readManifest(outdir).stacks)) {
    const stackDir = join(outdir, stack.workingDirectory);
    const summary = summarizeStack(stack.name, stackDir, stack.annotations);
    const plan = await planSummary(stackDir);
    ok = ok && plan.ok;

    console.log(`\nstack ${summary.name} (${relative(root, stackDir)})`);
    const rows: Array<[string, number]> = [
      ...Object.entries(summary.resourcesByType),
      ...Object.entries(summary.dataSourcesByType).map(([type, count]): [string, number] => [`data.${type}`, count]),
    ];
    console.log(renderTable(['resource type', 'count'], rows).replace(/^/gm, '  '));
    console.log(`  findings (annotations): ${formatCounts(countByLevel(summary.annotations))}`);
    printFindings(summary);
    const report = summary.rulesReport;
    console.log(`  findings (rules report): ${report === undefined ? 'no report'
      : report.unreadable ? `unreadable (${report.unreadable})`
        : `${formatCounts(report.byLevel)}${report.suppressed > 0 ? `; ${report.suppressed} suppressed` : ''}`}`);
    console.log(`  terraform plan: ${plan.text.replace(/\n/g, '\n    ')}`);
    const diagram = join(stackDir, diagramFileNames(stack.name).mermaid);
    console.log(`  network diagram: ${existsSync(diagram) ? `${relative(root, diagram)} (and .md)` : 'not written (NetworkDiagram not applied)'}`);
  }
  return ok;
}

async function main(): Promise<void> {
  const names = exampleNames();
  if (names.length === 0) {
    console.log('No examples found (examples/<name>/main.ts).');
    return;
  }
  const failed: string[] = [];
  for (const name of names) {
    if (!(await demoExample(name))) failed.push(name);
  }
  console.log(`\n${names.length - failed.length}/${names.length} example(s) synthesized and planned${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}.`);
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
