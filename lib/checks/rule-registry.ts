import { IConstruct } from 'constructs';
import { CloudChecks } from './cloud-checks';
import { NetworkRule } from './network-rule';
import { RuleInfo } from './rule-report';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';

const RULES_DOC_URL = 'https://github.com/cdktf-nic-patterns/cdktf-nic-patterns/blob/main/RULES.md';
const RULE_ID = /^[A-Z][A-Z0-9]*[0-9]{3}$/;

// The clouds and custom rules the engine knows. This is the library's own state: registering
// changes no object of cdktf or constructs.
const clouds: CloudChecks<unknown>[] = [];
const customRules: NetworkRule[] = [];
let byId: Map<string, RuleInfo> | undefined;

/** Plugs a cloud into the engine (once; `lib/clouds.ts` registers every cloud of the library). */
export function registerCloud<I>(cloud: CloudChecks<I>): void {
  if (clouds.includes(cloud as CloudChecks<unknown>)) return;
  clouds.push(cloud as CloudChecks<unknown>);
  byId = undefined;
}

/** The registered clouds, in registration order. */
export function registeredClouds(): readonly CloudChecks<unknown>[] {
  return clouds;
}

/** The registered custom rules, sorted by id. */
export function registeredCustomRules(): readonly NetworkRule[] {
  return customRules;
}

/**
 * Adds a custom rule. Registering the same instance again does nothing.
 *
 * @throws NetworkConstraintError `InvalidRuleId` when the id is not capital letters and three digits,
 * or uses a built-in prefix; `DuplicateRuleId` when another rule has that id
 */
export function registerCustomRule(rule: NetworkRule): void {
  if (customRules.includes(rule)) return;
  const id = String(rule.id);
  const reserved = clouds.find((cloud) => id.startsWith(cloud.ruleIdPrefix));
  if (!RULE_ID.test(id) || reserved) {
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidRuleId,
      subject: 'NetworkRules.registerRule',
      problem: reserved ? `the prefix ${reserved.ruleIdPrefix} belongs to the built-in ${reserved.name} rules` : 'a rule id is capital letters and digits ending in three digits',
      received: `"${id}"`,
      allowed: `an id such as ACME001, not starting with ${clouds.map((cloud) => cloud.ruleIdPrefix).join(', ')}`,
      docUrl: RULES_DOC_URL,
    });
  }
  if (ruleById(id)) {
    throw new NetworkConstraintError({
      code: ErrorCode.DuplicateRuleId,
      subject: 'NetworkRules.registerRule',
      problem: `another rule already has the id ${id}`,
      received: `"${id}"`,
      allowed: 'an id no registered rule uses',
      docUrl: RULES_DOC_URL,
    });
  }
  customRules.push(rule);
  customRules.sort((a, b) => a.id.localeCompare(b.id));
  byId = undefined;
}

/** Every rule: the clouds' in registration order, then the custom ones, each sorted by id. */
export function allRules(): RuleInfo[] {
  return [...clouds.flatMap((cloud) => [...cloud.rules]), ...customRules];
}

/** The rule with that id, whatever its case (`nic001` is `NIC001`). */
export function ruleById(id: string): RuleInfo | undefined {
  byId ??= new Map(allRules().map((rule) => [rule.id, rule]));
  return byId.get(String(id).toUpperCase());
}

/**
 * The rule with that id, whatever its case.
 *
 * @param id the id as the user wrote it
 * @param where what asked, for the error (`NetworkRules rules`)
 * @throws NetworkConstraintError `UnknownNetworkRule` when no rule has that id
 */
export function requireRule(id: string, where: { scope?: IConstruct; subject?: string; action: string }): RuleInfo {
  const rule = ruleById(id);
  if (rule) return rule;
  throw new NetworkConstraintError({
    code: ErrorCode.UnknownNetworkRule,
    scope: where.scope,
    subject: where.subject,
    problem: `cannot ${where.action} an unknown network rule`,
    received: `"${id}"`,
    allowed: `one of ${allRules().map((r) => r.id).join(', ')} (in any case)`,
    docUrl: RULES_DOC_URL,
  });
}

/** The name of the cloud a rule belongs to, for messages (`AWS`); custom rules say "the cloud". */
export function cloudNameOf(rule: RuleInfo): string {
  return clouds.find((cloud) => (cloud.rules as readonly RuleInfo[]).includes(rule))?.name ?? 'the cloud';
}
