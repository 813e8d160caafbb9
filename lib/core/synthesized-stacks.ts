import * as fs from 'fs';
import * as path from 'path';
import { AnnotationMetadataEntryType, Annotations, App, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ErrorCode } from './error-codes';
import { NetworkConstraintError } from './errors';

type Json = Record<string, unknown>;

/** One stack after `app.synth()` wrote it. */
export interface SynthesizedStack {
  readonly stack: TerraformStack;
  /** Its Terraform JSON, as written to the synth output. */
  readonly terraformJson: Json;
  /** Its folder of the synth output (`<outdir>/stacks/<stack>`). */
  readonly folder: string;
  /**
   * Adds an annotation to a construct, once, and to the stack's entry of the app manifest, which
   * cdktf has already collected (`cdktf synth` prints the manifest's annotations).
   */
  annotate(construct: IConstruct, type: AnnotationMetadataEntryType, message: string): void;
  /** Removes the stack's Terraform JSON from the synth output, so that nothing can apply a stack that failed its checks. */
  discard(): void;
}

/** Reads every stack of an app after it is synthesized; returns error messages that fail the synth. */
export type AfterSynth = (stacks: readonly SynthesizedStack[]) => string[];

// Per app: the readers to run after each synth, by key (one per kind of reader).
const readersOf = new WeakMap<App, Map<string, AfterSynth>>();
// The manifest annotation lists already read: cdktf assigns a fresh list to each stack it
// synthesizes, so a list seen before means the file on disk is not from this synth.
const consumed = new WeakSet<object>();

/**
 * Has `read` run at every `app.synth()` of `app`, after every stack is written and before the
 * manifest is, through the app's own validation hook (`app.node.addValidation`): nothing of cdktf
 * is replaced. Each stack's Terraform JSON is read back from its synthesized file, so checking it
 * costs no second resolution of the stack. The messages `read` returns make `app.synth()` throw.
 *
 * @throws NetworkConstraintError `ChecksNotInstallable` when the hook would never run (not an App,
 * or an app created with `skipValidation`): the checks fail closed rather than never run
 */
export function afterEverySynth(app: App, key: string, subject: string, read: AfterSynth): void {
  if (!App.isApp(app)) {
    throw new NetworkConstraintError({
      code: ErrorCode.ChecksNotInstallable,
      subject,
      problem: 'app-wide checks need the App of the stacks',
      received: describe(app),
      allowed: 'a cdktf App; for a single stack, add the aspect with Aspects.of(stack).add(...)',
    });
  }
  if (app.skipValidation) {
    throw new NetworkConstraintError({
      code: ErrorCode.ChecksNotInstallable,
      scope: app,
      subject,
      problem: 'the app was created with skipValidation: true, so app-wide checks would never run',
      received: 'skipValidation: true',
      allowed: 'an app that runs validations; or add the aspect to each stack with Aspects.of(stack).add(...)',
    });
  }
  let readers = readersOf.get(app);
  if (!readers) {
    const installed = new Map<string, AfterSynth>();
    readers = installed;
    readersOf.set(app, installed);
    app.node.addValidation({ validate: () => runReaders(app, [...installed.values()]) });
  }
  readers.set(key, read);
}

function runReaders(app: App, readers: AfterSynth[]): string[] {
  const stacks = app.node.findAll().filter(TerraformStack.isStack).map((stack) => synthesized(app, stack));
  return readers.flatMap((read) => read(stacks));
}

function synthesized(app: App, stack: TerraformStack): SynthesizedStack {
  const entry = app.manifest.stacks[stack.node.id] as { annotations: unknown[]; synthesizedStackPath: string; workingDirectory: string } | undefined;
  const file = entry ? path.join(app.outdir, entry.synthesizedStackPath) : undefined;
  const fresh = entry !== undefined && !consumed.has(entry.annotations) && !app.hclOutput && fs.existsSync(file!);
  // Outside a synth (a direct `app.node.validate()`) or with HCL output, resolve the stack instead.
  const terraformJson = fresh ? JSON.parse(fs.readFileSync(file!, 'utf8')) as Json : stack.toTerraform();
  if (entry) consumed.add(entry.annotations);
  return {
    stack,
    terraformJson,
    folder: path.join(app.outdir, entry?.workingDirectory ?? path.join('stacks', stack.node.id)),
    annotate: (construct, type, message) => {
      annotateOnce(construct, type, message);
      const manifestAnnotations = (entry?.annotations ?? []) as Array<{ constructPath: string; level: string; message: string }>;
      if (entry && !manifestAnnotations.some((a) => a.constructPath === construct.node.path && a.level === type && a.message === message)) {
        manifestAnnotations.push({ constructPath: construct.node.path, level: type, message });
      }
    },
    discard: () => {
      if (fresh) fs.rmSync(file!, { force: true });
    },
  };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  const construct = value as IConstruct;
  return construct.node?.path !== undefined ? `construct "${construct.node.path}" (${value.constructor.name})` : typeof value;
}

/** Adds an annotation unless the construct has that one already (checks run at every synth). */
export function annotateOnce(construct: IConstruct, type: AnnotationMetadataEntryType, message: string): void {
  if (construct.node.metadata.some((m) => m.type === type && m.data === message)) return;
  const annotations = Annotations.of(construct);
  if (type === AnnotationMetadataEntryType.ERROR) annotations.addError(message);
  else if (type === AnnotationMetadataEntryType.WARN) annotations.addWarning(message);
  else annotations.addInfo(message);
}
