import { checkNhn, deployTime, nhnNetwork, nhnStack, port, problemOf, suppressedFindings } from './nhn-test-helpers';
import { NhnMarkerTag } from '../../../lib/nhncloud/rules/marker-tags';

describe('NHN011 port security off is acknowledged by a guest firewall tag', () => {
  test('passes for a port with security on, or off with the guest-firewall tag', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    port(stack, 'default', a);
    port(stack, 'router', a, { port_security_enabled: false, no_security_groups: true, tags: [NhnMarkerTag.guestFirewall] });
    expect(checkNhn(stack).of('NHN011')).toEqual([]);
  });

  test('fails for a port with security off and no guest-firewall tag', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    port(stack, 'open', a, { port_security_enabled: false, no_security_groups: true });
    expect(checkNhn(stack).warnings('NHN011').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/open', 'port "open" has port_security_enabled = false (no anti-spoofing, no security groups) and no nic-patterns:guest-firewall tag'],
    ]);
  });

  test('cannot verify (INFO) a port security only known at deploy time', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    port(stack, 'maybe', a, { port_security_enabled: deployTime(stack, 'secure', 'bool') });
    const findings = checkNhn(stack);
    expect(findings.warnings('NHN011')).toEqual([]);
    expect(findings.cannotVerify('NHN011').map((f) => f.path)).toEqual(['stack/maybe']);
  });

  test('is suppressed with a reason on the port', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    const open = port(stack, 'open', a, { port_security_enabled: false, no_security_groups: true });
    const findings = suppressedFindings(stack, open, 'NHN011');
    expect(findings.of('NHN011')).toEqual([]);
    expect(findings.suppressed('NHN011').map((f) => f.path)).toEqual(['stack/open']);
  });
});
