/**
 * A structural reading of the flowcharts NetworkDiagram writes (no Mermaid parser is installed):
 * fails on anything it cannot read, unbalanced `subgraph`/`end`, an id declared twice or used
 * undeclared, an unescaped character in a label, or a `linkStyle` / `class` naming nothing.
 */
export interface ParsedNode {
  readonly id: string;
  /** The label with `<br/>` line breaks and entity codes decoded. */
  readonly label: string;
  /** `rectangle`, `stadium`, ... or `subgraph`. */
  readonly shape: string;
  /** Id of the enclosing subgraph. */
  readonly parent?: string;
}

export interface ParsedEdge {
  readonly from: string;
  readonly to: string;
  readonly arrow: string;
  readonly label: string;
  /** The `linkStyle` applied to it, if any. */
  style?: string;
}

export interface ParsedFlowchart {
  readonly nodes: Map<string, ParsedNode>;
  readonly edges: ParsedEdge[];
  readonly classes: Map<string, string[]>;
}

const ID = '[A-Za-z_][A-Za-z0-9_]*';
// Inside quotes: anything but the characters NetworkDiagram must escape.
const TEXT = '[^"#<>\\[\\]{}|`]*(?:(?:#\\w+;|<br/>)[^"#<>\\[\\]{}|`]*)*';
const SHAPES: Array<[string, RegExp]> = [
  ['rectangle', new RegExp(`^(${ID})\\["(${TEXT})"\\]$`)],
  ['stadium', new RegExp(`^(${ID})\\(\\["(${TEXT})"\\]\\)$`)],
  ['parallelogram', new RegExp(`^(${ID})\\[/"(${TEXT})"/\\]$`)],
  ['flag', new RegExp(`^(${ID})>"(${TEXT})"\\]$`)],
  ['hexagon', new RegExp(`^(${ID})\\{\\{"(${TEXT})"\\}\\}$`)],
];
const SUBGRAPH = new RegExp(`^subgraph (${ID}) \\["(${TEXT})"\\]$`);
const EDGE = new RegExp(`^(${ID}) (-->|-\\.->|==>)\\|"(${TEXT})"\\| (${ID})$`);
const LINK_STYLE = /^linkStyle (\d+(?:,\d+)*) ([^;]+)$/;
const CLASS_DEF = new RegExp(`^classDef (${ID}) ([^;]+)$`);
const CLASS = new RegExp(`^class (${ID}(?:,${ID})*) (${ID})$`);
const KEYWORDS = new Set(['end', 'graph', 'flowchart', 'subgraph', 'style', 'class', 'classDef', 'linkStyle', 'click', 'default']);

function decode(text: string): string {
  return text.replace(/<br\/>/g, '\n').replace(/#(\w+);/g, (_, code: string) => {
    if (code === 'quot') return '"';
    if (code === 'lt') return '<';
    if (code === 'gt') return '>';
    return String.fromCharCode(Number(code));
  });
}

export function parseFlowchart(text: string): ParsedFlowchart {
  const lines = text.split('\n');
  if (lines[0] !== 'flowchart LR') throw new Error(`first line is not "flowchart LR": ${lines[0]}`);
  if (lines[lines.length - 1] !== '') throw new Error('the text does not end with a newline');
  const nodes = new Map<string, ParsedNode>();
  const edges: ParsedEdge[] = [];
  const classes = new Map<string, string[]>();
  const classDefs = new Set<string>();
  const open: string[] = [];
  const declare = (node: ParsedNode) => {
    if (KEYWORDS.has(node.id)) throw new Error(`id "${node.id}" is a Mermaid keyword`);
    if (nodes.has(node.id)) throw new Error(`id "${node.id}" is declared twice`);
    nodes.set(node.id, node);
  };
  for (const raw of lines.slice(1, -1)) {
    const line = raw.trim();
    const parent = open[open.length - 1];
    if (line.startsWith('%%')) continue;
    let match: RegExpExecArray | null;
    if ((match = SUBGRAPH.exec(line))) {
      declare({ id: match[1], label: decode(match[2]), shape: 'subgraph', parent });
      open.push(match[1]);
    } else if (line === 'end') {
      if (open.pop() === undefined) throw new Error('"end" without a subgraph');
    } else if ((match = EDGE.exec(line))) {
      edges.push({ from: match[1], arrow: match[2], label: decode(match[3]), to: match[4] });
    } else if ((match = LINK_STYLE.exec(line))) {
      for (const n of match[1].split(',').map(Number)) {
        if (n >= edges.length) throw new Error(`linkStyle ${n} names no edge (${edges.length} edges before it)`);
        edges[n].style = match[2];
      }
    } else if ((match = CLASS_DEF.exec(line))) {
      classDefs.add(match[1]);
    } else if ((match = CLASS.exec(line))) {
      if (!classDefs.has(match[2])) throw new Error(`class ${match[2]} is not defined`);
      classes.set(match[2], match[1].split(','));
    } else {
      const shape = SHAPES.find(([, pattern]) => pattern.test(line));
      if (!shape) throw new Error(`unreadable line: ${line}`);
      const [, id, label] = shape[1].exec(line)!;
      declare({ id, label: decode(label), shape: shape[0], parent });
    }
  }
  if (open.length > 0) throw new Error(`subgraph(s) not closed: ${open.join(', ')}`);
  for (const edge of edges) {
    for (const end of [edge.from, edge.to]) {
      const node = nodes.get(end);
      if (!node || node.shape === 'subgraph') throw new Error(`edge ${edge.from} -> ${edge.to}: "${end}" is not a declared node`);
    }
  }
  for (const [name, ids] of classes) {
    const unknown = ids.filter((id) => !nodes.has(id));
    if (unknown.length > 0) throw new Error(`class ${name} names undeclared ids: ${unknown.join(', ')}`);
  }
  return { nodes, edges, classes };
}

/** The one node whose label starts with `title` (fails when none or several). */
export function nodeTitled(chart: ParsedFlowchart, title: string): ParsedNode {
  const found = [...chart.nodes.values()].filter((node) => node.label.split(/\n|: /)[0] === title);
  if (found.length !== 1) throw new Error(`${found.length} nodes titled "${title}"; have: ${[...chart.nodes.values()].map((n) => n.label.split(/\n|: /)[0]).join(' | ')}`);
  return found[0];
}

/** The edges between two nodes given by title. */
export function edgesBetween(chart: ParsedFlowchart, from: string, to: string): ParsedEdge[] {
  const a = nodeTitled(chart, from).id;
  const b = nodeTitled(chart, to).id;
  return chart.edges.filter((edge) => edge.from === a && edge.to === b);
}
