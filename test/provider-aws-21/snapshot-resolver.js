// The 20.x snapshots are not read on this line (no-snapshots.ts), so no test resolves to them:
// jest would otherwise count each one as obsolete and, under --ci, fail the run. The 20.x files
// still map back to their tests, so jest does not take them for the snapshots of deleted tests.
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const elsewhere = path.join(root, '.tmp', 'provider-aws-21-snapshots');

module.exports = {
  resolveSnapshotPath: (testPath, extension) => path.join(elsewhere, path.relative(root, testPath) + extension),
  resolveTestPath: (snapshotPath, extension) => {
    const testFile = snapshotPath.slice(0, -extension.length);
    if (snapshotPath.startsWith(elsewhere + path.sep)) return path.join(root, path.relative(elsewhere, testFile));
    return path.join(path.dirname(path.dirname(testFile)), path.basename(testFile));
  },
  testPathForConsistencyCheck: path.join(root, 'test', 'aws', 'instance.test.ts'),
};
