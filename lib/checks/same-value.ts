import { TfValue } from './tf-value';

// Expressions that evaluate differently for each instance of a resource: the same text is not the same value.
const PER_INSTANCE = /count\.index|each\.|self\./;

/**
 * Whether two values are equal at deploy time: `true` or `false` when synth time can tell,
 * `undefined` when it cannot. References are followed first, so `${aws_subnet.app.vpc_id}` and
 * `${aws_vpc.main.id}` are equal when the subnet says so, and the same expression is the same value
 * (`${var.vpc_id}` twice).
 */
export function sameValue(a: TfValue, b: TfValue): boolean | undefined {
  const x = a.follow();
  const y = b.follow();
  if (x.isAbsent || y.isAbsent) return undefined;
  if (typeof x.raw === 'string' && x.raw === y.raw && isDeterministic(x)) return true;
  if (x.isLiteral && y.isLiteral) return JSON.stringify(x.raw) === JSON.stringify(y.raw);
  // Each resource of the stack gets an id of its own, which no other resource and no id written literally can name.
  if (x.isReference && y.isReference) return x.target !== y.target && isId(x) && isId(y) ? false : undefined;
  if ((isId(x) && y.isLiteral) || (isId(y) && x.isLiteral)) return false;
  return undefined;
}

/** Whether the value is the same wherever it is written (no `count.index`, `each.*` or `self.*`). */
export function isDeterministic(value: TfValue): boolean {
  return typeof value.raw !== 'string' || !PER_INSTANCE.test(value.raw);
}

function isId(value: TfValue): boolean {
  return value.isReference && value.attribute === 'id';
}

/**
 * A key that names the same resource wherever it is written (the address of the resource referred
 * to, or the value as written), or undefined when the value differs per instance or is absent.
 */
export function identity(value: TfValue): string | undefined {
  if (value.isAbsent || !isDeterministic(value)) return undefined;
  if (value.isReference && !value.indexed) return value.target!.address;
  return JSON.stringify(value.raw);
}
