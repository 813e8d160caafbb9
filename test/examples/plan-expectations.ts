import { App } from 'cdktf';
import { synthAndPlan } from '../terraform/offline-terraform';

/**
 * Plans an example offline against an empty state and expects it to create exactly `byType`
 * (resource type -> count), and to change and destroy nothing.
 */
export async function expectPlanCreatesExactly(build: (app: App) => void, byType: Record<string, number>): Promise<void> {
  const [plan] = await synthAndPlan(build);
  expect(plan.byType).toEqual(byType);
  expect(plan.add).toBe(Object.values(byType).reduce((sum, count) => sum + count, 0));
  expect(plan.change + plan.destroy).toBe(0);
}
