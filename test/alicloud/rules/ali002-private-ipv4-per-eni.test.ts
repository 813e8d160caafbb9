import { aliNetwork, aliStack, attach, checkAli, deployTime, ecs, eni, expectSuppressionRefused, problemOf } from './ali-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

const addresses = (n: number, from = 20) => Array.from({ length: n }, (_, i) => `10.0.0.${from + i}`);

describe('ALI002 private IPv4 addresses per ENI', () => {
  test('passes for 6 addresses per ENI on ecs.g6.large (6 allowed), on the primary ENI and on a secondary ENI', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id], secondary_private_ips: addresses(5) });
    attach(stack, 'eth1', host, eni(stack, 'eni1', { vswitch_id: vsw.id, security_group_ids: [group.id], secondary_private_ip_address_count: 5 }));
    // WHEN / THEN
    expect(checkAli(stack).of('ALI002')).toEqual([]);
  });

  test('fails when an ENI has more addresses than its instance type allows per ENI', () => {
    // GIVEN 7 addresses on the secondary ENI and on the primary ENI the instance creates
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id], secondary_private_ip_address_count: 6 });
    attach(stack, 'eth1', host, eni(stack, 'eni1', { vswitch_id: vsw.id, security_group_ids: [group.id], primary_ip_address: '10.0.0.10', private_ip_addresses: addresses(6) }));
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI002').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/host', 'the primary ENI of instance "host" has 7 private IPv4 addresses (primary included) on ecs.g6.large "host", which allows 6 per ENI'],
      ['stack/eni1', 'eni "eni1" has 7 private IPv4 addresses (primary included) on ecs.g6.large "host", which allows 6 per ENI'],
    ]);
  });

  test('fails when an ENI asks for more than 49 secondary addresses at creation, attached or not', () => {
    const stack = aliStack();
    const { vswitches: [vsw] } = aliNetwork(stack);
    eni(stack, 'big', { vswitch_id: vsw.id, secondary_private_ip_address_count: 50 });
    eni(stack, 'fine', { vswitch_id: vsw.id, secondary_private_ip_address_count: 49 });
    expect(checkAli(stack).errors('ALI002').map((f) => [f.path, problemOf(f.message)])).toEqual([[
      'stack/big', 'eni "big" asks for 50 secondary private IPv4 addresses when it is created, over the 49 CreateNetworkInterface assigns',
    ]]);
  });

  test('cannot verify (INFO) a number of addresses known only at deploy time', () => {
    // GIVEN
    const stack = aliStack();
    const { vswitches: [vsw], group } = aliNetwork(stack);
    const host = ecs(stack, 'host', { vswitch_id: vsw.id, security_groups: [group.id] });
    attach(stack, 'eth1', host, eni(stack, 'eni1', { vswitch_id: vsw.id, secondary_private_ip_address_count: deployTime(stack, 'count', 'number') }));
    // WHEN
    const findings = checkAli(stack);
    // THEN one INFO, though two checks could not count
    expect(findings.of('ALI002').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI002').map((f) => [f.path, problemOf(f.message)])).toEqual([[
      'stack/eni1',
      'cannot verify eni "eni1" (private IPv4 addresses per ENI <= the instance type\'s limit, and <= 49 secondary at creation): '
        + 'the number of private IPv4 addresses of eni "eni1" is "${var.count}", an input variable, only known at deploy time',
    ]]);
  });

  test('cannot be suppressed: Alibaba Cloud refuses the extra addresses', () => {
    expectSuppressionRefused('ALI002');
  });
});
