import { DiagramLinkKind, DiagramModel, DiagramNode, DiagramNodeKind } from './diagram-model';
import { commentText, escapeLabel, MermaidIds } from './mermaid-text';

/** Id prefix and shape of each kind of box (`["..."]` is a rectangle, `(["..."])` a stadium, ...). */
const SHAPES: Record<DiagramNodeKind, { readonly prefix: string; readonly open: string; readonly close: string }> = {
  'vpc': { prefix: 'vpc', open: '', close: '' },
  'subnet': { prefix: 'subnet', open: '', close: '' },
  'instance': { prefix: 'instance', open: '["', close: '"]' },
  'launch-template': { prefix: 'template', open: '[/"', close: '"/]' },
  'interface': { prefix: 'eni', open: '(["', close: '"])' },
  'eip': { prefix: 'eip', open: '>"', close: '"]' },
  'vip': { prefix: 'vip', open: '{{"', close: '"}}' },
};

const ARROWS: Record<DiagramLinkKind, string> = {
  'launch': '-->',
  'attached': '-.->',
  'active': '==>',
  'standby': '-.->',
  'eip': '-->',
  'vip-holder': '-->',
  'vip-standby': '-.->',
  'vip-route': '-->',
};

/** Styles that tell apart the edges Mermaid draws alike (dashed attachment vs dotted standby). */
const LINK_STYLES: Partial<Record<DiagramLinkKind, string>> = {
  'attached': 'stroke-dasharray:8 4',
  'active': 'stroke:#2e7d32,stroke-width:3px',
  'standby': 'stroke:#888,stroke-dasharray:2 4',
  'vip-standby': 'stroke:#888,stroke-dasharray:2 4',
};

const CLASS_DEFS: Array<[string, string]> = [
  ['vpc', 'fill:#f3f7fd,stroke:#4a6fa5'],
  ['subnet', 'fill:#eef6ee,stroke:#5b8c5a'],
  ['instance', 'fill:#fff4e0,stroke:#c77700'],
  ['template', 'fill:#fff4e0,stroke:#c77700'],
  ['eni', 'fill:#ffffff,stroke:#555'],
  ['eip', 'fill:#e8f0fe,stroke:#1a73e8'],
  ['vip', 'fill:#fbe9f3,stroke:#b0307a'],
  ['external', 'fill:#f6f6f6,stroke:#999,stroke-dasharray:4 3'],
];
const CLASS_OF: Record<DiagramNodeKind, string> = {
  'vpc': 'vpc', 'subnet': 'subnet', 'instance': 'instance', 'launch-template': 'template', 'interface': 'eni', 'eip': 'eip', 'vip': 'vip',
};

const CONTAINERS = new Set<DiagramNodeKind>(['vpc', 'subnet']);
const INDENT = '  ';

/** The model as a Mermaid `flowchart`: VPCs holding subnets holding interfaces, as nested subgraphs. */
export function renderMermaid(model: DiagramModel): string {
  const ids = new MermaidIds();
  // The prefix already says the kind: `eni_web_mgmt` rather than `eni_aws_network_interface_web_mgmt`,
  // `vip_10_0_1_50` rather than `vip_vip_10_0_1_50`.
  const idOf = (node: DiagramNode) => ids.idOf(node.key, SHAPES[node.kind].prefix, node.key.replace(/^([a-z][a-z0-9]*_\w+\.|[a-z-]+:)/, ''));
  // Allocate in key order, so that ids do not depend on the drawing order.
  model.nodes.forEach(idOf);
  const byKey = new Map(model.nodes.map((node) => [node.key, node]));
  const children = new Map<string | undefined, DiagramNode[]>();
  for (const node of model.nodes) {
    const parent = node.parent !== undefined && CONTAINERS.has(byKey.get(node.parent)?.kind as DiagramNodeKind) ? node.parent : undefined;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }

  const lines = ['flowchart LR', `${INDENT}%% stack ${commentText(model.stackName)}: drawn by NetworkDiagram (cdktf-nic-patterns) from the synthesized configuration`];
  const draw = (parent: string | undefined, depth: number) => {
    const indent = INDENT.repeat(depth);
    // Containers first, then boxes: each in key order.
    const members = children.get(parent) ?? [];
    for (const node of members.filter((n) => CONTAINERS.has(n.kind))) {
      lines.push(`${indent}subgraph ${idOf(node)} ["${label(node, ': ', ', ')}"]`);
      draw(node.key, depth + 1);
      lines.push(`${indent}end`);
    }
    for (const node of members.filter((n) => !CONTAINERS.has(n.kind))) {
      const shape = SHAPES[node.kind];
      lines.push(`${indent}${idOf(node)}${shape.open}${label(node, '<br/>', '<br/>')}${shape.close}`);
    }
  };
  draw(undefined, 1);
  if (model.nodes.length === 0) {
    lines.push(`${INDENT}empty["${escapeLabel(`no VPC, subnet, instance, interface or Elastic IP in stack ${model.stackName}`)}"]`);
  }

  const links = model.links.filter((link) => byKey.has(link.from) && byKey.has(link.to));
  links.forEach((link) => {
    lines.push(`${INDENT}${idOf(byKey.get(link.from)!)} ${ARROWS[link.kind]}|"${escapeLabel(link.label)}"| ${idOf(byKey.get(link.to)!)}`);
  });
  for (const [kind, style] of Object.entries(LINK_STYLES)) {
    const numbers = links.flatMap((link, n) => (link.kind === kind ? [n] : []));
    if (numbers.length > 0) lines.push(`${INDENT}linkStyle ${numbers.join(',')} ${style}`);
  }

  for (const [name, style] of CLASS_DEFS) lines.push(`${INDENT}classDef ${name} ${style}`);
  const classes = new Map<string, string[]>();
  for (const node of model.nodes) {
    for (const name of [CLASS_OF[node.kind], ...(node.external ? ['external'] : [])]) {
      const list = classes.get(name) ?? [];
      list.push(idOf(node));
      classes.set(name, list);
    }
  }
  for (const [name] of CLASS_DEFS) {
    const members = classes.get(name);
    if (members) lines.push(`${INDENT}class ${members.join(',')} ${name}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Title and details, escaped: `title: a, b` for a subgraph, one per line for a box. */
function label(node: DiagramNode, afterTitle: string, between: string): string {
  const title = escapeLabel(node.title);
  return node.details.length === 0 ? title : `${title}${afterTitle}${node.details.map(escapeLabel).join(between)}`;
}
