import { DocUrl } from './doc-url';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { isUnresolved } from '../core/tokens';

// Address assignments are built before the interface that takes them, so their errors name the
// factory (`subject`) instead of a construct.

/** One address family's per-interface bound, for the messages. */
export interface AddressFamilyBound {
  /** `private IPv4` or `IPv6`. */
  readonly family: string;
  /** The most addresses of the family any instance type allows per interface. */
  readonly maxPerInterface: number;
  /** The error code of an interface with too many addresses of the family. */
  readonly tooManyCode: string;
}

/**
 * Refuses a count of addresses that is no whole number >= 0, or above `max`, the most that any
 * instance type allows. Tokens are skipped.
 */
export function checkAddressCount(subject: string, what: string, value: number, max: number, bound: AddressFamilyBound): void {
  if (isUnresolved(value)) return;
  if (Number.isInteger(value) && value >= 0 && value <= max) return;
  throw new NetworkConstraintError({
    code: ErrorCode.InvalidCount,
    subject,
    problem: value > max
      ? `${what} is above ${max}: no instance type allows more than ${bound.maxPerInterface} ${bound.family} addresses per interface`
      : `${what} is not a whole number >= 0`,
    received: String(value),
    allowed: `a whole number from 0 to ${max}`,
    docUrl: DocUrl.ipPerEni,
  });
}

/** Refuses a list of literal addresses longer than any instance type allows on one interface. */
export function checkAddressList(subject: string, addresses: string[], bound: AddressFamilyBound): void {
  if (addresses.length <= bound.maxPerInterface) return;
  throw new NetworkConstraintError({
    code: bound.tooManyCode,
    subject,
    problem: `no instance type allows that many ${bound.family} addresses per interface`,
    received: `${addresses.length} addresses`,
    allowed: `at most ${bound.maxPerInterface} (the largest instance types)`,
    fix: 'Spread the addresses over more interfaces',
    docUrl: DocUrl.ipPerEni,
  });
}
