import { decode, encode, ExtensionCodec } from '@msgpack/msgpack';

/** A cty type in the JSON form of `terraform providers schema -json`: `"string"`, `["list", "string"]`, ... */
export type CtyType = string | [string, ...unknown[]];

/** An attribute of `terraform providers schema -json`. */
export interface SchemaAttribute {
  readonly type: CtyType;
  readonly description?: string;
  readonly description_kind?: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
}

/** A nested block type of `terraform providers schema -json`. */
export interface SchemaNestedBlock {
  readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

/** A block of `terraform providers schema -json`. */
export interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, SchemaNestedBlock>;
  readonly description?: string;
  readonly description_kind?: string;
  readonly deprecated?: boolean;
}

/** The schema of a provider, resource or data source: a versioned top-level block. */
export interface VersionedSchema {
  readonly version: number;
  readonly block: SchemaBlock;
}

/** One entry of `provider_schemas` in `terraform providers schema -json`. */
export interface ProviderSchemaJson {
  readonly provider: VersionedSchema;
  readonly resource_schemas?: Record<string, VersionedSchema>;
  readonly data_source_schemas?: Record<string, VersionedSchema>;
}

/** A value Terraform has not decided yet ("known after apply"). */
export class UnknownValue {
  public static readonly INSTANCE = new UnknownValue();
  private constructor() {}
}

export const UNKNOWN = UnknownValue.INSTANCE;

/** A decoded Terraform value: msgpack with unknowns; objects, maps and blocks are plain objects. */
export type Value = null | string | number | boolean | UnknownValue | Value[] | { [name: string]: Value };

/** The object form of a block value (attributes and nested blocks by name). */
export type ObjectValue = { [name: string]: Value };

export function isObjectValue(value: Value | undefined): value is ObjectValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof UnknownValue);
}

/** Whether a value is set in the sense of the plugin SDK: neither null nor absent (unknown counts as set). */
export function isSet(value: Value | undefined): value is Exclude<Value, null> {
  return value !== undefined && value !== null;
}

/** Whether a value is set and wholly known at its top level. */
export function isKnown(value: Value | undefined): value is Exclude<Value, null | UnknownValue> {
  return isSet(value) && !(value instanceof UnknownValue);
}

// cty writes an unknown as msgpack extension 0; Terraform 1.3+ may send a refined unknown
// (extension 12, with the refinements as payload) that is still just "unknown" to a stand-in.
const CTY_UNKNOWN_EXTENSION = 0;
const CTY_REFINED_UNKNOWN_EXTENSION = 12;

const ctyExtensions = new ExtensionCodec();
ctyExtensions.register({
  type: CTY_UNKNOWN_EXTENSION,
  encode: (input: unknown) => (input instanceof UnknownValue ? new Uint8Array([0]) : null),
  decode: () => UNKNOWN,
});
ctyExtensions.register({ type: CTY_REFINED_UNKNOWN_EXTENSION, encode: () => null, decode: () => UNKNOWN });

/** Decodes a DynamicValue's msgpack bytes; absent bytes are a null value (no prior state, ...). */
export function decodeValue(bytes: Uint8Array | null | undefined): Value {
  if (!bytes || bytes.length === 0) return null;
  return decode(bytes, { extensionCodec: ctyExtensions }) as Value;
}

export function encodeValue(value: Value): Buffer {
  return Buffer.from(encode(value, { extensionCodec: ctyExtensions }));
}

/** Structural equality; an unknown equals nothing, so a change to or from unknown is a change. */
export function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (a instanceof UnknownValue || b instanceof UnknownValue) return false;
  if (a === undefined || b === undefined || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return (a ?? null) === (b ?? null);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  const left = a as ObjectValue;
  const right = b as ObjectValue;
  const names = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...names].every((name) => sameValue(left[name], right[name]));
}
