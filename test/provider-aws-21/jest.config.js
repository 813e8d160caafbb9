// The provider matrix: the AWS construct, pattern, rule and example tests again, with every
// `@cdktf/provider-aws/...` import (the library's and the tests') resolved to the 21.x line
// (hashicorp/aws 6.x), installed as the dev dependency `@cdktf/provider-aws-21`.
//
// Left out on this line, on purpose:
// - snapshots: they record the 20.x output and are compared on that line (`no-snapshots.ts`);
// - offline `terraform plan`: the only aws provider binary on these machines is 5.100, and a stack
//   synthesized with 21.x bindings requires 6.x (`NIC_PROVIDER_AWS_LINE` makes `describeTerraform` skip);
// - the failover agent's own tests: Lambda code that imports no provider binding.
const path = require('node:path');
const base = require('../../package.json').jest;

const root = path.join(__dirname, '..', '..');

module.exports = {
  ...base,
  rootDir: root,
  testMatch: [
    '<rootDir>/test/aws/**/*.test.ts',
    '<rootDir>/test/examples/*.test.ts',
    '<rootDir>/test/provider-aws-21/**/*.test.ts',
  ],
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns.filter((pattern) => pattern !== '/test/provider-aws-21/'),
    '/test/aws/failover/agent/',
    // Alibaba Cloud and NHN Cloud examples use no AWS binding.
    '/test/examples/(alicloud|nhncloud)-',
  ],
  moduleNameMapper: {
    '^@cdktf/provider-aws/(.*)$': '<rootDir>/node_modules/@cdktf/provider-aws-21/$1',
  },
  setupFiles: [...base.setupFiles, '<rootDir>/test/provider-aws-21/provider-line.ts'],
  snapshotResolver: '<rootDir>/test/provider-aws-21/snapshot-resolver.js',
  setupFilesAfterEnv: [...(base.setupFilesAfterEnv ?? []), '<rootDir>/test/provider-aws-21/no-snapshots.ts'],
  collectCoverage: false,
  reporters: ['default', ['jest-junit', { outputDirectory: 'test-reports', outputName: 'junit-provider-aws-21.xml' }]],
};
