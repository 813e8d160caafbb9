import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { markOptions, OptionName, OPTIONS } from './option-values';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkProps } from '../../core/prop-checks';

/**
 * Limits that Alibaba Cloud's documents state differently, so that the rules checking them
 * (ALI012, ALI052) take the value that holds for your account.
 */
export interface AlicloudRuleOptionsProps {
  /**
   * How many security groups one ENI (or the primary ENI an instance creates) may join in your
   * account: ALI012 warns above it, and fails above 10 whatever it is. The ECS API reference
   * (JoinSecurityGroup) says an instance joins "up to five security groups by default", which a
   * ticket changes to 4 or 10; the current "Security group rules" guide says an ENI "can be
   * associated with up to 10 security groups".
   *
   * @default 5
   * @see https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules
   */
  readonly securityGroupsPerEni?: number;

  /**
   * How many ECS instances or ENIs one HaVip may be attached to in your region: ALI052 fails above
   * it. The English AssociateHaVip reference and ROS say "at most two ECS instances"; a newer
   * (Portuguese) version of the same page says up to 10 ECS instances or up to 10 ENIs.
   *
   * @default 2
   * @see https://www.alibabacloud.com/help/en/vpc/api-associatehavip
   */
  readonly attachmentsPerHaVip?: number;
}

/**
 * Options of the Alibaba Cloud rules (`ALIxxx`) for the resources under a scope. Like suppressions
 * they live on the construct tree: set on the App they hold for every stack, and a scope closer to
 * a resource overrides them for the resources below it.
 *
 * ```ts
 * alicloud.AlicloudRuleOptions.set(app, { securityGroupsPerEni: 10 });
 * ```
 */
export class AlicloudRuleOptions {
  /**
   * Sets options for `scope` and everything below it; options not given keep the value of the
   * enclosing scopes (or the default).
   *
   * @throws NetworkConstraintError `InvalidPropType` when an option is not a number, `InvalidCount`
   * when it is not a literal whole number from 1 to the documented maximum (10)
   */
  public static set(scope: IConstruct, options: AlicloudRuleOptionsProps): void {
    checkProps(scope, options, { securityGroupsPerEni: 'number?', attachmentsPerHaVip: 'number?' }, 'options');
    const given: Partial<Record<OptionName, number>> = {};
    for (const name of Object.keys(OPTIONS) as OptionName[]) {
      const value = options[name];
      if (value === undefined) continue;
      const { maximum, what, docUrl } = OPTIONS[name];
      if (Token.isUnresolved(value) || !Number.isInteger(value) || value < 1 || value > maximum) {
        throw new NetworkConstraintError({
          code: ErrorCode.InvalidCount,
          scope,
          problem: `options.${name} (${what}) must be a whole number the rules can read at synth time, at most what any document allows`,
          received: Token.isUnresolved(value) ? 'a token' : String(value),
          allowed: `a literal whole number from 1 to ${maximum}`,
          docUrl,
        });
      }
      given[name] = value;
    }
    markOptions(scope, given);
  }

  private constructor() {}
}
