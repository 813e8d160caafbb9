import { byKey, DiagramLegendRow, DiagramLink, DiagramLinkKind, DiagramModel, DiagramNode, DiagramNodeKind, InterfaceGroups, shown } from './diagram-model';
import { TfResource, TfValue } from '../checks/tf-value';

// Beyond this, an interface's label names the first groups and how many more there are (the
// Markdown table lists them all).
const GROUPS_SHOWN = 3;

/**
 * What every cloud's diagram builder does the same way: boxes and edges kept once by key, boxes
 * for what the stack does not declare, the security group lines and table rows, the sorted model.
 * A cloud's builder extends it and reads its own index.
 */
export abstract class DiagramModelBuilder {
  protected readonly nodes = new Map<string, DiagramNode>();
  private readonly links = new Map<string, DiagramLink>();
  private readonly groupRows: InterfaceGroups[] = [];

  /** @param legend what this cloud's boxes and edges mean, for the Markdown page */
  constructor(private readonly legend: readonly DiagramLegendRow[]) {}

  /** The sorted model of everything added. */
  protected model(stackName: string): DiagramModel {
    return {
      stackName,
      nodes: [...this.nodes.values()].sort(byKey),
      links: [...this.links.values()].sort((a, b) => byKey({ key: linkKey(a) }, { key: linkKey(b) })),
      securityGroups: this.groupRows.sort((a, b) => byKey({ key: a.interface }, { key: b.interface })),
      legend: [...this.legend],
    };
  }

  /** Adds a box, or returns the one already added under its key. */
  protected add(node: DiagramNode): DiagramNode {
    const existing = this.nodes.get(node.key);
    if (existing) return existing;
    this.nodes.set(node.key, node);
    return node;
  }

  protected link(from: string, to: string, kind: DiagramLinkKind, label: string): void {
    const link = { from, to, kind, label };
    this.links.set(linkKey(link), link);
  }

  /** A box for something this stack does not declare: a literal id, or a value only known at deploy time. */
  protected placeholder(kind: DiagramNodeKind, noun: string, value: TfValue, parent?: string): string {
    const key = `${kind}:${typeof value.raw === 'string' ? value.raw : JSON.stringify(value.raw)}`;
    this.add({ key, kind, title: `${noun} ${shown(value, '?')}`, details: ['not in this stack'], external: true, parent });
    return key;
  }

  /**
   * Records the table row of an interface's groups (`table`, every group) and returns its label
   * line: `SG web, admin and 2 more`, or `none` when it names no group.
   */
  protected groupLines(title: string, label: string[], table: string[], none: string[] = []): string[] {
    this.groupRows.push({ interface: title, groups: table });
    if (label.length === 0) return none;
    const more = label.length > GROUPS_SHOWN ? ` and ${label.length - GROUPS_SHOWN} more` : '';
    return [`SG ${label.slice(0, GROUPS_SHOWN).join(', ')}${more}`];
  }
}

/** The label line of a resource written with `count` or `for_each`. */
export function repeated(resource: TfResource): string[] {
  return resource.repeated ? ['several (count/for_each)'] : [];
}

function linkKey(link: DiagramLink): string {
  return `${link.from}\n${link.to}\n${link.kind}\n${link.label}`;
}

/**
 * A security group as its label and table cell show it: a group of this stack (of `type`) by its
 * `nameAttribute` (and its construct path, `withPath`, for the table); anything else as written.
 */
export function groupName(group: TfValue, type: string, nameAttribute: string, withPath = false): string {
  const resource = group.referenceTo(type);
  if (!resource) return shown(group, '?');
  const name = resource.attr(nameAttribute).asString();
  if (name === undefined) return resource.path;
  return withPath && name !== resource.path ? `${name} (${resource.path})` : name;
}
