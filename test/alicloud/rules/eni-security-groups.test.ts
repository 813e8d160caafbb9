import { aliNetwork, aliStack, ecs, eni } from './ali-test-helpers';
import { AliIndex } from '../../../lib/alicloud/rules/ali-index';
import { eniSecurityGroups } from '../../../lib/alicloud/rules/eni-security-groups';

describe('eniSecurityGroups', () => {
  test('builds the list once per index, for the three rules that read it', () => {
    // GIVEN an instance and a secondary ENI, each in the network's group
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    eni(stack, 'eth1', { vswitch_id: vsw.id, security_group_ids: [group.id] });
    const index = AliIndex.build(stack);
    // WHEN the rules ask twice
    const first = eniSecurityGroups(index);
    const second = eniSecurityGroups(index);
    // THEN they share one list, with both ENIs, and another index gets its own
    expect(second).toBe(first);
    expect(first.map((entry) => [entry.label, entry.groups.length])).toEqual([
      ['eni "eth1"', 1],
      ['the primary ENI of instance "host"', 1],
    ]);
    expect(eniSecurityGroups(AliIndex.build(stack))).not.toBe(first);
  });
});
