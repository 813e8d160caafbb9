import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NetworkRules } from '../../../lib/checks/network-rules';
import { RuleLevel } from '../../../lib/checks/rule-level';
import { renderRulesDoc, RULES_DOC_COMMAND } from '../../../scripts/rules/render-rules-doc';

/** Every rule id the library ships (README.md promises all 25): RULES.md must list each. */
const SHIPPED_RULE_IDS = [
  'NIC001', 'NIC002', 'NIC003', 'NIC004', 'NIC010', 'NIC011', 'NIC012', 'NIC013',
  'NIC020', 'NIC021', 'NIC022', 'NIC023', 'NIC030', 'NIC031', 'NIC032', 'NIC033', 'NIC034', 'NIC035',
  'NIC040', 'NIC041', 'NIC050', 'NIC051', 'NIC060', 'NIC061', 'NIC070',
  'ALI001', 'ALI002', 'ALI003', 'ALI010', 'ALI011', 'ALI012', 'ALI020', 'ALI030', 'ALI031', 'ALI032', 'ALI033', 'ALI034', 'ALI035',
  'ALI040', 'ALI050', 'ALI051', 'ALI052', 'ALI053', 'ALI060', 'ALI070',
  'NHN001', 'NHN002', 'NHN003', 'NHN010', 'NHN011', 'NHN012', 'NHN020', 'NHN021', 'NHN030', 'NHN040', 'NHN050', 'NHN070',
];

describe('RULES.md', () => {
  test('is what the registry renders (fails when stale)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', 'RULES.md'), 'utf8');
    expect(committed).toBe(renderRulesDoc(NetworkRules.describeRules()));
  });

  test('lists every shipped rule id, each with a doc link', () => {
    const ids = NetworkRules.describeRules().map((rule) => rule.id);
    expect(ids).toEqual(SHIPPED_RULE_IDS);
    for (const rule of NetworkRules.describeRules()) expect(rule.docUrl).toMatch(/^https:\/\//);
  });

  test('renders a row and a section per rule, escaping table cells', () => {
    const doc = renderRulesDoc([{
      id: 'NIC999', level: RuleLevel.WARNING, hardLimit: true, summary: 'a | b', explanation: 'Why it matters.', docUrl: 'https://example.com/doc',
    }]);
    expect(doc).toContain('| [NIC999](#nic999) | WARNING | yes | a \\| b | [doc](https://example.com/doc) |');
    expect(doc).toContain('## NIC999\n\n**WARNING** (hard limit: cannot be suppressed): a | b.\n\nWhy it matters.');
    expect(doc).toContain(RULES_DOC_COMMAND);
  });
});
