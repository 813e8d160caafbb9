import { TerraformMetaArguments, TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { NetworkRulesProps } from '../../../lib/checks/network-rules';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, Findings, testApp } from '../../checks/rule-test-helpers';

/**
 * An `alicloud_*` resource written raw, exactly as any binding (or an escape hatch) synthesizes it:
 * the rules read Terraform JSON, so they never depend on the generated bindings.
 */
export class RawResource extends TerraformResource {
  constructor(scope: Construct, id: string, type: string, private readonly body: Record<string, unknown> = {}, meta: TerraformMetaArguments = {}) {
    super(scope, id, { terraformResourceType: type, ...meta });
  }

  /** `${<type>.<name>.id}` */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** `${<type>.<name>.<attribute>}` */
  public ref(attribute: string): string {
    return this.getStringAttribute(attribute);
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return this.body;
  }
}

/** A stack in a fresh test app (no provider block: the rules read resources only). */
export function aliStack(): TerraformStack {
  return new TerraformStack(testApp(), 'stack');
}

/** A deploy-time value (`${var.<name>}`). */
export function deployTime(scope: Construct, name: string, type = 'string'): string {
  return new TerraformVariable(scope, name, { type }).stringValue;
}

/** A deploy-time number (`${var.<name>}`), for `count`. */
export function deployTimeNumber(scope: Construct, name: string): number {
  return new TerraformVariable(scope, name, { type: 'number' }).numberValue;
}

/** A VPC with one vSwitch per zone (`vsw-a`, `vsw-b`, ...) and a security group `sg` in it. */
export function aliNetwork(scope: Construct, zones: string[] = ['cn-hangzhou-h']): { vpc: RawResource; vswitches: RawResource[]; group: RawResource } {
  const vpc = new RawResource(scope, 'vpc', 'alicloud_vpc', { vpc_name: 'main', cidr_block: '10.0.0.0/16' });
  const vswitches = zones.map((zone, i) => new RawResource(scope, `vsw-${String.fromCharCode(97 + i)}`, 'alicloud_vswitch', {
    vpc_id: vpc.id, cidr_block: `10.0.${i}.0/24`, zone_id: zone,
  }));
  const group = new RawResource(scope, 'sg', 'alicloud_security_group', { vpc_id: vpc.id });
  return { vpc, vswitches, group };
}

/** An `alicloud_instance` of type `ecs.g6.large` (2 ENIs, 6 private IPv4 per ENI) unless `body` says otherwise. */
export function ecs(scope: Construct, id: string, body: Record<string, unknown>, meta?: TerraformMetaArguments): RawResource {
  return new RawResource(scope, id, 'alicloud_instance', { image_id: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd', instance_type: 'ecs.g6.large', ...body }, meta);
}

/** An `alicloud_ecs_network_interface`. */
export function eni(scope: Construct, id: string, body: Record<string, unknown>, meta?: TerraformMetaArguments): RawResource {
  return new RawResource(scope, id, 'alicloud_ecs_network_interface', body, meta);
}

/** An `alicloud_ecs_network_interface_attachment` of `nic` to `host`. */
export function attach(
  scope: Construct, id: string, host: RawResource | string, nic: RawResource | string, meta?: TerraformMetaArguments,
): RawResource {
  return new RawResource(scope, id, 'alicloud_ecs_network_interface_attachment', {
    instance_id: typeof host === 'string' ? host : host.id,
    network_interface_id: typeof nic === 'string' ? nic : nic.id,
  }, meta);
}

/** An `alicloud_eip_address` and its `alicloud_eip_association` with `target`. */
export function associateEip(
  scope: Construct, id: string, target: string, body: Record<string, unknown> = {}, meta?: TerraformMetaArguments,
): RawResource {
  const eip = new RawResource(scope, `${id}-eip`, 'alicloud_eip_address', { address_name: id });
  return new RawResource(scope, id, 'alicloud_eip_association', { allocation_id: eip.id, instance_id: target, ...body }, meta);
}

/**
 * Runs NetworkRules over a stack as `Testing.synth` does and returns the Alibaba Cloud findings:
 * the unsuppressed ones as annotations, every one (suppressed included) in the report. Fails when
 * a rule crashed, so that a rule bug never passes for a pass.
 */
export function checkAli(stack: TerraformStack, props?: NetworkRulesProps): Findings {
  const { report } = checkStack(stack, props);
  const crashed = report.find((f) => f.message.includes('internal error'));
  if (crashed) throw new Error(`a rule crashed: ${crashed.message}`);
  const annotations = report
    .filter((f) => !f.suppressed && f.ruleId.startsWith('ALI'))
    .map(({ ruleId, level, path, address, message }) => ({ ruleId, level, path, address, message }));
  return new Findings(annotations, report);
}

/** The text of a finding between `[ALIxxx] ` and ` Fix:` (or ` See`), without its final period: what tests compare. */
export function problemOf(message: string): string {
  return message.replace(/^\[[A-Z]+\d{3}\] /, '').split(/ Fix: | See https/)[0].replace(/\.$/, '');
}

/** Asserts that a rule enforcing a hard limit refuses to be suppressed (Alibaba Cloud would reject the configuration anyway). */
export function expectSuppressionRefused(ruleId: string): void {
  expect(() => NetworkSuppressions.addSuppressions(aliStack(), [{ id: ruleId, reason: 'we know better than the API' }]))
    .toThrow(new RegExp(`\\[HardLimitNotSuppressible\\].*${ruleId}.*enforces a hard Alibaba Cloud limit`));
}
