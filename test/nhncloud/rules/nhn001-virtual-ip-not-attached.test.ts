import { checkNhn, deployTime, instance, nhnNetwork, nhnStack, port, problemOf, RawResource, suppressedFindings, virtualIp } from './nhn-test-helpers';
import { NHN_VIRTUAL_IP_DEVICE } from '../../../lib/nhncloud/rules/marker-tags';

describe('NHN001 a virtual-IP port is never attached to an instance', () => {
  test('passes for a virtual IP carried through the instances\' own ports', () => {
    // GIVEN
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    virtualIp(stack, 'vip', a, '10.0.0.100');
    instance(stack, 'web', { network: [{ port: port(stack, 'web-port', a).id }] });
    // WHEN / THEN
    expect(checkNhn(stack).of('NHN001')).toEqual([]);
  });

  test('fails when a virtual IP is given as network.port, attached by an interface attachment or named by device_id', () => {
    // GIVEN one marked by tag, one by device_id and one by device_owner
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    const tagged = virtualIp(stack, 'vip', a, '10.0.0.100');
    const byDevice = port(stack, 'by-device', a, { device_id: NHN_VIRTUAL_IP_DEVICE });
    const web = instance(stack, 'web', { network: [{ port: tagged.id }] });
    new RawResource(stack, 'attach', 'nhncloud_compute_interface_attach_v2', { instance_id: web.id, port_id: byDevice.id });
    port(stack, 'by-owner', a, { device_owner: NHN_VIRTUAL_IP_DEVICE, device_id: web.id });
    // WHEN
    const findings = checkNhn(stack);
    // THEN
    expect(findings.errors('NHN001').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/web', 'virtual IP port "vip" is attached to instance "web" by a network block (port) of instance "web"'],
      ['stack/attach', 'virtual IP port "by-device" is attached to instance "web" by interface attachment "attach"'],
      ['stack/by-owner', 'virtual IP port "by-owner" is attached to instance "web" by its device_id'],
    ]);
  });

  test('cannot verify (INFO) a port only known at deploy time in a stack with virtual IPs', () => {
    // GIVEN
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    virtualIp(stack, 'vip', a, '10.0.0.100');
    new RawResource(stack, 'attach', 'nhncloud_compute_interface_attach_v2', { instance_id: 'i-0123', port_id: deployTime(stack, 'port_id') });
    // WHEN
    const findings = checkNhn(stack);
    // THEN
    expect(findings.errors('NHN001')).toEqual([]);
    expect(findings.cannotVerify('NHN001').map((f) => f.path)).toEqual(['stack/attach']);
  });

  test('is suppressed with a reason on the instance', () => {
    // GIVEN
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    const web = instance(stack, 'web', { network: [{ port: virtualIp(stack, 'vip', a, '10.0.0.100').id }] });
    // WHEN
    const findings = suppressedFindings(stack, web, 'NHN001');
    // THEN
    expect(findings.of('NHN001')).toEqual([]);
    expect(findings.suppressed('NHN001').map((f) => f.path)).toEqual(['stack/web']);
  });
});
