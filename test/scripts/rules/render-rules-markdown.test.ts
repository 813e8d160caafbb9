import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NetworkRules } from '../../../lib/rules/network-rules';
import { RuleLevel } from '../../../lib/rules/rule-level';
import { RULES_GENERATE_COMMAND, RULES_MARKDOWN_FILE, renderRulesMarkdown } from '../../../scripts/rules/render-rules-markdown';

describe('RULES.md', () => {
  test('lists every registered rule with its level, what, why and documentation', () => {
    // GIVEN the registry
    const rules = NetworkRules.describeRules();
    // WHEN
    const markdown = renderRulesMarkdown(rules);
    // THEN
    for (const rule of rules) {
      expect(markdown).toContain(`| [${rule.id}](#${rule.id.toLowerCase()}) | ${rule.level} | ${rule.hardLimit ? 'yes' : 'no'} |`);
      expect(markdown).toContain(`## ${rule.id}\n\n**${rule.summary}**`);
      expect(markdown).toContain(rule.explanation);
      expect(markdown).toContain(`See ${rule.docUrl}`);
    }
  });

  test('escapes table separators in a summary', () => {
    const markdown = renderRulesMarkdown([{
      id: 'NIC999', level: RuleLevel.INFO, summary: 'a | b', explanation: 'why', docUrl: 'https://example.com', hardLimit: false,
    }]);
    expect(markdown).toContain('| a \\| b |');
  });

  test('the committed RULES.md is up to date with the registry', () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', RULES_MARKDOWN_FILE), 'utf8');
    if (committed !== renderRulesMarkdown(NetworkRules.describeRules())) {
      throw new Error(`${RULES_MARKDOWN_FILE} is stale: run \`${RULES_GENERATE_COMMAND}\` and commit it`);
    }
  });
});
