import { IConstruct } from 'constructs';
import { ErrorCode } from './error-codes';
import { NetworkConstraintError } from './errors';
import { isUnresolved } from './tokens';

/**
 * `userData` followed by `fragment` (shell lines a pattern needs at first boot), or a new
 * `#!/bin/sh` script holding only the fragment. A literal `userData` must be a shell script: lines
 * appended to cloud-config or a MIME archive would never run. A token is trusted as it is.
 * @param reason what the fragment does, for the error
 * @throws NetworkConstraintError `UserDataNotShellScript`
 */
export function appendToShellUserData(scope: IConstruct, userData: string | undefined, fragment: string, reason: string): string {
  const body = fragment.replace(/\n*$/, '');
  if (userData === undefined) return `#!/bin/sh\n${body}\n`;
  if (!isUnresolved(userData) && !userData.startsWith('#!')) {
    throw new NetworkConstraintError({
      code: ErrorCode.UserDataNotShellScript,
      scope,
      problem: `${reason} can only be appended to a shell-script user data`,
      received: JSON.stringify(userData.split('\n')[0]),
      allowed: 'user data starting with "#!" (for example "#!/bin/bash"), or none',
      fix: 'Turn the user data into a shell script, or drop it',
    });
  }
  return `${userData.replace(/\n*$/, '')}\n\n${body}\n`;
}
