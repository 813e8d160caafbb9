import { IConstruct } from 'constructs';
import { cloudNameOf, requireRule } from './rule-registry';
import { checkSuppressionReason } from './suppression-reason';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { NetworkSuppression } from '../core/network-suppression';
import { markSuppressed } from '../core/suppression-marks';

const DOC_URL = 'https://github.com/cdktf-nic-patterns/cdktf-nic-patterns/blob/main/RULES.md';

/**
 * Suppresses `NetworkRules` findings on a construct and everything below it, with a reason that is
 * recorded in the report. Rules that enforce a hard limit of the cloud (its API rejects the
 * request) cannot be suppressed.
 */
export class NetworkSuppressions {
  /**
   * Suppresses rules on `scope` and its children. Rule ids are matched whatever their case.
   *
   * @throws NetworkConstraintError `SuppressionReasonTooShort` when a reason has fewer than 10
   * characters, `UnknownNetworkRule` when an id is not a rule, `HardLimitNotSuppressible` when the
   * rule enforces a limit the cloud itself enforces
   */
  public static addSuppressions(scope: IConstruct, suppressions: NetworkSuppression[]): void {
    // All are checked before any is recorded, so a rejected list leaves the scope unchanged.
    suppressions.map((s) => NetworkSuppressions.validate(scope, s)).forEach((s) => markSuppressed(scope, s));
  }

  private static validate(scope: IConstruct, suppression: NetworkSuppression): NetworkSuppression {
    const rule = requireRule(suppression.id, { scope, action: 'suppress' });
    const reason = checkSuppressionReason({ scope, docUrl: DOC_URL }, rule.id, suppression.reason);
    if (rule.hardLimit) {
      const cloud = cloudNameOf(rule);
      throw new NetworkConstraintError({
        code: ErrorCode.HardLimitNotSuppressible,
        scope,
        problem: `${rule.id} (${rule.summary}) enforces a hard ${cloud} limit and cannot be suppressed`,
        received: `a suppression of ${rule.id}`,
        allowed: `suppressions of rules ${cloud} does not enforce itself; ${cloud} would reject this configuration at deploy time anyway`,
        fix: 'Change the configuration instead',
        docUrl: rule.docUrl,
      });
    }
    return { id: rule.id, reason };
  }

  private constructor() {}
}
