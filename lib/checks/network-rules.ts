import { AnnotationMetadataEntryType, App, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { CloudChecks } from './cloud-checks';
import { NetworkFinding } from './network-finding';
import { NetworkRule, RuleContext } from './network-rule';
import { NetworkRuleDescription } from './network-rule-description';
import { RuleIndex } from './rule-index';
import { RuleLevel } from './rule-level';
import { cloudNameOf, registerCustomRule, registeredClouds, registeredCustomRules, requireRule, allRules } from './rule-registry';
import { isAtLeast, RawFinding, RuleInfo, RuleReport } from './rule-report';
import { findingsOf, recordRun, summaryOf, writeReport, writeReportAtSynth } from './stack-report';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { NetworkSuppression } from '../core/network-suppression';
import { findSuppression } from '../core/suppression-marks';
import { afterEverySynth, annotateOnce, SynthesizedStack } from '../core/synthesized-stacks';

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
   * Run only these rules (ids such as `NIC001`, in any case).
   *
   * @default - every rule
   */
  readonly rules?: string[];

  /**
   * Do not run these rules (ids in any case).
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

/** A finding settled against suppressions, with the construct it goes on. */
interface SettledFinding {
  readonly finding: NetworkFinding;
  readonly construct: IConstruct;
}

const ANNOTATION_TYPE: Record<RuleLevel, AnnotationMetadataEntryType> = {
  [RuleLevel.ERROR]: AnnotationMetadataEntryType.ERROR,
  [RuleLevel.WARNING]: AnnotationMetadataEntryType.WARN,
  [RuleLevel.INFO]: AnnotationMetadataEntryType.INFO,
};

/**
 * Checks every documented network-interface constraint at synth time, on any cdktf app: on this
 * library's constructs and on raw provider resources alike, for every cloud the library knows
 * (AWS `NICxxx` rules today). Think cdk-nag, for network interfaces.
 *
 * Every stack of an app, with one call before `app.synth()`:
 *
 * ```ts
 * NetworkRules.applyTo(app);
 * ```
 *
 * or one stack, as an aspect (how cdktf's documentation adds aspects):
 *
 * ```ts
 * Aspects.of(stack).add(new NetworkRules());
 * ```
 *
 * `Aspects.of(app).add(new NetworkRules())` checks nothing: cdktf 0.21 visits aspects from each
 * stack down and never those added to the App. Use `NetworkRules.applyTo(app)` instead.
 *
 * Each finding is an annotation on the offending resource, starting with the rule id
 * (`[NIC001] ...`); ERROR findings make `app.synth()` (and `cdktf synth`) fail, listing all of
 * them. Values only known at deploy time yield INFO "cannot verify" findings, never a pass or a
 * fail. A JSON report (`network-rules-report.json`) lands in each stack's output folder.
 *
 * `applyTo` reads each stack's Terraform JSON as the synth wrote it, so the checks cost no second
 * resolution of the stack; as an aspect, the rules resolve the stack themselves before cdktf writes it.
 * Added to a construct inside a stack, the aspect reports only on the resources below that construct.
 */
export class NetworkRules implements IAspect {
  /**
   * Checks every stack of `app` at each `app.synth()`, after the stacks are written and before the
   * synth completes (through the app's own validation hook; nothing of cdktf is replaced). Stacks
   * added after this call are checked too. ERROR findings make `app.synth()` throw, listing all of
   * them, and leave no Terraform JSON behind for the stack that has them.
   *
   * @returns the NetworkRules instance that checks the app
   * @throws NetworkConstraintError `ChecksNotInstallable` when the checks could never run (not an
   * App, or an App with `skipValidation`), `UnknownNetworkRule` for an unknown id in `props`
   */
  public static applyTo(app: App, props: NetworkRulesProps = {}): NetworkRules {
    const rules = new NetworkRules(props);
    afterEverySynth(app, 'NetworkRules', 'NetworkRules.applyTo', (stacks) => stacks.flatMap((stack) => rules.checkSynthesized(stack)));
    return rules;
  }

  /**
   * Adds a rule of your own to every `NetworkRules`: it runs beside the built-in rules, and its id
   * can be selected, excluded and suppressed like theirs.
   *
   * @throws NetworkConstraintError `InvalidRuleId` for an id that is not capital letters and three
   * digits or that uses a built-in prefix (`NIC`, ...), `DuplicateRuleId` when the id is taken
   */
  public static registerRule(rule: NetworkRule): void {
    registerCustomRule(rule);
  }

  /** What every rule enforces: the built-in ones sorted by id, then the registered ones. */
  public static describeRules(): NetworkRuleDescription[] {
    return allRules().map((rule) => ({
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

  private readonly include?: ReadonlySet<string>;
  private readonly exclude: ReadonlySet<string>;
  private readonly minimumLevel: RuleLevel;
  private readonly writeReport: boolean;

  /**
   * @throws NetworkConstraintError `UnknownNetworkRule` when `rules` or `excludeRules` names no rule
   */
  constructor(props: NetworkRulesProps = {}) {
    const ids = (list: string[] | undefined, action: string) =>
      list?.map((id) => requireRule(id, { subject: 'NetworkRules', action }).id);
    const include = ids(props.rules, 'run');
    this.include = include ? new Set(include) : undefined;
    this.exclude = new Set(ids(props.excludeRules, 'exclude') ?? []);
    this.minimumLevel = props.minimumLevel ?? RuleLevel.INFO;
    this.writeReport = props.writeReport ?? true;
  }

  /** Runs the rules when visiting a stack, or the construct this aspect was added to. */
  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) && !Aspects.of(node).all.includes(this)) return;
    const stack = TerraformStack.of(node);
    for (const { finding, construct } of this.check(stack, node, stack.toTerraform())) {
      if (!finding.suppressed) annotateOnce(construct, ANNOTATION_TYPE[finding.level], annotationText(finding));
    }
    if (this.writeReport) writeReportAtSynth(stack);
  }

  private checkSynthesized(synthesized: SynthesizedStack): string[] {
    const { stack } = synthesized;
    const active = this.check(stack, stack, synthesized.terraformJson).filter(({ finding }) => !finding.suppressed);
    for (const { finding, construct } of active) synthesized.annotate(construct, ANNOTATION_TYPE[finding.level], annotationText(finding));
    if (this.writeReport) writeReport(stack, synthesized.folder);
    const errors = active
      .filter(({ finding }) => finding.level === RuleLevel.ERROR)
      .map(({ finding, construct }) => `[${construct.node.path}] ${annotationText(finding)}`);
    if (errors.length > 0) synthesized.discard();
    return errors;
  }

  /**
   * Runs the rules over Terraform JSON that no construct of `stack` declares (a synthesized file, HCL
   * read as JSON): every finding goes on the stack, and `suppressionOf` settles suppressions by rule
   * id and Terraform address.
   * @internal
   */
  public _checkJson(
    stack: TerraformStack, terraformJson: Record<string, unknown>, suppressionOf: (ruleId: string, address: string) => string | undefined,
  ): NetworkFinding[] {
    return this.check(stack, stack, terraformJson, {
      suppressionOf: (raw) => {
        const reason = raw.address === undefined ? undefined : suppressionOf(raw.rule.id, raw.address);
        return reason === undefined ? undefined : { id: raw.rule.id, reason };
      },
      // No construct declares these resources: the path the JSON records (or the address) names them.
      pathOf: (raw) => raw.resourcePath ?? stack.node.id,
    }).map((settled) => settled.finding);
  }

  private check(
    stack: TerraformStack, scope: IConstruct, terraformJson: Record<string, unknown>, settling: Settling = CONSTRUCT_SETTLING,
  ): SettledFinding[] {
    const clouds = registeredClouds();
    if (clouds.length === 0) {
      // Only a deep import that skips the package entry gets here: never let that pass unchecked.
      throw new NetworkConstraintError({
        code: ErrorCode.NoCloudRegistered,
        scope: stack,
        problem: 'NetworkRules has no cloud to check: no cloud was registered with the checks engine',
        received: 'no registered cloud',
        allowed: 'the package entry loaded (import from \'cdktf-nic-patterns\'), which registers every cloud',
      });
    }
    const raw: RawFinding[] = [];
    const sink = (finding: RawFinding) => raw.push(finding);
    const index = new RuleIndex(stack, terraformJson, nounsOf(clouds));
    for (const cloud of clouds) this.runCloud(cloud, index, sink);
    for (const rule of registeredCustomRules().filter((r) => this.selects(r))) {
      guarded(rule, stack, sink, () => rule.check(RuleContext._create(index, new RuleReport(rule, 'the cloud', sink))));
    }
    const settled = raw
      .filter((f) => isAtLeast(f.level, this.minimumLevel) && isWithin(f.construct, scope))
      .map((f) => settle(f, settling));
    recordRun(stack, this, settled.map((s) => s.finding));
    return settled;
  }

  private runCloud<I>(cloud: CloudChecks<I>, index: RuleIndex, sink: (finding: RawFinding) => void): void {
    const rules = cloud.rules.filter((rule) => this.selects(rule));
    if (rules.length === 0 || !index.hasResourcesOf(cloud.resourcePrefix)) return;
    let cloudIndex: I | undefined;
    guarded(rules[0], index.stack, sink, () => { cloudIndex = cloud.buildIndex(index); });
    if (cloudIndex === undefined) return;
    for (const rule of rules) guarded(rule, index.stack, sink, () => rule.check(cloudIndex!, new RuleReport(rule, cloud.name, sink)));
  }

  private selects(rule: RuleInfo): boolean {
    return (!this.include || this.include.has(rule.id)) && !this.exclude.has(rule.id);
  }
}

// A bug in one rule must neither block the user's synth nor pass silently.
function guarded(rule: RuleInfo, stack: TerraformStack, sink: (finding: RawFinding) => void, run: () => void): void {
  try {
    run();
  } catch (error) {
    sink({
      rule,
      level: RuleLevel.WARNING,
      construct: stack,
      hardLimit: false,
      message: `[${rule.id}] internal error, this rule was not verified: ${(error as Error).message}`,
    });
  }
}

function nounsOf(clouds: readonly CloudChecks<unknown>[]): (type: string) => string | undefined {
  return (type) => clouds.find((cloud) => type.startsWith(cloud.resourcePrefix))?.nouns[type];
}

/** How findings are matched to suppressions and named: by construct in an app, by address for bare JSON. */
interface Settling {
  readonly suppressionOf: (finding: RawFinding) => NetworkSuppression | undefined;
  readonly pathOf: (finding: RawFinding) => string;
}

const CONSTRUCT_SETTLING: Settling = {
  suppressionOf: (finding) => findSuppression(finding.construct, finding.rule.id),
  pathOf: (finding) => finding.construct.node.path,
};

function settle(finding: RawFinding, settling: Settling): SettledFinding {
  const suppression = settling.suppressionOf(finding);
  const suppressed = suppression !== undefined && !finding.hardLimit;
  const message = suppression && finding.hardLimit
    ? `${finding.message} (The suppression of ${finding.rule.id} does not apply: ${cloudNameOf(finding.rule)} rejects this configuration.)`
    : finding.message;
  return {
    construct: finding.construct,
    finding: {
      ruleId: finding.rule.id,
      level: finding.level,
      path: settling.pathOf(finding),
      address: finding.address,
      message,
      suppressed,
      suppressionReason: suppressed ? suppression.reason : undefined,
    },
  };
}

/**
 * The annotation names the Terraform address next to the construct path cdktf prints, so that a
 * reader of HCL (or of `cdktf convert` output, where every logical id is overridden) finds the resource.
 */
function annotationText(finding: NetworkFinding): string {
  if (finding.address === undefined) return finding.message;
  return finding.message.replace(/^(\[[A-Z0-9]+\]) /, `$1 ${finding.address}: `);
}

function isWithin(construct: IConstruct, scope: IConstruct): boolean {
  return TerraformStack.isStack(scope) || construct.node.scopes.includes(scope);
}
