import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BROKEN_MODULE, CLEAN_MODULE, makeTempDir, removeTempDir, WARNING_MODULE } from './output/cli-test-helpers';
import { USAGE } from '../../lib/cli/args';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const BIN = path.join(ROOT, 'lib', 'cli', 'nic-check.ts');
// Each run starts node, tsx and the rules engine.
const SPAWN_TIMEOUT = 60_000;

describe('nic-check command', () => {
  let dir: string;
  beforeEach(() => {
    // GIVEN a project folder with one Terraform JSON file of each kind
    dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'broken.tf.json'), JSON.stringify(BROKEN_MODULE));
    fs.writeFileSync(path.join(dir, 'clean.tf.json'), JSON.stringify(CLEAN_MODULE));
    fs.writeFileSync(path.join(dir, 'warning.tf.json'), JSON.stringify(WARNING_MODULE));
  });
  afterEach(() => removeTempDir(dir));

  function nicCheck(...args: string[]) {
    const run = spawnSync(TSX, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: SPAWN_TIMEOUT });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  test('prints one line per finding and exits 1 on errors', () => {
    // WHEN
    const run = nicCheck('broken.tf.json');
    // THEN
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ERROR NIC034 aws_network_interface\.reserved: .* Fix: /);
    expect(run.stdout).toMatch(/\nERROR NIC070 aws_security_group\.admin: /);
    expect(run.stdout).toMatch(/\nTotal: 2 errors, 0 warnings, 0 info, 0 suppressed in 1 configuration\n$/);
    expect(run.status).toBe(1);
  }, SPAWN_TIMEOUT);

  test('exits 0 on warnings, and 1 with --fail-on warning', () => {
    // WHEN
    const lenient = nicCheck('warning.tf.json', 'clean.tf.json');
    const strict = nicCheck('--fail-on', 'warning', 'warning.tf.json');
    // THEN
    expect(lenient.stdout).toMatch(/^WARNING NIC061 warning\.tf: aws_network_interface\.multi: /);
    expect(lenient.status).toBe(0);
    expect(strict.status).toBe(1);
  }, 2 * SPAWN_TIMEOUT);

  test('reads .nic-check.json, notes unused suppressions on stderr and writes SARIF to --output', () => {
    // GIVEN
    fs.writeFileSync(path.join(dir, '.nic-check.json'), JSON.stringify({
      suppressions: [
        { rule: 'NIC070', address: 'aws_security_group.admin', reason: 'bastion behind the office VPN' },
        { rule: 'NIC070', address: 'aws_security_group.gone', reason: 'removed last quarter' },
      ],
    }));
    // WHEN
    const run = nicCheck('--format', 'sarif', '--output', 'report.sarif', '--rules', 'NIC070', 'broken.tf.json');
    // THEN
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`nic-check: note: the suppression of NIC070 on aws_security_group.gone (${path.join(fs.realpathSync(dir), '.nic-check.json')}) matched no finding\n`);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'report.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((r: any) => [r.ruleId, r.suppressions?.[0].justification])).toEqual([['NIC070', 'bastion behind the office VPN']]);
    expect(run.status).toBe(0);
  }, SPAWN_TIMEOUT);

  test('--version prints the package version and --help the usage', () => {
    // WHEN
    const version = nicCheck('--version');
    const help = nicCheck('--help');
    // THEN
    expect(version.stdout).toBe(`${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
    expect(help.stdout).toBe(USAGE);
    expect([version.status, help.status]).toEqual([0, 0]);
  }, 2 * SPAWN_TIMEOUT);

  test('fails when the usage is wrong, with the usage on stderr and status 2', () => {
    // WHEN
    const run = nicCheck('--format', 'xml', 'broken.tf.json');
    // THEN
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`nic-check: --format must be one of human, json, sarif; received "xml"\n\n${USAGE}`);
    expect(run.status).toBe(2);
  }, SPAWN_TIMEOUT);

  test('fails when an input cannot be read, with status 2 and no usage', () => {
    // WHEN
    const run = nicCheck('missing.json');
    // THEN
    expect(run.stderr).toMatch(/^nic-check: \[CliInputNotRecognized\] .*missing\.json/);
    expect(run.stderr).not.toContain('Usage:');
    expect(run.status).toBe(2);
  }, SPAWN_TIMEOUT);
});
