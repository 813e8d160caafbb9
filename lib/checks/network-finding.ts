import { RuleLevel } from './rule-level';

/** One finding of `NetworkRules`, as the report records it. */
export interface NetworkFinding {
  /** The rule id (`NIC001`). */
  readonly ruleId: string;
  readonly level: RuleLevel;
  /** Construct path of the offending resource. */
  readonly path: string;
  /** The annotation text, starting with `[NICxxx]`. */
  readonly message: string;
  /** Whether a suppression applies (suppressed findings are reported but not annotated). */
  readonly suppressed: boolean;
  /**
   * The reason given with the suppression.
   *
   * @default - not suppressed
   */
  readonly suppressionReason?: string;
}
