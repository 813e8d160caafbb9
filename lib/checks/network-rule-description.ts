import { RuleLevel } from './rule-level';

/** What one rule enforces, for documentation (RULES.md is generated from these). */
export interface NetworkRuleDescription {
  /** Stable id (`NIC001`). */
  readonly id: string;
  readonly level: RuleLevel;
  /** What it enforces, in one line. */
  readonly summary: string;
  /** Why it matters. */
  readonly explanation: string;
  /** The documentation that states the constraint. */
  readonly docUrl: string;
  /** Whether the cloud itself rejects a configuration that breaks it (such findings cannot be suppressed). */
  readonly hardLimit: boolean;
}
