import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { aliNetwork, aliStack, checkAli, deployTime, ecs, eni, problemOf, RawResource } from './ali-test-helpers';
import { AlicloudRuleOptions } from '../../../lib/alicloud';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { RuleLevel } from '../../../lib/checks/rule-level';

/** `count` security groups of the test VPC, and its vSwitch. */
function groups(stack: TerraformStack, count: number): { ids: string[]; vswitch: RawResource } {
  const { vpc, vswitches: [vswitch] } = aliNetwork(stack);
  const ids = Array.from({ length: count }, (_, i) => new RawResource(stack, `sg${i}`, 'alicloud_security_group', { vpc_id: vpc.id }).id);
  return { ids, vswitch };
}

describe('ALI012 security groups per ENI', () => {
  test('passes for 5 groups, the default cap, counting the same group once', () => {
    const stack = aliStack();
    const { ids, vswitch } = groups(stack, 5);
    eni(stack, 'eni1', { vswitch_id: vswitch.id, security_group_ids: [...ids, ids[0]] });
    expect(checkAli(stack).of('ALI012')).toEqual([]);
  });

  test('warns above the default cap of 5, on an ENI and on the primary ENI of an instance', () => {
    // GIVEN
    const stack = aliStack();
    const { ids, vswitch } = groups(stack, 6);
    eni(stack, 'eni1', { vswitch_id: vswitch.id, security_group_ids: ids });
    ecs(stack, 'host', { vswitch_id: vswitch.id, security_groups: ids });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI012')).toEqual([]);
    expect(findings.warnings('ALI012').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/eni1', 'eni "eni1" joins 6 security groups, over the cap of 5 per ENI'],
      ['stack/host', 'the primary ENI of instance "host" joins 6 security groups, over the cap of 5 per ENI'],
    ]);
  });

  test('takes the cap of the account from AlicloudRuleOptions, the nearest scope winning', () => {
    // GIVEN an app whose account allows 10 groups, and a part of it that keeps to 4
    const stack = aliStack();
    AlicloudRuleOptions.set(stack.node.root, { securityGroupsPerEni: 10 });
    const strict = new Construct(stack, 'strict');
    AlicloudRuleOptions.set(strict, { securityGroupsPerEni: 4 });
    const { ids, vswitch } = groups(stack, 6);
    eni(stack, 'roomy', { vswitch_id: vswitch.id, security_group_ids: ids });
    eni(strict, 'tight', { vswitch_id: vswitch.id, security_group_ids: ids.slice(0, 5) });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.warnings('ALI012').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/strict/tight', 'eni "strict/tight" joins 5 security groups, over the cap of 4 per ENI'],
    ]);
  });

  test('fails when options are out of range or not literal', () => {
    const stack = aliStack();
    expect(() => AlicloudRuleOptions.set(stack, { securityGroupsPerEni: 11 })).toThrow(/\[InvalidCount\].*securityGroupsPerEni.*Allowed: a literal whole number from 1 to 10/);
    expect(() => AlicloudRuleOptions.set(stack, { attachmentsPerHaVip: 0 })).toThrow(/\[InvalidCount\]/);
    expect(() => AlicloudRuleOptions.set(stack, { securityGroupsPerEni: 2.5 })).toThrow(/\[InvalidCount\]/);
    expect(() => AlicloudRuleOptions.set(stack, { securityGroupsPerEni: '7' as unknown as number })).toThrow(/\[InvalidPropType\]/);
  });

  test('fails with an error above 10, which no account allows, whatever the cap', () => {
    const stack = aliStack();
    AlicloudRuleOptions.set(stack, { securityGroupsPerEni: 10 });
    const { ids, vswitch } = groups(stack, 11);
    eni(stack, 'eni1', { vswitch_id: vswitch.id, security_group_ids: ids });
    const findings = checkAli(stack);
    expect(findings.warnings('ALI012')).toEqual([]);
    expect(findings.errors('ALI012').map((f) => problemOf(f.message))).toEqual(['eni "eni1" joins 11 security groups, over the 10 no Alibaba Cloud account allows per ENI']);
  });

  test('cannot verify (INFO) a group list known only at deploy time', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitch } = groups(stack, 0);
    eni(stack, 'eni1', { vswitch_id: vswitch.id, security_group_ids: deployTime(stack, 'groups', 'list(string)') });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI012').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI012').map((f) => [f.path, problemOf(f.message).split('): ')[1]])).toEqual([[
      'stack/eni1', 'security_group_ids of eni "eni1" is "${var.groups}", an input variable, only known at deploy time',
    ]]);
  });

  describe('suppression', () => {
    test('a suppression with a reason silences the cap warning', () => {
      const stack = aliStack();
      const { ids, vswitch } = groups(stack, 7);
      const nic = eni(stack, 'eni1', { vswitch_id: vswitch.id, security_group_ids: ids });
      NetworkSuppressions.addSuppressions(nic, [{ id: 'ALI012', reason: 'quota raised to 10 by ticket 12345' }]);
      const findings = checkAli(stack);
      expect(findings.of('ALI012')).toEqual([]);
      expect(findings.suppressed('ALI012')).toEqual([expect.objectContaining({ path: 'stack/eni1', level: RuleLevel.WARNING })]);
    });

    test('fails even when suppressed above 10', () => {
      const stack = aliStack();
      const { ids, vswitch } = groups(stack, 11);
      const nic = eni(stack, 'eni1', { vswitch_id: vswitch.id, security_group_ids: ids });
      NetworkSuppressions.addSuppressions(nic, [{ id: 'ALI012', reason: 'quota raised to 10 by ticket 12345' }]);
      const findings = checkAli(stack);
      expect(findings.suppressed('ALI012')).toEqual([]);
      expect(findings.errors('ALI012').map((f) => f.message)).toEqual([
        expect.stringMatching(/joins 11 security groups.*\(The suppression of ALI012 does not apply: Alibaba Cloud rejects this configuration\.\)$/),
      ]);
    });
  });
});
