import { Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { DocUrl } from './doc-url';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';

/**
 * EC2 takes at most 16 KB of user data, counted raw, before base64 encoding.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html
 */
export const MAX_USER_DATA_BYTES = 16 * 1024;

/**
 * Refuses user data whose literal text alone exceeds 16 KB. References inside it (an interface id,
 * a route table) only grow it at apply time, so its literal text is a lower bound of its final
 * size: a script over the limit before they are filled in is over it after; user data that is
 * only a reference is left alone.
 */
export function checkUserDataSize(scope: IConstruct, userData: string | undefined): void {
  if (userData === undefined) return;
  const fragments = Tokenization.reverseString(userData);
  const bytes = fragments.literals.reduce((sum, literal) => sum + Buffer.byteLength(String(literal), 'utf8'), 0);
  if (bytes <= MAX_USER_DATA_BYTES) return;
  const hasReferences = fragments.tokens.length + fragments.intrinsic.length > 0;
  throw new NetworkConstraintError({
    code: ErrorCode.UserDataTooLarge,
    scope,
    problem: 'the user data is larger than EC2 takes',
    received: hasReferences ? `${bytes} bytes before its references are filled in` : `${bytes} bytes`,
    allowed: `at most ${MAX_USER_DATA_BYTES} bytes (16 KB), counted before base64 encoding`,
    fix: 'Keep the user data a short script that fetches the rest (from S3, or a package), or bake the bulk into the AMI',
    docUrl: DocUrl.userData,
  });
}
