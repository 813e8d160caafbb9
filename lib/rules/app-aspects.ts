import { Aspects, IAspect, TerraformStack } from 'cdktf';
// `import = require` binds the module's real exports object, which is what must be patched (an
// `import * as` namespace may be a read-only copy, depending on the loader).
// eslint-disable-next-line @typescript-eslint/no-require-imports
import synthesizer = require('cdktf/lib/synthesize/synthesizer');
import { IConstruct } from 'constructs';

const PATCHED = Symbol.for('cdktf-nic-patterns/ancestor-aspects-patched');

type Patchable<F> = F & { [PATCHED]?: true };

// Which aspects reach stacks from above, whichever copy of this module registered them: the
// patch below is installed once per cdktf module, so it must read one shared list.
const REACHES_STACKS = Symbol.for('cdktf-nic-patterns/ancestor-aspects-reach-stacks');
const registry = globalThis as unknown as { [REACHES_STACKS]?: Array<(aspect: IAspect) => boolean> };

/** Whether `aspect` is one of those made to reach stacks (they read stacks and never change them). */
export function isStackReachingAspect(aspect: IAspect): boolean {
  return (registry[REACHES_STACKS] ?? []).some((recognizes) => recognizes(aspect));
}

/**
 * cdktf 0.21 invokes aspects from each stack down (`invokeAspects(stack)` in `app.synth()`,
 * `Testing.synth()` and `Testing.fullSynth()`), so an aspect added with `Aspects.of(app)` is never
 * visited. This makes the aspects `reachesStacks` recognizes (NetworkRules, NetworkDiagram, ...)
 * visit every stack below the construct they were added to; other aspects keep cdktf's behaviour.
 * The patch is installed once per process; each caller adds its recognizer once. Two entry points
 * need it: the stack synthesizer (`app.synth()`, `Testing.fullSynth()`), where those aspects run
 * just before the stack's own aspects, and the exported `invokeAspects` that `Testing.synth()`
 * calls, where they run just after.
 */
export function makeAncestorAspectsReachStacks(reachesStacks: (aspect: IAspect) => boolean): void {
  const recognizers = registry[REACHES_STACKS] ?? (registry[REACHES_STACKS] = []);
  if (!recognizers.includes(reachesStacks)) recognizers.push(reachesStacks);
  const visitFromAncestors = (stack: IConstruct) => {
    for (const scope of stack.node.scopes.slice(0, -1)) {
      for (const aspect of Aspects.of(scope).all) {
        if (recognizers.some((reaches) => reaches(aspect))) aspect.visit(stack);
      }
    }
  };

  type Synthesize = (this: { stack: TerraformStack }, session: unknown) => void;
  const prototype = synthesizer.StackSynthesizer.prototype as unknown as { synthesize: Patchable<Synthesize> };
  const synthesize = prototype.synthesize;
  if (typeof synthesize === 'function' && !synthesize[PATCHED]) {
    const patched: Patchable<typeof synthesize> = function (this: { stack: TerraformStack }, session: unknown) {
      visitFromAncestors(this.stack);
      synthesize.call(this, session);
    };
    patched[PATCHED] = true;
    prototype.synthesize = patched;
  }

  const exportsOfSynthesizer = synthesizer as unknown as { invokeAspects: Patchable<(root: IConstruct) => void> };
  const invokeAspects = exportsOfSynthesizer.invokeAspects;
  if (typeof invokeAspects === 'function' && !invokeAspects[PATCHED]) {
    const patched: Patchable<typeof invokeAspects> = (root: IConstruct) => {
      invokeAspects(root);
      visitFromAncestors(root);
    };
    patched[PATCHED] = true;
    exportsOfSynthesizer.invokeAspects = patched;
  }
}
