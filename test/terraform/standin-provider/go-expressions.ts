/*
 * A parser for the small subset of Go expressions that the schema notes quote from provider source
 * (`validation.StringInSlice([]string{"a", "b"}, false)`, `strings.Fields("a b")`, ...): calls,
 * slice literals, string, number and bool literals and identifiers. Anything else is a parse error,
 * and the caller then skips the rule instead of guessing.
 */

export type GoExpression =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'identifier'; readonly name: string }
  | { readonly kind: 'call'; readonly name: string; readonly args: GoExpression[] }
  | { readonly kind: 'list'; readonly elementType: string; readonly elements: GoExpression[] };

interface Token {
  readonly kind: 'string' | 'number' | 'identifier' | 'slice' | 'punct';
  readonly text: string;
}

const TOKEN_PATTERNS: Array<[Token['kind'], RegExp]> = [
  ['string', /^`[^`]*`/],
  ['string', /^"(?:\\.|[^"\\])*"/],
  ['number', /^-?\d+(?:\.\d+)?/],
  ['slice', /^\[\][A-Za-z_]\w*/],
  ['identifier', /^[A-Za-z_][\w.]*/],
  ['punct', /^[(){},]/],
];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let rest = source.trim();
  while (rest.length > 0) {
    const match = TOKEN_PATTERNS.map(([kind, pattern]) => ({ kind, found: pattern.exec(rest) })).find((candidate) => candidate.found);
    if (!match?.found) throw new Error(`unsupported Go syntax at "${rest.slice(0, 20)}"`);
    tokens.push({ kind: match.kind, text: match.found[0] });
    rest = rest.slice(match.found[0].length).trimStart();
  }
  return tokens;
}

function goStringValue(literal: string): string {
  if (literal.startsWith('`')) return literal.slice(1, -1);
  // Go's interpreted strings share JSON's escapes for everything the notes contain.
  return JSON.parse(literal);
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  public parseAll(): GoExpression {
    const expression = this.parseExpression();
    if (this.position !== this.tokens.length) throw new Error(`unexpected "${this.tokens[this.position].text}"`);
    return expression;
  }

  private next(): Token {
    const token = this.tokens[this.position++];
    if (token === undefined) throw new Error('unexpected end of expression');
    return token;
  }

  private peek(text: string): boolean {
    return this.tokens[this.position]?.text === text;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text) throw new Error(`expected "${text}", got "${token.text}"`);
  }

  /** Comma-separated expressions up to `close`; Go allows a trailing comma. */
  private parseSequence(close: string): GoExpression[] {
    const items: GoExpression[] = [];
    while (!this.peek(close)) {
      items.push(this.parseExpression());
      if (!this.peek(close)) this.expect(',');
    }
    this.expect(close);
    return items;
  }

  private parseExpression(): GoExpression {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: goStringValue(token.text) };
      case 'number':
        return { kind: 'number', value: Number(token.text) };
      case 'slice':
        this.expect('{');
        return { kind: 'list', elementType: token.text.slice(2), elements: this.parseSequence('}') };
      case 'identifier':
        if (token.text === 'true' || token.text === 'false') return { kind: 'bool', value: token.text === 'true' };
        if (!this.peek('(')) return { kind: 'identifier', name: token.text };
        this.expect('(');
        return { kind: 'call', name: token.text, args: this.parseSequence(')') };
      default:
        throw new Error(`unexpected "${token.text}"`);
    }
  }
}

/** Parses one Go expression; throws on anything outside the supported subset. */
export function parseGoExpression(source: string): GoExpression {
  return new Parser(tokenize(source)).parseAll();
}
