import { IConstruct } from 'constructs';
import { ErrorCode } from './error-codes';
import { NetworkConstraintError } from './errors';
import { isUnresolved } from './tokens';

const SHELL_SCRIPT = 'user data starting with "#!" (for example "#!/bin/bash"), or none';

/**
 * `userData` followed by `fragment` (shell lines a pattern needs at first boot), or a new
 * `#!/bin/sh` script holding only the fragment. A literal `userData` must be a shell script: lines
 * appended to cloud-config or a MIME archive would never run. A token is trusted as it is.
 * @param reason what the fragment does, for the error
 * @param fix how to do without appending, for the error
 * @throws NetworkConstraintError `UserDataNotShellScript`
 */
export function appendToShellUserData(
  scope: IConstruct, userData: string | undefined, fragment: string, reason: string, fix = 'Turn the user data into a shell script, or drop it',
): string {
  const body = fragment.replace(/\n*$/, '');
  if (userData === undefined) return `#!/bin/sh\n${body}\n`;
  requireShellScript(scope, userData, { problem: `${reason} can only be appended to a shell-script user data`, fix });
  return `${userData.replace(/\n*$/, '')}\n\n${body}\n`;
}

/** What a `UserDataNotShellScript` error says, besides the user data itself. */
export interface ShellScriptRequirement {
  readonly problem: string;
  readonly fix: string;
  /** @default - no documentation link */
  readonly docUrl?: string;
}

/**
 * Refuses a literal user data that is no shell script (`#!`); none, or a token, passes.
 * @throws NetworkConstraintError `UserDataNotShellScript`
 */
export function requireShellScript(scope: IConstruct, userData: string | undefined, requirement: ShellScriptRequirement): void {
  if (userData === undefined || isUnresolved(userData) || userData.startsWith('#!')) return;
  throw new NetworkConstraintError({
    code: ErrorCode.UserDataNotShellScript,
    scope,
    problem: requirement.problem,
    received: JSON.stringify(userData.split('\n')[0]),
    allowed: SHELL_SCRIPT,
    fix: requirement.fix,
    docUrl: requirement.docUrl,
  });
}
