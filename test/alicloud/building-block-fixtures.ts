import { TerraformStack, Testing } from 'cdktf';
import { EcsInstanceReference, VswitchReference } from '../../lib/alicloud';
import { NetworkConstraintError } from '../../lib/core/errors';

export const ZONE = 'cn-hangzhou-h';
export const VPC = 'vpc-bp1main';

/** A stack in a fresh test app (no provider: constructs never create one). */
export function aliStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

/** vSwitch 10.0.1.0/24 in ZONE of VPC. */
export function vswitch(attributes: { zoneId?: string; vpcId?: string; cidrBlock?: string } = {}): VswitchReference {
  return VswitchReference.fromVswitchId('vsw-bp1a', { zoneId: ZONE, vpcId: VPC, cidrBlock: '10.0.1.0/24', ...attributes });
}

/** An ecs.g6.large (2 ENIs, the primary included; 6 private IPv4 per ENI) in ZONE of VPC. */
export function instance(instanceId = 'i-bp1host', attributes: { instanceType?: string; zoneId?: string; vpcId?: string } = {}): EcsInstanceReference {
  return EcsInstanceReference.fromInstanceId(instanceId, { instanceType: 'ecs.g6.large', zoneId: ZONE, vpcId: VPC, ...attributes });
}

/** The stack's resources of one type, by name. */
export function resourcesOf(stack: TerraformStack, type: string): Record<string, any> {
  return JSON.parse(Testing.synth(stack)).resource?.[type] ?? {};
}

/** Runs `fn` and expects a `NetworkConstraintError` with `code` whose message holds each fragment. */
export function expectConstraintError(fn: () => unknown, code: string, fragments: string[] = []): NetworkConstraintError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(NetworkConstraintError);
  const error = caught as NetworkConstraintError;
  expect(error.code).toBe(code);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
  return error;
}
