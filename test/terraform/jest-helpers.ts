import { TerraformAvailability, terraformAvailability } from './offline-terraform';

/**
 * Time a test that runs terraform may take: init, validate and plan each start the ~700 MB
 * provider, which takes several seconds on a busy 2-core machine.
 */
export const TERRAFORM_TEST_TIMEOUT_MS = 180_000;

/**
 * `describe` for tests that run terraform offline. When terraform or the provider mirror is
 * missing, the block is skipped with a console message naming what is missing; under `CI=true`
 * it fails with that message instead, so a pipeline never passes without having planned.
 *
 * @param availability what the block needs; by default terraform and the mirror (the stand-in
 *   providers of standin-terraform.ts need no mirror)
 */
export function describeTerraform(name: string, fn: () => void, availability: TerraformAvailability = terraformAvailability()): void {
  if (availability.available) {
    describe(name, fn);
    return;
  }
  const message = `offline Terraform tests "${name}" need ${availability.missing.join(' and ')}`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('fails when terraform or the provider mirror is missing under CI=true', () => {
        throw new Error(message);
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: ${message}`);
  describe.skip(name, fn);
}
