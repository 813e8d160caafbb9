import { carrier, instance, nhnNetwork, nhnStack, port, virtualIp } from './nhn-test-helpers';
import { NhnIndex, NhnType } from '../../../lib/nhncloud/rules/nhn-index';

describe('NhnIndex', () => {
  test('links a virtual IP to the ports whose pairs name it, by an expression over its address or literally', () => {
    // GIVEN two virtual IPs, one carrier by reference, one by a literal /32, and a tagged port with no pair
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    const vip = virtualIp(stack, 'vip', a, '10.0.0.100');
    virtualIp(stack, 'other', a, '10.0.0.101');
    carrier(stack, 'by-ref', a, vip);
    port(stack, 'by-literal', a, { allowed_address_pairs: [{ ip_address: '10.0.0.100/32' }] });
    carrier(stack, 'tag-only', a, vip, { allowed_address_pairs: [] });
    // WHEN
    const index = NhnIndex.build(stack);
    const [first, second] = index.virtualIps;
    // THEN with two virtual IPs a mark alone names neither
    expect(index.virtualIps.map((p) => p.name)).toEqual(['vip', 'other']);
    expect(index.carriersOf(first).map((p) => p.name)).toEqual(['by-ref', 'by-literal']);
    expect(index.carriersOf(second)).toEqual([]);
  });

  test('finds security groups by reference and by literal name, and the ports and instances that use them', () => {
    // GIVEN
    const stack = nhnStack();
    const { subnets: [a], group } = nhnNetwork(stack);
    port(stack, 'web', a, { security_group_ids: [group.id] });
    instance(stack, 'tools', { security_groups: ['app'], network: [{ uuid: 'net-0123' }] });
    // WHEN
    const index = NhnIndex.build(stack);
    const users = index.securityGroupUsers(() => true, true);
    // THEN
    expect([...users.entries()].map(([g, labels]) => [g.address, labels])).toEqual([
      [`${NhnType.securityGroup}.sg`, ['port "web"', 'instance "tools"']],
    ]);
  });
});
