import { DiagramModel } from './diagram-model';

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
    ...model.legend.map((row) => `| ${row.drawn} | ${row.means} |`),
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
