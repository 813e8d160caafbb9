import { App } from 'cdktf';
import { synthAndPlan } from '../terraform/offline-terraform';
import { StandinPlan, synthAndPlanWithStandin } from '../terraform/standin-terraform';

function total(byType: Record<string, number>): number {
  return Object.values(byType).reduce((sum, count) => sum + count, 0);
}

/**
 * Plans an example offline against an empty state and expects it to create exactly `byType`
 * (resource type -> count), and to change and destroy nothing.
 */
export async function expectPlanCreatesExactly(build: (app: App) => void, byType: Record<string, number>): Promise<void> {
  const [plan] = await synthAndPlan(build);
  expect(plan.byType).toEqual(byType);
  expect(plan.add).toBe(total(byType));
  expect(plan.change + plan.destroy).toBe(0);
}

/**
 * The same for a stack of a cloud with no provider binary here (Alibaba Cloud, NHN Cloud): planned
 * through the stand-in provider, which serves the real schema. Also expects no warning (deprecated
 * arguments and the like). Returns the plan for the example's own assertions on planned values.
 */
export async function expectStandinPlanCreatesExactly(build: (app: App) => void, byType: Record<string, number>): Promise<StandinPlan> {
  const [plan] = await synthAndPlanWithStandin(build);
  const planned: Record<string, number> = {};
  for (const change of plan.resourceChanges) {
    expect(`${change.address} ${change.actions.join('+')}`).toBe(`${change.address} create`);
    planned[change.type] = (planned[change.type] ?? 0) + 1;
  }
  expect(planned).toEqual(byType);
  expect(plan.resourceChanges).toHaveLength(total(byType));
  expect(plan.warnings).toEqual([]);
  return plan;
}
