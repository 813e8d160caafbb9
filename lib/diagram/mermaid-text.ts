/**
 * Text that Mermaid would read as syntax, as entity codes: quotes end a label, brackets and braces
 * open shapes, `|` ends an edge label, `<`/`>` start HTML, `#` starts an entity, a backtick a
 * Markdown string.
 */
const ENTITIES: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '<': '#lt;',
  '>': '#gt;',
  '[': '#91;',
  ']': '#93;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  '`': '#96;',
};

/** One line of a label, safe inside `"..."` in any Mermaid shape or edge label. */
export function escapeLabel(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/["#<>[\]{}|`]/g, (char) => ENTITIES[char]);
}

/** Text for a `%%` comment (which ends at the line's end). */
export function commentText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/**
 * Mermaid node ids from arbitrary keys: letters, digits and `_` only, a prefix that keeps them
 * off Mermaid's keywords (`end`, `graph`, ...) and off the `o`/`x` edge endings, and a counter when
 * two keys sanitize alike. Keys must be given in a stable order for the ids to be stable.
 */
export class MermaidIds {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** The id of `key`, allocated on first use from `prefix` and `hint` (what of the key reads well). */
  public idOf(key: string, prefix: string, hint: string = key): string {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const base = `${prefix}_${hint.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`.replace(/_+$/, '');
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    this.byKey.set(key, id);
    return id;
  }
}
