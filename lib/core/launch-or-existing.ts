import { Construct } from 'constructs';
import { ErrorCode } from './error-codes';
import { NetworkConstraintError } from './errors';

/** How one cloud's patterns name what `checkLaunchOrExisting` checks. */
export interface LaunchOrExistingWording {
  /** Every prop that only means something for an instance the pattern launches. */
  readonly launchProps: readonly string[];
  /** The launch props without which no instance can be launched (`instanceType`, `ami`). */
  readonly requiredProps: readonly string[];
  /** What the pattern puts on the instance, in messages: `interfaces`, `ENIs`, `ports`. */
  readonly parts: string;
  /** The documentation of the pattern's instance. */
  readonly docUrl: string;
}

/**
 * Refuses a pattern that has no instance to put its interfaces on, or two: launch props mixed with
 * `existingInstance`, or neither given. Every cloud's patterns share the rule; only the words differ.
 *
 * @returns whether the pattern launches the instance
 * @throws NetworkConstraintError `ConflictingInstanceProps`, `MissingInstanceProps`
 */
export function checkLaunchOrExisting(
  scope: Construct, props: object & { readonly existingInstance?: unknown }, wording: LaunchOrExistingWording,
): boolean {
  const given = (name: string) => (props as Record<string, unknown>)[name] !== undefined;
  const required = wording.requiredProps.join(' and ');
  const launchProps = wording.launchProps.filter(given);
  if (props.existingInstance) {
    if (launchProps.length === 0) return false;
    throw new NetworkConstraintError({
      code: ErrorCode.ConflictingInstanceProps,
      scope,
      problem: 'both an existing instance and props of an instance to launch are given',
      received: `existingInstance and ${launchProps.join(', ')}`,
      allowed: `either existingInstance, or ${required} (with the optional launch props)`,
      fix: `Drop the launch props to put the ${wording.parts} on the existing instance, or drop existingInstance to launch one`,
      docUrl: wording.docUrl,
    });
  }
  const missing = wording.requiredProps.filter((name) => !given(name));
  if (missing.length === 0) return true;
  throw new NetworkConstraintError({
    code: ErrorCode.MissingInstanceProps,
    scope,
    problem: `the pattern has no instance to put its ${wording.parts} on`,
    received: `no existingInstance and no ${missing.join(' and no ')}`,
    allowed: `${required} to launch an instance, or existingInstance`,
    docUrl: wording.docUrl,
  });
}
