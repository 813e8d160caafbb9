import { DiagramModel } from './diagram-model';

const LEGEND: Array<[string, string]> = [
  ['large boxes', 'VPC (CIDR) holding subnets (CIDR, Availability Zone)'],
  ['rectangle / parallelogram', 'instance / launch template, with its instance type'],
  ['rounded box', 'network interface: private addresses (primary first), security groups'],
  ['flag', 'Elastic IP, arrow labelled with the private IP it maps to'],
  ['hexagon', 'virtual IP: held as a secondary IP, or sent to an interface by a /32 route outside the VPC'],
  ['solid arrow', 'interface attached at launch, labelled with its device index'],
  ['dashed arrow', 'interface attached after launch (`aws_network_interface_attachment`, `attachment` block)'],
  ['thick green arrow', 'failover interface on the instance that holds it (active)'],
  ['dotted grey arrow', 'standby: the other member of a failover pair, or of a virtual IP pair'],
  ['grey dashed box', 'not in this stack: a literal id or a value only known at deploy time'],
  ['`(deploy-time)` / `AWS-picked`', 'known only once deployed / assigned by AWS'],
];

/** The Markdown page: the diagram in a `mermaid` block, a short legend, the security groups of each interface. */
export function renderMarkdown(model: DiagramModel, mermaid: string, mermaidFile: string): string {
  const lines = [
    `# Network of stack \`${model.stackName}\``,
    '',
    `Drawn by \`NetworkDiagram\` (cdktf-nic-patterns) from the synthesized configuration; the same diagram is in \`${mermaidFile}\`.`,
    '',
    '```mermaid',
    mermaid.trimEnd(),
    '```',
    '',
    '## Legend',
    '',
    '| drawn as | means |',
    '| --- | --- |',
    ...LEGEND.map(([drawn, means]) => `| ${drawn} | ${means} |`),
  ];
  if (model.securityGroups.length > 0) {
    lines.push('', '## Security groups per interface', '', '| interface | security groups |', '| --- | --- |');
    for (const row of model.securityGroups) lines.push(`| ${cell(row.interface)} | ${row.groups.map(cell).join('<br>')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}
