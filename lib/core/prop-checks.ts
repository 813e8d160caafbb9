import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ErrorCode } from './error-codes';
import { NetworkConstraintError } from './errors';

/**
 * What one prop must be: `string`, `number`, `boolean`, `function`, `text` (a string written into
 * the configuration as it is: no `${` or `%{`, which Terraform would read as an expression), `tags`
 * (a map of text to text), one of listed values (`=BOTH|NONE`, for string enums), an object
 * described by its type name (`SubnetReference`), any of those as a list (`string[]`), optional
 * with a trailing `?`.
 */
export type PropType = string | PropClass;

/** A prop that must be an instance of a class (a plain object of the same shape lacks its methods). */
export interface PropClass {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- classes with private constructors too
  readonly instanceOf: Function;
  readonly optional: boolean;
  readonly list: boolean;
}

/** An instance of `type` (`instanceOf(SubnetReference)`), optional or a list of them on demand. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- classes with private constructors too
export function instanceOf(type: Function, options: { optional?: boolean; list?: boolean } = {}): PropClass {
  return { instanceOf: type, optional: options.optional ?? false, list: options.list ?? false };
}

const PRIMITIVES = new Set(['string', 'number', 'boolean', 'function']);

/**
 * Checks props at the JavaScript boundary. TypeScript refuses a missing prop or a wrong type at
 * compile time; plain JavaScript and the other jsii languages reach the constructor with them, where
 * they would surface as a `TypeError` from deep inside. This turns them into the typed error, naming
 * the prop's path. Tokens pass: a value known only at deploy time is never guessed at.
 *
 * @param scope the construct the props are for
 * @param props the props as received
 * @param spec each checked prop and its type (`{ subnet: 'SubnetReference', count: 'number?' }`)
 * @param path how the error names the props (`props`, `props.interfaces[1]`)
 * @throws NetworkConstraintError `MissingRequiredProp`, `InvalidPropType`
 */
export function checkProps(scope: IConstruct, props: unknown, spec: Readonly<Record<string, PropType>>, path = 'props'): void {
  const required = Object.values(spec).some((type) => !isOptional(type));
  if (props === undefined || props === null) {
    if (required) throw missing(scope, path, describeObject(spec));
    return;
  }
  if (typeof props !== 'object' || Array.isArray(props)) throw wrongType(scope, path, props, 'an object of props');
  for (const [name, type] of Object.entries(spec)) {
    checkValue(scope, (props as Record<string, unknown>)[name], type, `${path}.${name}`);
  }
}

/**
 * Checks that a prop is an instance of a class of this library (a plain object with the same shape
 * is not: its methods are missing).
 *
 * @throws NetworkConstraintError `MissingRequiredProp`, `InvalidPropType`
 */
function checkClassValue(scope: IConstruct, value: unknown, declared: PropClass, path: string): void {
  if (value === undefined && declared.optional) return;
  if (!declared.list) {
    checkInstanceOf(scope, value, declared.instanceOf, path);
    return;
  }
  if (isToken(value)) return;
  if (!Array.isArray(value)) throw wrongType(scope, path, value, `a list of ${declared.instanceOf.name} objects`);
  value.forEach((element, i) => checkInstanceOf(scope, element, declared.instanceOf, `${path}[${i}]`));
}

// A class with a private constructor (made by static methods) is still a `Function` with a `name`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- see above
export function checkInstanceOf(scope: IConstruct, value: unknown, type: Function, path: string): void {
  if (value === undefined || value === null) throw missing(scope, path, article(type.name));
  if (!(value instanceof type)) throw wrongType(scope, path, value, `${article(type.name)}, made with its static methods`);
}

function isOptional(type: PropType): boolean {
  return typeof type === 'string' ? type.endsWith('?') : type.optional;
}

function checkValue(scope: IConstruct, value: unknown, declared: PropType, path: string): void {
  if (typeof declared !== 'string') {
    checkClassValue(scope, value, declared, path);
    return;
  }
  const optional = declared.endsWith('?');
  const type = optional ? declared.slice(0, -1) : declared;
  if (value === undefined || (value === null && !optional)) {
    if (!optional) throw missing(scope, path, article(type));
    return;
  }
  // TypeScript's optional props take undefined, never null: a null would reach `.length` and friends.
  if (value === null) throw wrongType(scope, path, value, `${article(type)}, or nothing (undefined)`);
  if (isToken(value)) return;
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) throw wrongType(scope, path, value, `a list of ${plural(type.slice(0, -2))}`);
    value.forEach((element, i) => checkValue(scope, element, type.slice(0, -2), `${path}[${i}]`));
    return;
  }
  if (type === 'text') {
    checkText(scope, value, path);
    return;
  }
  if (type.startsWith('=')) {
    const allowed = type.slice(1).split('|');
    if (typeof value !== 'string' || !allowed.includes(value)) throw wrongType(scope, path, value, `one of ${allowed.join(', ')}`);
    return;
  }
  if (type === 'tags') {
    if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(scope, path, value, 'a map of tag keys to values');
    for (const [key, tag] of Object.entries(value as Record<string, unknown>)) {
      checkText(scope, key, `${path} key "${key}"`);
      checkValue(scope, tag, 'text', `${path}["${key}"]`);
    }
    return;
  }
  // NaN is a number to TypeScript too: the range checks of each construct refuse it.
  const ok = PRIMITIVES.has(type) ? typeof value === type : typeof value === 'object' && !Array.isArray(value);
  if (!ok) throw wrongType(scope, path, value, article(type));
}

// A literal `${` or `%{` in a string turns it into a Terraform template: `description = "a ${b}"`
// would fail at validate ("Reference to undeclared ...") or, worse, read a value nobody meant.
const TEMPLATE_SEQUENCE = /[$%]\{/;

/**
 * Throws `TemplateSequenceInText` when literal text holds `${` or `%{`, `InvalidPropType` when it is
 * no string; tokens pass.
 */
export function checkText(scope: IConstruct, value: unknown, path: string): void {
  if (isToken(value)) return;
  if (typeof value !== 'string') throw wrongType(scope, path, value, 'a string');
  if (!TEMPLATE_SEQUENCE.test(value)) return;
  throw new NetworkConstraintError({
    code: ErrorCode.TemplateSequenceInText,
    scope,
    problem: `${path} holds \`\${\` or \`%{\`, which Terraform reads as the start of an expression, not as text`,
    received: JSON.stringify(value).slice(0, 80),
    allowed: 'text without `${` and `%{`; for a value known at deploy time pass a token (a resource attribute, a variable)',
    fix: 'To write the characters themselves, pass Fn.rawString(text)',
    docUrl: 'https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences',
  });
}

function isToken(value: unknown): boolean {
  return Token.isUnresolved(value);
}

function missing(scope: IConstruct, path: string, allowed: string): NetworkConstraintError {
  return new NetworkConstraintError({
    code: ErrorCode.MissingRequiredProp,
    scope,
    problem: `${path} is required`,
    received: 'nothing (undefined)',
    allowed,
  });
}

function wrongType(scope: IConstruct, path: string, value: unknown, allowed: string): NetworkConstraintError {
  return new NetworkConstraintError({
    code: ErrorCode.InvalidPropType,
    scope,
    problem: `${path} has the wrong type`,
    received: describeValue(value),
    allowed,
  });
}

function describeObject(spec: Readonly<Record<string, PropType>>): string {
  const required = Object.entries(spec).filter(([, type]) => !isOptional(type)).map(([name]) => name);
  return `an object with ${required.join(', ')}`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `a list (${JSON.stringify(value).slice(0, 60)})`;
  if (typeof value === 'object' && value !== null) return `an object (${value.constructor?.name ?? 'Object'})`;
  return `${typeof value} ${JSON.stringify(value) ?? String(value)}`.slice(0, 80);
}

function article(type: string): string {
  return `${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type}`;
}

function plural(type: string): string {
  return PRIMITIVES.has(type) ? `${type}s` : `${type} objects`;
}
