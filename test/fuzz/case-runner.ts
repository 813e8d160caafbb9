import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { CaseContext } from './case-context';
import { ConstructName, FuzzCase } from './case-data';
import {
  DualHomedInstance, ElasticIp, HaFailoverNic, Instance, ManagementNetwork, MultiEipInstance, NetworkAppliance, NetworkErrors,
  NetworkInterface, SecurityGroup, VirtualIpPair,
} from '../../lib';
import { addOfflineTestProvider } from '../terraform/offline-provider';

/** Name of the one stack of a case's app; its synthesized folder is `stacks/case`. */
export const CASE_STACK = 'case';

/** How a case ended before Terraform saw it. */
export type CaseOutcome =
  | { readonly kind: 'typed'; readonly code: string; readonly message: string }
  | { readonly kind: 'untyped'; readonly message: string; readonly stack?: string }
  | { readonly kind: 'accepted'; readonly stackDir: string };

type Builder = (ctx: CaseContext, scope: Construct, props: any, ops: any[]) => void;

/** Builds each construct from resolved props, then makes the case's calls on it. */
const BUILDERS: Record<ConstructName, Builder> = {
  NetworkInterface: (ctx, scope, props, ops) => {
    const nic = new NetworkInterface(scope, 'Subject', props);
    for (const op of ops) {
      if (op.op === 'attach') nic.attachTo(op.instance, op.options);
      else nic.associateElasticIp(new ElasticIp(scope, ctx.nextId('ElasticIp')), op.options);
    }
  },
  ElasticIp: (_ctx, scope, props, ops) => {
    const eip = new ElasticIp(scope, 'Subject', props);
    for (const op of ops) eip.associateWith(op.networkInterface, op.options);
  },
  SecurityGroup: (_ctx, scope, props, ops) => {
    const group = new SecurityGroup(scope, 'Subject', props);
    for (const op of ops) {
      if (op.op === 'ingress') group.addIngressRule(op.peer, op.port, op.options);
      else group.addEgressRule(op.peer, op.port, op.options);
    }
  },
  Instance: (_ctx, scope, props, ops) => {
    const instance = new Instance(scope, 'Subject', props);
    for (const op of ops) instance.attachNetworkInterface(op.networkInterface, op.options);
  },
  ManagementNetwork: (_ctx, scope, props) => new ManagementNetwork(scope, 'Subject', props),
  DualHomedInstance: (_ctx, scope, props) => new DualHomedInstance(scope, 'Subject', props),
  NetworkAppliance: (_ctx, scope, props) => new NetworkAppliance(scope, 'Subject', props),
  MultiEipInstance: (_ctx, scope, props) => new MultiEipInstance(scope, 'Subject', props),
  HaFailoverNic: (_ctx, scope, props) => new HaFailoverNic(scope, 'Subject', props),
  VirtualIpPair: (_ctx, scope, props) => new VirtualIpPair(scope, 'Subject', props),
};

/**
 * Builds one case in its own app and stack under `outdir` and synthesizes it. Anything thrown on
 * the way, at construction or at synth, is classified: the library's typed error, or anything else.
 */
export function runCase(fuzzCase: FuzzCase, outdir: string): CaseOutcome {
  fs.mkdirSync(outdir, { recursive: true });
  try {
    const app = new App({ outdir, stackTraces: false });
    const stack = new TerraformStack(app, CASE_STACK);
    // The provider block is dropped again when the stack becomes a child module; cdktf refuses to
    // synthesize resources without one.
    addOfflineTestProvider(stack);
    const ctx = new CaseContext(stack);
    const props = ctx.resolve(fuzzCase.props);
    const ops = fuzzCase.ops.map((op) => ctx.resolve(op));
    BUILDERS[fuzzCase.construct](ctx, stack, props, ops);
    app.synth();
    return { kind: 'accepted', stackDir: path.join(outdir, 'stacks', CASE_STACK) };
  } catch (error) {
    if (NetworkErrors.isNetworkConstraintError(error)) {
      return { kind: 'typed', code: NetworkErrors.codeOf(error)!, message: (error as Error).message };
    }
    const err = error as Error | undefined;
    return { kind: 'untyped', message: `${err?.name ?? typeof error}: ${err?.message ?? String(error)}`, stack: err?.stack };
  }
}
