import { IConstruct } from 'constructs';
import { ErrorCode } from './error-codes';
import { NetworkConstraintError } from './errors';
import { isUnresolved } from './tokens';
import { checkRange } from './value-checks';

/** keepalived's configuration reference: priorities, router ids, advertisement interval, authentication. */
export const KEEPALIVED_DOC_URL = 'https://keepalived.readthedocs.io/en/latest/configuration_synopsis.html';

/** The VRRP settings of a keepalived pair, whatever the cloud. */
export interface VrrpSettings {
  readonly virtualRouterId: number;
  readonly advertisementIntervalSeconds: number;
  readonly activePriority: number;
  readonly standbyPriority: number;
  readonly password?: string;
  /** What the pair moves, for the messages (`HaVip`, `virtual IP`). */
  readonly address: string;
  /** What a member is called in the messages and the props (`member`, `node`). */
  readonly member: string;
}

/**
 * Checks a keepalived pair's VRRP settings: the ranges keepalived takes, an active side with the
 * higher priority (else the standby takes the address at boot) and a PASS password short and
 * plain enough for the user data's shell. Tokens pass.
 *
 * @throws NetworkConstraintError `InvalidCount`, `VrrpPrioritiesNotOrdered`, `InvalidVrrpPassword`
 */
export function checkVrrpSettings(scope: IConstruct, settings: VrrpSettings): void {
  const { activePriority: active, standbyPriority: standby, member } = settings;
  checkRange(scope, 'virtualRouterId', settings.virtualRouterId, 1, 255);
  checkRange(scope, 'advertisementIntervalSeconds', settings.advertisementIntervalSeconds, 1, 255);
  checkRange(scope, `the active ${member}'s priority`, active, 1, 254);
  checkRange(scope, `the standby ${member}'s priority`, standby, 1, 254);
  if (!isUnresolved(active) && !isUnresolved(standby) && active <= standby) {
    throw new NetworkConstraintError({
      code: ErrorCode.VrrpPrioritiesNotOrdered,
      scope,
      problem: `the active ${member} must have the higher VRRP priority, or the standby takes the ${settings.address} at boot`,
      received: `active ${active}, standby ${standby}`,
      allowed: 'an active priority greater than the standby\'s',
      docUrl: KEEPALIVED_DOC_URL,
    });
  }
  const password = settings.password;
  if (password !== undefined && !isUnresolved(password) && !/^[A-Za-z0-9._-]{1,8}$/.test(password)) {
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidVrrpPassword,
      scope,
      problem: 'a VRRP simple password holds at most 8 characters and is written into a shell script',
      received: `${password.length} characters`,
      allowed: '1 to 8 letters, digits, ".", "_" or "-"',
      docUrl: KEEPALIVED_DOC_URL,
    });
  }
}
