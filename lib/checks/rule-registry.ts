import { AWS_RULES } from '../aws/rules/registry';
import { NetworkRule } from './network-rule';

/** Every rule `NetworkRules` runs, by id. Each cloud keeps its own list in `<cloud>/registry.ts`. */
export const RULES: readonly NetworkRule[] = [...AWS_RULES].sort((a, b) => a.id.localeCompare(b.id));

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule with that id, if any. */
export function ruleById(id: string): NetworkRule | undefined {
  return BY_ID.get(id);
}
