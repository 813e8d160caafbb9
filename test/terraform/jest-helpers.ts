import { TerraformAvailability, terraformAvailability } from './offline-terraform';

/**
 * Time a test that runs terraform may take: init, validate and plan each start the ~700 MB
 * provider, which takes several seconds on a busy 2-core machine.
 */
export const TERRAFORM_TEST_TIMEOUT_MS = 180_000;

/**
 * The @cdktf/provider-aws line the tests run against: `21` in the provider-matrix run
 * (test/provider-aws-21/), whose stacks require hashicorp/aws 6.x, which no mirror here has.
 */
function providerAwsLine(): string {
  return process.env.NIC_PROVIDER_AWS_LINE ?? '20';
}

/**
 * `describe` for tests that run terraform offline. When terraform or the provider mirror is
 * missing, the block is skipped with a console message naming what is missing; under `CI=true`
 * it fails with that message instead, so a pipeline never passes without having planned.
 * In the provider-matrix run (another @cdktf/provider-aws line than the mirror's), a block that
 * plans AWS stacks is skipped by design: those plans run on the 20.x line.
 *
 * @param availability what the block needs; by default terraform and the aws mirror (the stand-in
 *   providers of standin-terraform.ts need no mirror)
 */
export function describeTerraform(name: string, fn: () => void, availability?: TerraformAvailability): void {
  if (availability === undefined && providerAwsLine() !== '20') {
    describe.skip(`${name} (planned on the @cdktf/provider-aws 20.x line only)`, fn);
    return;
  }
  availability ??= terraformAvailability();
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
