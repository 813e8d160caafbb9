import * as fs from 'fs';
import * as path from 'path';
import { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation';
import { App, TerraformResource } from 'cdktf';
import { describeTerraform, TERRAFORM_TEST_TIMEOUT_MS } from './jest-helpers';
import { offlineOverride } from './offline-provider';
import { readManifest } from './offline-terraform';
import {
  AppliedState, attributesAt, describeChanges, editResource, initWorkDir, planAgainst, simulateFirstApply, StatePlan, TerraformState,
} from './state-from-plan';
import { HaFailoverNicStack } from '../../examples/ha-failover-nic/stack';
import { HaActiveSide, HaFailoverNic, LAST_FAILOVER_TAG } from '../../lib';

/*
 * What `terraform plan` says on the runs after the first apply of examples/ha-failover-nic, with
 * the failover agent on: plans against hand-built states (test/terraform/state-from-plan.ts), with
 * no cloud and no refresh, so Terraform compares the configuration with the state alone.
 */

const SCRATCH = path.resolve(__dirname, '..', '..', '.tmp');
/** When the agent last moved the interface, as it writes it (`Date.toISOString()`). */
const FAILOVER_TIME = '2025-06-01T12:34:56.789Z';

/** One synthesized variant of the example, initialized for offline plans. */
interface Variant {
  readonly workDir: string;
  /** Address of the failover interface. */
  readonly interfaceAddress: string;
  /** Address of the standby member's instance. */
  readonly standbyAddress: string;
  /** Address of Terraform's placement request to the agent. */
  readonly placementAddress: string;
}

/** The synthesized stack (`cdk.tf.json`) in `workDir`, without cdktf's metadata (`//`, which lists overrides). */
function stackConfig(workDir: string): any {
  const { '//': _metadata, ...config } = JSON.parse(fs.readFileSync(path.join(workDir, 'cdk.tf.json'), 'utf8'));
  return config;
}

function address(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/**
 * Synthesizes the example with `active` into `outdir`, with the offline provider settings, after
 * `edit` (an escape hatch on the pair) if given.
 */
function synthesize(outdir: string, active: HaActiveSide, edit?: (pair: HaFailoverNic) => void): Variant {
  const app = new App({ outdir, stackTraces: false });
  const stack = new HaFailoverNicStack(app, 'ha-failover-nic', { active });
  const pair = stack.node.findAll().find((construct): construct is HaFailoverNic => construct instanceof HaFailoverNic)!;
  edit?.(pair);
  app.synth();
  const workDir = path.join(outdir, Object.values(readManifest(outdir).stacks)[0].workingDirectory);
  fs.writeFileSync(path.join(workDir, 'offline_override.tf.json'), JSON.stringify(offlineOverride(stackConfig(workDir)), null, 2));
  const placement = pair.node.findAll().find((construct): construct is LambdaInvocation => construct instanceof LambdaInvocation)!;
  return {
    workDir,
    interfaceAddress: address(pair.networkInterface.resource),
    standbyAddress: address(pair.standbyLaunched!.resource),
    placementAddress: address(placement),
  };
}

/**
 * The state after an automatic failover, as a refresh reads it: the interface is on the standby,
 * and the agent has tagged it with the time of the move.
 */
function afterFailover(state: TerraformState, variant: Variant): TerraformState {
  const standbyId = attributesAt(state, variant.standbyAddress).id;
  return editResource(state, variant.interfaceAddress, (attributes) => ({
    ...attributes,
    // `tags_all` holds every tag of the object, `tags` those that the provider's default tags do not.
    tags: { ...attributes.tags, [LAST_FAILOVER_TAG]: FAILOVER_TIME },
    tags_all: { ...attributes.tags_all, [LAST_FAILOVER_TAG]: FAILOVER_TIME },
    // HaFailoverNic's default device index.
    attachment: [{ attachment_id: 'eni-attach-0a1b2c3d4e5f60718', device_index: 1, instance: standbyId }],
  }));
}

/** The plan's changes, with a line per altered attribute when there are any, so that a failure shows what drifts. */
async function changesOf(plan: StatePlan): Promise<Record<string, unknown>> {
  const details = plan.exitCode === 0 ? [] : describeChanges(await plan.details());
  return { exitCode: plan.exitCode, changes: plan.changes, outputChanges: plan.outputChanges, details };
}

const NO_CHANGES = { exitCode: 0, changes: [], outputChanges: [], details: [] };

describeTerraform('examples/ha-failover-nic: plans after the first apply (offline, no refresh)', () => {
  jest.setTimeout(TERRAFORM_TEST_TIMEOUT_MS);

  let root: string;
  let primary: Variant;
  let firstApply: AppliedState;
  // Started together in beforeAll (a plan keeps one core busy), awaited by their tests.
  let afterFailoverPlan: Promise<StatePlan>;
  let switchedPlan: Promise<StatePlan>;
  let controlPlan: Promise<StatePlan>;
  let control: Variant;

  beforeAll(async () => {
    fs.mkdirSync(SCRATCH, { recursive: true });
    root = fs.mkdtempSync(path.join(SCRATCH, 'tf-ha-plan-'));
    primary = synthesize(path.join(root, 'primary'), HaActiveSide.PRIMARY);
    const standby = synthesize(path.join(root, 'standby'), HaActiveSide.STANDBY);
    // The control: the same stack without the interface's ignore_changes, to show that the fixture
    // puts the agent's tag where Terraform sees it.
    control = synthesize(path.join(root, 'control'), HaActiveSide.PRIMARY, (pair) => {
      pair.networkInterface.resource.addOverride('lifecycle.ignore_changes', undefined);
    });
    await Promise.all([primary, standby, control].map((variant) => initWorkDir(variant.workDir)));

    firstApply = await simulateFirstApply(primary.workDir);
    const failedOver = afterFailover(firstApply.state, primary);
    afterFailoverPlan = planAgainst(primary.workDir, failedOver);
    switchedPlan = planAgainst(standby.workDir, failedOver);
    controlPlan = planAgainst(control.workDir, failedOver);
    // Rejections are reported by the tests that await them, not as unhandled here.
    [afterFailoverPlan, switchedPlan, controlPlan].forEach((plan) => plan.catch(() => undefined));
  }, TERRAFORM_TEST_TIMEOUT_MS);

  afterAll(async () => {
    // Let the plans still running finish before their folder goes.
    await Promise.allSettled([afterFailoverPlan, switchedPlan, controlPlan]);
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  test('GIVEN the state the first apply leaves WHEN planned again THEN there are no changes', async () => {
    // GIVEN the state built from the first plan (see simulateFirstApply)
    // WHEN planning the same configuration against it: the last plan simulateFirstApply ran
    const plan = firstApply.lastPlan;
    // THEN Terraform has nothing to do
    expect(await changesOf(plan)).toEqual(NO_CHANGES);
  });

  test('GIVEN the agent has moved the interface and tagged it WHEN planned with the same configuration THEN there are no changes', async () => {
    // GIVEN the first apply's state, with the interface on the standby and the agent's last-failover tag on it
    // WHEN planning the unchanged configuration
    const plan = await afterFailoverPlan;
    // THEN Terraform neither reports the tag as drift nor erases it, nor moves the interface back
    expect(await changesOf(plan)).toEqual(NO_CHANGES);
  });

  test('GIVEN the state after a failover WHEN active switches to the standby THEN only the placement request is replaced', async () => {
    // GIVEN the state after the failover
    // WHEN planning the example with active = standby
    const plan = await switchedPlan;
    // THEN the one change is a new placement request to the agent; the interface and all else stay
    expect(plan.changes).toEqual([{ address: primary.placementAddress, action: 'replace' }]);
    expect(plan.outputChanges).toEqual([]);
  });

  test('GIVEN the state after a failover WHEN planned without the interface\'s ignore_changes THEN the plan erases the agent\'s tag (control)', async () => {
    // GIVEN the state after the failover, and the stack with the interface's lifecycle.ignore_changes removed, nothing else
    const withoutIgnoreChanges = stackConfig(primary.workDir);
    delete withoutIgnoreChanges.resource.aws_network_interface[primary.interfaceAddress.split('.')[1]].lifecycle.ignore_changes;
    expect(stackConfig(control.workDir)).toEqual(withoutIgnoreChanges);
    // WHEN planning
    const plan = await controlPlan;
    // THEN the fixture is seen: Terraform would update the interface to remove the tag, and only that
    expect(plan.changes).toEqual([{ address: control.interfaceAddress, action: 'update' }]);
    const update = (await plan.details()).resource_changes!.find((change) => change.address === control.interfaceAddress)!.change;
    expect(update.before.tags[LAST_FAILOVER_TAG]).toBe(FAILOVER_TIME);
    expect(update.after.tags).not.toHaveProperty([LAST_FAILOVER_TAG]);
  });
});
