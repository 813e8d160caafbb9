import { GoExpression, parseGoExpression } from './go-expressions';
import { Value } from './values';

/*
 * The plugin SDK's `helper/validation` functions that the schema notes quote, rebuilt from their
 * Go source text. The error texts are the SDK's, so a stand-in diagnostic reads like the real one.
 */

/** Checks one known value; returns the SDK's error texts (empty when valid). `key` is the SDK's flat key. */
export type Validator = (value: Value, key: string) => string[];

/** A notes rule this stand-in cannot rebuild (a Go constant, an unknown function, ...). */
export class UnsupportedRule extends Error {}

function unsupported(expression: GoExpression, why: string): never {
  const name = expression.kind === 'call' || expression.kind === 'identifier' ? expression.name : expression.kind;
  throw new UnsupportedRule(`${name}: ${why}`);
}

function stringArgument(expression: GoExpression | undefined): string {
  if (expression?.kind !== 'string') throw new UnsupportedRule('expected a string literal');
  return expression.value;
}

function numberArgument(expression: GoExpression | undefined): number {
  if (expression?.kind !== 'number') throw new UnsupportedRule('expected a number literal');
  return expression.value;
}

function boolArgument(expression: GoExpression | undefined): boolean {
  if (expression?.kind !== 'bool') throw new UnsupportedRule('expected true or false');
  return expression.value;
}

function listArgument<T>(expression: GoExpression | undefined, element: (item: GoExpression) => T): T[] {
  if (expression?.kind !== 'list') throw new UnsupportedRule('expected a slice literal');
  return expression.elements.map(element);
}

/** `regexp.MustCompile("...")` as a JavaScript RegExp (RE2 and JavaScript agree on what the notes use). */
function regexpArgument(expression: GoExpression | undefined): RegExp {
  if (expression?.kind !== 'call' || expression.name !== 'regexp.MustCompile') throw new UnsupportedRule('expected regexp.MustCompile(...)');
  const source = stringArgument(expression.args[0]);
  try {
    return new RegExp(source);
  } catch {
    throw new UnsupportedRule(`regular expression ${source} is not valid in JavaScript`);
  }
}

/** Go's `%q` of a []string. */
function quotedList(values: string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(' ')}]`;
}

function stringValidator(check: (value: string, key: string) => string[]): Validator {
  return (value, key) => (typeof value === 'string' ? check(value, key) : [`expected type of ${key} to be string`]);
}

function intValidator(check: (value: number, key: string) => string[]): Validator {
  return (value, key) => (typeof value === 'number' && Number.isInteger(value) ? check(value, key) : [`expected type of ${key} to be integer`]);
}

function stringInSlice(args: GoExpression[]): Validator {
  const valid = listArgument(args[0], stringArgument);
  const ignoreCase = boolArgument(args[1]);
  const normalize = (text: string) => (ignoreCase ? text.toLowerCase() : text);
  return stringValidator((value, key) => (valid.some((candidate) => normalize(candidate) === normalize(value))
    ? [] : [`expected ${key} to be one of ${quotedList(valid)}, got ${value}`]));
}

function intBetween(args: GoExpression[]): Validator {
  const [min, max] = [numberArgument(args[0]), numberArgument(args[1])];
  return intValidator((value, key) => (value >= min && value <= max ? [] : [`expected ${key} to be in the range (${min} - ${max}), got ${value}`]));
}

function intInSlice(args: GoExpression[]): Validator {
  const valid = listArgument(args[0], numberArgument);
  return intValidator((value, key) => (valid.includes(value) ? [] : [`expected ${key} to be one of [${valid.join(' ')}], got ${value}`]));
}

function stringLenBetween(args: GoExpression[]): Validator {
  const [min, max] = [numberArgument(args[0]), numberArgument(args[1])];
  // Go counts bytes.
  return stringValidator((value, key) => {
    const length = Buffer.byteLength(value);
    return length >= min && length <= max ? [] : [`expected length of ${key} to be in the range (${min} - ${max}), got ${value}`];
  });
}

function stringMatch(args: GoExpression[], mustMatch: boolean): Validator {
  const pattern = regexpArgument(args[0]);
  const message = stringArgument(args[1]);
  return stringValidator((value, key) => {
    if (pattern.test(value) === mustMatch) return [];
    if (message !== '') return [`invalid value for ${key} (${message})`];
    return [`expected value of ${key} to ${mustMatch ? '' : 'not '}match regular expression ${JSON.stringify(pattern.source)}, got ${value}`];
  });
}

function any(args: GoExpression[]): Validator {
  const alternatives = args.map(compileValidatorExpression);
  return (value, key) => {
    const failures = alternatives.map((alternative) => alternative(value, key));
    return failures.some((errors) => errors.length === 0) ? [] : failures.flat();
  };
}

const VALIDATOR_FACTORIES: Record<string, (args: GoExpression[]) => Validator> = {
  StringInSlice: stringInSlice,
  IntBetween: intBetween,
  IntInSlice: intInSlice,
  StringLenBetween: stringLenBetween,
  StringMatch: (args) => stringMatch(args, true),
  StringDoesNotMatch: (args) => stringMatch(args, false),
  Any: any,
};

/** The validation function names this stand-in rebuilds (without the `validation.` package prefix). */
export const SUPPORTED_VALIDATORS = Object.keys(VALIDATOR_FACTORIES);

function compileValidatorExpression(expression: GoExpression): Validator {
  if (expression.kind !== 'call') unsupported(expression, 'not a validation function call');
  const factory = VALIDATOR_FACTORIES[expression.name.replace(/^validation\./, '')];
  if (factory === undefined) unsupported(expression, 'validation function not rebuilt by the stand-in');
  try {
    return factory(expression.args);
  } catch (error) {
    if (error instanceof UnsupportedRule) unsupported(expression, error.message);
    throw error;
  }
}

/** Rebuilds a `ValidateFunc` from its Go source text; throws {@link UnsupportedRule} when it cannot. */
export function compileValidator(source: string): Validator {
  let expression: GoExpression;
  try {
    expression = parseGoExpression(source);
  } catch (error) {
    throw new UnsupportedRule((error as Error).message);
  }
  return compileValidatorExpression(expression);
}

/** The attribute keys of `ConflictsWith` and friends: a JSON list, or Go source such as `strings.Fields("a b")`. */
export function attributeKeys(keys: string[] | string): string[] {
  if (Array.isArray(keys)) return keys;
  const expression = parseGoExpression(keys);
  if (expression.kind === 'call' && expression.name === 'strings.Fields') return stringArgument(expression.args[0]).split(/\s+/).filter(Boolean);
  if (expression.kind === 'list') return expression.elements.map(stringArgument);
  return unsupported(expression, 'not a list of attribute keys');
}

/** A `Default` written as a Go literal (a named constant is not resolvable here: undefined). */
export function literalDefault(source: string): string | number | boolean | undefined {
  try {
    const expression = parseGoExpression(source);
    return expression.kind === 'string' || expression.kind === 'number' || expression.kind === 'bool' ? expression.value : undefined;
  } catch {
    return undefined;
  }
}
