import { IConstruct } from 'constructs';

/**
 * What a `NetworkConstraintError` reports: which documented constraint was broken, where,
 * with which value, and what would have been accepted.
 */
export interface NetworkConstraintErrorProps {
  /**
   * Stable PascalCase identifier of the broken constraint (for example `ReservedAddress`).
   * Codes never change meaning once released, so callers may match on them.
   */
  readonly code: string;

  /**
   * The construct whose props break the constraint.
   * @default - none: the error names `subject` instead
   */
  readonly scope?: IConstruct;

  /**
   * What the error is about when it is no construct (`NetworkRules`).
   * @default - the construct path of `scope`
   */
  readonly subject?: string;

  /** What is wrong, in one sentence, without the value (for example `private IPv4 address is reserved`). */
  readonly problem: string;

  /** The offending value, as the user wrote it. */
  readonly received: string;

  /** What would be accepted. */
  readonly allowed: string;

  /**
   * How to fix it.
   * @default - no hint beyond `allowed`
   */
  readonly fix?: string;

  /**
   * Documentation that states the constraint.
   * @default - no link
   */
  readonly docUrl?: string;
}

/**
 * Thrown at construction when literal props break a documented cloud network constraint,
 * so the mistake surfaces at `cdktf synth` rather than half-way through `terraform apply`.
 *
 * The message always reads `[Code] path: problem. Received: ... Allowed: ...`, so callers in every
 * jsii language can match the code; TypeScript callers can also use `instanceof` or
 * `NetworkErrors.isNetworkConstraintError`. (jsii cannot model a subclass of `Error`, so the class
 * itself is not part of the jsii API: `NetworkErrors` is.)
 */
export class NetworkConstraintError extends Error {
  /** Stable PascalCase identifier of the broken constraint. */
  public readonly code: string;
  /** Construct path of the offending construct (or the subject, when the error is about no construct). */
  public readonly constructPath: string;
  /** The offending value. */
  public readonly received: string;
  /** What would be accepted. */
  public readonly allowed: string;
  /**
   * Documentation that states the constraint.
   * @default - no link
   */
  public readonly docUrl?: string;

  constructor(props: NetworkConstraintErrorProps) {
    const where = props.scope?.node.path ?? props.subject ?? 'cdktf-nic-patterns';
    const parts = [
      `[${props.code}] ${where}: ${props.problem}.`,
      `Received: ${props.received}.`,
      `Allowed: ${props.allowed}.`,
    ];
    if (props.fix) parts.push(props.fix.endsWith('.') ? props.fix : `${props.fix}.`);
    if (props.docUrl) parts.push(`See ${props.docUrl}`);
    super(parts.join(' '));
    // Keeps `instanceof` working once the class is down-levelled or loaded through jsii.
    Object.setPrototypeOf(this, NetworkConstraintError.prototype);
    this.name = 'NetworkConstraintError';
    this.code = props.code;
    this.constructPath = where;
    this.received = props.received;
    this.allowed = props.allowed;
    this.docUrl = props.docUrl;
  }
}

