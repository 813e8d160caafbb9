import { NhnDocUrl } from './doc-url';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { isUnresolved } from '../core/tokens';

/**
 * Port security of a port: on, with the security groups that filter its traffic and anti-spoofing
 * (the port sends only from its own addresses and its allowed addresses), or off, which drops both
 * and which NHN Cloud recommends only for a guest with a firewall of its own.
 *
 * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
 */
export class PortSecurity {
  /**
   * Port security on, with these security groups (at least one: without any, NHN Cloud would apply
   * the project's `default` group, which this library never does implicitly).
   * @param securityGroupIds ids of security groups of the port's VPC
   * @see https://docs.nhncloud.com/en/Network/VPC/en/public-api-compat/
   */
  public static withSecurityGroups(securityGroupIds: string[]): PortSecurity {
    const literalEmpty = Array.isArray(securityGroupIds) && securityGroupIds.length === 0;
    if (!Array.isArray(securityGroupIds) && !isUnresolved(securityGroupIds)) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidPropType,
        subject: 'PortSecurity.withSecurityGroups',
        problem: 'securityGroupIds is not a list',
        received: JSON.stringify(securityGroupIds) ?? String(securityGroupIds),
        allowed: 'a list of security group ids',
      });
    }
    if (literalEmpty) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidCount,
        subject: 'PortSecurity.withSecurityGroups',
        problem: 'a port with port security on joins at least one security group',
        received: 'no security group',
        allowed: 'one or more security group ids',
        fix: 'Pass the id of a security group of the port\'s VPC, or PortSecurity.disabledWithGuestFirewall() for a guest that filters its own traffic',
        docUrl: NhnDocUrl.vpcApi,
      });
    }
    return new PortSecurity(true, securityGroupIds);
  }

  /**
   * Port security off (`port_security_enabled = false`, `no_security_groups = true`): no
   * anti-spoofing, no security groups, no allowed addresses needed, every packet passes. The name
   * is the acknowledgement that the guest runs a firewall of its own; the port carries the
   * guest-firewall marker tag that the rules read.
   * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
   */
  public static disabledWithGuestFirewall(): PortSecurity {
    return new PortSecurity(false, undefined);
  }

  /** Whether port security is on. */
  public readonly isEnabled: boolean;
  /**
   * The security groups of a port with port security on.
   * @default - none: port security is off
   */
  public readonly securityGroupIds?: string[];

  private constructor(isEnabled: boolean, securityGroupIds: string[] | undefined) {
    this.isEnabled = isEnabled;
    this.securityGroupIds = securityGroupIds;
  }
}
