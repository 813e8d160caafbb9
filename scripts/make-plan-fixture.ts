/**
 * Writes test/cli/fixtures/aws/plan.json and violations-plan.json: `terraform show -json` of a plan
 * of the AWS clean and violations fixtures, made offline against the local provider mirror (see
 * test/terraform/offline-terraform.ts).
 *
 *   npx tsx scripts/make-plan-fixture.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readModule } from '../lib/cli/inputs/hcl-module';
import { offlineOverride } from '../test/terraform/offline-provider';
import { failure, runTerraform, terraformAvailability } from '../test/terraform/offline-terraform';

const REPO_ROOT = path.join(__dirname, '..');
const FIXTURES = path.join(REPO_ROOT, 'test', 'cli', 'fixtures', 'aws');
/** Plan file name -> the fixture folder it is planned from. */
const PLANS: Record<string, string> = { 'plan.json': 'clean', 'violations-plan.json': 'violations' };
// Fields that change from run to run (or machine to machine) and that no loader reads.
const VOLATILE_FIELDS = ['timestamp', 'terraform_version'];

async function main(): Promise<void> {
  const availability = terraformAvailability();
  if (!availability.available) throw new Error(`cannot plan offline: missing ${availability.missing.join('; ')}`);
  for (const [planFile, fixture] of Object.entries(PLANS)) {
    await writePlan(path.join(FIXTURES, fixture), path.join(FIXTURES, planFile));
  }
}

async function writePlan(fixture: string, planFile: string): Promise<void> {
  fs.mkdirSync(path.join(REPO_ROOT, '.tmp'), { recursive: true });
  const workDir = fs.mkdtempSync(path.join(REPO_ROOT, '.tmp', 'tf-plan-fixture-'));
  try {
    fs.cpSync(fixture, workDir, { recursive: true, filter: (source) => path.basename(source) !== 'expected-findings.json' });
    fs.writeFileSync(path.join(workDir, 'offline_override.tf.json'), JSON.stringify(offlineOverride(await readModule(fixture)), null, 2));
    for (const args of [['init', '-input=false', '-no-color'], ['plan', '-refresh=false', '-input=false', '-lock=false', '-no-color', '-out=plan.out']]) {
      const result = await runTerraform(workDir, args);
      if (result.exitCode !== 0) throw failure(args[0], fixture, workDir, result, []);
    }
    const show = await runTerraform(workDir, ['show', '-json', '-no-color', 'plan.out']);
    if (show.exitCode !== 0) throw failure('show', fixture, workDir, show, []);
    const plan = JSON.parse(show.stdout) as Record<string, unknown>;
    for (const field of VOLATILE_FIELDS) delete plan[field];
    // Terraform lists the attributes that affected the plan in no stable order.
    if (Array.isArray(plan.relevant_attributes)) {
      plan.relevant_attributes = plan.relevant_attributes.map((entry) => JSON.stringify(entry)).sort().map((entry) => JSON.parse(entry));
    }
    fs.writeFileSync(planFile, `${JSON.stringify(plan, null, 2)}\n`);
    console.log(`Wrote ${path.relative(REPO_ROOT, planFile)}.`);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
