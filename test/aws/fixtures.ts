import { Instance } from '@cdktf/provider-aws/lib/instance';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { TerraformStack, Testing } from 'cdktf';
import { NetworkConstraintError } from '../../lib/core/errors';

/** A stack with a VPC, two subnets of one zone and a t3.micro (2 interfaces, 2 IPv4 each). */
export function networkStack() {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  const vpc = new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16' });
  const subnetA = new Subnet(stack, 'subnet-a', {
    vpcId: vpc.id, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a', ipv6CidrBlock: '2600:1f18:1:100::/64',
  });
  const subnetB = new Subnet(stack, 'subnet-b', { vpcId: vpc.id, cidrBlock: '10.0.2.0/24', availabilityZone: 'us-east-1a' });
  const instance = new Instance(stack, 'host', {
    ami: 'ami-0123456789abcdef0', instanceType: 't3.micro', subnetId: subnetA.id,
  });
  return { app, stack, vpc, subnetA, subnetB, instance };
}

/** Runs `fn`, expects a `NetworkConstraintError` with `code`, and that the message names each fragment. */
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
  expect(error.message.startsWith(`[${code}] `)).toBe(true);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
  return error;
}

/** The synthesized resources of one type, keyed by logical id. */
export function resourcesOf(stack: TerraformStack, type: string): Record<string, any> {
  const json = JSON.parse(Testing.synth(stack));
  return json.resource?.[type] ?? {};
}
