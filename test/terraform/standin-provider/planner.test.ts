import { loadProvider } from './fixtures';
import { applyPlannedState, conformState, planResourceChange } from './planner';
import { ObjectValue, UNKNOWN, UnknownValue } from './values';

const alicloud = loadProvider('alicloud-1.289.0');

/** What Terraform proposes for a new resource: every attribute present, null unless configured; no blocks. */
function proposedNew(typeName: string, config: ObjectValue): ObjectValue {
  return conformState(alicloud.resourceSchemas[typeName].block, config) as ObjectValue;
}

function plan(typeName: string, prior: ObjectValue | null, proposed: ObjectValue) {
  return planResourceChange(alicloud.resourceSchemas[typeName].block, alicloud.rules.get(typeName), prior, proposed);
}

describe('planning and applying without an API', () => {
  test('GIVEN a new vSwitch WHEN planned THEN configured values stay, computed ones (id included) are unknown and nothing is replaced', () => {
    // GIVEN
    const proposed = proposedNew('alicloud_vswitch', { vpc_id: 'vpc-1', cidr_block: '10.0.1.0/24', zone_id: 'cn-hangzhou-h' });

    // WHEN
    const { planned, requiresReplace } = plan('alicloud_vswitch', null, proposed);

    // THEN
    expect(planned).toMatchObject({ vpc_id: 'vpc-1', cidr_block: '10.0.1.0/24', id: UNKNOWN, status: UNKNOWN, description: UNKNOWN, tags: null });
    expect(requiresReplace).toEqual([]);
  });

  test('GIVEN a new security group rule with no priority WHEN planned THEN it gets the provider\'s literal default', () => {
    // GIVEN
    const proposed = proposedNew('alicloud_security_group_rule', { type: 'ingress', ip_protocol: 'tcp', security_group_id: 'sg-1', cidr_ip: '0.0.0.0/0' });

    // WHEN
    const { planned } = plan('alicloud_security_group_rule', null, proposed);

    // THEN
    expect(planned).toMatchObject({ priority: 1, policy: null });
  });

  test('GIVEN an applied vSwitch WHEN its ForceNew cidr_block changes THEN it is replaced, and WHEN only its name changes THEN it is not', () => {
    // GIVEN
    const block = alicloud.resourceSchemas.alicloud_vswitch.block;
    const created = plan('alicloud_vswitch', null, proposedNew('alicloud_vswitch', { vpc_id: 'vpc-1', cidr_block: '10.0.1.0/24', zone_id: 'z' }));
    const prior = applyPlannedState(block, created.planned) as ObjectValue;

    // WHEN
    const moved = plan('alicloud_vswitch', prior, { ...prior, cidr_block: '10.0.2.0/24' });
    const renamed = plan('alicloud_vswitch', prior, { ...prior, vswitch_name: 'renamed' });

    // THEN
    expect(moved.requiresReplace).toEqual(['cidr_block']);
    expect(renamed.requiresReplace).toEqual([]);
    expect(renamed.planned).toEqual({ ...prior, vswitch_name: 'renamed' });
  });

  test('GIVEN a planned vSwitch WHEN applied THEN every unknown gets a value of its type', () => {
    // GIVEN
    const block = alicloud.resourceSchemas.alicloud_vswitch.block;
    const { planned } = plan('alicloud_vswitch', null, proposedNew('alicloud_vswitch', { vpc_id: 'vpc-1', cidr_block: '10.0.1.0/24', zone_id: 'z' }));

    // WHEN
    const applied = applyPlannedState(block, planned) as ObjectValue;

    // THEN
    expect(Object.values(applied).some((value) => value instanceof UnknownValue)).toBe(false);
    expect(applied).toMatchObject({ id: expect.stringMatching(/^standin-/), enable_ipv6: false, ipv6_cidr_block_mask: 0, cidr_block: '10.0.1.0/24' });
  });

  test('GIVEN a state written by an older schema WHEN conformed THEN missing attributes are null and missing list blocks empty', () => {
    // WHEN
    const state = conformState(alicloud.resourceSchemas.alicloud_vpc_route_entry.block, { id: 'x' }) as ObjectValue;

    // THEN
    expect(state).toMatchObject({ id: 'x', route_table_id: null, next_hops: [], route_publish_targets: [], timeouts: null });
  });
});
