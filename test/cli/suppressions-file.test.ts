import * as fs from 'fs';
import * as path from 'path';
import { BROKEN_MODULE, check, config, makeTempDir, removeTempDir } from './output/cli-test-helpers';
import { SuppressionsFile } from '../../lib/cli/suppressions-file';
import { NetworkConstraintError } from '../../lib/core/errors';

const REASON = 'bastion behind the office VPN';

function fileWith(suppressions: unknown): SuppressionsFile {
  return SuppressionsFile.parse(JSON.stringify({ suppressions }), 'sup.json');
}

function errorOf(run: () => unknown): NetworkConstraintError {
  try {
    run();
  } catch (error) {
    if (error instanceof NetworkConstraintError) return error;
    throw error;
  }
  throw new Error('expected a NetworkConstraintError');
}

describe('nic-check suppressions file', () => {
  test('matches a rule on an address, whatever the case of the id, and gives its reason', () => {
    // GIVEN
    const file = fileWith([{ rule: 'nic070', address: 'aws_security_group.admin', reason: REASON }]);
    // WHEN / THEN
    expect(file.suppressionOf('NIC070', 'aws_security_group.admin')).toBe(REASON);
    expect(file.suppressionOf('NIC070', 'aws_security_group.admins')).toBeUndefined();
    expect(file.suppressionOf('NIC001', 'aws_security_group.admin')).toBeUndefined();
  });

  test('an address matches each of its instances', () => {
    // GIVEN
    const file = fileWith([{ rule: 'NIC070', address: 'aws_security_group.admin', reason: REASON }]);
    // WHEN / THEN
    expect(file.suppressionOf('NIC070', 'aws_security_group.admin[0]')).toBe(REASON);
    expect(file.suppressionOf('NIC070', 'aws_security_group.admin["eu"]')).toBe(REASON);
  });

  test('an address ending in * matches every address it starts', () => {
    // GIVEN
    const file = fileWith([{ rule: 'NIC070', address: 'module.legacy.*', reason: REASON }]);
    // WHEN / THEN
    expect(file.suppressionOf('NIC070', 'module.legacy.aws_security_group.admin')).toBe(REASON);
    expect(file.suppressionOf('NIC070', 'module.legacy.module.inner.aws_security_group.x')).toBe(REASON);
    expect(file.suppressionOf('NIC070', 'module.legacy2.aws_security_group.admin')).toBeUndefined();
  });

  test('lists the suppressions that matched nothing', () => {
    // GIVEN
    const file = fileWith([
      { rule: 'NIC070', address: 'aws_security_group.admin', reason: REASON },
      { rule: 'NIC070', address: 'aws_security_group.gone', reason: REASON },
    ]);
    // WHEN
    file.suppressionOf('NIC070', 'aws_security_group.admin');
    // THEN
    expect(file.unused().map((s) => s.address)).toEqual(['aws_security_group.gone']);
  });

  test('reads a file from disk', () => {
    // GIVEN
    const dir = makeTempDir();
    try {
      const file = path.join(dir, '.nic-check.json');
      fs.writeFileSync(file, JSON.stringify({ suppressions: [{ rule: 'NIC070', address: 'aws_security_group.admin', reason: REASON }] }));
      // WHEN
      const suppressions = SuppressionsFile.read(file);
      // THEN
      expect(suppressions.suppressions).toEqual([{ rule: 'NIC070', address: 'aws_security_group.admin', reason: REASON }]);
    } finally {
      removeTempDir(dir);
    }
  });

  test.each([
    ['not JSON', '{ suppressions: ', 'SuppressionsFileInvalid', /not valid JSON/],
    ['without a list', '{ "suppress": [] }', 'SuppressionsFileInvalid', /no "suppressions" list/],
    ['a list that is no object', '[]', 'SuppressionsFileInvalid', /no "suppressions" list/],
    ['an entry that is no object', '{ "suppressions": ["NIC070"] }', 'SuppressionsFileInvalid', /suppressions\[0\]: a suppression is not an object/],
    ['a misspelt key', `{ "suppressions": [{ "rule": "NIC070", "adress": "x", "reason": "${REASON}" }] }`, 'SuppressionsFileInvalid', /unknown keys. Received: adress/],
    ['no address', `{ "suppressions": [{ "rule": "NIC070", "reason": "${REASON}" }] }`, 'SuppressionsFileInvalid', /"address" must be a non-empty string/],
    ['no rule', `{ "suppressions": [{ "address": "x.y", "reason": "${REASON}" }] }`, 'SuppressionsFileInvalid', /"rule" must be a non-empty string/],
    ['a * inside an address', `{ "suppressions": [{ "rule": "NIC070", "address": "module.*.aws_x.y", "reason": "${REASON}" }] }`, 'SuppressionsFileInvalid', /"\*" may only end an address/],
    ['an unknown rule', `{ "suppressions": [{ "rule": "NIC999", "address": "x.y", "reason": "${REASON}" }] }`, 'UnknownNetworkRule', /cannot suppress an unknown network rule/],
    ['a short reason', '{ "suppressions": [{ "rule": "NIC070", "address": "x.y", "reason": " because  " }] }', 'SuppressionReasonTooShort', /"because" \(7 characters\)/],
    ['no reason', '{ "suppressions": [{ "rule": "NIC070", "address": "x.y" }] }', 'SuppressionReasonTooShort', /too short/],
  ])('fails when the file has %s', (_what, text, code, message) => {
    // WHEN
    const error = errorOf(() => SuppressionsFile.parse(text, 'sup.json'));
    // THEN
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.constructPath).toMatch(/^sup\.json/);
  });

  test('fails when the file cannot be read', () => {
    // WHEN
    const error = errorOf(() => SuppressionsFile.read('/nonexistent/.nic-check.json'));
    // THEN
    expect(error.code).toBe('SuppressionsFileInvalid');
    expect(error.message).toMatch(/cannot read the suppressions file/);
  });

  test('a suppression of a hard limit is kept, never applies, and is noted', async () => {
    // GIVEN
    const dir = makeTempDir();
    try {
      fs.writeFileSync(path.join(dir, '.nic-check.json'), JSON.stringify({
        suppressions: [{ rule: 'NIC034', address: 'aws_network_interface.reserved', reason: 'we like this address' }],
      }));
      // WHEN
      const result = await check([config('infra', BROKEN_MODULE)], { rules: ['NIC034'] }, dir);
      // THEN
      expect(result.findings.map((f) => [f.finding.ruleId, f.finding.suppressed])).toEqual([['NIC034', false]]);
      expect(result.findings[0].finding.message).toMatch(/The suppression of NIC034 does not apply/);
      expect(result.exitCode).toBe(1);
      expect(result.notes).toEqual([expect.stringMatching(/suppression of NIC034 on aws_network_interface.reserved never applies: NIC034 enforces a hard AWS limit/)]);
    } finally {
      removeTempDir(dir);
    }
  });
});
