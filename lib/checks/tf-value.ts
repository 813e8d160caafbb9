import { IConstruct } from 'constructs';
import { MAX_INSTANCES } from './instance-expansion';

/**
 * How a configuration value reads at synth time.
 * - `absent`: not set (the provider default applies)
 * - `literal`: written as a plain value (string, number, boolean, list or object)
 * - `reference`: exactly `${<type>.<name>.<attribute>}` to a resource of the same stack
 * - `unknown`: only known at deploy time (variable, data source, local, module output, remote
 *   state, function call, interpolated string, reference to a resource the stack does not hold)
 */
export type TfValueKind = 'absent' | 'literal' | 'reference' | 'unknown';

/** Finds a resource of the stack by its Terraform address (`aws_subnet.app`). */
export interface ResourceLookup {
  resourceAt(address: string): TfResource | undefined;
  /** The instances of a block expanded from a literal count or for_each (`aws_eip.web` -> `web[0]`, ...). */
  instancesOf(blockAddress: string): TfResource[];
}

// `${aws_subnet.app.id}`, `${aws_instance.web[0].id}`, `${aws_instance.web.primary_network_interface_id}`
const REFERENCE = /^\$\{([A-Za-z][\w-]*)\.([A-Za-z_][\w-]*)(\[[^\]]+\])?((?:\.[\w-]+)*)\}$/;
// Terraform namespaces that are not managed resources: their values are never known at synth time.
const NON_RESOURCE_ROOTS = new Set(['data', 'var', 'local', 'module', 'count', 'each', 'path', 'terraform', 'self']);
const MAX_FOLLOW = 8;

/** One value of a resource's Terraform JSON, classified once so that rules never parse `${...}`. */
export class TfValue {
  public static readonly ABSENT = new TfValue('absent', undefined);

  /** A value only known at deploy time whatever it looks like (the `for_each` of a dynamic block, ...). */
  public static unknown(raw: unknown): TfValue {
    return new TfValue('unknown', raw);
  }

  /** Classifies a raw value of the stack's Terraform JSON. */
  public static of(raw: unknown, lookup: ResourceLookup): TfValue {
    if (raw === undefined || raw === null) return TfValue.ABSENT;
    if (typeof raw !== 'string') return new TfValue('literal', raw, lookup);
    if (!raw.includes('${')) return new TfValue('literal', raw, lookup);
    const match = REFERENCE.exec(raw);
    if (!match || NON_RESOURCE_ROOTS.has(match[1])) return new TfValue('unknown', raw, lookup, undefined, undefined, false, reasonUnknown(raw, match));
    const attribute = match[4].replace(/^\./, '');
    // `aws_instance.web[0]` is one instance of an expanded count: a reference to that resource alone.
    const instance = match[3] === undefined ? undefined : lookup.resourceAt(`${match[1]}.${match[2]}${instanceKey(match[3])}`);
    if (instance) return new TfValue('reference', raw, lookup, instance, attribute);
    const target = lookup.resourceAt(`${match[1]}.${match[2]}`);
    if (!target) return new TfValue('unknown', raw, lookup, undefined, undefined, false, missingTargetReason(`${match[1]}.${match[2]}`, lookup));
    return new TfValue('reference', raw, lookup, target, attribute, match[3] !== undefined);
  }

  /** The number of copies of a resource with `count`/`for_each` that could not be expanded. */
  public static repetition(raw: unknown, lookup: ResourceLookup): TfValue {
    const value = TfValue.of(raw, lookup);
    return value.isUnknown ? value : new TfValue('unknown', raw, lookup, undefined, undefined, false,
      `a count or for_each this checker does not expand (over ${MAX_INSTANCES} copies, or not a list, map or set of strings)`);
  }

  private constructor(
    /** How the value reads at synth time. */
    public readonly kind: TfValueKind,
    /** The value exactly as it appears in the Terraform JSON. */
    public readonly raw: unknown,
    private readonly lookup?: ResourceLookup,
    /** For a reference: the resource referred to. */
    public readonly target?: TfResource,
    /** For a reference: the attribute read (`id`, `primary_network_interface_id`, ...); may be empty. */
    public readonly attribute?: string,
    /** For a reference: whether it picks one instance of a `count`/`for_each` resource (`[0]`). */
    public readonly indexed = false,
    /** For an unknown value: why it is unknown at synth time, in a message. */
    public readonly unknownReason?: string,
  ) {}

  public get isAbsent(): boolean { return this.kind === 'absent'; }
  public get isLiteral(): boolean { return this.kind === 'literal'; }
  public get isReference(): boolean { return this.kind === 'reference'; }
  public get isUnknown(): boolean { return this.kind === 'unknown'; }

  /** A literal number, or a literal string holding one; otherwise undefined. */
  public asNumber(): number | undefined {
    if (this.kind !== 'literal') return undefined;
    if (typeof this.raw === 'number') return this.raw;
    if (typeof this.raw === 'string' && this.raw.trim() !== '' && !Number.isNaN(Number(this.raw))) return Number(this.raw);
    return undefined;
  }

  /** A literal string (or a number written as one); otherwise undefined. */
  public asString(): string | undefined {
    if (this.kind !== 'literal') return undefined;
    if (typeof this.raw === 'string') return this.raw;
    if (typeof this.raw === 'number') return String(this.raw);
    return undefined;
  }

  /** A literal boolean, or the literal strings `true`/`false`; otherwise undefined. */
  public asBoolean(): boolean | undefined {
    if (this.kind !== 'literal') return undefined;
    if (typeof this.raw === 'boolean') return this.raw;
    if (this.raw === 'true' || this.raw === 'false') return this.raw === 'true';
    return undefined;
  }

  /**
   * The elements of a literal list, each classified; `[]` when absent; undefined when the list
   * itself is unknown or a reference (its length is then only known at deploy time).
   */
  public asList(): TfValue[] | undefined {
    if (this.kind === 'absent') return [];
    if (this.kind !== 'literal' || !Array.isArray(this.raw)) return undefined;
    const lookup = this.lookup!;
    return this.raw.map((element) => TfValue.of(element, lookup));
  }

  /** The resource this value refers to, when it is a reference (optionally only of that type). */
  public referenceTo(type?: string): TfResource | undefined {
    if (this.kind !== 'reference') return undefined;
    return type === undefined || this.target!.type === type ? this.target : undefined;
  }

  /**
   * Follows references to attributes written literally on the target
   * (`${aws_subnet.app.availability_zone}` becomes the subnet's `availability_zone`), so that
   * rules compare values rather than expressions. Computed attributes (`id`, ...) stay references.
   */
  public follow(): TfValue {
    let value: TfValue = this;
    for (let hops = 0; hops < MAX_FOLLOW && value.kind === 'reference'; hops++) {
      const attribute = value.attribute ?? '';
      if (attribute === '' || attribute.includes('.') || value.indexed) return value;
      const next = value.target!.attr(attribute);
      if (next.isAbsent) return value;
      value = next;
    }
    return value;
  }

  /** How to show the value in a message: literals as JSON, expressions as written. */
  public get display(): string {
    if (this.kind === 'absent') return '(not set)';
    return typeof this.raw === 'string' ? `"${this.raw}"` : JSON.stringify(this.raw);
  }
}

// `[0]`, `[ 0 ]`, `["a"]`, `['a']` as an instance address writes them.
function instanceKey(index: string): string {
  const inner = index.slice(1, -1).trim();
  if (/^\d+$/.test(inner)) return `[${inner}]`;
  const quoted = /^"([^"\\]*)"$/.exec(inner);
  return quoted ? `[${JSON.stringify(quoted[1])}]` : index;
}

// The stack may hold the block as instances of a literal count: then the expression picks copies
// by an index that is not a literal (a splat, a variable) or one past the count.
function missingTargetReason(blockAddress: string, lookup: ResourceLookup): string {
  const copies = lookup.instancesOf(blockAddress).length;
  return copies > 0
    ? `which of the ${copies} copies of ${blockAddress} it picks, only known at deploy time`
    : 'a resource this stack does not hold (another stack or configuration), only known at deploy time';
}

// Messages say why a value is unknown: the first name of the expression tells where it comes from.
const ROOT_REASONS: Record<string, string> = {
  var: 'an input variable',
  data: 'read from a data source',
  local: 'a local value',
  module: 'an output of a module',
  count: 'the index of a counted copy',
  each: 'the key of a for_each copy',
};

function reasonUnknown(raw: string, match: RegExpExecArray | null): string {
  const root = match?.[1] ?? /^\$\{\s*([A-Za-z_][\w-]*)\s*[.(\[]/.exec(raw)?.[1];
  const from = root === undefined ? undefined : ROOT_REASONS[root] ?? (/^\$\{\s*[A-Za-z_][\w-]*\(/.test(raw) ? functionReason(raw) : undefined);
  return from ? `${from}, only known at deploy time` : 'only known at deploy time';
}

// `${toset(var.names)}` is the variable's value in another form: say where the value comes from.
function functionReason(raw: string): string {
  const input = /\b(var|data|local|module)\./.exec(raw)?.[1];
  return input ? `computed by a function of ${ROOT_REASONS[input].replace(/^read from /, '')}` : 'computed by a function';
}

/** Blocks of a resource (`network_interface`, `attachment`, `route`, ...), normalized to a list. */
export interface TfBlocks {
  /** False when the block list is only known at deploy time (dynamic block or token). */
  readonly known: boolean;
  /** The blocks written literally (empty when unknown). */
  readonly items: TfObject[];
  /** When unknown: the value that hides the blocks. */
  readonly unknown?: TfValue;
}

/** An object of the Terraform JSON (a resource body or one of its blocks). */
export class TfObject {
  constructor(
    /** The object exactly as it appears in the Terraform JSON. */
    public readonly raw: Readonly<Record<string, unknown>>,
    protected readonly lookup: ResourceLookup,
  ) {}

  /** One attribute, classified. */
  public attr(name: string): TfValue {
    return TfValue.of(this.raw[name], this.lookup);
  }

  /** The blocks of that name, whether written as a list, a single object or a dynamic block. */
  public blocks(name: string): TfBlocks {
    const dynamic = this.raw.dynamic as Record<string, unknown> | undefined;
    if (dynamic && typeof dynamic === 'object' && dynamic[name] !== undefined) {
      const forEach = (dynamic[name] as Record<string, unknown>).for_each;
      return { known: false, items: [], unknown: TfValue.unknown(`dynamic "${name}" for_each ${typeof forEach === 'string' ? forEach : JSON.stringify(forEach)}`) };
    }
    const raw = this.raw[name];
    if (raw === undefined || raw === null) return { known: true, items: [] };
    const list = Array.isArray(raw) ? raw : [raw];
    if (list.some((item) => item === null || typeof item !== 'object' || Array.isArray(item))) {
      return { known: false, items: [], unknown: TfValue.unknown(raw) };
    }
    return { known: true, items: list.map((item) => new TfObject(item as Record<string, unknown>, this.lookup)) };
  }
}

/** One resource of the stack: its Terraform JSON, its address and the construct that declares it. */
export class TfResource extends TfObject {
  /** `aws_instance.web` */
  public readonly address: string;
  /**
   * The construct path relative to the stack, without the trailing `/Resource` of an L1 wrapped
   * in a higher-level construct: what the user recognizes as the name of the resource.
   */
  public readonly path: string;
  /** Whether the resource has `count` or `for_each`: it may stand for several real resources. */
  public readonly repeated: boolean;

  constructor(
    /** The Terraform resource type (`aws_instance`). */
    public readonly type: string,
    /** The Terraform resource name (logical id). */
    public readonly name: string,
    raw: Readonly<Record<string, unknown>>,
    lookup: ResourceLookup,
    // Found only when a finding needs it: most resources never have one.
    private readonly constructOf: () => IConstruct,
    path: string,
    /** How messages name the type (`eni`); the cloud that owns the type supplies it. */
    private readonly noun: string = type,
    /** The full construct path the Terraform JSON records for it (cdktf's `//` metadata), with the instance key. */
    public readonly declaredPath?: string,
  ) {
    super(raw, lookup);
    this.address = `${type}.${name}`;
    this.path = path.replace(/\/Resource$/, '');
    // A literal count or for_each was expanded into instances (instance-expansion.ts): what is
    // left stands for a number of copies known only at deploy time. `count = 1` still means one.
    this.repeated = (raw.count !== undefined && raw.count !== 1) || raw.for_each !== undefined;
  }

  /** What makes a repeated resource stand for several: its `for_each`, else its `count`. */
  public get repetition(): TfValue {
    return TfValue.repetition(this.raw[this.raw.for_each !== undefined ? 'for_each' : 'count'], this.lookup);
  }

  /** The address of the block it comes from: `aws_eip.web` for `aws_eip.web[0]`, what `depends_on` takes. */
  public get blockAddress(): string {
    return this.address.replace(/\[[^\]]*\]$/, '');
  }

  /** The construct findings about this resource are attached to (the stack for a resource written by an override). */
  public get construct(): IConstruct {
    return this.constructOf();
  }

  /** How messages name the resource: `eni "web/mgmt"`. */
  public get label(): string {
    return `${this.noun} "${this.path}"`;
  }
}
