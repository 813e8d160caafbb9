type Json = Record<string, unknown>;

/** One real resource of a Terraform JSON resource block: its name (with the instance key) and body. */
export interface ResourceInstance {
  /** `web`, or `web[0]` / `web["a"]` for one instance of a `count` / `for_each`. */
  readonly name: string;
  readonly body: Json;
}

// `web[0]`, `web["a"]`: a plan, or an earlier expansion, names one instance already.
const INSTANCE_NAME = /^[A-Za-z_][\w-]*\[(\d+|"[^"]*")\]$/;
// `${toset(["a", "b"])}`, as cdktf and `cdktf convert` write a literal set.
const TOSET_LITERAL = /^\$\{toset\(\[\s*((?:"[^"\\]*"\s*,?\s*)*)\]\)\}$/;
// Above this, expanding would cost more than checking is worth; the copies stay one unknown resource.
export const MAX_INSTANCES = 256;

/**
 * The real resources a block stands for. A literal `count` or `for_each` (a list, a map, or a
 * `toset([...])` of string literals) is known at synth time, so it is expanded into its instances,
 * each with `count.index` / `each.key` / `each.value` written in, and every value of every instance
 * is checked. An unknown count stays one resource the rules report as repeated.
 */
export function expandInstances(name: string, body: Json): ResourceInstance[] {
  if (INSTANCE_NAME.test(name)) return [{ name, body }];
  if (body.count !== undefined && body.for_each === undefined) {
    const count = literalCount(body.count);
    if (count === undefined) return [{ name, body }];
    return Array.from({ length: count }, (_, index) => ({
      name: `${name}[${index}]`,
      body: substitute(without(body, 'count'), { 'count.index': index }),
    }));
  }
  if (body.for_each !== undefined && body.count === undefined) {
    const entries = literalEntries(body.for_each);
    if (entries === undefined) return [{ name, body }];
    return entries.map(([key, value]) => ({
      name: `${name}[${JSON.stringify(key)}]`,
      body: substitute(without(body, 'for_each'), { 'each.key': key, ...(value !== undefined ? { 'each.value': value } : {}) }),
    }));
  }
  return [{ name, body }];
}

function literalCount(raw: unknown): number | undefined {
  const count = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
  return count !== undefined && Number.isInteger(count) && count >= 0 && count <= MAX_INSTANCES ? count : undefined;
}

// Only keys and values that are plain strings or numbers are written in; a map of objects keeps
// `each.value` as an expression, which reads as unknown.
function literalEntries(raw: unknown): Array<[string, string | number | undefined]> | undefined {
  let entries: Array<[string, string | number | undefined]> | undefined;
  if (Array.isArray(raw)) {
    if (!raw.every((element) => typeof element === 'string')) return undefined;
    entries = [...new Set(raw as string[])].map((key) => [key, key]);
  } else if (raw !== null && typeof raw === 'object') {
    entries = Object.entries(raw as Json).map(([key, value]) => [key, typeof value === 'string' || typeof value === 'number' ? value : undefined]);
  } else if (typeof raw === 'string') {
    const match = TOSET_LITERAL.exec(raw);
    if (!match) return undefined;
    const keys = [...match[1].matchAll(/"([^"\\]*)"/g)].map((m) => m[1]);
    entries = [...new Set(keys)].map((key) => [key, key]);
  }
  return entries !== undefined && entries.length <= MAX_INSTANCES ? entries : undefined;
}

function without(body: Json, key: string): Json {
  const { [key]: _removed, ...rest } = body;
  return rest;
}

type Bindings = Record<string, string | number>;

function substitute(value: unknown, bindings: Bindings): any {
  if (typeof value === 'string') return substituteString(value, bindings);
  if (Array.isArray(value)) return value.map((element) => substitute(element, bindings));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Json).map(([key, element]) => [key, substitute(element, bindings)]));
  }
  return value;
}

/**
 * Writes the bindings into the expressions of one string. An expression that becomes a bare
 * literal is folded: `${count.index}` alone is the number, `web-${count.index}` is `web-0`, and
 * `${aws_subnet.a[count.index].id}` becomes `${aws_subnet.a[0].id}`, a reference to one instance.
 */
function substituteString(text: string, bindings: Bindings): unknown {
  if (!text.includes('${')) return text;
  const names = Object.keys(bindings).map((name) => name.replace('.', '\\.'));
  const pattern = new RegExp(`\\b(${names.join('|')})\\b`, 'g');
  let whole: string | number | undefined;
  const replaced = text.replace(/\$\{([^{}]*)\}/g, (expression, inner: string) => {
    const written = inner.replace(pattern, (name) => JSON.stringify(bindings[name]));
    const literal = /^\s*(\d+|"[^"\\]*")\s*$/.exec(written);
    if (!literal) return `\${${written}}`;
    const value: string | number = literal[1].startsWith('"') ? JSON.parse(literal[1]) : Number(literal[1]);
    if (expression === text) whole = value;
    return String(value);
  });
  return whole ?? replaced;
}
