import { CONTEXT, mixedResult } from './cli-test-helpers';
import { formatJson, JSON_REPORT_VERSION } from '../../../lib/cli/output/json';

describe('nic-check JSON output', () => {
  test('a stable report of inputs, findings and summary', async () => {
    // GIVEN
    const result = await mixedResult();
    // WHEN
    const report = JSON.parse(formatJson(result, CONTEXT));
    // THEN
    expect(Object.keys(report)).toEqual(['version', 'tool', 'inputs', 'findings', 'summary']);
    expect(report.version).toBe(JSON_REPORT_VERSION);
    expect(report.tool).toEqual({ name: 'nic-check', version: '1.2.3' });
    expect(report.inputs).toEqual([{ name: 'infra', source: 'infra/main.tf.json' }, { name: 'shared', source: 'shared/main.tf.json' }]);
    expect(report.findings[0]).toEqual({
      rule: 'NIC034',
      level: 'ERROR',
      config: 'infra',
      address: 'aws_network_interface.reserved',
      path: 'aws_network_interface.reserved',
      message: expect.stringMatching(/^\[NIC034\] eni .* See https:\/\/docs\.aws\.amazon\.com\/vpc\/latest\/userguide\/subnet-sizing\.html$/),
      problem: expect.stringMatching(/^eni "aws_network_interface\.reserved" has private IP "10\.0\.1\.1"/),
      fix: expect.stringMatching(/^use another address of 10\.0\.1\.0\/24/),
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
      suppressed: false,
    });
    expect(report.findings[1]).toMatchObject({ rule: 'NIC070', suppressed: true, reason: 'bastion behind the office VPN' });
    expect(report.findings[2]).toMatchObject({ rule: 'NIC034', level: 'INFO', config: 'shared', fix: null });
    expect(report.summary).toEqual({ errors: 1, warnings: 0, info: 1, suppressed: 1, exitCode: 1 });
  });
});
