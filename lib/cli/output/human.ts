import { countFindings, describeCounts, displayPath, Formatter, messageParts, whereOf } from './report-context';
import { CheckedFinding } from '../run-check';

/**
 * One line per finding (`ERROR NIC030 aws_eip.b: <problem> Fix: <fix>`, its documentation on the
 * next line), then one summary line per configuration and a total.
 */
export const formatHuman: Formatter = (result, context) => {
  const several = result.inputs.length > 1;
  const lines = result.findings.flatMap((f) => findingLines(f, several));
  if (lines.length > 0) lines.push('');
  for (const input of result.inputs) {
    const counts = countFindings(result.findings.filter((f) => f.config === input.name && f.source === input.source));
    const source = displayPath(input.source, context.cwd);
    lines.push(`${input.name === source ? source : `${input.name} (${source})`}: ${describeCounts(counts)}`);
  }
  const configurations = `${result.inputs.length} ${result.inputs.length === 1 ? 'configuration' : 'configurations'}`;
  lines.push(`Total: ${describeCounts(countFindings(result.findings))} in ${configurations}`);
  return `${lines.join('\n')}\n`;
};

function findingLines(checked: CheckedFinding, nameConfig: boolean): string[] {
  const { finding } = checked;
  const parts = messageParts(finding.message);
  // Several configurations may each hold the same address: say which one.
  const where = nameConfig ? `${checked.config}: ${whereOf(finding)}` : whereOf(finding);
  if (finding.suppressed) return [`SUPPRESSED ${finding.ruleId} ${where}: ${finding.suppressionReason}`];
  const fix = parts.fix === undefined ? '' : ` Fix: ${parts.fix}`;
  const lines = [`${finding.level} ${finding.ruleId} ${where}: ${parts.problem}${fix}`];
  if (parts.docUrl !== undefined) lines.push(`    ${parts.docUrl}`);
  return lines;
}
