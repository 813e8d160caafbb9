import * as fs from 'fs';
import * as path from 'path';
import '../../lib/clouds';
import { checkTerraformJson } from '../../lib/checks/check-terraform-json';
import { RuleLevel } from '../../lib/checks/rule-level';
import { loadInput } from '../../lib/cli/inputs/load-input';
import { isObject, TerraformConfig } from '../../lib/cli/inputs/terraform-config';

/** One planted finding, as expected-findings.json lists it. */
interface ExpectedFinding {
  readonly rule: string;
  readonly address: string;
  readonly level: RuleLevel;
}

const FIXTURES = path.join(__dirname, 'fixtures');
const CLOUDS = ['aws', 'alicloud', 'nhncloud'];
// Provider schemas of the clouds whose provider is not in the terraform mirror (AWS is planned by terraform instead).
const SCHEMAS: Record<string, string> = {
  alicloud: 'alicloud-1.289.0.schema.json',
  nhncloud: 'nhncloud-1.0.7.schema.json',
};

function expectedFindings(fixture: string): ExpectedFinding[] {
  return JSON.parse(fs.readFileSync(path.join(fixture, 'expected-findings.json'), 'utf8'));
}

/** The non-INFO findings of every configuration at `input`, as expected-findings.json writes them. */
async function findingsOf(input: string): Promise<ExpectedFinding[]> {
  const findings = (await loadInput(input))
    .flatMap((config) => checkTerraformJson(config.terraformJson, { name: config.name, addressPrefix: config.addressPrefix }));
  const crashed = findings.find((f) => f.message.includes('internal error'));
  if (crashed) throw new Error(`a rule crashed: ${crashed.message}`);
  return findings.filter((f) => f.level !== RuleLevel.INFO).map((f) => ({ rule: f.ruleId, address: f.address ?? f.path, level: f.level }));
}

function sorted(findings: ExpectedFinding[]): ExpectedFinding[] {
  return [...findings].sort((a, b) => `${a.rule} ${a.address}`.localeCompare(`${b.rule} ${b.address}`));
}

describe.each(CLOUDS)('%s fixture', (cloud) => {
  const violations = path.join(FIXTURES, cloud, 'violations');
  const clean = path.join(FIXTURES, cloud, 'clean');

  test('the violations yield exactly the planted findings', async () => {
    // WHEN
    const findings = await findingsOf(violations);
    // THEN
    expect(sorted(findings)).toEqual(sorted(expectedFindings(violations)));
  });

  test('the clean twin yields no ERROR or WARNING', async () => {
    expect(await findingsOf(clean)).toEqual([]);
  });

  test('plants a literal count and a local child module', async () => {
    // WHEN
    const configs = await loadInput(violations);
    // THEN
    expect(configs.map((c) => c.addressPrefix)).toEqual(['', 'module.net.']);
    expect(JSON.stringify(configs[0].terraformJson.resource)).toContain('"count":2');
    expect(expectedFindings(violations).some((f) => f.address.startsWith('module.net.'))).toBe(true);
    expect(expectedFindings(violations).some((f) => f.address.endsWith('[1]'))).toBe(true);
  });
});

describe('AWS plan fixtures (terraform show -json of the HCL fixtures)', () => {
  test('the plan of the violations yields the same findings as their HCL', async () => {
    const violations = path.join(FIXTURES, 'aws', 'violations');
    expect(sorted(await findingsOf(path.join(FIXTURES, 'aws', 'violations-plan.json')))).toEqual(sorted(expectedFindings(violations)));
  });

  test('the plan of the clean twin yields no ERROR or WARNING', async () => {
    expect(await findingsOf(path.join(FIXTURES, 'aws', 'plan.json'))).toEqual([]);
  });
});

describe.each(Object.entries(SCHEMAS))('%s fixtures use only what the provider schema has', (cloud, schemaFile) => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'provider-schemas', schemaFile), 'utf8'));
  const [provider] = Object.values(schema.provider_schemas) as Array<{ resource_schemas: Record<string, { block: SchemaBlock }> }>;
  const resourceSchemas = provider.resource_schemas;

  test.each(['violations', 'clean'])('%s', async (fixture) => {
    // GIVEN
    const configs = await loadInput(path.join(FIXTURES, cloud, fixture));
    // WHEN
    const unknown = configs.flatMap((config) => unknownArguments(config, resourceSchemas));
    // THEN
    expect(unknown).toEqual([]);
  });
});

interface SchemaBlock {
  readonly attributes?: Record<string, unknown>;
  readonly block_types?: Record<string, { readonly block: SchemaBlock }>;
}

// Meta-arguments Terraform accepts on every resource.
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle']);

function unknownArguments(config: TerraformConfig, resourceSchemas: Record<string, { block: SchemaBlock }>): string[] {
  const unknown: string[] = [];
  for (const [type, byName] of Object.entries((config.terraformJson.resource ?? {}) as Record<string, Record<string, unknown>>)) {
    const schema = resourceSchemas[type];
    if (!schema) {
      unknown.push(`${config.addressPrefix}${type}`);
      continue;
    }
    for (const [name, body] of Object.entries(byName)) {
      unknown.push(...unknownIn(body, schema.block, `${config.addressPrefix}${type}.${name}`, true));
    }
  }
  return unknown;
}

function unknownIn(body: unknown, block: SchemaBlock, where: string, topLevel: boolean): string[] {
  if (!isObject(body)) return [];
  return Object.entries(body).flatMap(([key, value]) => {
    if (topLevel && META_ARGUMENTS.has(key)) return [];
    if (block.attributes?.[key]) return [];
    const nested = block.block_types?.[key];
    if (!nested) return [`${where}.${key}`];
    return (Array.isArray(value) ? value : [value]).flatMap((item) => unknownIn(item, nested.block, `${where}.${key}`, false));
  });
}
