/**
 * AWS facts that both a construct (refusing the input) and a rule (checking raw resources) rely on,
 * defined once. Dependency-free, so that building blocks, rules and the failover agent can share it.
 */

/** Administration ports that must not be open to the whole internet (SecurityGroup, NIC070). */
export { ADMIN_PORTS } from '../core/admin-ports';

/**
 * Security groups per network interface: the default quota, and the most it can be raised to
 * (NetworkInterface, NIC012).
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups
 */
export const SECURITY_GROUPS_PER_INTERFACE = { defaultQuota: 5, hardMaximum: 16 } as const;

/** Ids of the rules that constructs record a suppression for when they break a warning on purpose. */
export const AwsRuleId = {
  /** Two interfaces of one instance in the same subnet (MultiEipInstance, NIC013). */
  interfacesSameSubnet: 'NIC013',
  /** SSH/RDP open to the internet (SecurityGroup with `allowAdministrationFromInternet`, NIC070). */
  adminPortOpenToInternet: 'NIC070',
} as const;
