import { App, Aspects, TerraformStack } from 'cdktf';
import { isStackReachingAspect } from './app-aspects';

type Json = Record<string, unknown>;

const PATCHED = Symbol.for('cdktf-nic-patterns/synth-cache-patched');

/** A stack's Terraform JSON and what readers built from it, for the synth in progress. */
interface SharedJson {
  readonly terraformJson: Json;
  readonly built: Map<string, unknown>;
}

interface CacheState {
  /** Nested `app.synth()` calls in progress (an app synthesized from an aspect, ...). */
  depth: number;
  /** Per stack: its shared JSON, or null when the stack's own aspects may change it. */
  readonly stacks: Map<TerraformStack, SharedJson | null>;
}

// One state per process, whichever copy of this module registered it (the patch is installed once).
const STATE = Symbol.for('cdktf-nic-patterns/synth-cache');
const shared = globalThis as unknown as { [STATE]?: CacheState };
const state: CacheState = shared[STATE] ?? (shared[STATE] = { depth: 0, stacks: new Map() });

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
  const entry = state.depth === 0 ? null : sharedJsonOf(stack);
  if (!entry) return build(stack.toTerraform());
  if (!entry.built.has(key)) entry.built.set(key, build(entry.terraformJson));
  return entry.built.get(key) as T;
}

function sharedJsonOf(stack: TerraformStack): SharedJson | null {
  let entry = state.stacks.get(stack);
  if (entry === undefined) {
    entry = onlyReadingAspects(stack) ? { terraformJson: stack.toTerraform(), built: new Map() } : null;
    state.stacks.set(stack, entry);
    // An own property shadows the class's method until the synth ends.
    const terraformJson = entry?.terraformJson;
    if (terraformJson) Object.defineProperty(stack, 'toTerraform', { value: () => terraformJson, configurable: true, writable: true });
  }
  return entry;
}

function onlyReadingAspects(stack: TerraformStack): boolean {
  return stack.node.findAll().every((construct) => Aspects.of(construct).all.every(isStackReachingAspect));
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
        for (const [stack, entry] of state.stacks) {
          if (entry) delete (stack as unknown as Record<string, unknown>).toTerraform;
        }
        state.stacks.clear();
      }
    }
  };
  (patched as typeof prototype.synth)[PATCHED] = true;
  prototype.synth = patched;
}

installSynthWindow();
