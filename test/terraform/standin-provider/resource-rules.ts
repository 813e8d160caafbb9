import { attributeKeys, compileValidator, literalDefault, UnsupportedRule, Validator } from './validators';
import { isKnown, isObjectValue, isSet, ObjectValue, SchemaAttribute, SchemaBlock, UNKNOWN, UnknownValue, Value, VersionedSchema } from './values';

/** One attribute of a resource in `data/provider-schemas/*.notes.json`. */
export interface AttributeNote {
  /** Dotted path without indexes, e.g. `data_disks.category`. */
  readonly path: string;
  readonly type: string;
  readonly flags: string[];
  readonly ValidateFunc?: string;
  readonly ConflictsWith?: string[] | string;
  readonly ExactlyOneOf?: string[] | string;
  readonly AtLeastOneOf?: string[] | string;
  readonly Deprecated?: string;
  readonly Removed?: string;
  readonly Default?: string;
  readonly MinItems?: number;
  readonly MaxItems?: number;
}

/** `*.notes.json`: per resource type, the attributes as the provider's Go source declares them. */
export type ProviderNotes = Record<string, { readonly attributes: AttributeNote[] }>;

/** A step of a tfplugin6 `AttributePath`, as a proto-loader object. */
export type PathStep = { readonly attribute_name: string } | { readonly element_key_int: number };

/** A tfplugin6 `Diagnostic`, as a proto-loader object. */
export interface ProtoDiagnostic {
  readonly severity: 'ERROR' | 'WARNING';
  readonly summary: string;
  readonly detail?: string;
  readonly attribute?: { readonly steps: PathStep[] };
}

/** The kinds of notes rules that the stand-in enforces or applies. */
export type RuleKind = 'ValidateFunc' | 'ConflictsWith' | 'ExactlyOneOf' | 'AtLeastOneOf' | 'MinItems' | 'MaxItems'
| 'Deprecated' | 'Removed' | 'Default' | 'ForceNew' | 'ComputedOnly';

/** A notes rule that is not enforced, and why. */
export interface SkippedRule {
  readonly resource: string;
  readonly path: string;
  readonly rule: string;
  readonly reason: string;
}

interface AttributeRule {
  readonly segments: string[];
  /** Computed and neither optional nor required in the schema: the SDK refuses a configured value. */
  readonly computedOnly: boolean;
  readonly validate?: Validator;
  readonly conflictsWith: string[];
  readonly exactlyOneOf: string[];
  readonly atLeastOneOf: string[];
  readonly deprecated?: string;
  readonly removed?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** One occurrence of an attribute in a configuration (nested attributes occur once per block). */
interface Occurrence {
  readonly value: Value | undefined;
  /** The SDK's flat key, e.g. `data_disks.0.category`. */
  readonly key: string;
  readonly steps: PathStep[];
}

function attributeAt(block: SchemaBlock, segments: string[]): SchemaAttribute | undefined {
  const [first, ...rest] = segments;
  if (rest.length === 0) return block.attributes?.[first];
  const nested = block.block_types?.[first];
  return nested === undefined ? undefined : attributeAt(nested.block, rest);
}

function isInSchema(block: SchemaBlock, segments: string[]): boolean {
  if (attributeAt(block, segments) !== undefined) return true;
  const parent = segments.slice(0, -1).reduce<SchemaBlock | undefined>((current, segment) => current?.block_types?.[segment]?.block, block);
  return parent?.block_types?.[segments[segments.length - 1]] !== undefined;
}

function computedOnlyPaths(block: SchemaBlock, prefix: string[] = []): string[][] {
  const own = Object.entries(block.attributes ?? {})
    .filter(([, attribute]) => attribute.computed && !attribute.optional && !attribute.required)
    .map(([name]) => [...prefix, name]);
  const nested = Object.entries(block.block_types ?? {}).flatMap(([name, type]) => computedOnlyPaths(type.block, [...prefix, name]));
  return [...own, ...nested];
}

/** The JavaScript `typeof` of a cty primitive type's values. */
const JAVASCRIPT_TYPES: Record<string, string> = { string: 'string', number: 'number', bool: 'boolean' };

function isWhollyKnown(value: Value | undefined): boolean {
  if (value instanceof UnknownValue) return false;
  if (Array.isArray(value)) return value.every(isWhollyKnown);
  if (isObjectValue(value)) return Object.values(value).every(isWhollyKnown);
  return true;
}

function sortedUnique(keys: string[]): string[] {
  return [...new Set(keys)].sort();
}

function error(summary: string, detail: string | undefined, steps: PathStep[]): ProtoDiagnostic {
  return { severity: 'ERROR', summary, ...(detail === undefined ? {} : { detail }), attribute: { steps } };
}

/** The notes of one resource type, compiled against its schema. */
export class ResourceRules {
  /** Literal `Default`s by dotted path (the SDK plans them for null, non-computed attributes). */
  public readonly defaults = new Map<string, string | number | boolean>();
  /** Top-level attribute and block names whose change forces a new resource (`ForceNew` anywhere below). */
  public readonly forceNew = new Set<string>();
  public readonly skipped: SkippedRule[] = [];
  public readonly enforced: Partial<Record<RuleKind, number>> = {};
  /** By dotted path. */
  private readonly rules = new Map<string, AttributeRule>();

  constructor(private readonly typeName: string, private readonly schema: VersionedSchema, notes: AttributeNote[]) {
    for (const note of notes) this.compile(note);
    // Terraform itself accepts a value for a computed-only attribute; the SDK refuses it.
    for (const segments of computedOnlyPaths(schema.block)) {
      const path = segments.join('.');
      this.rules.set(path, { ...this.rules.get(path) ?? { segments, conflictsWith: [], exactlyOneOf: [], atLeastOneOf: [] }, computedOnly: true });
      this.count('ComputedOnly');
    }
  }

  /** Diagnostics for a resource configuration, as the provider's own validation would report them. */
  public validate(config: ObjectValue): ProtoDiagnostic[] {
    return [...this.rules.values()].flatMap((rule) => this.occurrences(config, rule.segments)
      .flatMap((occurrence) => this.check(config, rule, occurrence)));
  }

  private count(kind: RuleKind): void {
    this.enforced[kind] = (this.enforced[kind] ?? 0) + 1;
  }

  private skip(note: AttributeNote, rule: string, reason: string): void {
    this.skipped.push({ resource: this.typeName, path: note.path, rule, reason });
  }

  private keys(note: AttributeNote, kind: 'ConflictsWith' | 'ExactlyOneOf' | 'AtLeastOneOf'): string[] {
    const source = note[kind];
    if (source === undefined) return [];
    try {
      const keys = attributeKeys(source);
      this.count(kind);
      return keys;
    } catch (problem) {
      this.skip(note, kind, (problem as Error).message);
      return [];
    }
  }

  private compile(note: AttributeNote): void {
    const segments = note.path.split('.');
    if (!isInSchema(this.schema.block, segments)) {
      // Such paths go into a computed attribute of object type, which no configuration sets.
      this.skip(note, 'all', 'not an attribute or block path of the provider schema');
      return;
    }
    let validate: Validator | undefined;
    if (note.ValidateFunc !== undefined) {
      try {
        validate = compileValidator(note.ValidateFunc);
        this.count('ValidateFunc');
      } catch (problem) {
        if (!(problem instanceof UnsupportedRule)) throw problem;
        this.skip(note, `ValidateFunc ${note.ValidateFunc}`, problem.message);
      }
    }
    if (note.flags.includes('ForceNew')) {
      this.forceNew.add(segments[0]);
      this.count('ForceNew');
    }
    this.compileDefault(note, segments);
    for (const kind of ['Deprecated', 'Removed', 'MinItems', 'MaxItems'] as const) if (note[kind] !== undefined) this.count(kind);
    this.rules.set(note.path, {
      segments,
      computedOnly: false,
      validate,
      conflictsWith: this.keys(note, 'ConflictsWith'),
      exactlyOneOf: this.keys(note, 'ExactlyOneOf'),
      atLeastOneOf: this.keys(note, 'AtLeastOneOf'),
      deprecated: note.Deprecated,
      removed: note.Removed,
      minItems: note.MinItems,
      maxItems: note.MaxItems,
    });
  }

  private compileDefault(note: AttributeNote, segments: string[]): void {
    if (note.Default === undefined) return;
    const value = literalDefault(note.Default);
    const attribute = attributeAt(this.schema.block, segments);
    if (value === undefined || attribute === undefined || JAVASCRIPT_TYPES[String(attribute.type)] !== typeof value) {
      this.skip(note, `Default ${note.Default}`, 'not a Go literal of the attribute\'s type');
      return;
    }
    this.defaults.set(note.path, value);
    this.count('Default');
  }

  /** Every place the attribute at `segments` occurs in `config`: once per enclosing block. */
  private occurrences(config: ObjectValue, segments: string[]): Occurrence[] {
    let parents = [{ object: config, block: this.schema.block, key: '', steps: [] as PathStep[] }];
    for (const segment of segments.slice(0, -1)) {
      parents = parents.flatMap((parent) => {
        const nested = parent.block.block_types![segment];
        const value = parent.object[segment];
        const elements = Array.isArray(value) ? value : [value];
        return elements.flatMap((element, index) => (isObjectValue(element) ? [{
          object: element,
          block: nested.block,
          key: `${parent.key}${segment}.${index}.`,
          // Set elements have no index a diagnostic could point at: stop at the set.
          steps: nested.nesting_mode === 'list'
            ? [...parent.steps, { attribute_name: segment }, { element_key_int: index }]
            : [...parent.steps, { attribute_name: segment }],
        }] : []));
      });
    }
    const name = segments[segments.length - 1];
    return parents.map((parent) => ({ value: parent.object[name], key: `${parent.key}${name}`, steps: [...parent.steps, { attribute_name: name }] }));
  }

  /**
   * The value at an SDK flat key (`name`, `block.0.name`), as `ResourceConfig.Get` sees it: an empty
   * list of blocks is absent, as the SDK's config shim leaves it out.
   */
  private lookup(config: ObjectValue, key: string): Value | undefined {
    const segments = key.split('.');
    let object = config;
    let block = this.schema.block;
    for (let index = 0; index < segments.length; index++) {
      const nested = block.block_types?.[segments[index]];
      let value = object[segments[index]];
      if (index === segments.length - 1) return nested !== undefined && Array.isArray(value) && value.length === 0 ? undefined : value;
      if (nested === undefined) return undefined;
      if (Array.isArray(value)) value = value[Number(segments[++index])];
      if (value instanceof UnknownValue) return UNKNOWN;
      if (!isObjectValue(value)) return undefined;
      object = value;
      block = nested.block;
    }
    return undefined;
  }

  /** The SDK's `schemaMap.validate` for one attribute occurrence, with its checks in its order. */
  private check(config: ObjectValue, rule: AttributeRule, occurrence: Occurrence): ProtoDiagnostic[] {
    const { key, steps, value } = occurrence;
    if (rule.exactlyOneOf.length > 0) {
      const keys = sortedUnique([...rule.exactlyOneOf, key]);
      const values = keys.map((other) => this.lookup(config, other));
      const specified = keys.filter((_, index) => isKnown(values[index]));
      const unknown = values.filter((other) => other instanceof UnknownValue).length;
      if (specified.length === 0 && unknown === 0) {
        return [error('Invalid combination of arguments', `"${key}": one of \`${keys.join(',')}\` must be specified`, steps)];
      }
      if (specified.length > 1) {
        return [error('Invalid combination of arguments',
          `"${key}": only one of \`${keys.join(',')}\` can be specified, but \`${specified.join(',')}\` were specified.`, steps)];
      }
    }
    if (rule.atLeastOneOf.length > 0) {
      const keys = sortedUnique([...rule.atLeastOneOf, key]);
      if (!keys.some((other) => isSet(this.lookup(config, other)))) {
        return [error('Missing required argument', `"${key}": one of \`${keys.join(',')}\` must be specified`, steps)];
      }
    }
    if (!isSet(value) || this.lookup(config, key) === undefined) return [];
    if (rule.computedOnly) {
      return [error('Value for unconfigurable attribute',
        `Can't configure a value for "${key}": its value will be decided automatically based on the result of applying this configuration.`, steps)];
    }
    if (rule.removed !== undefined) return [error('Argument is removed', `"${key}": [REMOVED] ${rule.removed}`, steps)];
    const deprecation: ProtoDiagnostic[] = rule.deprecated === undefined ? []
      : [{ severity: 'WARNING', summary: 'Argument is deprecated', detail: rule.deprecated, attribute: { steps } }];
    if (!isWhollyKnown(value)) return deprecation;
    const conflicting = rule.conflictsWith.find((other) => isKnown(this.lookup(config, other)));
    if (conflicting !== undefined) return [error('Conflicting configuration arguments', `"${key}": conflicts with ${conflicting}`, steps)];
    if (Array.isArray(value) && rule.maxItems !== undefined && value.length > rule.maxItems) {
      return [error('Too many list items', `Attribute supports ${rule.maxItems} item maximum, but config has ${value.length} declared.`, steps)];
    }
    if (Array.isArray(value) && rule.minItems !== undefined && value.length < rule.minItems) {
      return [error('Not enough list items', `Attribute requires ${rule.minItems} item minimum, but config has only ${value.length} declared.`, steps)];
    }
    const invalid = rule.validate?.(value, key) ?? [];
    return [...deprecation, ...invalid.map((message) => error(message, undefined, steps))];
  }
}

/** Compiles the notes of every resource type that the schema has. */
export function compileResourceRules(notes: ProviderNotes, resourceSchemas: Record<string, VersionedSchema>): Map<string, ResourceRules> {
  const rules = new Map<string, ResourceRules>();
  for (const [typeName, schema] of Object.entries(resourceSchemas)) {
    rules.set(typeName, new ResourceRules(typeName, schema, notes[typeName]?.attributes ?? []));
  }
  return rules;
}
