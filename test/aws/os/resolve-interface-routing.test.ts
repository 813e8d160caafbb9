import { Fn, Token } from 'cdktf';
import { scope, TWO_INTERFACES } from './fixtures';
import { InterfaceRouting } from '../../../lib/aws/os/interface-routing';
import { resolveInterfaceRoutings } from '../../../lib/aws/os/resolve-interface-routing';
import { expectConstraintError } from '../fixtures';

const BACKEND: InterfaceRouting = TWO_INTERFACES[0];

function resolveOne(routing: Partial<InterfaceRouting>) {
  return resolveInterfaceRoutings(scope(), [{ ...BACKEND, ...routing }])[0];
}

describe('resolveInterfaceRoutings', () => {
  test('GIVEN only the required values THEN the VPC router, table 100 + index and priority 1000 + index are used', () => {
    expect(resolveOne({ deviceIndex: 3 })).toMatchObject({
      gateway: '10.0.2.1', table: 103, priority: 1003, prefixLength: '24', primaryAddress: '10.0.2.10', macAddress: '0a:1b:2c:3d:4e:5f',
    });
  });

  test('GIVEN explicit values THEN they win over the defaults', () => {
    expect(resolveOne({ gateway: '10.0.2.254', routeTableId: 7, rulePriority: 500, subnetCidr: '10.0.0.0/16' }))
      .toMatchObject({ gateway: '10.0.2.254', table: 7, priority: 500, prefixLength: '16' });
  });

  test('GIVEN the primary interface (device index 0) THEN it gets table 100 like the others', () => {
    expect(resolveOne({ deviceIndex: 0 }).table).toBe(100);
  });

  test('GIVEN tokens THEN nothing is checked and the derived values are Terraform expressions', () => {
    const resolved = resolveOne({ subnetCidr: Fn.lower('10.0.2.0/24'), privateIps: Token.asList(Fn.sort(['x'])), macAddress: Fn.lower('X') });
    for (const value of [resolved.gateway, resolved.prefixLength, resolved.primaryAddress, resolved.macAddress]) {
      expect(Token.isUnresolved(value)).toBe(true);
    }
    const address = Fn.lower('10.0.9.9');
    expect(() => resolveOne({ gateway: address, privateIps: [address, '10.0.2.11'] })).not.toThrow();
  });

  describe('fails when', () => {
    test.each<[string, Partial<InterfaceRouting>, string, string[]]>([
      ['the device index is negative', { deviceIndex: -1 }, 'InvalidCount', ['deviceIndex', '-1']],
      ['the device index is a token', { deviceIndex: Token.asNumber(Fn.abs(1)) }, 'InvalidDeviceIndex', ['known at synth time']],
      ['the interface has neither MAC address nor name', { macAddress: undefined }, 'InterfaceNotIdentified', ['device index 1']],
      ['the MAC address is malformed', { macAddress: '0a:1b:2c:3d:4e' }, 'InvalidMacAddress', ['"0a:1b:2c:3d:4e"']],
      ['the device name could run as shell code', { macAddress: undefined, deviceName: 'eth1;reboot' }, 'InvalidDeviceName', ['"eth1;reboot"']],
      ['the device name is longer than Linux allows', { macAddress: undefined, deviceName: 'a'.repeat(16) }, 'InvalidDeviceName', []],
      ['the subnet CIDR is malformed', { subnetCidr: '10.0.2.0' }, 'InvalidCidr', ['"10.0.2.0"']],
      ['the subnet CIDR has host bits set', { subnetCidr: '10.0.2.5/24' }, 'InvalidCidr', ['host bits', '"10.0.2.0/24"']],
      ['the subnet CIDR is IPv6', { subnetCidr: '2600:1f18::/64' }, 'InvalidCidr', ['IPv4']],
      ['there is no private IP', { privateIps: [] }, 'InvalidCount', ['number of private IPs']],
      ['a private IP is outside the subnet', { privateIps: ['10.0.3.10'] }, 'AddressOutsideSubnet', ['private IP #1', '10.0.3.10']],
      ['a private IP is reserved by AWS', { privateIps: ['10.0.2.10', '10.0.2.1'] }, 'ReservedAddress', ['private IP #2', 'VPC router']],
      ['a private IP is malformed', { privateIps: ['10.0.2.300'] }, 'InvalidIpv4Address', ['"10.0.2.300"']],
      ['the gateway is malformed', { gateway: 'router' }, 'InvalidIpv4Address', ['gateway', '"router"']],
      ['the gateway is outside the subnet', { gateway: '10.0.3.1' }, 'AddressOutsideSubnet', ['gateway', '10.0.3.1 (subnet 10.0.2.0/24)']],
      ['the route table is the main table', { routeTableId: 254 }, 'ReservedRouteTable', ['254']],
      ['the route table is the local table', { routeTableId: 255 }, 'ReservedRouteTable', ['255']],
      ['the route table is 0', { routeTableId: 0 }, 'InvalidCount', ['routeTableId']],
      ['the rule priority is after the main table\'s rule', { rulePriority: 32766 }, 'InvalidCount', ['rulePriority', '32765']],
    ])('%s', (_case, routing, code, fragments) => {
      expectConstraintError(() => resolveOne(routing), code, fragments);
    });

    test.each<[string, InterfaceRouting, string]>([
      ['two interfaces share a device index', { ...TWO_INTERFACES[1], deviceIndex: 1, routeTableId: 150 }, 'DeviceIndexInUse'],
      ['two interfaces share a route table', { ...TWO_INTERFACES[1], routeTableId: 101 }, 'DuplicateRouteTable'],
      ['two interfaces share a MAC address', { ...TWO_INTERFACES[1], macAddress: '0a:1b:2c:3d:4e:5f' }, 'DuplicateAddress'],
      ['two interfaces share a private IP', { ...TWO_INTERFACES[1], subnetCidr: '10.0.0.0/16', privateIps: ['10.0.2.11'] }, 'DuplicateAddress'],
    ])('%s', (_case, second, code) => {
      expectConstraintError(() => resolveInterfaceRoutings(scope(), [BACKEND, second]), code);
    });
  });
});
