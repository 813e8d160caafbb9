import { checkNhn, deployTime, expectSuppressionRefused, nhnNetwork, nhnStack, port, problemOf } from './nhn-test-helpers';

describe('NHN012 no_security_groups excludes security_group_ids', () => {
  test('passes for either one alone, or an empty list', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    port(stack, 'none', a, { no_security_groups: true });
    port(stack, 'some', a, { security_group_ids: [group.id] });
    port(stack, 'empty', a, { no_security_groups: true, security_group_ids: [] });
    expect(checkNhn(stack).of('NHN012')).toEqual([]);
  });

  test('fails for no_security_groups = true with security_group_ids', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    port(stack, 'both', a, { no_security_groups: true, security_group_ids: [group.id] });
    expect(checkNhn(stack).errors('NHN012').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/both', 'port "both" sets no_security_groups = true and security_group_ids ("${nhncloud_networking_secgroup_v2.sg.id}")'],
    ]);
  });

  test('cannot verify (INFO) a no_security_groups only known at deploy time', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    port(stack, 'maybe', a, { no_security_groups: deployTime(stack, 'none', 'bool'), security_group_ids: [group.id] });
    const findings = checkNhn(stack);
    expect(findings.errors('NHN012')).toEqual([]);
    expect(findings.cannotVerify('NHN012').map((f) => f.path)).toEqual(['stack/maybe']);
  });

  test('cannot be suppressed: the provider refuses the port', () => {
    expectSuppressionRefused('NHN012');
  });
});
