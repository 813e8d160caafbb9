import { IConstruct } from 'constructs';
import { ErrorCode } from './error-codes';
import { NetworkConstraintError } from './errors';

/**
 * Returns `id` when no child of `scope` has it yet, for a child a construct creates on demand (an
 * attachment, an association), so that a second one never collides with `Resource` or the first.
 * @param what what the child is, for the error (`the attachment`)
 * @throws NetworkConstraintError `ConstructIdInUse`
 */
export function claimChildId(scope: IConstruct, id: string, what: string): string {
  const taken = scope.node.tryFindChild(id);
  if (!taken) return id;
  throw new NetworkConstraintError({
    code: ErrorCode.ConstructIdInUse,
    scope,
    problem: `${what}'s construct id is already taken by ${taken.node.path}`,
    received: `id ${JSON.stringify(id)}`,
    allowed: `an id that no child of ${scope.node.path} has`,
    fix: `Give ${what} another id`,
  });
}
