import { IConstruct } from 'constructs';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';

/** The fewest characters a suppression's reason takes: enough to say why, never a bare "ok". */
export const MIN_REASON_LENGTH = 10;

/** Where a suppression is given: on a construct, or in a file (`.nic-check.json, suppressions[2]`). */
export interface SuppressionSite {
  readonly scope?: IConstruct;
  readonly subject?: string;
  /** The documentation of this way of suppressing. */
  readonly docUrl: string;
}

/**
 * The reason of a suppression of `ruleId`, trimmed; a suppression without one that says why is refused.
 *
 * @throws NetworkConstraintError `SuppressionReasonTooShort` when it has fewer than MIN_REASON_LENGTH characters
 */
export function checkSuppressionReason(site: SuppressionSite, ruleId: string, reason: unknown): string {
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed.length >= MIN_REASON_LENGTH) return trimmed;
  throw new NetworkConstraintError({
    code: ErrorCode.SuppressionReasonTooShort,
    scope: site.scope,
    subject: site.subject,
    problem: `the reason for suppressing ${ruleId} is too short`,
    received: `"${trimmed}" (${trimmed.length} characters)`,
    allowed: `a reason of at least ${MIN_REASON_LENGTH} characters saying why the rule does not apply here`,
    docUrl: site.docUrl,
  });
}
