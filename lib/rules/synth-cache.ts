import { App, Aspects, IAspect, TerraformStack } from 'cdktf';

type Json = Record<string, unknown>;

// The recognizers `makeAncestorAspectsReachStacks` registers (NetworkRules, NetworkDiagram): aspects
// that read the stack and never change it.
const REACHES_STACKS = Symbol.for('cdktf-nic-patterns/ancestor-aspects-reach-stacks');
const PATCHED = Symbol.for('cdktf-nic-patterns/synth-cache-patched');

interface CacheState {
  /** Nested `app.synth()` calls in progress (an app synthesized from an aspect, ...). */
  depth: number;
  /** Per stack, its Terraform JSON and what was built from it, for the synth in progress. */
  readonly entries: Map<TerraformStack, Map<string, unknown>>;
}

// One state per process, whichever copy of this module registered it (the patch is installed once).
const STATE = Symbol.for('cdktf-nic-patterns/synth-cache');
const shared = globalThis as unknown as { [STATE]?: CacheState; [REACHES_STACKS]?: Array<(aspect: IAspect) => boolean> };
const state: CacheState = shared[STATE] ?? (shared[STATE] = { depth: 0, entries: new Map() });

/**
 * cdktf resolves every token of a stack to write its Terraform JSON, which costs as much as the
 * rest of the synth. NetworkRules and NetworkDiagram read that JSON too: within one `app.synth()`,
 * this computes it once per stack, lets them share what they build from it, and hands it to the
 * synthesizer, which would otherwise resolve the whole stack again.
 *
 * It does so only while `app.synth()` runs and only for a stack whose constructs carry no aspect
 * but those that never change the stack: then nothing changes the stack between the first reader
 * and the synthesizer's `toTerraform()` (custom synthesis hooks write files, they do not add
 * resources). Outside `app.synth()` (`Testing.synth`, direct calls) every call computes afresh.
 */
export function synthShared<T>(stack: TerraformStack, key: string, build: (terraformJson: Json) => T): T {
  if (state.depth === 0 || !onlyReadingAspects(stack)) return build(stack.toTerraform());
  let entry = state.entries.get(stack);
  if (!entry) {
    const terraformJson = stack.toTerraform();
    entry = new Map<string, unknown>([['terraformJson', terraformJson]]);
    state.entries.set(stack, entry);
    // An own property shadows the class's method until the synth ends.
    Object.defineProperty(stack, 'toTerraform', { value: () => terraformJson, configurable: true, writable: true });
  }
  if (!entry.has(key)) entry.set(key, build(entry.get('terraformJson') as Json));
  return entry.get(key) as T;
}

function onlyReadingAspects(stack: TerraformStack): boolean {
  const readers = shared[REACHES_STACKS] ?? [];
  return stack.node.findAll().every((construct) =>
    Aspects.of(construct).all.every((aspect) => readers.some((isReader) => isReader(aspect))));
}

function installSynthWindow(): void {
  type Synth = (this: App) => void;
  const prototype = App.prototype as unknown as { synth: Synth & { [PATCHED]?: true } };
  const synth = prototype.synth;
  if (synth[PATCHED]) return;
  const patched = function (this: App) {
    state.depth++;
    try {
      synth.call(this);
    } finally {
      if (--state.depth === 0) {
        for (const stack of state.entries.keys()) delete (stack as unknown as Record<string, unknown>).toTerraform;
        state.entries.clear();
      }
    }
  };
  (patched as typeof prototype.synth)[PATCHED] = true;
  prototype.synth = patched;
}

installSynthWindow();
