import { checkNhn, deployTime, expectSuppressionRefused, nhnNetwork, nhnStack, port, problemOf, RawResource } from './nhn-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

describe('NHN010 port security off excludes allowed address pairs and security groups', () => {
  test('passes for a port with security off and nothing else, and a port with security on and both', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    port(stack, 'open', a, { port_security_enabled: false, no_security_groups: true });
    port(stack, 'guarded', a, { security_group_ids: [group.id], allowed_address_pairs: [{ ip_address: '10.0.0.100' }] });
    expect(checkNhn(stack).of('NHN010')).toEqual([]);
  });

  test('fails for pairs, security_group_ids or an associated group on a port whose security is off', () => {
    // GIVEN
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    const open = port(stack, 'open', a, {
      port_security_enabled: false, security_group_ids: [group.id], allowed_address_pairs: [{ ip_address: '10.0.0.100' }],
    });
    new RawResource(stack, 'more-groups', 'nhncloud_networking_port_secgroup_associate_v2', { port_id: open.id, security_group_ids: [group.id] });
    // WHEN
    const findings = checkNhn(stack);
    // THEN
    expect(findings.errors('NHN010').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/open', 'port "open" has port_security_enabled = false and allowed_address_pairs, which NHN Cloud accepts only with port security on'],
      ['stack/open', 'port "open" has port_security_enabled = false and security_group_ids, which NHN Cloud accepts only with port security on'],
      ['stack/more-groups', 'port "open" has port_security_enabled = false and the security groups of port security groups "more-groups", which NHN Cloud accepts only with port security on'],
    ]);
  });

  test('cannot verify (INFO) a port security only known at deploy time beside security groups', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    port(stack, 'maybe', a, { port_security_enabled: deployTime(stack, 'secure', 'bool'), security_group_ids: [group.id] });
    const findings = checkNhn(stack);
    expect(findings.of('NHN010').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('NHN010').map((f) => f.path)).toEqual(['stack/maybe']);
  });

  test('cannot be suppressed: NHN Cloud rejects the port', () => {
    expectSuppressionRefused('NHN010');
  });
});
