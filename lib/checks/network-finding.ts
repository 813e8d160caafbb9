import { RuleLevel } from './rule-level';

/** One finding of `NetworkRules`, as the report records it. */
export interface NetworkFinding {
  /** The rule id (`NIC001`). */
  readonly ruleId: string;
  readonly level: RuleLevel;
  /** Construct path of the offending resource (its Terraform address when no construct declares it). */
  readonly path: string;
  /**
   * Terraform address of the offending resource, as the user wrote it (`aws_network_interface.test`,
   * `aws_instance.web[0]` for one instance of a `count`), prefixed by `module.<name>.` inside a module.
   *
   * @default - a finding about the whole stack (a rule that failed internally)
   */
  readonly address?: string;
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
