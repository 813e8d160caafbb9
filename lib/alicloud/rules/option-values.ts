import { IConstruct } from 'constructs';
import { AliDocUrl } from '../doc-url';

/**
 * Security groups per ENI: the cap ALI012 warns above by default, and the most any account gets.
 * @see https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules
 */
export const SECURITY_GROUPS_PER_ENI = { defaultCap: 5, maximum: 10 } as const;

/**
 * ECS instances or ENIs per HaVip: the cap ALI052 fails above by default, and the most any
 * document allows.
 * @see https://www.alibabacloud.com/help/en/vpc/api-associatehavip
 */
export const ATTACHMENTS_PER_HAVIP = { defaultCap: 2, maximum: 10 } as const;

/** The options of the Alibaba Cloud rules (`AlicloudRuleOptionsProps`). */
export type OptionName = 'securityGroupsPerEni' | 'attachmentsPerHaVip';

/** One option: its default, the largest value any document allows, what it counts and where that is written. */
export interface OptionSpec {
  readonly defaultCap: number;
  readonly maximum: number;
  readonly what: string;
  readonly docUrl: string;
}

/** Every option. */
export const OPTIONS: Readonly<Record<OptionName, OptionSpec>> = {
  securityGroupsPerEni: { ...SECURITY_GROUPS_PER_ENI, what: 'security groups per ENI', docUrl: AliDocUrl.securityGroupRules },
  attachmentsPerHaVip: { ...ATTACHMENTS_PER_HAVIP, what: 'ECS instances or ENIs per HaVip', docUrl: AliDocUrl.associateHaVip },
};

// Options live on the construct tree, as suppressions do: nothing global, inherited by children.
const METADATA_TYPE = 'cdktf-nic-patterns/alicloud-rule-options';

/** Records checked options on a scope. */
export function markOptions(scope: IConstruct, options: Partial<Record<OptionName, number>>): void {
  scope.node.addMetadata(METADATA_TYPE, options);
}

/** The value of an option for a resource's construct: set on it or the nearest scope above, else the default. */
export function ruleOption(construct: IConstruct, name: OptionName): number {
  const scopes = construct.node.scopes;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const set = scopes[i].node.metadata
      .filter((m) => m.type === METADATA_TYPE)
      .map((m) => (m.data as Partial<Record<OptionName, number>>)[name])
      .filter((v): v is number => v !== undefined);
    // Set twice on one scope: the last call wins.
    if (set.length > 0) return set[set.length - 1];
  }
  return OPTIONS[name].defaultCap;
}
