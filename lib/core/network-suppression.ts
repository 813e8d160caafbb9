/** One rule switched off for a scope, and why. */
export interface NetworkSuppression {
  /** The rule id (`NIC013`). */
  readonly id: string;
  /** Why the finding does not apply here: at least 10 characters; it is written into the report. */
  readonly reason: string;
}
