import * as fs from 'fs';
import * as path from 'path';
import { Annotations, App, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { buildModel, diagramNounOf } from './diagram-builders';
import { diagramFileNames } from './diagram-files';
import { DiagramModel } from './diagram-model';
import { renderMarkdown } from './render-markdown';
import { renderMermaid } from './render-mermaid';
import { RuleIndex } from '../checks/rule-index';
import { writeAtSynth } from '../core/stack-output';
import { afterEverySynth } from '../core/synthesized-stacks';

type Json = Record<string, unknown>;

/**
 * Draws the network of each stack as a Mermaid flowchart, written into the stack's folder of the
 * synth output as `<stack>.network.mmd` and `<stack>.network.md` (the same diagram in a Markdown
 * page, with a legend and the security groups of each interface):
 *
 * ```ts
 * NetworkDiagram.applyTo(app);                 // every stack of the app
 * Aspects.of(stack).add(new NetworkDiagram()); // one stack
 * ```
 *
 * It shows VPCs and subnets (CIDR, Availability Zone) as nested boxes, instances with their type,
 * network interfaces with their addresses and security groups, the device index of each
 * attachment (solid at launch, dashed after), Elastic IPs and the private IP each maps to, virtual
 * IPs, and which member of a failover pair holds the interface. It reads the synthesized
 * configuration only, so it draws raw provider resources as well as this library's constructs;
 * values known only at deploy time read `(deploy-time)`.
 *
 * Added to a stack or a construct inside one, it draws that whole stack. `Aspects.of(app)` draws
 * nothing: cdktf 0.21 never visits aspects added to the App; use `NetworkDiagram.applyTo(app)`.
 * It never changes the stack, and writes the same files at every synth.
 */
export class NetworkDiagram implements IAspect {
  /**
   * Draws every stack of `app` at each `app.synth()`, from the Terraform JSON the synth wrote (no
   * second resolution of the stack), through the app's own validation hook.
   *
   * @throws NetworkConstraintError `ChecksNotInstallable` when it could never run (not an App, or an
   * App with `skipValidation`)
   */
  public static applyTo(app: App): void {
    afterEverySynth(app, 'NetworkDiagram', 'NetworkDiagram.applyTo', (stacks) => {
      for (const { stack, terraformJson, folder } of stacks) writeDiagram(stack, terraformJson, folder);
      return [];
    });
  }

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

  /** Sets up the files of the stack visited, or of the stack of the construct this aspect was added to. */
  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) && !Aspects.of(node).all.includes(this)) return;
    const stack = TerraformStack.of(node);
    // Drawn at synthesis, after every aspect ran, so the diagram shows the final configuration.
    writeAtSynth(stack, 'NetworkDiagramFiles', (folder) => writeDiagram(stack, stack.toTerraform(), folder));
  }
}

function modelOf(stack: TerraformStack, terraformJson: Json = stack.toTerraform()): DiagramModel {
  return buildModel(new RuleIndex(stack, terraformJson, diagramNounOf), stack.node.id);
}

function writeDiagram(stack: TerraformStack, terraformJson: Json, folder: string): void {
  let mermaid: string;
  let markdown: string;
  try {
    const model = modelOf(stack, terraformJson);
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
