import * as fs from 'fs';
import * as path from 'path';
import { parse } from '@cdktf/hcl2json';
import { inputNotRecognized, isObject, readJsonFile, SkippedInput, TerraformConfig, TerraformJson } from './terraform-config';
import { expandInstances } from '../../checks/instance-expansion';

// Blocks whose labelled entries hcl2json wraps in a list (`resource.type.name: [body]`).
const TWO_LABEL_BLOCKS = new Set(['resource', 'data']);
const ONE_LABEL_BLOCKS = new Set(['variable', 'output', 'module']);
// Nested blocks Terraform JSON writes as one object, not a list of objects.
const SINGLE_NESTED_BLOCKS = new Set(['lifecycle', 'connection']);

/** Whether `folder` holds Terraform files (`*.tf`, `*.tf.json`). */
export function isTerraformModule(folder: string): boolean {
  return terraformFiles(folder).length > 0;
}

/**
 * The root module of `folder` merged into one Terraform JSON, then each local child module
 * (source `./x` or `../x`) as its own configuration, depth first, once per module call.
 */
export async function loadHclModule(folder: string): Promise<TerraformConfig[]> {
  const configs: TerraformConfig[] = [];
  await loadModule(path.resolve(folder), '', {}, [], configs);
  return configs;
}

async function loadModule(folder: string, addressPrefix: string, callArguments: Record<string, unknown>,
  callChain: string[], configs: TerraformConfig[]): Promise<void> {
  const terraformJson = substituteVariables(await readModule(folder), callArguments, addressPrefix !== '');
  const skipped: SkippedInput[] = [];
  const config: TerraformConfig = { name: path.relative(process.cwd(), folder) || '.', source: folder, addressPrefix, terraformJson, skipped };
  configs.push(config);
  for (const [callName, call] of Object.entries(isObject(terraformJson.module) ? terraformJson.module : {})) {
    // A call with a literal count or for_each is one module instance per copy (`module.net[0]`),
    // each given its own `count.index` / `each.key`, as Terraform addresses them.
    for (const { name, body } of expandInstances(callName, isObject(call) ? call : {})) {
      const { source, count: _count, for_each: _forEach, ...args } = body;
      const address = `${addressPrefix}module.${name}`;
      const child = childModuleFolder(source, folder, [...callChain, folder]);
      if ('reason' in child) {
        skipped.push({ address, source: String(source), reason: child.reason });
        continue;
      }
      await loadModule(child.folder, `${address}.`, args, [...callChain, folder], configs);
    }
  }
}

// Only a local path can be read without fetching (and trusting) code from elsewhere.
function childModuleFolder(source: unknown, parent: string, callChain: string[]): { folder: string } | { reason: string } {
  if (typeof source !== 'string' || !(source.startsWith('./') || source.startsWith('../'))) {
    return { reason: 'not a local path (registry, git and archive sources are not fetched)' };
  }
  const folder = path.resolve(parent, source);
  if (callChain.includes(folder)) return { reason: 'module cycle (the folder calls itself, directly or through other modules)' };
  if (!isTerraformModule(folder)) return { reason: 'no *.tf or *.tf.json file in the folder' };
  return { folder };
}

function terraformFiles(folder: string): string[] {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) return [];
  return fs.readdirSync(folder).filter((file) => file.endsWith('.tf') || file.endsWith('.tf.json')).sort();
}

// Terraform merges override files last, attribute by attribute, into the blocks they name.
function isOverride(file: string): boolean {
  return /(^|_)override\.tf(\.json)?$/.test(file);
}

/** The *.tf and *.tf.json files of one module folder as one Terraform JSON. */
export async function readModule(folder: string): Promise<TerraformJson> {
  const files = terraformFiles(folder);
  const merged: TerraformJson = {};
  for (const file of [...files.filter((f) => !isOverride(f)), ...files.filter(isOverride)]) {
    const full = path.join(folder, file);
    const contents = fs.readFileSync(full, 'utf8');
    const json = file.endsWith('.json') ? readJsonFile(full, contents) : normalizeHcl(await parseHcl(full, contents));
    if (!isObject(json)) throw inputNotRecognized(full, 'not a Terraform JSON object');
    mergeInto(merged, json, isOverride(file));
  }
  return merged;
}

async function parseHcl(file: string, contents: string): Promise<Record<string, unknown>> {
  try {
    return await parse(file, contents);
  } catch (error) {
    throw inputNotRecognized(file, `HCL that does not parse (${(error as Error).message})`, 'run `terraform validate` to see the syntax error');
  }
}

/** hcl2json's output (every block a list) in Terraform JSON syntax (one object per labelled block). */
export function normalizeHcl(hcl: Record<string, unknown>): TerraformJson {
  const json: TerraformJson = {};
  for (const [blockType, blocks] of Object.entries(hcl)) {
    if (TWO_LABEL_BLOCKS.has(blockType) && isObject(blocks)) {
      json[blockType] = mapValues(blocks, (byName) => (isObject(byName) ? mapValues(byName, (body) => normalizeBody(first(body))) : byName));
    } else if (ONE_LABEL_BLOCKS.has(blockType) && isObject(blocks)) {
      json[blockType] = mapValues(blocks, (body) => normalizeBody(first(body)));
    } else if ((blockType === 'locals' || blockType === 'terraform') && Array.isArray(blocks)) {
      json[blockType] = Object.assign({}, ...blocks.filter(isObject));
    } else {
      json[blockType] = blocks;
    }
  }
  return json;
}

function normalizeBody(body: unknown): unknown {
  if (!isObject(body)) return body;
  return mapValues(body, (value, key) => {
    if (SINGLE_NESTED_BLOCKS.has(key)) return first(value);
    // `dynamic "name" { for_each, content {} }` is `dynamic: { name: { for_each, content: {} } }` in JSON.
    if (key === 'dynamic' && isObject(value)) {
      return mapValues(value, (block) => {
        const dynamic = first(block);
        return isObject(dynamic) ? { ...dynamic, content: normalizeBody(first(dynamic.content)) } : dynamic;
      });
    }
    return Array.isArray(value) ? value.map(normalizeBody) : value;
  });
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function mapValues(object: Record<string, unknown>, fn: (value: unknown, key: string) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value, key)]));
}

function mergeInto(target: TerraformJson, source: TerraformJson, override: boolean): void {
  for (const [blockType, blocks] of Object.entries(source)) {
    const existing = target[blockType];
    if (!isObject(blocks) || !isObject(existing)) {
      target[blockType] = blocks;
      continue;
    }
    const depth = TWO_LABEL_BLOCKS.has(blockType) ? 2 : 1;
    mergeLabelled(existing, blocks, depth, override);
  }
}

// Labels down to `depth`; below them, a block of an override file replaces attributes one by one.
function mergeLabelled(target: Record<string, unknown>, source: Record<string, unknown>, depth: number, override: boolean): void {
  for (const [label, value] of Object.entries(source)) {
    const existing = target[label];
    if (depth > 1 && isObject(existing) && isObject(value)) {
      mergeLabelled(existing, value, depth - 1, override);
    } else if (override && isObject(existing) && isObject(value)) {
      target[label] = { ...existing, ...value };
    } else {
      target[label] = value;
    }
  }
}

/**
 * A child module's `${var.x}` replaced by the literal value its call passes (or the variable's
 * default when the call passes none): that value is certain, unlike a root module's default, which
 * a tfvars file or `-var` can override. Arguments that are expressions stay references (unknown).
 */
export function substituteVariables(json: TerraformJson, callArguments: Record<string, unknown>, isChild: boolean): TerraformJson {
  if (!isChild) return json;
  const known = new Map<string, unknown>();
  for (const [name, declaration] of Object.entries(isObject(json.variable) ? json.variable : {})) {
    const value = name in callArguments ? callArguments[name] : isObject(declaration) ? declaration.default : undefined;
    if (value !== undefined && !JSON.stringify(value).includes('${')) known.set(name, value);
  }
  if (known.size === 0) return json;
  const replace = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const whole = /^\$\{var\.([\w-]+)\}$/.exec(value);
      if (whole && known.has(whole[1])) return known.get(whole[1]);
      return value.replace(/\$\{var\.([\w-]+)\}/g, (reference, name: string) => {
        const literal = known.get(name);
        return typeof literal === 'string' || typeof literal === 'number' || typeof literal === 'boolean' ? String(literal) : reference;
      });
    }
    if (Array.isArray(value)) return value.map(replace);
    return isObject(value) ? mapValues(value, replace) : value;
  };
  const { variable, ...rest } = json;
  return { ...(replace(rest) as TerraformJson), ...(variable === undefined ? {} : { variable }) };
}
