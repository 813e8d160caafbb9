import { NetworkRules } from '../../../lib/checks/network-rules';
import { RuleLevel } from '../../../lib/checks/rule-level';
import { registeredClouds } from '../../../lib/checks/rule-registry';
import { NhnDocUrl } from '../../../lib/nhncloud/doc-url';
import { NHN_CHECKS, NHN_RULES } from '../../../lib/nhncloud/rules/registry';

/** The rule ids and levels of the design (DESIGN.md, "Rule ids (NHN Cloud)"). */
const DESIGNED: ReadonlyArray<[string, RuleLevel]> = [
  ['NHN001', RuleLevel.ERROR], ['NHN002', RuleLevel.ERROR], ['NHN003', RuleLevel.WARNING], ['NHN010', RuleLevel.ERROR],
  ['NHN011', RuleLevel.WARNING], ['NHN012', RuleLevel.ERROR], ['NHN020', RuleLevel.ERROR], ['NHN021', RuleLevel.ERROR],
  ['NHN030', RuleLevel.WARNING], ['NHN040', RuleLevel.WARNING], ['NHN050', RuleLevel.WARNING], ['NHN070', RuleLevel.ERROR],
];

describe('the NHN Cloud rule registry', () => {
  test('has every designed rule once, sorted by id, at its designed level', () => {
    expect(NHN_RULES.map((rule) => [rule.id, rule.level])).toEqual(DESIGNED);
  });

  test('every rule states its summary, an explanation and an NHN Cloud or provider doc URL', () => {
    const documented = new Set<string>(Object.values(NhnDocUrl));
    for (const rule of NHN_RULES) {
      expect(rule.summary.length).toBeGreaterThan(10);
      expect(rule.explanation.length).toBeGreaterThan(100);
      expect(documented.has(rule.docUrl)).toBe(true);
    }
  });

  test('is registered with the engine under its own prefixes', () => {
    expect(registeredClouds()).toContain(NHN_CHECKS);
    expect([NHN_CHECKS.resourcePrefix, NHN_CHECKS.ruleIdPrefix, NHN_CHECKS.name]).toEqual(['nhncloud_', 'NHN', 'NHN Cloud']);
    expect(NetworkRules.describeRules().map((r) => r.id)).toEqual(expect.arrayContaining(DESIGNED.map(([id]) => id)));
  });
});
