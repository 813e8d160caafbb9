import { loadProvider } from './fixtures';
import { ResourceRules } from './resource-rules';
import { ObjectValue, UNKNOWN } from './values';

const alicloud = loadProvider('alicloud-1.289.0');
const nhncloud = loadProvider('nhncloud-1.0.7');

function rulesOf(typeName: string): ResourceRules {
  return alicloud.rules.get(typeName)!;
}

function summaries(typeName: string, config: ObjectValue): string[] {
  return rulesOf(typeName).validate(config).map((diagnostic) => `${diagnostic.severity} ${diagnostic.summary}${diagnostic.detail ? `: ${diagnostic.detail}` : ''}`);
}

describe('notes enforced by the stand-in', () => {
  test('GIVEN the alicloud and nhncloud notes WHEN compiled THEN only rules built on Go constants or provider-own functions are skipped', () => {
    // WHEN
    const skipped = [...alicloud.rules.values(), ...nhncloud.rules.values()]
      .flatMap((rules) => rules.skipped)
      .filter((rule) => rule.rule !== 'all')
      .map((rule) => `${rule.resource}.${rule.path} ${rule.rule.split(' ')[0]}`);

    // THEN
    expect(skipped).toEqual([
      'alicloud_instance.credit_specification ValidateFunc',
      'alicloud_instance.data_disks.category Default',
      'alicloud_instance.instance_charge_type ValidateFunc',
      'alicloud_instance.period_unit Default',
      'alicloud_instance.renewal_status ValidateFunc',
      'alicloud_instance.renewal_status Default',
      'alicloud_instance.security_enhancement_strategy ValidateFunc',
      'alicloud_security_group_rule.policy Default',
      'alicloud_security_group_rule.port_range Default',
      'nhncloud_networking_port_v2.binding.profile ValidateFunc',
    ]);
  });

  test('GIVEN a vSwitch with both zone_id and availability_zone WHEN validated THEN ExactlyOneOf refuses it', () => {
    // WHEN
    const diagnostics = summaries('alicloud_vswitch', { zone_id: 'cn-hangzhou-h', availability_zone: 'cn-hangzhou-h', vpc_id: 'vpc-1' });

    // THEN
    expect(diagnostics).toContain('ERROR Invalid combination of arguments: "zone_id": only one of `availability_zone,zone_id` can be specified, '
      + 'but `availability_zone,zone_id` were specified.');
  });

  test('GIVEN a vSwitch with neither zone_id nor availability_zone WHEN validated THEN ExactlyOneOf asks for one', () => {
    // WHEN
    const diagnostics = summaries('alicloud_vswitch', { vpc_id: 'vpc-1' });

    // THEN
    expect(diagnostics).toEqual(['ERROR Invalid combination of arguments: "zone_id": one of `availability_zone,zone_id` must be specified']);
  });

  test('GIVEN a zone_id known only after apply WHEN validated THEN ExactlyOneOf waits for it', () => {
    // WHEN
    const diagnostics = summaries('alicloud_vswitch', { zone_id: UNKNOWN, vpc_id: 'vpc-1' });

    // THEN
    expect(diagnostics).toEqual([]);
  });

  test('GIVEN an ENI whose conflicting argument is known only after apply WHEN validated THEN ConflictsWith waits for it', () => {
    // WHEN
    const diagnostics = summaries('alicloud_ecs_network_interface', { vswitch_id: 'vsw-1', ipv6_address_count: 2, ipv6_addresses: UNKNOWN });

    // THEN
    expect(diagnostics).toEqual([]);
  });

  test('GIVEN a bad category in the second data disk WHEN validated THEN the diagnostic points at that disk', () => {
    // WHEN
    const diagnostics = rulesOf('alicloud_instance').validate({
      image_id: 'img-1',
      instance_type: 'ecs.g7.large',
      data_disks: [{ size: 40, category: 'cloud_essd' }, { size: 40, category: 'floppy' }],
    });

    // THEN
    expect(diagnostics).toEqual([expect.objectContaining({
      severity: 'ERROR',
      summary: expect.stringMatching(/^expected data_disks\.1\.category to be one of \[.*\], got floppy$/),
      attribute: { steps: [{ attribute_name: 'data_disks' }, { element_key_int: 1 }, { attribute_name: 'category' }] },
    })]);
  });

  test.each([
    ['alicloud_ecs_network_interface', { vswitch_id: 'vsw-1', security_group_ids: [] },
      'ERROR Not enough list items: Attribute requires 1 item minimum, but config has only 0 declared.'],
    ['alicloud_instance', { image_id: 'img-1', subnet_id: 'vsw-1' },
      'ERROR Argument is removed: "subnet_id": [REMOVED] Field \'subnet_id\' has been removed from version 1.210.0'],
    ['alicloud_eip_address', { status: 'InUse' }, 'ERROR Value for unconfigurable attribute: Can\'t configure a value for "status": '
      + 'its value will be decided automatically based on the result of applying this configuration.'],
    ['alicloud_security_group_rule', { type: 'ingress', ip_protocol: 'tcp', security_group_id: 'sg-1' },
      'ERROR Missing required argument: "cidr_ip": one of `cidr_ip,ipv6_cidr_ip,prefix_list_id,source_security_group_id` must be specified'],
  ])('fails when a %s has %j', (typeName, config, expected) => {
    // WHEN
    const diagnostics = summaries(typeName, config as ObjectValue);

    // THEN
    expect(diagnostics).toContain(expected);
  });
});
