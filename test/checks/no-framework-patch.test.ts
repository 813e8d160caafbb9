import * as fs from 'fs';
import * as path from 'path';
import { removeOutput, testApp } from './rule-test-helpers';

/* eslint-disable @typescript-eslint/no-require-imports -- the test loads modules in a set order */

const ROOT = path.join(__dirname, '..', '..');

/** Every JavaScript module of cdktf and constructs (the packages this library must leave alone). */
function frameworkModules(): string[] {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : walk(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
  return ['cdktf', 'constructs'].flatMap((name) => walk(path.join(ROOT, 'node_modules', name, 'lib')));
}

/**
 * Identity of everything a patch could replace: each module export, each static member of an
 * exported class or function, and each property of its prototype (values, getters and setters).
 */
function fingerprint(modules: string[]): Map<string, unknown> {
  const seen = new Map<string, unknown>();
  const record = (key: string, owner: object) => {
    for (const name of Reflect.ownKeys(owner)) {
      const descriptor = Object.getOwnPropertyDescriptor(owner, name)!;
      const id = `${key}.${String(name)}`;
      seen.set(`${id} value`, descriptor.value);
      seen.set(`${id} get`, descriptor.get);
      seen.set(`${id} set`, descriptor.set);
    }
  };
  for (const file of modules) {
    const exports = require(file) as Record<string, unknown>;
    const key = path.relative(ROOT, file);
    record(key, exports);
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== 'function') continue;
      record(`${key}:${name}`, value);
      if (value.prototype) record(`${key}:${name}.prototype`, value.prototype);
    }
  }
  return seen;
}

function changed(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key));
}

describe('the library leaves cdktf and constructs as they were', () => {
  test('importing it, constructing every example with the checks and diagrams on, and synthesizing change no export nor prototype', () => {
    // GIVEN the framework, loaded first
    const modules = frameworkModules();
    const before = fingerprint(modules);
    expect(before.size).toBeGreaterThan(1000);
    // WHEN the library is imported, every example is built and checked, and the app is synthesized
    const library = require('../../lib') as typeof import('../../lib');
    const { ALL_EXAMPLES } = require('../../examples/all-examples') as typeof import('../../examples/all-examples');
    const { Aspects } = require('cdktf') as typeof import('cdktf');
    const app = testApp();
    try {
      library.NetworkRules.applyTo(app);
      library.NetworkDiagram.applyTo(app);
      for (const example of ALL_EXAMPLES) example.build(app);
      const stack = app.node.children.find((child) => child.node.id === 'building-blocks')!;
      Aspects.of(stack).add(new library.NetworkRules());
      Aspects.of(stack).add(new library.NetworkDiagram());
      app.synth();
      // The checks did run: check-your-own-stack exists to show warnings.
      const shown = app.node.children.find((child) => child.node.id === 'check-your-own-stack')!;
      expect(library.NetworkRules.summaryOf(shown as InstanceType<typeof import('cdktf').TerraformStack>)).toMatch(/[1-9]\d* warnings?/);
    } finally {
      removeOutput(app);
    }
    // THEN
    expect(changed(before, fingerprint(modules))).toEqual([]);
  });
});
