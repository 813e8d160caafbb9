import { CONTEXT, mixedResult } from './cli-test-helpers';
import { NetworkRules } from '../../../lib/checks/network-rules';
import { formatSarif, SARIF_SCHEMA } from '../../../lib/cli/output/sarif';

// The properties SARIF 2.1.0 requires (sarif-schema-2.1.0.json, "required"), and its enumerations,
// checked by hand: the tests run offline.
const LEVELS = ['none', 'note', 'warning', 'error'];
const SUPPRESSION_KINDS = ['inSource', 'external'];

/** Every violation of the SARIF 2.1.0 required fields in `log`. */
function sarifViolations(log: any): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, what: string) => { if (!ok) problems.push(what); };
  const text = (message: any, where: string) => need(typeof message?.text === 'string' || typeof message?.id === 'string', `${where}.text`);
  need(log.version === '2.1.0', 'version');
  need(Array.isArray(log.runs), 'runs');
  (log.runs ?? []).forEach((run: any, r: number) => {
    const driver = run.tool?.driver;
    need(typeof driver?.name === 'string', `runs[${r}].tool.driver.name`);
    const rules: any[] = driver?.rules ?? [];
    rules.forEach((rule, i) => {
      need(typeof rule.id === 'string', `rules[${i}].id`);
      if (rule.shortDescription) text(rule.shortDescription, `rules[${i}].shortDescription`);
      if (rule.fullDescription) text(rule.fullDescription, `rules[${i}].fullDescription`);
      if (rule.defaultConfiguration?.level) need(LEVELS.includes(rule.defaultConfiguration.level), `rules[${i}].defaultConfiguration.level`);
    });
    (run.results ?? []).forEach((result: any, i: number) => {
      text(result.message, `results[${i}].message`);
      if (result.level) need(LEVELS.includes(result.level), `results[${i}].level`);
      if (result.ruleIndex !== undefined) need(rules[result.ruleIndex]?.id === result.ruleId, `results[${i}].ruleIndex`);
      (result.suppressions ?? []).forEach((s: any, j: number) => need(SUPPRESSION_KINDS.includes(s.kind), `results[${i}].suppressions[${j}].kind`));
      (result.locations ?? []).forEach((l: any, j: number) => {
        if (l.physicalLocation) need(l.physicalLocation.artifactLocation || l.physicalLocation.address, `results[${i}].locations[${j}].physicalLocation`);
      });
    });
  });
  return problems;
}

describe('nic-check SARIF output', () => {
  test('is a SARIF 2.1.0 log with every rule and one result per finding', async () => {
    // GIVEN
    const result = await mixedResult();
    // WHEN
    const log = JSON.parse(formatSarif(result, CONTEXT));
    // THEN
    expect(sarifViolations(log)).toEqual([]);
    expect(log.$schema).toBe(SARIF_SCHEMA);
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'nic-check', version: '1.2.3', informationUri: expect.stringMatching(/^https:\/\//) });
    expect(driver.rules.map((r: any) => r.id)).toEqual(NetworkRules.describeRules().map((r) => r.id));
    expect(driver.rules.find((r: any) => r.id === 'NIC034')).toEqual({
      id: 'NIC034',
      shortDescription: { text: 'a literal private IP lies in its subnet and is not one of the 5 reserved addresses' },
      fullDescription: { text: expect.any(String) },
      helpUri: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
      defaultConfiguration: { level: 'error' },
      properties: { hardLimit: true },
    });
    expect(log.runs[0].results.map((r: any) => [r.ruleId, r.level, r.locations[0].logicalLocations[0].fullyQualifiedName])).toEqual([
      ['NIC034', 'error', 'aws_network_interface.reserved'],
      ['NIC070', 'error', 'aws_security_group.admin'],
      ['NIC034', 'note', 'aws_network_interface.eni'],
    ]);
  });

  test('locates a result in its configuration\'s file and carries the suppression\'s reason', async () => {
    // GIVEN
    const result = await mixedResult();
    // WHEN
    const [error, suppressed] = JSON.parse(formatSarif(result, CONTEXT)).runs[0].results;
    // THEN
    expect(error.locations).toEqual([{
      physicalLocation: { artifactLocation: { uri: 'infra/main.tf.json' } },
      logicalLocations: [{ fullyQualifiedName: 'aws_network_interface.reserved', kind: 'resource' }],
    }]);
    expect(error.message.text).toMatch(/^\[NIC034\] /);
    expect(error.suppressions).toBeUndefined();
    expect(suppressed.suppressions).toEqual([{ kind: 'external', justification: 'bastion behind the office VPN' }]);
  });

  test('a file outside the current folder gets a file URI', async () => {
    // GIVEN
    const result = await mixedResult();
    // WHEN
    const log = JSON.parse(formatSarif(result, { ...CONTEXT, cwd: '/elsewhere' }));
    // THEN
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('file:///repo/infra/main.tf.json');
  });

  test('fails when a required field is missing (the check itself works)', () => {
    // WHEN / THEN
    expect(sarifViolations({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ level: 'fatal' }] }] })).toEqual([
      'runs[0].tool.driver.name', 'results[0].message.text', 'results[0].level',
    ]);
  });
});
