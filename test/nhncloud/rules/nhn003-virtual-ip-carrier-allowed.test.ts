import { carrier, checkNhn, deployTime, nhnNetwork, nhnStack, port, problemOf, suppressedFindings, virtualIp } from './nhn-test-helpers';
import { NhnMarkerTag } from '../../../lib/nhncloud/rules/marker-tags';

const CARRIER = { tags: [NhnMarkerTag.carriesVirtualIp] };

describe('NHN003 a port meant to carry a virtual IP may send from its address', () => {
  test('passes for a carrier naming the virtual IP in allowed_address_pairs, or with port security off', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    const vip = virtualIp(stack, 'vip', a, '10.0.0.100');
    carrier(stack, 'paired', a, vip);
    port(stack, 'open', a, { ...CARRIER, port_security_enabled: false, no_security_groups: true });
    expect(checkNhn(stack).of('NHN003')).toEqual([]);
  });

  test('fails for a carrier with port security on and no pair, or a pair that is not the virtual IP', () => {
    // GIVEN
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    virtualIp(stack, 'vip', a, '10.0.0.100');
    port(stack, 'bare', a, CARRIER);
    port(stack, 'wrong', a, { ...CARRIER, allowed_address_pairs: [{ ip_address: '10.0.0.99' }] });
    // WHEN
    const findings = checkNhn(stack);
    // THEN
    expect(findings.warnings('NHN003').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/bare', 'port "bare" is marked to carry a virtual IP but has port security on and no allowed_address_pairs: anti-spoofing drops what it sends from the virtual IP'],
      ['stack/wrong', 'port "wrong" is marked to carry a virtual IP but has port security on and allowed_address_pairs naming "10.0.0.99", not the address of port "vip": anti-spoofing drops what it sends from the virtual IP'],
    ]);
  });

  test('cannot verify (INFO) a pair or a port security only known at deploy time', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    virtualIp(stack, 'vip', a, '10.0.0.100');
    port(stack, 'pair', a, { ...CARRIER, allowed_address_pairs: [{ ip_address: deployTime(stack, 'vip_address') }] });
    port(stack, 'security', a, { ...CARRIER, port_security_enabled: deployTime(stack, 'secure', 'bool') });
    const findings = checkNhn(stack);
    expect(findings.warnings('NHN003')).toEqual([]);
    expect(findings.cannotVerify('NHN003').map((f) => f.path)).toEqual(['stack/pair', 'stack/security']);
  });

  test('cannot verify (INFO) a literal pair beside a virtual IP whose address NHN Cloud assigns', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    port(stack, 'vip', a, { tags: [NhnMarkerTag.virtualIp] });
    port(stack, 'literal', a, { ...CARRIER, allowed_address_pairs: [{ ip_address: '10.0.0.100' }] });
    const findings = checkNhn(stack);
    expect(findings.warnings('NHN003')).toEqual([]);
    expect(findings.cannotVerify('NHN003').map((f) => f.path)).toEqual(['stack/literal']);
  });

  test('is suppressed with a reason on the port', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    virtualIp(stack, 'vip', a, '10.0.0.100');
    const bare = port(stack, 'bare', a, CARRIER);
    const findings = suppressedFindings(stack, bare, 'NHN003');
    expect(findings.of('NHN003')).toEqual([]);
    expect(findings.suppressed('NHN003').map((f) => f.path)).toEqual(['stack/bare']);
  });
});
