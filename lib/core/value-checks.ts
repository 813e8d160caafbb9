import { IConstruct } from 'constructs';
import { ErrorCode } from './error-codes';
import { NetworkConstraintError } from './errors';
import { isUnresolved } from './tokens';

// Construction-time checks of plain values that the patterns of every cloud share. Each one passes
// tokens: a value known only at deploy time is left to the rules, or to the cloud.

/** A whole number in `[min, max]`. @throws NetworkConstraintError `InvalidCount`, or `code` when given */
export function checkRange(
  scope: IConstruct, what: string, value: number, min: number, max: number, code: string = ErrorCode.InvalidCount, docUrl?: string,
): void {
  if (isUnresolved(value) || (Number.isInteger(value) && value >= min && value <= max)) return;
  throw new NetworkConstraintError({
    code,
    scope,
    problem: `${what} is out of range`,
    received: String(value),
    allowed: `a whole number from ${min} to ${max}`,
    docUrl,
  });
}

/** No literal value twice. @throws NetworkConstraintError `code` (default `DuplicateAddress`) */
export function checkDistinct(scope: IConstruct, what: string, values: string[], code: string = ErrorCode.DuplicateAddress): void {
  const literals = values.filter((value) => !isUnresolved(value));
  const duplicate = literals.find((value, i) => literals.indexOf(value) !== i);
  if (duplicate === undefined) return;
  throw new NetworkConstraintError({
    code,
    scope,
    problem: `${what} must differ from each other`,
    received: `${duplicate} twice`,
    allowed: 'each value once',
  });
}
