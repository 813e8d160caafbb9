import { DiagramModel } from './diagram-model';
import { RuleIndex } from '../checks/rule-index';

/** What a cloud plugs into the diagram: a builder of the neutral model from a stack's resources. */
export interface CloudDiagram {
  /** The prefix of its Terraform resource types (`aws_`): it draws stacks that have some. */
  readonly resourcePrefix: string;
  /** How messages name its resource types. */
  readonly nouns: Readonly<Record<string, string>>;
  /** Draws the cloud's resources of one stack. */
  build(index: RuleIndex, stackName: string): DiagramModel;
}

// The library's own registry (`lib/clouds.ts` fills it); nothing of cdktf is touched.
const diagrams: CloudDiagram[] = [];

/** Plugs a cloud into the diagram (once). */
export function registerCloudDiagram(diagram: CloudDiagram): void {
  if (!diagrams.includes(diagram)) diagrams.push(diagram);
}

/** One model of every cloud's resources in a stack, clouds in registration order. */
export function buildModel(index: RuleIndex, stackName: string): DiagramModel {
  const models = diagrams
    .filter((diagram) => index.hasResourcesOf(diagram.resourcePrefix))
    .map((diagram) => diagram.build(index, stackName));
  if (models.length === 1) return models[0];
  return {
    stackName,
    nodes: models.flatMap((model) => model.nodes),
    links: models.flatMap((model) => model.links),
    securityGroups: models.flatMap((model) => model.securityGroups),
    // Rows both clouds word alike are shown once.
    legend: models.flatMap((model) => model.legend)
      .filter((row, i, rows) => rows.findIndex((other) => other.drawn === row.drawn && other.means === row.means) === i),
  };
}

/** How a resource type reads in the diagram, by the cloud that owns it. */
export function diagramNounOf(type: string): string | undefined {
  return diagrams.find((diagram) => type.startsWith(diagram.resourcePrefix))?.nouns[type];
}
