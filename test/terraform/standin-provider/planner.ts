import { randomBytes } from 'crypto';
import { ResourceRules } from './resource-rules';
import { CtyType, isObjectValue, ObjectValue, sameValue, SchemaBlock, SchemaNestedBlock, UNKNOWN, UnknownValue, Value } from './values';

/*
 * PlanResourceChange, ApplyResourceChange and UpgradeResourceState for a provider that has a
 * schema and no API: plan what the plugin SDK would plan, and "apply" by making up the values
 * that were unknown.
 */

export interface PlannedChange {
  readonly planned: Value;
  /** Top-level attribute or block names whose change forces replacement. */
  readonly requiresReplace: string[];
}

/** The value of a nested block type with no blocks. */
function noBlocks(nested: SchemaNestedBlock): Value {
  if (nested.nesting_mode === 'list' || nested.nesting_mode === 'set') return [];
  return nested.nesting_mode === 'map' ? {} : null;
}

/** Applies `update` to each block of a nested block type's value (a list, set, map or single block). */
function eachBlock(nested: SchemaNestedBlock, value: Value | undefined, update: (block: Value) => Value): Value {
  if (Array.isArray(value)) return value.map(update);
  if (isObjectValue(value) && nested.nesting_mode === 'map') {
    return Object.fromEntries(Object.entries(value).map(([key, element]) => [key, update(element)]));
  }
  return update(value ?? null);
}

function planBlock(block: SchemaBlock, value: Value, creating: boolean, prefix: string, rules: ResourceRules | undefined): Value {
  if (!isObjectValue(value)) return value;
  const planned: ObjectValue = { ...value };
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (planned[name] !== null && planned[name] !== undefined) continue;
    const fallback = rules?.defaults.get(`${prefix}${name}`);
    if (!attribute.computed && fallback !== undefined) {
      planned[name] = fallback;
    } else if (attribute.computed && creating) {
      // What the provider decides on create (`id` included) is "known after apply". On update,
      // Terraform's proposed state already carries the prior values of computed attributes.
      planned[name] = UNKNOWN;
    }
  }
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    planned[name] = eachBlock(nested, planned[name], (element) => planBlock(nested.block, element, creating, `${prefix}${name}.`, rules));
  }
  return planned;
}

/** The values at a dotted path, across every element of the blocks on the way. */
function valuesAt(value: Value | undefined, segments: string[]): Value[] {
  if (segments.length === 0) return [value ?? null];
  if (Array.isArray(value)) return value.flatMap((element) => valuesAt(element, segments));
  if (!isObjectValue(value)) return [value ?? null];
  return valuesAt(value[segments[0]], segments.slice(1));
}

/** The plan of a resource from its prior state (null on create) and Terraform's proposed new state. */
export function planResourceChange(block: SchemaBlock, rules: ResourceRules | undefined, prior: Value, proposed: Value): PlannedChange {
  if (proposed === null) return { planned: null, requiresReplace: [] };
  const planned = planBlock(block, proposed, prior === null, '', rules);
  if (prior === null) return { planned, requiresReplace: [] };
  const replacing = new Set<string>();
  for (const path of rules?.forceNew ?? []) {
    const segments = path.split('.');
    if (!sameValue(valuesAt(prior, segments), valuesAt(planned, segments))) replacing.add(segments[0]);
  }
  return { planned, requiresReplace: [...replacing] };
}

function typeArguments(type: CtyType): unknown[] {
  return Array.isArray(type) ? type.slice(1) : [];
}

/** A made-up value of a type, for what the real provider would have learnt from its API. */
function madeUpValue(type: CtyType): Value {
  if (type === 'string') return `standin-${randomBytes(4).toString('hex')}`;
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  const [kind, argument] = [Array.isArray(type) ? type[0] : type, typeArguments(type)[0]];
  if (kind === 'list' || kind === 'set' || kind === 'tuple') return [];
  if (kind === 'map') return {};
  if (kind === 'object') return Object.fromEntries(Object.keys(argument as object).map((name) => [name, null]));
  return null;
}

function knownValue(type: CtyType, value: Value): Value {
  if (value instanceof UnknownValue) return madeUpValue(type);
  const [kind, argument] = [Array.isArray(type) ? type[0] : type, typeArguments(type)[0]];
  if (Array.isArray(value)) {
    return value.map((element, index) => knownValue((kind === 'tuple' ? (argument as CtyType[])[index] : argument) as CtyType, element));
  }
  if (isObjectValue(value)) {
    const elementType = (name: string) => (kind === 'object' ? (argument as Record<string, CtyType>)[name] : argument as CtyType);
    return Object.fromEntries(Object.entries(value).map(([name, element]) => [name, knownValue(elementType(name), element)]));
  }
  return value;
}

/** The planned state with every unknown replaced by a made-up value: the state after a stand-in apply. */
export function applyPlannedState(block: SchemaBlock, planned: Value): Value {
  if (!isObjectValue(planned)) return planned;
  const applied: ObjectValue = { ...planned };
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) applied[name] = knownValue(attribute.type, applied[name] ?? null);
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    const current = applied[name];
    applied[name] = current instanceof UnknownValue
      ? noBlocks(nested)
      : eachBlock(nested, current, (element) => applyPlannedState(nested.block, element));
  }
  return applied;
}

/**
 * A state read back from Terraform's JSON state file, completed to the schema's shape (attributes
 * absent from an older state are null, absent blocks empty).
 */
export function conformState(block: SchemaBlock, state: Value): Value {
  if (!isObjectValue(state)) return state;
  const conformed: ObjectValue = {};
  for (const name of Object.keys(block.attributes ?? {})) conformed[name] = state[name] ?? null;
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    const current = state[name];
    conformed[name] = current === undefined || current === null
      ? noBlocks(nested)
      : eachBlock(nested, current, (element) => conformState(nested.block, element));
  }
  return conformed;
}
