import * as fc from 'fast-check';
import { networkStack, resourcesOf } from './fixtures';
import { Ipv4Assignment, NetworkInterface, SubnetReference } from '../../lib';
import { isReservedSubnetAddress } from '../../lib/aws/subnet-addresses';
import { cidrContains } from '../../lib/core/cidr';
import { NetworkConstraintError } from '../../lib/core/errors';
import { isIpv4 } from '../../lib/core/ipv4';

const SUBNET = '10.0.1.0/24';

/** Addresses near and inside the fixture's subnet, reserved ones included, plus malformed text. */
const address = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((host) => `10.0.1.${host}`),
  fc.integer({ min: 0, max: 255 }).map((host) => `10.0.2.${host}`),
  fc.constantFrom('10.0.1.256', '10.0.1', '010.0.1.5', ' 10.0.1.5', 'not-an-ip', ''),
);

describe('NetworkInterface properties', () => {
  test('any fixed addresses either synthesize to valid, in-subnet, unique addresses or throw a NetworkConstraintError', () => {
    fc.assert(fc.property(fc.array(address, { minLength: 1, maxLength: 5 }), (addresses) => {
      // GIVEN a subnet 10.0.1.0/24 and arbitrary addresses
      const { stack, subnetA } = networkStack();
      try {
        // WHEN an interface takes them
        new NetworkInterface(stack, 'eni', {
          subnet: SubnetReference.fromSubnet(subnetA),
          privateIpv4: Ipv4Assignment.addresses(addresses[0], ...addresses.slice(1)),
        });
      } catch (e) {
        // THEN either the props are refused with the library's typed error...
        expect(e).toBeInstanceOf(NetworkConstraintError);
        return;
      }
      // ...or every synthesized address is one AWS would accept
      const [eni] = Object.values(resourcesOf(stack, 'aws_network_interface'));
      const written: string[] = eni.private_ip_list;
      expect(written).toEqual(addresses);
      expect(new Set(written).size).toBe(written.length);
      for (const ip of written) {
        expect(isIpv4(ip)).toBe(true);
        expect(cidrContains(SUBNET, ip)).toBe(true);
        expect(isReservedSubnetAddress(SUBNET, ip)).toBe(false);
      }
    }), { numRuns: 150 });
  });
});
