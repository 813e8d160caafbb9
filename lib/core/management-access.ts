import { IConstruct } from 'constructs';
import { ErrorCode } from './error-codes';
import { NetworkConstraintError } from './errors';
import { isWholeInternet } from './security-rules';
import { isUnresolved } from './tokens';

// What the management-network patterns of every cloud agree on.

/** The port the management interface accepts from the management ranges. */
export const MANAGEMENT_SSH_PORT = 22;

/** The ports the public interface accepts from the web clients unless told otherwise. */
export const DEFAULT_WEB_PORTS: readonly number[] = [80, 443];

/**
 * Refuses management ranges that open SSH to nobody or to everybody: an empty list, `0.0.0.0/0` or
 * `::/0`. A management interface exists to keep SSH off the internet.
 * @throws NetworkConstraintError `NoManagementAccess`, `AdminPortOpenToInternet`
 */
export function checkManagementCidrs(scope: IConstruct, cidrs: string[], docUrl?: string): void {
  if (!isUnresolved(cidrs) && cidrs.length === 0) {
    throw new NetworkConstraintError({
      code: ErrorCode.NoManagementAccess,
      scope,
      problem: 'no range may reach the management interface',
      received: 'empty managementCidrs',
      allowed: 'at least one range: an admin range, a private subnet or an on-premises range',
      docUrl,
    });
  }
  const world = isUnresolved(cidrs) ? undefined : cidrs.find((cidr) => !isUnresolved(cidr) && (isWholeInternet(cidr, 4) || isWholeInternet(cidr, 6)));
  if (world === undefined) return;
  throw new NetworkConstraintError({
    code: ErrorCode.AdminPortOpenToInternet,
    scope,
    problem: 'a management range is the whole internet, which would open SSH to everybody',
    received: `managementCidrs with ${world}`,
    allowed: 'your admin ranges, a private subnet or an on-premises range',
    fix: 'List the ranges your admins connect from',
    docUrl,
  });
}
