import { CONTEXT, mixedResult, check, config, WARNING_MODULE } from './cli-test-helpers';
import { formatHuman } from '../../../lib/cli/output/human';

describe('nic-check human output', () => {
  test('one line per finding with level, rule, configuration and address, then summaries', async () => {
    // GIVEN
    const result = await mixedResult();
    // WHEN
    const lines = formatHuman(result, CONTEXT).split('\n');
    // THEN
    expect(lines[0]).toMatch(/^ERROR NIC034 infra: aws_network_interface\.reserved: eni "aws_network_interface\.reserved" has private IP "10\.0\.1\.1" .* Fix: use another address of 10\.0\.1\.0\/24 .*\.$/);
    expect(lines[1]).toBe('    https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html');
    expect(lines[2]).toBe('SUPPRESSED NIC070 infra: aws_security_group.admin: bastion behind the office VPN');
    expect(lines[3]).toMatch(/^INFO NIC034 shared: aws_network_interface\.eni: cannot verify .* only known at deploy time\.$/);
    expect(lines.slice(4)).toEqual([
      '    https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
      '',
      'infra (infra/main.tf.json): 1 error, 0 warnings, 0 info, 1 suppressed',
      'shared (shared/main.tf.json): 0 errors, 0 warnings, 1 info, 0 suppressed',
      'Total: 1 error, 0 warnings, 1 info, 1 suppressed in 2 configurations',
      '',
    ]);
  });

  test('names no configuration when there is only one', async () => {
    // GIVEN
    const result = await check([config('w', WARNING_MODULE)]);
    // WHEN
    const text = formatHuman(result, CONTEXT);
    // THEN
    expect(text).toMatch(/^WARNING NIC061 aws_network_interface\.multi: eni /);
    expect(text).toMatch(/\nTotal: 0 errors, 1 warning, 0 info, 0 suppressed in 1 configuration\n$/);
  });

  test('a clean run prints only the summaries', async () => {
    // GIVEN
    const result = await check([config('w', WARNING_MODULE)], { excludeRules: ['NIC061'] });
    // WHEN / THEN
    expect(formatHuman(result, CONTEXT)).toBe('w (w/main.tf.json): 0 errors, 0 warnings, 0 info, 0 suppressed\nTotal: 0 errors, 0 warnings, 0 info, 0 suppressed in 1 configuration\n');
  });
});
