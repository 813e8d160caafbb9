import * as fs from 'fs';
import * as path from 'path';
import { Annotations, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { buildDiagramModel } from '../aws/diagram/build-model';
import { diagramFileNames } from './diagram-files';
import { DiagramModel } from './diagram-model';
import { renderMarkdown } from './render-markdown';
import { renderMermaid } from './render-mermaid';
import { writeAtSynth } from '../core/stack-output';
import { makeAncestorAspectsReachStacks } from '../rules/app-aspects';
import { StackIndex } from '../aws/rules/aws-index';

const NETWORK_DIAGRAM = Symbol.for('cdktf-nic-patterns/NetworkDiagram');
const isNetworkDiagram = (aspect: IAspect) => (aspect as unknown as Record<symbol, unknown>)[NETWORK_DIAGRAM] === true;

/**
 * Draws the network of each stack as a Mermaid flowchart, written into the stack's folder of the
 * synth output as `<stack>.network.mmd` and `<stack>.network.md` (the same diagram in a Markdown
 * page, with a legend and the security groups of each interface):
 *
 * ```ts
 * Aspects.of(app).add(new NetworkDiagram());
 * ```
 *
 * It shows VPCs and subnets (CIDR, Availability Zone) as nested boxes, instances with their type,
 * network interfaces with their addresses and security groups, the device index of each
 * attachment (solid at launch, dashed after), Elastic IPs and the private IP each maps to, virtual
 * IPs, and which member of a failover pair holds the interface. It reads the synthesized
 * configuration only, so it draws raw provider resources as well as this library's constructs;
 * values known only at deploy time read `(deploy-time)`.
 *
 * Added to the app (or any construct above the stacks) it draws every stack below; added to a
 * stack or a construct inside one, it draws that whole stack. It never changes the stack, and
 * writes the same files at every synth.
 */
export class NetworkDiagram implements IAspect {
  /** The stack's diagram as Mermaid text (what `<stack>.network.mmd` holds). */
  public static render(stack: TerraformStack): string {
    return renderMermaid(modelOf(stack));
  }

  /** The stack's diagram as a Markdown page (what `<stack>.network.md` holds). */
  public static renderMarkdown(stack: TerraformStack): string {
    const model = modelOf(stack);
    return renderMarkdown(model, renderMermaid(model), NetworkDiagram.mermaidFileName(stack));
  }

  /** `<stack>.network.mmd`: the name of the Mermaid file in the stack's output folder. */
  public static mermaidFileName(stack: TerraformStack): string {
    return diagramFileNames(stack.node.id).mermaid;
  }

  /** `<stack>.network.md`: the name of the Markdown file in the stack's output folder. */
  public static markdownFileName(stack: TerraformStack): string {
    return diagramFileNames(stack.node.id).markdown;
  }

  constructor() {
    Object.defineProperty(this, NETWORK_DIAGRAM, { value: true });
    makeAncestorAspectsReachStacks(isNetworkDiagram);
  }

  /** Sets up the files of the stack visited, or of the stack of the construct this aspect was added to. */
  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) && !Aspects.of(node).all.includes(this)) return;
    const stack = TerraformStack.of(node);
    // Drawn at synthesis, after every aspect ran, so the diagram shows the final configuration.
    writeAtSynth(stack, 'NetworkDiagramFiles', (folder) => writeDiagram(stack, folder));
  }
}

function modelOf(stack: TerraformStack): DiagramModel {
  return buildDiagramModel(StackIndex.build(stack), stack.node.id);
}

function writeDiagram(stack: TerraformStack, folder: string): void {
  let mermaid: string;
  let markdown: string;
  try {
    const model = modelOf(stack);
    mermaid = renderMermaid(model);
    markdown = renderMarkdown(model, mermaid, NetworkDiagram.mermaidFileName(stack));
  } catch (error) {
    // A drawing bug must not block the user's synth, nor go unnoticed.
    const message = `NetworkDiagram: the network diagram of this stack could not be drawn: ${(error as Error).message}`;
    if (!stack.node.metadata.some((entry) => entry.data === message)) Annotations.of(stack).addWarning(message);
    return;
  }
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, NetworkDiagram.mermaidFileName(stack)), mermaid);
  fs.writeFileSync(path.join(folder, NetworkDiagram.markdownFileName(stack)), markdown);
}
