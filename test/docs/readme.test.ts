import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { HaFailoverNicStack } from '../../examples/ha-failover-nic/stack';
import { HaActiveSide, NetworkDiagram } from '../../lib';
import { ErrorCode } from '../../lib/core/error-codes';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  test('shows the two commands a newcomer needs', () => {
    expect(README).toContain('npm ci && npm run demo');
    expect(README).toContain('npm test');
  });

  test('lists every error code', () => {
    const missing = Object.values(ErrorCode).filter((code) => !README.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  test('points at every example', () => {
    const examples = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
      .map((entry) => entry.name);
    expect(examples.filter((name) => !README.includes(`examples/${name}/`))).toEqual([]);
  });
});

describe('README.md network diagram', () => {
  test('is the diagram NetworkDiagram draws for examples/ha-failover-nic', () => {
    // GIVEN the example with the primary active, as `npm run demo` builds it
    const stack = new HaFailoverNicStack(Testing.app(), 'ha-failover-nic', { active: HaActiveSide.PRIMARY });
    Testing.synth(stack);
    // THEN the README shows exactly what the aspect draws
    const block = /## Network diagram[\s\S]*?```mermaid\n([\s\S]*?)```/.exec(README)?.[1];
    expect(block).toBe(NetworkDiagram.render(stack));
  });
});
