import { carrier, checkNhn, deployTime, nhnNetwork, nhnStack, port, problemOf, suppressedFindings, virtualIp } from './nhn-test-helpers';
import { NhnMarkerTag } from '../../../lib/nhncloud/rules/marker-tags';

describe('NHN002 a virtual IP and its carriers share a subnet', () => {
  test('passes for carriers in the virtual IP\'s subnet', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    const vip = virtualIp(stack, 'vip', a, '10.0.0.100');
    carrier(stack, 'primary', a, vip);
    carrier(stack, 'standby', a, vip);
    expect(checkNhn(stack).of('NHN002')).toEqual([]);
  });

  test('fails for a carrier in another subnet, named by its allowed address pair or only by its tag', () => {
    // GIVEN a carrier naming the VIP's literal address, and a tagged port with no pair (the stack has one VIP)
    const stack = nhnStack();
    const { subnets: [a, b] } = nhnNetwork(stack);
    virtualIp(stack, 'vip', a, '10.0.0.100');
    port(stack, 'paired', b, { allowed_address_pairs: [{ ip_address: '10.0.0.100/32' }] });
    port(stack, 'tagged', b, { tags: [NhnMarkerTag.carriesVirtualIp], port_security_enabled: false });
    // WHEN
    const findings = checkNhn(stack);
    // THEN
    expect(findings.errors('NHN002').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/paired', 'port "paired" carries virtual IP port "vip" from subnet "subnet-b" but the virtual IP is in subnet "subnet-a"'],
      ['stack/tagged', 'port "tagged" carries virtual IP port "vip" from subnet "subnet-b" but the virtual IP is in subnet "subnet-a"'],
    ]);
  });

  test('cannot verify (INFO) a carrier whose subnet is only known at deploy time', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    const vip = virtualIp(stack, 'vip', a, '10.0.0.100');
    carrier(stack, 'far', a, vip, { fixed_ip: [{ subnet_id: deployTime(stack, 'subnet_id') }] });
    const findings = checkNhn(stack);
    expect(findings.errors('NHN002')).toEqual([]);
    expect(findings.cannotVerify('NHN002').map((f) => f.path)).toEqual(['stack/far']);
  });

  test('is suppressed with a reason on the carrier', () => {
    const stack = nhnStack();
    const { subnets: [a, b] } = nhnNetwork(stack);
    const far = carrier(stack, 'far', b, virtualIp(stack, 'vip', a, '10.0.0.100'));
    const findings = suppressedFindings(stack, far, 'NHN002');
    expect(findings.of('NHN002')).toEqual([]);
    expect(findings.suppressed('NHN002').map((f) => f.path)).toEqual(['stack/far']);
  });
});
