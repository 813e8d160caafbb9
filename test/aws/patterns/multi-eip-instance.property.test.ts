import * as fc from 'fast-check';
import { InstanceNetworkLimits, SubnetReference } from '../../../lib';
import { MultiEipInstance, MultiEipMode } from '../../../lib/aws/patterns/multi-eip-instance';
import { NetworkConstraintError } from '../../../lib/core/errors';
import { networkStack, resourcesOf } from '../fixtures';

describe('MultiEipInstance properties', () => {
  test('any count either fits the instance type, one Elastic IP per address, or throws TooManyPublicAddresses', () => {
    const types = fc.constantFrom(...InstanceNetworkLimits.knownTypes());
    const modes = fc.constantFrom(MultiEipMode.SECONDARY_ADDRESSES, MultiEipMode.INTERFACE_PER_ADDRESS);
    fc.assert(fc.property(types, modes, fc.integer({ min: 1, max: 60 }), (instanceType, mode, count) => {
      // GIVEN any known instance type, mode and number of public addresses
      const limits = InstanceNetworkLimits.of(instanceType)!;
      const max = mode === MultiEipMode.SECONDARY_ADDRESSES ? limits.ipv4AddressesPerInterface : limits.maxNetworkInterfaces - 1;
      const { stack, subnetB } = networkStack();
      let error: unknown;
      try {
        // WHEN the pattern is built
        new MultiEipInstance(stack, 'multi', {
          subnet: SubnetReference.fromSubnet(subnetB), mode, publicAddressCount: count, instanceType, ami: 'ami-0123456789abcdef0',
        });
      } catch (e) {
        error = e;
      }
      // THEN it is refused exactly past the type's limit, with the typed error naming type and maximum
      if (count > max) {
        expect(error).toBeInstanceOf(NetworkConstraintError);
        expect((error as NetworkConstraintError).code).toBe('TooManyPublicAddresses');
        expect((error as NetworkConstraintError).message).toContain(`at most ${max} with ${mode} on ${instanceType}`);
        return;
      }
      expect(error).toBeUndefined();
      // AND otherwise every address has its own Elastic IP, within the type's limits
      const associations = Object.values(resourcesOf(stack, 'aws_eip_association'));
      expect(associations).toHaveLength(count);
      expect(new Set(associations.map((a) => `${a.network_interface_id} ${a.private_ip_address}`)).size).toBe(count);
      const interfaces = Object.keys(resourcesOf(stack, 'aws_network_interface')).length;
      expect(interfaces).toBeLessThanOrEqual(limits.maxNetworkInterfaces);
    }), { numRuns: 60 });
  });
});
