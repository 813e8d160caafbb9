import { NetworkRuleDescription } from '../../lib/checks/network-rule-description';

/** Where RULES.md lives and how to regenerate it, for the generator and its staleness test. */
export const RULES_DOC_FILE = 'RULES.md';
export const RULES_DOC_COMMAND = 'npx projen rules:doc';

/** Table cells cannot hold pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** RULES.md: one table row per rule, then one section per rule with why it matters. */
export function renderRulesDoc(rules: readonly NetworkRuleDescription[]): string {
  const lines = [
    '# NetworkRules: the checks',
    '',
    `<!-- Generated from the rule registry (lib/<cloud>/rules/registry.ts) by ${RULES_DOC_COMMAND}. Do not edit. -->`,
    '',
    '`NetworkRules.applyTo(app)` runs every rule below at `cdktf synth`. ERROR findings',
    'fail the synth; WARNING and INFO findings are annotations. A value only known at deploy time yields',
    'an INFO "cannot verify" finding. Suppress a finding with',
    '`NetworkSuppressions.addSuppressions(scope, [{ id, reason }])`, except where the cloud itself rejects the',
    'configuration ("hard limit": yes).',
    '',
    '| id | level | hard limit | what it enforces | doc |',
    '|---|---|---|---|---|',
    ...rules.map((r) => `| [${r.id}](#${r.id.toLowerCase()}) | ${r.level} | ${r.hardLimit ? 'yes' : 'no'} | ${cell(r.summary)} | [doc](${r.docUrl}) |`),
    '',
  ];
  for (const rule of rules) {
    lines.push(
      `## ${rule.id}`,
      '',
      `**${rule.level}**${rule.hardLimit ? ' (hard limit: cannot be suppressed)' : ''}: ${rule.summary}.`,
      '',
      rule.explanation,
      '',
      `See ${rule.docUrl}`,
      '',
    );
  }
  return lines.join('\n');
}
