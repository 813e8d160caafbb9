/** The files NetworkDiagram writes into a stack's folder of the synth output (light: scripts read it too). */
export function diagramFileNames(stackName: string): { readonly mermaid: string; readonly markdown: string } {
  return { mermaid: `${stackName}.network.mmd`, markdown: `${stackName}.network.md` };
}
