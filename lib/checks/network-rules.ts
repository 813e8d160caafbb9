import { AnnotationMetadataEntryType, Annotations, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { makeAncestorAspectsReachStacks } from '../rules/app-aspects';
import { NetworkFinding } from './network-finding';
import { isAtLeast, NetworkRule, RawFinding, RuleReport } from './network-rule';
import { ruleById, RULES } from './rule-registry';
import { RuleLevel } from './rule-level';
import { StackIndex } from '../aws/rules/aws-index';
import { findingsOf, recordRun, summaryOf } from './stack-report';
import { findSuppression } from './suppression-store';

/** Which rules `NetworkRules` runs and what it reports. */
export interface NetworkRulesProps {
  /**
   * Findings below this level are not reported (for example `RuleLevel.WARNING` drops the INFO
   * "cannot verify" findings).
   *
   * @default RuleLevel.INFO
   */
  readonly minimumLevel?: RuleLevel;

  /**
   * Run only these rules (ids such as `NIC001`).
   *
   * @default - every rule
   */
  readonly rules?: string[];

  /**
   * Do not run these rules.
   *
   * @default - none excluded
   */
  readonly excludeRules?: string[];

  /**
   * Write `network-rules-report.json` into each stack's folder of the synth output.
   *
   * @default true
   */
  readonly writeReport?: boolean;
}

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
  /** Whether AWS itself rejects a configuration that breaks it (such findings cannot be suppressed). */
  readonly hardLimit: boolean;
}

const NETWORK_RULES = Symbol.for('cdktf-nic-patterns/NetworkRules');
const isNetworkRules = (aspect: IAspect) => (aspect as unknown as Record<symbol, unknown>)[NETWORK_RULES] === true;

/**
 * Checks every documented network-interface constraint at synth time, on any cdktf app: on this
 * library's constructs and on raw `@cdktf/provider-aws` resources alike. Think cdk-nag, for network
 * interfaces.
 *
 * ```ts
 * Aspects.of(app).add(new NetworkRules());
 * ```
 *
 * Once per stack and synth, it reads the stack's Terraform JSON into an index and runs every rule
 * over it. Each finding is an annotation on the offending resource, starting with the rule id
 * (`[NIC001] ...`); ERROR findings make `app.synth()` fail, listing all of them. Values only known
 * at deploy time yield INFO "cannot verify" findings, never a pass or a fail. A JSON report
 * (`network-rules-report.json`) lands in each stack's output folder.
 *
 * Added to the app (or any construct above the stacks) it checks every stack below; added to a
 * construct inside a stack it reports only on the resources below that construct.
 */
export class NetworkRules implements IAspect {
  /** What every rule enforces, sorted by id. */
  public static describeRules(): NetworkRuleDescription[] {
    return RULES.map((rule) => ({
      id: rule.id,
      level: rule.level,
      summary: rule.summary,
      explanation: rule.explanation,
      docUrl: rule.docUrl,
      hardLimit: rule.hardLimit,
    }));
  }

  /** The findings of the last synth of a stack (suppressed ones included). */
  public static findingsOf(stack: TerraformStack): NetworkFinding[] {
    return findingsOf(stack);
  }

  /** One line per stack for logs: `NetworkRules "web": 2 errors, 1 warning, 3 info, 1 suppressed`. */
  public static summaryOf(stack: TerraformStack): string {
    return summaryOf(stack);
  }

  private readonly rules: readonly NetworkRule[];
  private readonly minimumLevel: RuleLevel;
  private readonly writeReport: boolean;

  constructor(props: NetworkRulesProps = {}) {
    const unknown = [...(props.rules ?? []), ...(props.excludeRules ?? [])].filter((id) => !ruleById(id));
    if (unknown.length > 0) {
      throw new Error(`NetworkRules: unknown rule id(s) ${unknown.join(', ')}; known ids: ${RULES.map((r) => r.id).join(', ')}`);
    }
    const include = props.rules ? new Set(props.rules) : undefined;
    const exclude = new Set(props.excludeRules ?? []);
    this.rules = RULES.filter((rule) => (!include || include.has(rule.id)) && !exclude.has(rule.id));
    this.minimumLevel = props.minimumLevel ?? RuleLevel.INFO;
    this.writeReport = props.writeReport ?? true;
    Object.defineProperty(this, NETWORK_RULES, { value: true });
    makeAncestorAspectsReachStacks(isNetworkRules);
  }

  /** Runs the rules when visiting a stack, or the construct this aspect was added to. */
  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) && !Aspects.of(node).all.includes(this)) return;
    this.run(TerraformStack.of(node), node);
  }

  private run(stack: TerraformStack, scope: IConstruct): void {
    const index = StackIndex.build(stack);
    const raw: RawFinding[] = [];
    for (const rule of this.rules) {
      try {
        rule.check(index, new RuleReport(rule, (finding) => raw.push(finding)));
      } catch (error) {
        // A bug in one rule must neither block the user's synth nor pass silently.
        raw.push({
          rule,
          level: RuleLevel.WARNING,
          construct: stack,
          hardLimit: false,
          message: `[${rule.id}] internal error, this rule was not verified: ${(error as Error).message}`,
        });
      }
    }
    const findings = raw
      .filter((f) => isAtLeast(f.level, this.minimumLevel) && isWithin(f.construct, scope))
      .map((f) => this.settle(f));
    recordRun(stack, this, findings, this.writeReport);
  }

  private settle(finding: RawFinding): NetworkFinding {
    const suppression = findSuppression(finding.construct, finding.rule.id);
    const suppressed = suppression !== undefined && !finding.hardLimit;
    const message = suppression && finding.hardLimit
      ? `${finding.message} (The suppression of ${finding.rule.id} does not apply: AWS rejects this configuration.)`
      : finding.message;
    if (!suppressed) annotateOnce(finding.construct, finding.level, message);
    return {
      ruleId: finding.rule.id,
      level: finding.level,
      path: finding.construct.node.path,
      message,
      suppressed,
      suppressionReason: suppressed ? suppression.reason : undefined,
    };
  }
}

function isWithin(construct: IConstruct, scope: IConstruct): boolean {
  return TerraformStack.isStack(scope) || construct.node.scopes.includes(scope);
}

const ANNOTATION_TYPE: Record<RuleLevel, string> = {
  [RuleLevel.ERROR]: AnnotationMetadataEntryType.ERROR,
  [RuleLevel.WARNING]: AnnotationMetadataEntryType.WARN,
  [RuleLevel.INFO]: AnnotationMetadataEntryType.INFO,
};

// Aspects run at every synth: an annotation already on the construct is not added again.
function annotateOnce(construct: IConstruct, level: RuleLevel, message: string): void {
  const type = ANNOTATION_TYPE[level];
  if (construct.node.metadata.some((m) => m.type === type && m.data === message)) return;
  const annotations = Annotations.of(construct);
  if (level === RuleLevel.ERROR) annotations.addError(message);
  else if (level === RuleLevel.WARNING) annotations.addWarning(message);
  else annotations.addInfo(message);
}
