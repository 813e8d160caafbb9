import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { RuleIndex } from './rule-index';
import { RuleLevel } from './rule-level';
import { RuleReport } from './rule-report';
import { TfResource } from './tf-value';

/**
 * A rule of your own, run by `NetworkRules` beside the built-in ones once registered with
 * `NetworkRules.registerRule`. It reads the stack's Terraform JSON through a `RuleContext`, so it
 * sees raw provider resources and this library's constructs alike, and reports through it, so its
 * findings are annotated, reported, suppressible and fail the synth exactly like the built-in ones.
 *
 * ```ts
 * class NoPublicIpOnDatabases extends NetworkRule {
 *   public readonly id = 'ACME001';
 *   // level, summary, explanation, docUrl, hardLimit ...
 *   public check(context: RuleContext): void {
 *     for (const eni of context.resources('aws_network_interface')) { ... context.reportViolation(eni, '...', '...'); }
 *   }
 * }
 * NetworkRules.registerRule(new NoPublicIpOnDatabases());
 * ```
 */
export abstract class NetworkRule {
  /**
   * Stable id: capital letters then three digits (`ACME001`). The prefixes of the built-in rules
   * (`NIC`, `ALI`, `NHN`) are reserved.
   */
  public abstract readonly id: string;
  /** The level of its findings. */
  public abstract readonly level: RuleLevel;
  /** What it enforces, in one line. */
  public abstract readonly summary: string;
  /** Why it matters: what goes wrong when the constraint is broken. */
  public abstract readonly explanation: string;
  /** The documentation that states the constraint. */
  public abstract readonly docUrl: string;
  /** Whether the cloud rejects a configuration that breaks it (such findings cannot be suppressed). */
  public abstract readonly hardLimit: boolean;

  /** Reads the stack through `context` and reports every violation, and every value it cannot verify. */
  public abstract check(context: RuleContext): void;
}

/** One resource of the stack, as a custom rule reads it. */
export class RuleResource {
  /** @internal */
  public static _of(resource: TfResource): RuleResource {
    return new RuleResource(resource);
  }

  /** The Terraform address (`aws_network_interface.web_mgmt_1a2b3c4d`). */
  public readonly address: string;
  /** The Terraform resource type (`aws_network_interface`). */
  public readonly type: string;
  /** The construct path relative to the stack (`web/mgmt`). */
  public readonly path: string;
  /** How messages name the resource (`eni "web/mgmt"`). */
  public readonly label: string;
  /** The construct that declares it (the stack when the resource comes from an override). */
  public readonly construct: IConstruct;

  private constructor(private readonly resource: TfResource) {
    this.address = resource.address;
    this.type = resource.type;
    this.path = resource.path;
    this.label = resource.label;
    this.construct = resource.construct;
  }

  /**
   * An attribute exactly as the Terraform JSON holds it: a literal, or an expression
   * (`${aws_subnet.app.id}`, `${var.x}`) for a value known only at deploy time.
   *
   * @returns the value, or undefined when the attribute is not set
   */
  public attribute(name: string): any {
    return this.resource.attr(name).raw;
  }

  /** Whether the attribute is set to a value known only at deploy time (a reference, variable, function, ...). */
  public isDeployTimeValue(name: string): boolean {
    const value = this.resource.attr(name);
    return value.isReference || value.isUnknown;
  }

  /**
   * The resource of this stack the attribute refers to (`subnet_id = ${aws_subnet.app.id}`).
   *
   * @returns the resource, or undefined when the attribute is not a reference to one of this stack
   */
  public referencedResource(name: string): RuleResource | undefined {
    const target = this.resource.attr(name).referenceTo();
    return target ? new RuleResource(target) : undefined;
  }

  /** @internal */
  public get _resource(): TfResource {
    return this.resource;
  }
}

/** What a custom rule reads the stack through and reports to. */
export class RuleContext {
  /** @internal */
  public static _create(index: RuleIndex, report: RuleReport): RuleContext {
    return new RuleContext(index, report);
  }

  /** The stack being checked. */
  public readonly stack: TerraformStack;

  private constructor(private readonly index: RuleIndex, private readonly report: RuleReport) {
    this.stack = index.stack;
  }

  /** Every resource of a Terraform type, in the order of the Terraform JSON. */
  public resources(type: string): RuleResource[] {
    return this.index.resources(type).map(RuleResource._of);
  }

  /**
   * The resource at a Terraform address (`aws_subnet.app`).
   *
   * @returns the resource, or undefined when the stack has none at that address
   */
  public resourceAt(address: string): RuleResource | undefined {
    const resource = this.index.resourceAt(address);
    return resource ? RuleResource._of(resource) : undefined;
  }

  /**
   * Reports a broken constraint on a resource, at the rule's level.
   *
   * @param resource the offending resource; the annotation goes on its construct
   * @param problem what is wrong, naming the resource (`resource.label`), the value found and what is allowed
   * @param fix how to fix it, in one sentence
   */
  public reportViolation(resource: RuleResource, problem: string, fix: string): void {
    this.report.violation(resource._resource, problem, fix);
  }

  /**
   * Reports that the rule cannot decide for a resource because an attribute is known only at deploy
   * time: an INFO finding, never a pass or a fail.
   */
  public reportCannotVerify(resource: RuleResource, attribute: string): void {
    const value = resource._resource.attr(attribute);
    this.report.cannotVerify(resource._resource, attribute, value);
  }
}
