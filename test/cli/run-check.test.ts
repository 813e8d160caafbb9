import * as fs from 'fs';
import * as path from 'path';
import { BROKEN_MODULE, check, CLEAN_MODULE, cliOptions, config, fakeIo, INFO_MODULE, makeTempDir, removeTempDir, WARNING_MODULE } from './output/cli-test-helpers';
import { RuleLevel } from '../../lib/checks/rule-level';
import { runCheck } from '../../lib/cli/run-check';

const REASON = 'bastion behind the office VPN';

function rulesOf(result: { findings: { finding: { ruleId: string; level: string; suppressed: boolean } }[] }): string[] {
  return result.findings.map(({ finding }) => `${finding.level} ${finding.ruleId}${finding.suppressed ? ' suppressed' : ''}`);
}

describe('runCheck', () => {
  test('reports each configuration\'s findings with its name and source, and exits 1 on an error', async () => {
    // WHEN
    const result = await check([config('infra', BROKEN_MODULE), config('clean', CLEAN_MODULE)]);
    // THEN
    expect(result.inputs).toEqual([{ name: 'infra', source: '/repo/infra/main.tf.json' }, { name: 'clean', source: '/repo/clean/main.tf.json' }]);
    expect(result.findings.map((f) => [f.config, f.source, f.finding.ruleId, f.finding.address])).toEqual([
      ['infra', '/repo/infra/main.tf.json', 'NIC034', 'aws_network_interface.reserved'],
      ['infra', '/repo/infra/main.tf.json', 'NIC070', 'aws_security_group.admin'],
    ]);
    expect(result.exitCode).toBe(1);
  });

  test('exits 0 on a clean configuration', async () => {
    // WHEN
    const result = await check([config('clean', CLEAN_MODULE)]);
    // THEN
    expect(result.findings).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  test('a warning fails only with --fail-on warning', async () => {
    // WHEN
    const byDefault = await check([config('w', WARNING_MODULE)]);
    const tightened = await check([config('w', WARNING_MODULE)], { failOn: RuleLevel.WARNING });
    // THEN
    expect(rulesOf(byDefault)).toEqual(['WARNING NIC061']);
    expect(byDefault.exitCode).toBe(0);
    expect(tightened.exitCode).toBe(1);
  });

  test('--min-level hides findings but not their exit status', async () => {
    // WHEN
    const result = await check([config('w', WARNING_MODULE)], { failOn: RuleLevel.WARNING, minLevel: RuleLevel.ERROR });
    // THEN
    expect(result.findings).toEqual([]);
    expect(result.exitCode).toBe(1);
  });

  test('INFO findings are reported only from --min-level info', async () => {
    // WHEN
    const byDefault = await check([config('i', INFO_MODULE)]);
    const all = await check([config('i', INFO_MODULE)], { minLevel: RuleLevel.INFO });
    // THEN
    expect(byDefault.findings).toEqual([]);
    expect(rulesOf(all)).toEqual(['INFO NIC034']);
    expect(all.exitCode).toBe(0);
  });

  test('--rules and --exclude-rules select the rules, in any case', async () => {
    // WHEN
    const only = await check([config('infra', BROKEN_MODULE)], { rules: ['nic070'] });
    const without = await check([config('infra', BROKEN_MODULE)], { excludeRules: ['nic070'] });
    // THEN
    expect(rulesOf(only)).toEqual(['ERROR NIC070']);
    expect(rulesOf(without)).toEqual(['ERROR NIC034']);
  });

  test('fails when --rules names an unknown rule, before reading any input', async () => {
    // GIVEN
    const loadInput = jest.fn(async () => [config('infra', BROKEN_MODULE)]);
    // WHEN / THEN
    await expect(runCheck(cliOptions({ rules: ['NIC999'] }), { loadInput, cwd: '/', note: () => undefined })).rejects.toThrow(/\[UnknownNetworkRule\] --rules: cannot select an unknown network rule/);
    expect(loadInput).not.toHaveBeenCalled();
  });

  test('passes every path, as given, to the loader', async () => {
    // GIVEN
    const io = fakeIo([], '/');
    const loadInput = jest.spyOn(io, 'loadInput');
    // WHEN
    await runCheck(cliOptions({ paths: ['cdktf.out', './infra', 'plan.json'] }), io);
    // THEN
    expect(loadInput.mock.calls).toEqual([['cdktf.out'], ['./infra'], ['plan.json']]);
  });

  test('notes the module calls the loader did not follow', async () => {
    // GIVEN
    const skipped = { ...config('infra', CLEAN_MODULE), skipped: [{ address: 'module.vpc', source: 'terraform-aws-modules/vpc/aws', reason: 'not a local path' }] };
    // WHEN
    const result = await check([skipped]);
    // THEN
    expect(result.notes).toEqual(['module.vpc (terraform-aws-modules/vpc/aws) is not checked: not a local path']);
  });

  describe('with a suppressions file', () => {
    let dir: string;
    beforeEach(() => { dir = makeTempDir(); });
    afterEach(() => removeTempDir(dir));

    function writeSuppressions(name: string, suppressions: unknown[]): void {
      fs.writeFileSync(path.join(dir, name), JSON.stringify({ suppressions }));
    }

    test('reads .nic-check.json from the current folder: a suppressed error no longer fails', async () => {
      // GIVEN
      writeSuppressions('.nic-check.json', [{ rule: 'NIC070', address: 'aws_security_group.admin', reason: REASON }]);
      // WHEN
      const result = await check([config('infra', BROKEN_MODULE)], { rules: ['NIC070'] }, dir);
      // THEN
      expect(rulesOf(result)).toEqual(['ERROR NIC070 suppressed']);
      expect(result.findings[0].finding.suppressionReason).toBe(REASON);
      expect(result.exitCode).toBe(0);
      expect(result.notes).toEqual([]);
    });

    test('--suppressions names another file, relative to the current folder, instead', async () => {
      // GIVEN
      writeSuppressions('.nic-check.json', [{ rule: 'NIC070', address: 'aws_security_group.other', reason: REASON }]);
      writeSuppressions('ci-suppressions.json', [{ rule: 'NIC070', address: 'module.legacy.*', reason: REASON }]);
      // WHEN
      const result = await check([config('legacy', BROKEN_MODULE, 'module.legacy.')], { rules: ['NIC070'], suppressionsFile: 'ci-suppressions.json' }, dir);
      // THEN
      expect(result.findings.map((f) => [f.finding.address, f.finding.suppressed])).toEqual([['module.legacy.aws_security_group.admin', true]]);
      expect(result.exitCode).toBe(0);
    });

    test('notes the suppressions that matched nothing, among the rules that ran', async () => {
      // GIVEN
      writeSuppressions('.nic-check.json', [
        { rule: 'NIC070', address: 'aws_security_group.gone', reason: REASON },
        { rule: 'NIC061', address: 'aws_network_interface.gone', reason: REASON },
      ]);
      // WHEN
      const result = await check([config('infra', BROKEN_MODULE)], { excludeRules: ['NIC061'] }, dir);
      // THEN
      expect(result.notes).toEqual([`the suppression of NIC070 on aws_security_group.gone (${path.join(dir, '.nic-check.json')}) matched no finding`]);
    });

    test('fails when the suppressions file given does not exist', async () => {
      // WHEN / THEN
      await expect(check([config('infra', BROKEN_MODULE)], { suppressionsFile: 'missing.json' }, dir)).rejects.toThrow(/\[SuppressionsFileInvalid\]/);
    });
  });
});
