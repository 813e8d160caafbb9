import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Testing } from 'cdktf';
import { CheckYourOwnStack } from '../../examples/check-your-own-stack/stack';
import { NetworkRules, RuleLevel } from '../../lib';
import { describeTerraform, TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { synthAndPlan } from '../terraform/offline-terraform';

const SCRATCH = path.join(__dirname, '..', '..', '.tmp');

function synthesize(includeErrors: boolean): { app: App; stack: CheckYourOwnStack; error?: Error } {
  fs.mkdirSync(SCRATCH, { recursive: true });
  const app = new App({ outdir: fs.mkdtempSync(path.join(SCRATCH, 'cyos-')), stackTraces: false });
  NetworkRules.applyTo(app);
  const stack = new CheckYourOwnStack(app, 'check-your-own-stack', { includeErrors });
  try {
    app.synth();
    return { app, stack };
  } catch (error) {
    return { app, stack, error: error as Error };
  } finally {
    fs.rmSync(app.outdir, { recursive: true, force: true });
  }
}

describe('examples/check-your-own-stack', () => {
  test('synthesizes as in the snapshot', () => {
    expect(Testing.synth(new CheckYourOwnStack(Testing.app(), 'check-your-own-stack'))).toMatchSnapshot();
  });

  test('shows the warnings the ENI guide warns about, and what it cannot verify', () => {
    // WHEN the raw stack is checked
    const { stack, error } = synthesize(false);
    // THEN it synthesizes, with exactly the designed warnings
    expect(error).toBeUndefined();
    const findings = NetworkRules.findingsOf(stack);
    const ids = (level: RuleLevel) => [...new Set(findings.filter((f) => f.level === level).map((f) => f.ruleId))].sort();
    expect(ids(RuleLevel.ERROR)).toEqual([]);
    expect(ids(RuleLevel.WARNING)).toEqual(['NIC012', 'NIC013', 'NIC041', 'NIC061']);
    expect(findings.some((f) => f.level === RuleLevel.INFO && f.path.includes('worker') && f.message.includes('cannot verify'))).toBe(true);
  });

  test('with CHECK_ERRORS, fails the synth listing every mistake AWS would reject', () => {
    const { error } = synthesize(true);
    expect(error).toBeDefined();
    for (const id of ['NIC020', 'NIC034', 'NIC040', 'NIC070']) expect(error!.message).toContain(`[${id}]`);
  });
});

describeTerraform('examples/check-your-own-stack offline', () => {
  test('its warnings are real Terraform that plans', async () => {
    const [plan] = await synthAndPlan((app) => new CheckYourOwnStack(app, 'check-your-own-stack'));
    expect(plan.byType).toMatchObject({ aws_instance: 2, aws_network_interface: 3, aws_security_group: 6 });
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
