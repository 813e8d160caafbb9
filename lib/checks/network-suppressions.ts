import { IConstruct } from 'constructs';
import { ruleById, RULES } from './rule-registry';
import { recordSuppression, SuppressionErrorCode } from './suppression-store';
import { NetworkConstraintError } from '../core/errors';

/** One rule switched off for a scope, and why. */
export interface NetworkSuppression {
  /** The rule id (`NIC013`). */
  readonly id: string;
  /** Why the finding does not apply here: at least 10 characters; it is written into the report. */
  readonly reason: string;
}

const MIN_REASON_LENGTH = 10;
const DOC_URL = 'https://github.com/cdktf-nic-patterns/cdktf-nic-patterns/blob/main/RULES.md';

/**
 * Suppresses `NetworkRules` findings on a construct and everything below it, with a reason that is
 * recorded in the report. Rules that enforce a hard AWS limit (the API rejects the request) cannot
 * be suppressed.
 */
export class NetworkSuppressions {
  /**
   * Suppresses rules on `scope` and its children.
   *
   * @throws NetworkConstraintError `SuppressionReasonTooShort` when a reason has fewer than 10
   * characters, `UnknownNetworkRule` when an id is not a rule, `HardLimitNotSuppressible` when the
   * rule enforces a limit AWS itself enforces
   */
  public static addSuppressions(scope: IConstruct, suppressions: NetworkSuppression[]): void {
    // All are checked before any is recorded, so a rejected list leaves the scope unchanged.
    suppressions.map((s) => NetworkSuppressions.validate(scope, s)).forEach((s) => recordSuppression(scope, s));
  }

  private static validate(scope: IConstruct, suppression: NetworkSuppression): NetworkSuppression {
    const rule = ruleById(suppression.id);
    if (!rule) {
      throw new NetworkConstraintError({
        code: SuppressionErrorCode.UnknownNetworkRule,
        scope,
        problem: 'cannot suppress an unknown network rule',
        received: `"${suppression.id}"`,
        allowed: `one of ${RULES.map((r) => r.id).join(', ')}`,
        docUrl: DOC_URL,
      });
    }
    const reason = (suppression.reason ?? '').trim();
    if (reason.length < MIN_REASON_LENGTH) {
      throw new NetworkConstraintError({
        code: SuppressionErrorCode.SuppressionReasonTooShort,
        scope,
        problem: `the reason for suppressing ${rule.id} is too short`,
        received: `"${reason}" (${reason.length} characters)`,
        allowed: `a reason of at least ${MIN_REASON_LENGTH} characters saying why the rule does not apply here`,
        docUrl: DOC_URL,
      });
    }
    if (rule.hardLimit) {
      throw new NetworkConstraintError({
        code: SuppressionErrorCode.HardLimitNotSuppressible,
        scope,
        problem: `${rule.id} (${rule.summary}) enforces a hard AWS limit and cannot be suppressed`,
        received: `a suppression of ${rule.id}`,
        allowed: 'suppressions of rules AWS does not enforce itself; AWS would reject this configuration at deploy time anyway',
        fix: 'Change the configuration instead',
        docUrl: rule.docUrl,
      });
    }
    return { id: rule.id, reason };
  }

  private constructor() {}
}
