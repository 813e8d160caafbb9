import { RuleLevel } from '../../lib/checks/rule-level';
import { CliUsageError, parseCliArgs, USAGE } from '../../lib/cli/args';

function optionsOf(argv: string[]) {
  const command = parseCliArgs(argv);
  if (command.kind !== 'check') throw new Error(`expected a check, got ${command.kind}`);
  return command.options;
}

describe('nic-check arguments', () => {
  test('defaults to human output, failing on errors and showing warnings and errors', () => {
    // WHEN
    const options = optionsOf(['cdktf.out']);
    // THEN
    expect(options).toEqual({
      paths: ['cdktf.out'],
      format: 'human',
      failOn: RuleLevel.ERROR,
      minLevel: RuleLevel.WARNING,
      rules: undefined,
      excludeRules: undefined,
      suppressionsFile: undefined,
      output: undefined,
    });
  });

  test('takes several paths of every kind', () => {
    // WHEN
    const options = optionsOf(['cdktf.out', './infra', 'plan.json']);
    // THEN
    expect(options.paths).toEqual(['cdktf.out', './infra', 'plan.json']);
  });

  test.each([
    ['json', RuleLevel.INFO],
    ['sarif', RuleLevel.INFO],
    ['HUMAN', RuleLevel.WARNING],
  ])('--format %s shows findings from %s up by default', (format, minLevel) => {
    // WHEN
    const options = optionsOf(['--format', format, 'infra']);
    // THEN
    expect(options.format).toBe(format.toLowerCase());
    expect(options.minLevel).toBe(minLevel);
  });

  test('reads --fail-on, --min-level, --suppressions and --output, also written with =', () => {
    // WHEN
    const options = optionsOf(['--fail-on=warning', '--min-level', 'error', '--suppressions', 'sup.json', '--output=report.sarif', 'infra']);
    // THEN
    expect(options).toMatchObject({ failOn: RuleLevel.WARNING, minLevel: RuleLevel.ERROR, suppressionsFile: 'sup.json', output: 'report.sarif' });
  });

  test('reads rule lists comma-separated and repeated', () => {
    // WHEN
    const options = optionsOf(['--rules', 'NIC001, ali010', '--rules', 'NIC002', '--exclude-rules', 'NIC070,', 'infra']);
    // THEN
    expect(options.rules).toEqual(['NIC001', 'ali010', 'NIC002']);
    expect(options.excludeRules).toEqual(['NIC070']);
  });

  test('--help and --version win over everything else', () => {
    // WHEN / THEN
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h', '--format', 'nonsense'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' });
  });

  test('the usage names every option', () => {
    // THEN
    for (const option of ['--format', '--fail-on', '--min-level', '--rules', '--exclude-rules', '--suppressions', '--output', '--help', '--version']) {
      expect(USAGE).toContain(option);
    }
  });

  test.each([
    [[], /no path to check/],
    [['--format', 'xml', 'infra'], /--format must be one of human, json, sarif; received "xml"/],
    [['--fail-on', 'info', 'infra'], /--fail-on must be one of error, warning; received "info"/],
    [['--min-level', 'debug', 'infra'], /--min-level must be one of info, warning, error/],
    [['--rules', ',', 'infra'], /--rules needs at least one rule id/],
    [['--colour', 'infra'], /Unknown option '--colour'/],
    [['infra', '--output'], /--output/],
    [['--version=yes'], /--version/],
  ])('fails when the command line is %j', (argv, message) => {
    // WHEN / THEN
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
