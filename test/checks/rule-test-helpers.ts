import * as fs from 'fs';
import * as path from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { AnnotationMetadataEntryType, App, Aspects, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { NetworkFinding } from '../../lib/checks/network-finding';
import { NetworkRules, NetworkRulesProps } from '../../lib/checks/network-rules';
import { RuleLevel } from '../../lib/checks/rule-level';

/** One annotation left by NetworkRules. */
export interface AnnotatedFinding {
  readonly ruleId: string;
  readonly level: RuleLevel;
  /** Construct path of the annotated construct. */
  readonly path: string;
  /** The Terraform address the annotation names after the rule id. */
  readonly address?: string;
  /** The finding's message (the annotation without the address). */
  readonly message: string;
}

// `[NIC001] aws_instance.web[0]: ...`: the annotation names the address after the rule id.
const ANNOTATED_ADDRESS = /^(\[[A-Z]+\d{3}\]) ((?:module\.[\w-]+\.)*[a-z][a-z0-9_]*\.[^\s:]+): /;

/** Splits an annotation into the address it names and the finding's message. */
export function splitAnnotation(text: string): { address?: string; message: string } {
  const match = ANNOTATED_ADDRESS.exec(text);
  return match ? { address: match[2], message: `${match[1]} ${text.slice(match[0].length)}` } : { message: text };
}

const LEVELS: Record<string, RuleLevel> = {
  [AnnotationMetadataEntryType.ERROR]: RuleLevel.ERROR,
  [AnnotationMetadataEntryType.WARN]: RuleLevel.WARNING,
  [AnnotationMetadataEntryType.INFO]: RuleLevel.INFO,
};

/** The findings of one stack: the annotations NetworkRules left, plus the report (suppressed included). */
export class Findings {
  constructor(public readonly annotations: AnnotatedFinding[], public readonly report: NetworkFinding[]) {}

  /** Annotations of one rule, optionally of one level. */
  public of(ruleId: string, level?: RuleLevel): AnnotatedFinding[] {
    return this.annotations.filter((f) => f.ruleId === ruleId && (level === undefined || f.level === level));
  }

  public errors(ruleId?: string): AnnotatedFinding[] {
    return this.annotations.filter((f) => f.level === RuleLevel.ERROR && (ruleId === undefined || f.ruleId === ruleId));
  }

  public warnings(ruleId?: string): AnnotatedFinding[] {
    return this.annotations.filter((f) => f.level === RuleLevel.WARNING && (ruleId === undefined || f.ruleId === ruleId));
  }

  /** The INFO "cannot verify" annotations of a rule. */
  public cannotVerify(ruleId: string): AnnotatedFinding[] {
    return this.of(ruleId, RuleLevel.INFO).filter((f) => f.message.includes('cannot verify'));
  }

  /** Report entries of a rule that a suppression silenced. */
  public suppressed(ruleId: string): NetworkFinding[] {
    return this.report.filter((f) => f.ruleId === ruleId && f.suppressed);
  }
}

/** An app whose synth output goes to a fresh folder under the repository's `.tmp/`. */
export function testApp(): App {
  const root = path.join(__dirname, '..', '..', '.tmp', 'rules-tests');
  fs.mkdirSync(root, { recursive: true });
  return new App({ outdir: fs.mkdtempSync(path.join(root, 'out.')), stackTraces: false });
}

/** Removes an app's synth output folder. */
export function removeOutput(app: App): void {
  fs.rmSync(app.outdir, { recursive: true, force: true });
}

/** A stack with the AWS provider, in a fresh test app. */
export function testStack(id = 'stack', app: App = testApp()): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  return stack;
}

/** A VPC with one subnet per given AZ (`subnet-a`, `subnet-b`, ... ids), written as raw L1 resources. */
export function testNetwork(scope: Construct, azs: string[] = ['us-east-1a']): { vpc: Vpc; subnets: Subnet[] } {
  const vpc = new Vpc(scope, 'vpc', { cidrBlock: '10.0.0.0/16' });
  const subnets = azs.map((az, i) => new Subnet(scope, `subnet-${String.fromCharCode(97 + i)}`, {
    vpcId: vpc.id,
    cidrBlock: `10.0.${i}.0/24`,
    availabilityZone: az,
  }));
  return { vpc, subnets };
}

/**
 * Runs NetworkRules over a stack the way `Testing.synth` does (aspects, then the Terraform JSON),
 * and returns what it found. Adds a `NetworkRules` with `props` to the stack unless the stack, a
 * construct in it or the app already has one. Fails when a rule crashed, so that a rule bug never passes for a pass.
 */
export function checkStack(stack: TerraformStack, props?: NetworkRulesProps): Findings {
  const hasRules = [...stack.node.scopes, ...stack.node.findAll()]
    .some((scope) => Aspects.of(scope).all.some((a) => a instanceof NetworkRules));
  if (!hasRules) Aspects.of(stack).add(new NetworkRules({ writeReport: false, ...props }));
  Testing.synth(stack);
  return readFindings(stack);
}

/** The NetworkRules annotations already on a stack's constructs, and its report. */
export function readFindings(stack: TerraformStack): Findings {
  const annotations = stack.node.findAll().flatMap((construct) => construct.node.metadata
    .filter((m) => LEVELS[m.type] !== undefined && typeof m.data === 'string' && /^\[NIC\d{3}\]/.test(m.data))
    .map((m) => ({
      ruleId: (m.data as string).slice(1, 7),
      level: LEVELS[m.type],
      path: construct.node.path,
      ...splitAnnotation(m.data as string),
    })));
  const crashed = annotations.find((f) => f.message.includes('internal error'));
  if (crashed) throw new Error(`a rule crashed: ${crashed.message}`);
  return new Findings(annotations, NetworkRules.findingsOf(stack));
}
