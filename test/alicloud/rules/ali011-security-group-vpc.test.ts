import { aliNetwork, aliStack, checkAli, ecs, eni, expectSuppressionRefused, problemOf, RawResource } from './ali-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

describe('ALI011 security groups of an ENI belong to its VPC', () => {
  test('passes for groups of the ENI\'s VPC, on an ENI, an instance and an inline ENI', () => {
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    eni(stack, 'eni1', { vswitch_id: vsw.id, security_group_ids: [group.id] });
    ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id], network_interfaces: [{ vswitch_id: vsw.id, security_group_ids: [group.id] }] });
    expect(checkAli(stack).of('ALI011')).toEqual([]);
  });

  test('fails for a group of another VPC, on an ENI and on the primary ENI of an instance', () => {
    // GIVEN a group created in another VPC
    const stack = aliStack();
    const { vswitches: [vsw] } = aliNetwork(stack);
    const other = new RawResource(stack, 'other-vpc', 'alicloud_vpc', { cidr_block: '172.16.0.0/16' });
    const foreign = new RawResource(stack, 'foreign', 'alicloud_security_group', { vpc_id: other.id });
    eni(stack, 'eni1', { vswitch_id: vsw.id, security_groups: [foreign.id] });
    ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [foreign.id] });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI011').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/eni1', 'security group "foreign" on eni "eni1" belongs to vpc "other-vpc", but the ENI is in vpc "vpc" (vpc_id of vswitch "vsw-a")'],
      ['stack/host', 'security group "foreign" on the primary ENI of instance "host" belongs to vpc "other-vpc", but the ENI is in vpc "vpc" (vpc_id of vswitch "vsw-a")'],
    ]);
  });

  test('cannot verify (INFO) a group that is not a resource of the stack', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw] } = aliNetwork(stack);
    eni(stack, 'eni1', { vswitch_id: vsw.id, security_group_ids: ['sg-bp1abcdefg'] });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.of('ALI011').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI011').map((f) => [f.path, problemOf(f.message)])).toEqual([[
      'stack/eni1',
      'cannot verify eni "eni1" (security groups of an ENI belong to the ENI\'s VPC): the VPC of security group "sg-bp1abcdefg" on eni "eni1" is "sg-bp1abcdefg", a resource outside this stack',
    ]]);
  });

  test('cannot be suppressed: Alibaba Cloud rejects the group', () => {
    expectSuppressionRefused('ALI011');
  });
});
