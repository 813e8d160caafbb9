import { IConstruct } from 'constructs';
import { NetworkRuleDescription } from './network-rule-description';
import { RuleLevel } from './rule-level';
import { TfResource, TfValue } from './tf-value';

/** What every rule states about itself: RULES.md, suppressions and messages read it. */
export type RuleInfo = NetworkRuleDescription;

/** What a rule reported, before levels, scope and suppressions are applied. */
export interface RawFinding {
  readonly rule: RuleInfo;
  readonly level: RuleLevel;
  /** The construct the annotation goes on. */
  readonly construct: IConstruct;
  /** The Terraform address of the offending resource (`aws_instance.web[0]`); none for a stack-wide finding. */
  readonly address?: string;
  /** The construct path the Terraform JSON records for the resource, or its address when it records none. */
  readonly resourcePath?: string;
  /** The full annotation text, `[NICxxx] ...`. */
  readonly message: string;
  /** The cloud would reject the configuration: no suppression applies. */
  readonly hardLimit: boolean;
}

/** Options of one violation. */
export interface ViolationOptions {
  /**
   * The level of this finding, for rules with two thresholds (a quota warning and a hard maximum).
   * @default - the rule's level
   */
  readonly level?: RuleLevel;
  /**
   * Whether the cloud rejects this configuration (so it cannot be suppressed).
   * @default - the rule's `hardLimit`
   */
  readonly hardLimit?: boolean;
}

/** What a rule reports through, bound to that rule. */
export class RuleReport {
  private readonly seen = new Set<string>();

  /**
   * @param rule the rule reporting
   * @param cloud who computes a value at deploy time, in messages (`AWS`)
   * @param sink where findings go
   */
  constructor(private readonly rule: RuleInfo, private readonly cloud: string, private readonly sink: (finding: RawFinding) => void) {}

  /**
   * Reports a broken constraint on a resource.
   *
   * @param resource the offending resource; the annotation goes on its construct
   * @param problem what is wrong, naming the resource (`resource.label`), the value found and the
   * limit or requirement, in one sentence without the final period
   * @param fix how to fix it, in one sentence
   */
  public violation(resource: TfResource, problem: string, fix: string, options: ViolationOptions = {}): void {
    this.emit(resource, `[${this.rule.id}] ${sentence(problem)} Fix: ${sentence(fix)} See ${this.rule.docUrl}`, {
      level: options.level ?? this.rule.level,
      hardLimit: options.hardLimit ?? this.rule.hardLimit,
    });
  }

  /**
   * Reports that the rule cannot decide for a resource because a value it needs is not known at
   * synth time: an INFO finding, never a pass or a fail.
   *
   * @param resource the resource the rule could not verify
   * @param what which value, as the user knows it (`instance_type`, `the instance of the attachment`)
   * @param value the value as written
   */
  public cannotVerify(resource: TfResource, what: string, value: TfValue): void {
    this.emit(resource, `[${this.rule.id}] cannot verify ${resource.label} (${this.rule.summary}): ${what} is ${value.display}, ${whyUnknown(value, this.cloud)}. See ${this.rule.docUrl}`, {
      level: RuleLevel.INFO,
      hardLimit: false,
    });
  }

  private emit(resource: TfResource, message: string, options: { level: RuleLevel; hardLimit: boolean }): void {
    const key = `${resource.address}\n${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const { construct, address } = resource;
    this.sink({ rule: this.rule, construct, address, resourcePath: resource.declaredPath ?? address, message, ...options });
  }
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function whyUnknown(value: TfValue, cloud: string): string {
  switch (value.kind) {
    case 'literal': return 'a resource outside this stack';
    case 'reference': return `computed by ${cloud} at deploy time`;
    case 'absent': return `so ${cloud} chooses it at deploy time`;
    default: return value.unknownReason ?? 'only known at deploy time';
  }
}

const RANK: Record<RuleLevel, number> = {
  [RuleLevel.INFO]: 0,
  [RuleLevel.WARNING]: 1,
  [RuleLevel.ERROR]: 2,
};

/** True when `level` is at least as serious as `minimum`. */
export function isAtLeast(level: RuleLevel, minimum: RuleLevel): boolean {
  return RANK[level] >= RANK[minimum];
}

/** `1 address`, `3 addresses`: how messages count things. */
export function quantity(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** `1st`, `2nd`, `3rd`, `4th`, ..., `11th`, `21st`: how messages count interfaces. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1: return `${n}st`;
    case 2: return `${n}nd`;
    case 3: return `${n}rd`;
    default: return `${n}th`;
  }
}

/** How a rule that allows one attachment per resource reads and names its attachments. */
export interface AttachedOnceOptions<A> {
  /** What one is called in messages: `attachment`, `association`. */
  readonly noun: string;
  /** Whether it may stand for several (`count`/`for_each`, an indexed reference). */
  readonly repeated: (attachment: A) => boolean;
  /** The value that names the attached resource, as written: shown when the copies cannot be told apart. */
  readonly value: (attachment: A) => TfValue;
  /** The problem a later one causes, given the first, in one sentence without the final period. */
  readonly problem: (attachment: A, first: A) => string;
  /** How to fix it, in one sentence. */
  readonly fix: string;
}

/**
 * Reports every attachment of `resource` after the first, for a resource the cloud attaches once
 * (an interface to one instance, a floating IP to one port): each later one fails at apply. When one
 * of them stands for several, which copy each uses is only known at deploy time: INFO on `resource`.
 * `label` names the resource in that message (a literal id outside the stack has no resource of its own).
 */
export function reportAttachedOnce<A extends { readonly source: TfResource }>(
  resource: TfResource, attachments: readonly A[], report: RuleReport, options: AttachedOnceOptions<A>, label = resource.label,
): void {
  if (attachments.length < 2) return;
  const repeated = attachments.find(options.repeated);
  if (repeated) {
    // What hides the answer: the attachments' own count, the resource's count, or the index each picks.
    const counted = [repeated.source, resource].find((r) => r.repeated);
    const hidden = counted ? counted.repetition : options.value(repeated);
    report.cannotVerify(resource, `which copy of ${label} each ${options.noun} uses (count/for_each)`, hidden);
    return;
  }
  const [first, ...others] = attachments;
  for (const attachment of others) report.violation(attachment.source, options.problem(attachment, first), options.fix);
}
