import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { EcsOsNetworkConfig } from './ecs-os-network-config';
import { vswitchEniRouting } from './havip/eni-routing';
import { parseCidr } from '../../core/cidr';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { appendToShellUserData } from '../../core/shell-user-data';
import { isUnresolved } from '../../core/tokens';
import { ResolvedInterfaceRouting } from '../../os/resolved-interface-routing';
import { AliDocUrl } from '../doc-url';
import { EcsNetworkInterface } from '../ecs-network-interface';

// Internal: the guest's policy routing for the standalone ENIs a pattern attaches to the instance
// it launches, written into that instance's user data (not re-exported from lib/alicloud/index.ts).

/** Route tables and rule priorities of the standalone ENIs: 100 + n and 1000 + n for the n-th, as lib/os numbers them. */
const FIRST_ROUTE_TABLE = 100;
const FIRST_RULE_PRIORITY = 1000;

/**
 * Refuses `osNetworkConfig` without a launched instance: the pattern writes no user data then.
 * @throws NetworkConstraintError `OsConfigNeedsLaunchedInstance`
 */
export function checkRoutedHost(scope: Construct, osNetworkConfig: EcsOsNetworkConfig | undefined, launches: boolean): void {
  if (osNetworkConfig === undefined || launches) return;
  throw new NetworkConstraintError({
    code: ErrorCode.OsConfigNeedsLaunchedInstance,
    scope,
    problem: 'osNetworkConfig writes the user data of the instance the pattern launches, and the existing instance\'s user data has run already',
    received: `existingInstance and osNetworkConfig ${osNetworkConfig.name}`,
    allowed: 'osNetworkConfig with instanceType and imageId, or existingInstance without osNetworkConfig',
    fix: 'Drop osNetworkConfig and add policy-based routes for the new ENIs on that instance',
    docUrl: AliDocUrl.eniRouting,
  });
}

/**
 * The routing of the `position`-th standalone ENI of an instance (1 for the first): found by MAC
 * address, its private IPs, its own route table with a default route through its vSwitch's gateway.
 * @throws NetworkConstraintError `SubnetCidrUnknown` when the vSwitch's CIDR block is not a literal
 */
export function standaloneEniRouting(scope: Construct, eni: EcsNetworkInterface, position: number): ResolvedInterfaceRouting {
  const cidr = eni.vswitch.cidrBlock;
  if (cidr === undefined || parseCidr(cidr)?.family !== 4) {
    throw new NetworkConstraintError({
      code: ErrorCode.SubnetCidrUnknown,
      scope,
      problem: 'the policy routing of an ENI needs the CIDR block of its vSwitch, since its route table and gateway derive from it',
      received: `vSwitch ${eni.vswitch.vswitchId} without a literal cidrBlock`,
      allowed: 'a vSwitch whose IPv4 CIDR block is a literal',
      fix: 'Reference the vSwitch with VswitchReference.fromVswitchId(id, { cidrBlock: \'10.0.2.0/24\' }), or drop osNetworkConfig',
      docUrl: AliDocUrl.eniRouting,
    });
  }
  const fixed = eni.privateIpv4.fixedAddresses;
  const count = eni.privateIpv4.secondaryCount;
  const addresses = fixed ?? (!isUnresolved(count) && count === 0
    ? [eni.primaryIpAddress]
    // `private_ip_addresses` is a set, sorted by Terraform rather than primary first.
    : Fn.distinct(Fn.concat([[eni.primaryIpAddress], eni.resource.getListAttribute('private_ip_addresses')])));
  return {
    ...vswitchEniRouting(eni.macAddress, addresses, cidr),
    deviceIndex: position,
    primaryAddress: fixed?.[0] ?? eni.primaryIpAddress,
    table: FIRST_ROUTE_TABLE + position,
    priority: FIRST_RULE_PRIORITY + position,
  };
}

/**
 * `userData` followed by the policy routing of `routings`, or a new `#!/bin/sh` script holding only
 * the routing; `userData` as given without `osNetworkConfig`.
 * @throws NetworkConstraintError `UserDataNotShellScript` when a literal `userData` is no shell script
 */
export function routedUserData(
  scope: Construct, osNetworkConfig: EcsOsNetworkConfig | undefined, routings: ResolvedInterfaceRouting[], userData: string | undefined,
): string | undefined {
  if (osNetworkConfig === undefined) return userData;
  return appendToShellUserData(scope, userData, osNetworkConfig._render(routings), 'the ENIs\' policy routing',
    'Turn the user data into a shell script, or drop osNetworkConfig and add the routes from your own user data');
}
