import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { ALL_EXAMPLES } from '../../examples/all-examples';
import { NetworkRules } from '../../lib';
import { checkTerraformJson } from '../../lib/checks/check-terraform-json';
import { NetworkFinding } from '../../lib/checks/network-finding';
import { loadInput } from '../../lib/cli/inputs/load-input';

const SCRATCH = path.join(__dirname, '..', '..', '.tmp');

// What a finding says, whoever found it; suppression aside (nic-check reads no construct marks).
function said(findings: NetworkFinding[]): string[] {
  return findings.map((f) => `${f.level} ${f.ruleId} ${f.address} ${f.path}: ${f.message}`).sort();
}

describe('nic-check over the examples\' cdktf.out', () => {
  test.each(ALL_EXAMPLES.map((e) => [e.name, e.build] as const))('%s: the same findings as NetworkRules at synth', async (_name, build) => {
    // GIVEN the example synthesized with the checks on
    fs.mkdirSync(SCRATCH, { recursive: true });
    const outdir = fs.mkdtempSync(path.join(SCRATCH, 'cli-examples-'));
    try {
      const app = new App({ outdir, stackTraces: false });
      NetworkRules.applyTo(app);
      build(app);
      app.synth();
      // WHEN nic-check reads its output folder
      const configs = await loadInput(outdir);
      // THEN each stack yields exactly the findings NetworkRules reported, naming the same addresses and paths
      const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
      expect(configs.map((c) => c.name).sort()).toEqual(stacks.map((s) => s.node.id).sort());
      for (const stack of stacks) {
        const config = configs.find((c) => c.name === stack.node.id)!;
        const fromCli = checkTerraformJson(config.terraformJson, { name: config.name });
        expect(said(fromCli)).toEqual(said(NetworkRules.findingsOf(stack)));
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
