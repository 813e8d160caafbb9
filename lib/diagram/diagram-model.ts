import { TfValue } from '../checks/tf-value';

/** What a box of the diagram stands for. */
export type DiagramNodeKind = 'vpc' | 'subnet' | 'instance' | 'launch-template' | 'interface' | 'eip' | 'vip';

/** How an edge is drawn, by what it means. */
export type DiagramLinkKind =
  /** interface -> instance, attached at launch (`aws_instance` / launch template blocks) */
  | 'launch'
  /** interface -> instance, attached after launch (`aws_network_interface_attachment`, `attachment` block) */
  | 'attached'
  /** failover interface -> the instance that holds it */
  | 'active'
  /** failover interface -> the other member of its pair */
  | 'standby'
  /** Elastic IP -> the interface (or instance) it is associated with */
  | 'eip'
  /** virtual IP -> the interface that carries it as a secondary address */
  | 'vip-holder'
  /** virtual IP -> an interface of its pair that may take it over */
  | 'vip-standby'
  /** virtual IP -> the interface a /32 route outside the VPC sends it to */
  | 'vip-route';

/**
 * One box. VPCs and subnets are containers (drawn as nested subgraphs); the others sit in the
 * container `parent` names, or at the top level.
 */
export interface DiagramNode {
  /** Unique and stable across synths (Terraform addresses, or what a placeholder stands for): the sort key. */
  readonly key: string;
  readonly kind: DiagramNodeKind;
  /** First line of the label (`eni web/mgmt`). */
  readonly title: string;
  /** Further lines of the label. */
  readonly details: string[];
  /** Not a resource of this stack: a literal id or a value only known at deploy time. */
  readonly external: boolean;
  /** Key of the VPC or subnet it is drawn in. */
  readonly parent?: string;
}

export interface DiagramLink {
  readonly from: string;
  readonly to: string;
  readonly kind: DiagramLinkKind;
  readonly label: string;
}

/** The security groups of one interface, for the table beside the diagram. */
export interface InterfaceGroups {
  /** The interface's title in the diagram. */
  readonly interface: string;
  /** Each group as `name (construct path)`, or as written when it is not a group of this stack. */
  readonly groups: string[];
}

/** One row of the legend beside the diagram: how something is drawn, and what it means on its cloud. */
export interface DiagramLegendRow {
  readonly drawn: string;
  readonly means: string;
}

/** Everything one stack's diagram shows, sorted, independent of how it is rendered. */
export interface DiagramModel {
  readonly stackName: string;
  readonly nodes: DiagramNode[];
  readonly links: DiagramLink[];
  readonly securityGroups: InterfaceGroups[];
  /** What the boxes and edges mean, in the words of the clouds drawn. */
  readonly legend: DiagramLegendRow[];
}

/** How a value only known once deployed reads in the diagram. */
export const DEPLOY_TIME = '(deploy-time)';

/** A value as the diagram shows it: literals as written, `absent` when not set, deploy-time values as such. */
export function shown(value: TfValue, absent: string): string {
  if (value.isAbsent) return absent;
  const followed = value.follow();
  const text = followed.asString();
  if (text !== undefined) return text;
  if (followed.isLiteral) return JSON.stringify(followed.raw);
  return DEPLOY_TIME;
}

/** Compares keys the same way on every machine (no locale). */
export function byKey(a: { readonly key: string }, b: { readonly key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
