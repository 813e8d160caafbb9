import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { ALL_EXAMPLES } from '../../examples/all-examples';
import { NetworkRules, RuleLevel } from '../../lib';

const SCRATCH = path.join(__dirname, '..', '..', '.tmp');

describe('every example passes NetworkRules', () => {
  test('the example registry lists every examples/<name>/ folder', () => {
    const folders = fs.readdirSync(path.join(__dirname, '..', '..', 'examples'))
      .filter((name) => fs.existsSync(path.join(__dirname, '..', '..', 'examples', name, 'main.ts')));
    expect(ALL_EXAMPLES.map((e) => e.name).sort()).toEqual(folders.sort());
  });

  test.each(ALL_EXAMPLES.map((e) => [e.name, e.build, e.showsFindings ?? false] as const))('%s: no error, and every warning suppressed with a reason', (_name, build, showsFindings) => {
    // GIVEN the example with the checks on
    fs.mkdirSync(SCRATCH, { recursive: true });
    const outdir = fs.mkdtempSync(path.join(SCRATCH, 'rules-'));
    try {
      const app = new App({ outdir, stackTraces: false });
      NetworkRules.applyTo(app);
      build(app);
      // WHEN it is synthesized (an error finding would throw here)
      app.synth();
      // THEN no finding above INFO is left unexplained
      const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
      expect(stacks.length).toBeGreaterThan(0);
      for (const stack of stacks) {
        const unexplained = NetworkRules.findingsOf(stack)
          .filter((f) => f.level !== RuleLevel.INFO && !f.suppressed)
          .map((f) => f.message);
        // An example that exists to show findings asserts its own in its test; it must still synthesize.
        if (!showsFindings) expect(unexplained).toEqual([]);
        expect(fs.existsSync(path.join(outdir, 'stacks', stack.node.id, 'network-rules-report.json'))).toBe(true);
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
