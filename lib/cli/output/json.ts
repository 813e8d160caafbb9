import { countFindings, displayPath, Formatter, messageParts } from './report-context';

/** The version of the JSON report's shape: it changes only when a field changes meaning or goes. */
export const JSON_REPORT_VERSION = 1;

/**
 * A stable JSON report: `{ version, tool, inputs, findings, summary }`, every finding with its
 * rule, level, configuration, address, construct path, message (whole, and its problem, fix and
 * documentation) and suppression.
 */
export const formatJson: Formatter = (result, context) => {
  const report = {
    version: JSON_REPORT_VERSION,
    tool: { name: 'nic-check', version: context.version },
    inputs: result.inputs.map((input) => ({ name: input.name, source: displayPath(input.source, context.cwd) })),
    findings: result.findings.map(({ finding, config }) => {
      const parts = messageParts(finding.message);
      return {
        rule: finding.ruleId,
        level: finding.level,
        config,
        address: finding.address ?? null,
        path: finding.path,
        message: finding.message,
        problem: parts.problem,
        fix: parts.fix ?? null,
        docUrl: parts.docUrl ?? null,
        suppressed: finding.suppressed,
        ...(finding.suppressionReason !== undefined ? { reason: finding.suppressionReason } : {}),
      };
    }),
    summary: { ...countFindings(result.findings), exitCode: result.exitCode },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
