import { IConstruct } from 'constructs';
import { cidrContains, parseCidr } from '../../core/cidr';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { isIpv4 } from '../../core/ipv4';
import { isUnresolved } from '../../core/tokens';

// Construction-time checks shared by the Alibaba Cloud patterns. Each one passes tokens: a value
// known only at deploy time is left to the ALIxxx rules, or to Alibaba Cloud. The cloud-neutral ones
// live in lib/core, shared with the other clouds' patterns.
export { checkDistinct, checkRange } from '../../core/value-checks';

/** An IPv4 CIDR block. @throws NetworkConstraintError `InvalidCidr` */
export function checkIpv4Cidr(scope: IConstruct, what: string, cidr: string): void {
  if (isUnresolved(cidr) || parseCidr(cidr)?.family === 4) return;
  throw new NetworkConstraintError({
    code: ErrorCode.InvalidCidr,
    scope,
    problem: `${what} is not an IPv4 CIDR block`,
    received: cidr,
    allowed: 'an IPv4 CIDR block such as 10.0.1.0/24',
  });
}

/**
 * An IPv4 address, inside the vSwitch's CIDR block when that is known.
 * @throws NetworkConstraintError `InvalidIpv4Address`, `AddressOutsideSubnet`
 */
export function checkIpv4InVswitch(scope: IConstruct, what: string, address: string, vswitchCidr: string | undefined, docUrl: string): void {
  if (isUnresolved(address)) return;
  if (!isIpv4(address)) {
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidIpv4Address,
      scope,
      problem: `${what} is not an IPv4 address`,
      received: address,
      allowed: 'a dotted-quad IPv4 address such as 10.0.1.10',
    });
  }
  if (vswitchCidr === undefined || isUnresolved(vswitchCidr) || cidrContains(vswitchCidr, address)) return;
  throw new NetworkConstraintError({
    code: ErrorCode.AddressOutsideSubnet,
    scope,
    problem: `${what} must be an address of the vSwitch`,
    received: `${address} (vSwitch ${vswitchCidr})`,
    allowed: `an address of ${vswitchCidr}`,
    docUrl,
  });
}
