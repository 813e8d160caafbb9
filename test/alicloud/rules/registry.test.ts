import { AliDocUrl } from '../../../lib/alicloud/doc-url';
import { ALI_CHECKS, ALI_RULES } from '../../../lib/alicloud/rules/registry';
import { NetworkRule, RuleContext } from '../../../lib/checks/network-rule';
import { NetworkRules } from '../../../lib/checks/network-rules';
import { RuleLevel } from '../../../lib/checks/rule-level';
import { registeredClouds } from '../../../lib/checks/rule-registry';

/** The rule ids of the design (DESIGN.md, "Rule ids (Alibaba Cloud)"). */
const DESIGNED = [
  'ALI001', 'ALI002', 'ALI003', 'ALI010', 'ALI011', 'ALI012', 'ALI020', 'ALI030', 'ALI031', 'ALI032', 'ALI033', 'ALI034',
  'ALI035', 'ALI040', 'ALI050', 'ALI051', 'ALI052', 'ALI053', 'ALI060', 'ALI070',
];

describe('the Alibaba Cloud rule registry', () => {
  test('has every designed rule once, sorted by id, each ALI and three digits', () => {
    const ids = ALI_RULES.map((rule) => rule.id);
    expect(ids).toEqual(DESIGNED);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^ALI\d{3}$/);
  });

  test('every rule states its level, summary, explanation and an Alibaba Cloud or provider doc URL', () => {
    const documented = new Set<string>(Object.values(AliDocUrl));
    for (const rule of ALI_RULES) {
      expect([RuleLevel.ERROR, RuleLevel.WARNING]).toContain(rule.level);
      expect(rule.summary.length).toBeGreaterThan(10);
      expect(rule.explanation.length).toBeGreaterThan(100);
      expect(rule.docUrl).toMatch(/^https:\/\//);
      expect(documented.has(rule.docUrl)).toBe(true);
    }
  });

  test('is registered with the engine under its own prefix, which custom rules cannot take', () => {
    // GIVEN a custom rule that borrows the prefix
    class Borrowed extends NetworkRule {
      public readonly id = 'ALI999';
      public readonly level = RuleLevel.WARNING;
      public readonly summary = 'borrowed';
      public readonly explanation = 'Borrows the Alibaba Cloud prefix.';
      public readonly docUrl = 'https://example.com';
      public readonly hardLimit = false;
      public check(_context: RuleContext): void {}
    }
    // WHEN / THEN
    expect(registeredClouds()).toContain(ALI_CHECKS);
    expect(ALI_CHECKS.resourcePrefix).toBe('alicloud_');
    expect(NetworkRules.describeRules().map((r) => r.id)).toEqual(expect.arrayContaining(DESIGNED));
    expect(() => NetworkRules.registerRule(new Borrowed())).toThrow(/\[InvalidRuleId\].*the prefix ALI belongs to the built-in Alibaba Cloud rules/);
  });
});
