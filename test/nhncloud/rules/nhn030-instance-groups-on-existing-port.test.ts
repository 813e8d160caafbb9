import { checkNhn, deployTime, instance, nhnNetwork, nhnStack, port, problemOf, suppressedFindings } from './nhn-test-helpers';

describe('NHN030 instance security_groups do not reach an existing port', () => {
  test('passes for groups on an instance that creates its NICs, and on the port of one that takes a port', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    instance(stack, 'inline', { security_groups: [group.ref('name')], network: [{ uuid: 'net-0123' }] });
    instance(stack, 'ported', { network: [{ port: port(stack, 'eth0', a, { security_group_ids: [group.id] }).id }] });
    expect(checkNhn(stack).of('NHN030')).toEqual([]);
  });

  test('fails for security_groups on an instance that takes an existing port', () => {
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    instance(stack, 'web', { security_groups: ['default'], network: [{ uuid: 'net-0123' }, { port: port(stack, 'eth1', a, { security_group_ids: [group.id] }).id }] });
    expect(checkNhn(stack).warnings('NHN030').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/web', 'instance "web" lists security_groups ("default") and takes existing ports in network [1]: the groups are not applied to those ports'],
    ]);
  });

  test('cannot verify (INFO) security_groups only known at deploy time', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    instance(stack, 'web', { security_groups: deployTime(stack, 'groups', 'list(string)'), network: [{ port: port(stack, 'eth0', a).id }] });
    const findings = checkNhn(stack);
    expect(findings.warnings('NHN030')).toEqual([]);
    expect(findings.cannotVerify('NHN030').map((f) => f.path)).toEqual(['stack/web']);
  });

  test('is suppressed with a reason on the instance', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    const web = instance(stack, 'web', { security_groups: ['default'], network: [{ port: port(stack, 'eth0', a).id }] });
    const findings = suppressedFindings(stack, web, 'NHN030');
    expect(findings.of('NHN030')).toEqual([]);
    expect(findings.suppressed('NHN030').map((f) => f.path)).toEqual(['stack/web']);
  });
});
