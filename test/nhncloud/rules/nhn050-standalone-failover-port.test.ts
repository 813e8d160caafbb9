import { checkNhn, instance, nhnNetwork, nhnStack, port, problemOf, RawResource, suppressedFindings } from './nhn-test-helpers';
import { NhnMarkerTag } from '../../../lib/nhncloud/rules/marker-tags';

describe('NHN050 a failover or management NIC is a standalone port', () => {
  test('passes for an instance tagged failover with a tagged standalone port, given as network.port or attached', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    const eth1 = port(stack, 'eth1', a, { tags: [NhnMarkerTag.failover] });
    instance(stack, 'primary', { tags: [NhnMarkerTag.failover], network: [{ uuid: 'net-0123' }, { port: eth1.id }] });
    const standby = instance(stack, 'standby', { tags: [NhnMarkerTag.management], network: [{ uuid: 'net-0123' }] });
    new RawResource(stack, 'mgmt-attach', 'nhncloud_compute_interface_attach_v2', {
      instance_id: standby.id, port_id: port(stack, 'mgmt', a, { tags: [NhnMarkerTag.management] }).id,
    });
    expect(checkNhn(stack).of('NHN050')).toEqual([]);
  });

  test('fails for an instance tagged failover whose NICs are all created inline', () => {
    const stack = nhnStack();
    nhnNetwork(stack);
    instance(stack, 'primary', { tags: [NhnMarkerTag.failover], network: [{ uuid: 'net-0123' }, { name: 'failover-net' }] });
    expect(checkNhn(stack).warnings('NHN050').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/primary', 'instance "primary" is tagged "nic-patterns:role=failover" but no port with that tag is attached to it: its NICs in network [0], [1] are created inline and deleted with the instance'],
    ]);
  });

  test('cannot verify (INFO) network blocks only known at deploy time', () => {
    const stack = nhnStack();
    instance(stack, 'primary', { tags: [NhnMarkerTag.management], dynamic: { network: { for_each: '${var.networks}', content: { uuid: '${network.value}' } } } });
    const findings = checkNhn(stack);
    expect(findings.warnings('NHN050')).toEqual([]);
    expect(findings.cannotVerify('NHN050').map((f) => f.path)).toEqual(['stack/primary']);
  });

  test('is suppressed with a reason on the instance', () => {
    const stack = nhnStack();
    const primary = instance(stack, 'primary', { tags: [NhnMarkerTag.failover], network: [{ uuid: 'net-0123' }] });
    const findings = suppressedFindings(stack, primary, 'NHN050');
    expect(findings.of('NHN050')).toEqual([]);
    expect(findings.suppressed('NHN050').map((f) => f.path)).toEqual(['stack/primary']);
  });
});
