import { aliNetwork, aliStack, associateEip, checkAli, deployTimeNumber, expectSuppressionRefused, problemOf, RawResource } from './ali-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

describe('ALI040 at most 20 EIPs on one Internet NAT gateway', () => {
  function natGateway(): { stack: ReturnType<typeof aliStack>; nat: RawResource } {
    const stack = aliStack();
    const { vpc, vswitches: [vsw] } = aliNetwork(stack);
    return { stack, nat: new RawResource(stack, 'nat', 'alicloud_nat_gateway', { vpc_id: vpc.id, vswitch_id: vsw.id, nat_type: 'Enhanced', network_type: 'internet' }) };
  }

  test('passes for 20 EIPs', () => {
    const { stack, nat } = natGateway();
    for (let i = 0; i < 20; i++) associateEip(stack, `eip${i}`, nat.id, { instance_type: 'Nat' });
    expect(checkAli(stack).of('ALI040')).toEqual([]);
  });

  test('fails for a 21st EIP, however the gateway is named', () => {
    // GIVEN 20 EIPs by reference and one more with instance_type Nat
    const { stack, nat } = natGateway();
    for (let i = 0; i < 20; i++) associateEip(stack, `eip${i}`, nat.id);
    associateEip(stack, 'eip20', nat.id, { instance_type: 'Nat' });
    // WHEN
    const findings = checkAli(stack);
    // THEN
    expect(findings.errors('ALI040').map((f) => [f.path, problemOf(f.message).split(' (')[0]])).toEqual([
      ['stack/eip20', 'eip association "eip20" is the 21st EIP associated with nat gateway "nat", which takes 20'],
    ]);
  });

  test('cannot verify (INFO) associations with count on the gateway', () => {
    const { stack, nat } = natGateway();
    associateEip(stack, 'many', nat.id, {}, { count: deployTimeNumber(stack, 'n') });
    const findings = checkAli(stack);
    expect(findings.of('ALI040').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('ALI040').map((f) => f.path)).toEqual(['stack/many']);
  });

  test('cannot be suppressed: Alibaba Cloud rejects the association', () => {
    expectSuppressionRefused('ALI040');
  });
});
