import { associateFloatingIp, checkNhn, deployTime, expectSuppressionRefused, nhnNetwork, nhnStack, port, problemOf, RawResource } from './nhn-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

describe('NHN020 floating IP one-to-one', () => {
  test('passes for one floating IP per port address, fixed_ip given on a port of two addresses', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    const web = port(stack, 'web', a, { fixed_ip: [{ subnet_id: a.id, ip_address: '10.0.0.10' }, { subnet_id: a.id, ip_address: '10.0.0.11' }] });
    associateFloatingIp(stack, 'first', web.id, { fixed_ip: '10.0.0.10' });
    associateFloatingIp(stack, 'second', web.id, { fixed_ip: '10.0.0.11' });
    expect(checkNhn(stack).of('NHN020')).toEqual([]);
  });

  test('fails for a floating IP associated twice, two on one address, and no fixed_ip on a port of two addresses', () => {
    // GIVEN
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    const web = port(stack, 'web', a);
    const db = port(stack, 'db', a, { fixed_ip: [{ subnet_id: a.id, ip_address: '10.0.0.20' }, { subnet_id: a.id, ip_address: '10.0.0.21' }] });
    const fip = new RawResource(stack, 'public', 'nhncloud_networking_floatingip_v2', { pool: 'Public Network', port_id: web.id });
    new RawResource(stack, 'again', 'nhncloud_networking_floatingip_associate_v2', { floating_ip: fip.ref('address'), port_id: db.id, fixed_ip: '10.0.0.20' });
    associateFloatingIp(stack, 'second-on-web', web.id);
    associateFloatingIp(stack, 'which', db.id);
    // WHEN
    const findings = checkNhn(stack);
    // THEN
    expect(findings.errors('NHN020').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/again', 'floating ip "public" is associated by floating ip association "again" while floating ip "public" already associates it'],
      ['stack/which', 'floating ip association "which" associates floating ip "which-fip" with port "db", which has 2 fixed IPs, without saying which (fixed_ip)'],
      ['stack/second-on-web', 'floating ip association "second-on-web" associates floating ip "second-on-web-fip" with the address of port "web", which floating ip "public" already gives floating ip "public"'],
    ]);
  });

  test('cannot verify (INFO) a floating IP only known at deploy time beside other associations', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    associateFloatingIp(stack, 'known', port(stack, 'web', a).id);
    new RawResource(stack, 'unknown', 'nhncloud_networking_floatingip_associate_v2', { floating_ip: deployTime(stack, 'fip'), port_id: port(stack, 'db', a).id });
    const findings = checkNhn(stack);
    expect(findings.of('NHN020').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('NHN020').map((f) => f.path)).toEqual(['stack/unknown']);
  });

  test('cannot be suppressed: NHN Cloud rejects the association', () => {
    expectSuppressionRefused('NHN020');
  });
});
