import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** Jest global teardown: removes the scratch folders the tests' cdktf apps leave behind. */
export default function globalTeardown(): void {
  const scratch = join(__dirname, '..', '.tmp');
  for (const folder of ['rules-tests', 'jest-tmp']) rmSync(join(scratch, folder), { recursive: true, force: true });
}
