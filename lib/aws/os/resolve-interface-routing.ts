import { Fn } from 'cdktf';
import { IConstruct } from 'constructs';
import { InterfaceRouting } from './interface-routing';
import { cidrContains, formatIp, parseCidr } from '../../core/cidr';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { isIpv4 } from '../../core/ipv4';
import { isUnresolved } from '../../core/tokens';
import { firstElement, isListToken } from '../../os/list-template';
import { ResolvedInterfaceRouting } from '../../os/resolved-interface-routing';
import { checkCidr, checkCount, checkNoDuplicates, checkPrivateIpv4 } from '../address-checks';
import { DocUrl } from '../doc-url';

const FIRST_ROUTE_TABLE = 100;
const FIRST_RULE_PRIORITY = 1000;
const MAX_ROUTE_TABLE = 2 ** 32 - 1;
// Rules are read by increasing priority; the main table's rule sits at 32766.
const MAX_RULE_PRIORITY = 32765;
// `default`, `main` and `local` in /etc/iproute2/rt_tables.
const RESERVED_ROUTE_TABLES = [253, 254, 255];
const MAC_ADDRESS = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/i;
// Linux interface names: at most 15 bytes; these characters keep them safe in a shell script.
const DEVICE_NAME = /^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,15}$/;

/**
 * Fills in the defaults of each interface and throws a `NetworkConstraintError` for literal values
 * that cannot work on the instance, including clashes between interfaces.
 */
export function resolveInterfaceRoutings(scope: IConstruct, interfaces: InterfaceRouting[]): ResolvedInterfaceRouting[] {
  const resolved = interfaces.map((spec) => resolveOne(scope, spec));
  checkDistinct(scope, 'device index', resolved.map((r) => r.deviceIndex), ErrorCode.DeviceIndexInUse, 'one interface per device index');
  checkDistinct(scope, 'route table', resolved.map((r) => r.table), ErrorCode.DuplicateRouteTable, 'one route table per interface');
  checkNoDuplicates(scope, 'the interfaces\' MAC addresses', resolved.flatMap((r) => (r.macAddress === undefined ? [] : [r.macAddress])));
  checkNoDuplicates(scope, 'the interfaces\' private IPs', resolved.flatMap((r) => (isListToken(r.addresses) ? [] : r.addresses)));
  return resolved;
}

function resolveOne(scope: IConstruct, spec: InterfaceRouting): ResolvedInterfaceRouting {
  const deviceIndex = checkDeviceIndex(scope, spec.deviceIndex);
  const what = `interface at device index ${deviceIndex}`;
  checkIdentification(scope, what, spec);
  checkCidr(scope, `subnetCidr of the ${what}`, spec.subnetCidr);
  const addresses = checkAddresses(scope, what, spec.privateIps, spec.subnetCidr);
  const gateway = spec.gateway ?? defaultGateway(spec.subnetCidr);
  checkGateway(scope, what, gateway, spec.subnetCidr);
  const table = spec.routeTableId ?? FIRST_ROUTE_TABLE + deviceIndex;
  checkCount(scope, `routeTableId of the ${what}`, table, 1, MAX_ROUTE_TABLE);
  if (RESERVED_ROUTE_TABLES.includes(table)) {
    throw new NetworkConstraintError({
      code: ErrorCode.ReservedRouteTable,
      scope,
      problem: `routeTableId of the ${what} is one of the tables Linux reserves (253 default, 254 main, 255 local)`,
      received: String(table),
      allowed: `a table from 1 to ${MAX_ROUTE_TABLE} other than 253, 254 and 255`,
    });
  }
  const priority = spec.rulePriority ?? FIRST_RULE_PRIORITY + deviceIndex;
  checkCount(scope, `rulePriority of the ${what}`, priority, 1, MAX_RULE_PRIORITY);
  return {
    deviceIndex,
    macAddress: spec.macAddress === undefined || isUnresolved(spec.macAddress) ? spec.macAddress : spec.macAddress.toLowerCase(),
    deviceName: spec.deviceName,
    addresses,
    primaryAddress: firstElement(addresses),
    subnetCidr: spec.subnetCidr,
    prefixLength: isUnresolved(spec.subnetCidr) ? Fn.element(Fn.split('/', spec.subnetCidr), 1) : spec.subnetCidr.split('/')[1],
    gateway,
    table,
    priority,
  };
}

function checkDeviceIndex(scope: IConstruct, deviceIndex: number): number {
  if (isUnresolved(deviceIndex)) {
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidDeviceIndex,
      scope,
      problem: 'the device index numbers the interface\'s route table and rules, so it must be known at synth time',
      received: 'a token',
      allowed: 'a literal device index of 0 or more',
    });
  }
  checkCount(scope, 'deviceIndex', deviceIndex, 0);
  return deviceIndex;
}

function checkIdentification(scope: IConstruct, what: string, spec: InterfaceRouting): void {
  if (spec.macAddress === undefined && spec.deviceName === undefined) {
    throw new NetworkConstraintError({
      code: ErrorCode.InterfaceNotIdentified,
      scope,
      problem: `the ${what} can be found on the instance neither by MAC address nor by name`,
      received: 'no macAddress and no deviceName',
      allowed: 'a macAddress (preferred: device names vary by distribution) or a deviceName',
      fix: 'Pass the interface\'s macAddress, for example NetworkInterface.macAddress',
    });
  }
  if (spec.macAddress !== undefined && !isUnresolved(spec.macAddress) && !MAC_ADDRESS.test(spec.macAddress)) {
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidMacAddress,
      scope,
      problem: `macAddress of the ${what} is not a MAC address`,
      received: JSON.stringify(spec.macAddress),
      allowed: 'six colon-separated hexadecimal octets such as "0a:1b:2c:3d:4e:5f"',
    });
  }
  if (spec.deviceName !== undefined && !isUnresolved(spec.deviceName) && !DEVICE_NAME.test(spec.deviceName)) {
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidDeviceName,
      scope,
      problem: `deviceName of the ${what} is not a Linux interface name`,
      received: JSON.stringify(spec.deviceName),
      allowed: '1 to 15 letters, digits, "_", "." or "-", such as "eth1" or "ens6"',
    });
  }
}

function checkAddresses(scope: IConstruct, what: string, privateIps: string[], subnetCidr: string): string[] {
  if (isListToken(privateIps)) return privateIps;
  checkCount(scope, `the number of private IPs of the ${what}`, privateIps.length, 1);
  privateIps.forEach((ip, i) => checkPrivateIpv4(scope, `private IP #${i + 1} of the ${what}`, ip, subnetCidr));
  return privateIps;
}

function defaultGateway(subnetCidr: string): string {
  if (isUnresolved(subnetCidr)) return Fn.cidrhost(subnetCidr, 1);
  // The VPC router answers on the first host address of every subnet.
  return formatIp({ family: 4, value: parseCidr(subnetCidr)!.network + 1n });
}

function checkGateway(scope: IConstruct, what: string, gateway: string, subnetCidr: string): void {
  if (isUnresolved(gateway)) return;
  if (!isIpv4(gateway)) {
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidIpv4Address,
      scope,
      problem: `gateway of the ${what} is not a valid IPv4 address`,
      received: JSON.stringify(gateway),
      allowed: 'a dotted-quad IPv4 address such as "10.0.2.1"',
    });
  }
  if (isUnresolved(subnetCidr) || cidrContains(subnetCidr, gateway)) return;
  throw new NetworkConstraintError({
    code: ErrorCode.AddressOutsideSubnet,
    scope,
    problem: `gateway of the ${what} is outside its subnet, so the interface cannot reach it`,
    received: `${gateway} (subnet ${subnetCidr})`,
    allowed: `an address inside ${subnetCidr}, normally the VPC router at its first host address`,
    docUrl: DocUrl.subnetSizing,
  });
}

function checkDistinct(scope: IConstruct, what: string, values: number[], code: string, allowed: string): void {
  const seen = new Set<number>();
  for (const value of values) {
    if (isUnresolved(value)) continue;
    if (seen.has(value)) {
      throw new NetworkConstraintError({
        code,
        scope,
        problem: `two interfaces use the same ${what}`,
        received: `${what} ${value} twice`,
        allowed,
      });
    }
    seen.add(value);
  }
}
