import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct, IConstruct } from 'constructs';

const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');

// The writers already set up, per stack: each runs once per synth, however often its aspect visits.
const installed = new WeakMap<TerraformStack, Set<string>>();

/**
 * Has `write` called with the stack's folder of the synth output (`<outdir>/stacks/<stack>`) at
 * every synth of the stack, once per `carrierId`. cdktf calls custom synthesis after the aspects
 * (so `write` sees the final configuration) and before it collects annotations. The hook is a
 * non-configurable property, so a stack that already has one (not ours) gets a child construct
 * named `carrierId` to carry ours.
 */
export function writeAtSynth(stack: TerraformStack, carrierId: string, write: (folder: string) => void): void {
  const ids = installed.get(stack) ?? new Set<string>();
  if (ids.has(carrierId)) return;
  ids.add(carrierId);
  installed.set(stack, ids);
  const carrier: IConstruct = (stack as unknown as Record<symbol, unknown>)[CUSTOM_SYNTHESIS] === undefined
    ? stack
    : new Construct(stack, carrierId);
  addCustomSynthesis(carrier, {
    onSynthesize: (session) => write(path.join(session.outdir, session.manifest.forStack(stack).workingDirectory)),
  });
}
