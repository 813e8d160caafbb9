#!/usr/bin/env node
// The published package runs the compiled checker. A clone of the repository has no build/ until
// `npm run compile`, so it runs the TypeScript sources through tsx (a dev dependency) instead, which
// lets `npx nic-check` work right after `npm ci`.
const { existsSync } = require('fs');
const { join } = require('path');

const compiled = join(__dirname, '..', 'build', 'cli', 'nic-check.js');
if (existsSync(compiled)) {
  require(compiled);
} else {
  require('tsx/cjs');
  require(join(__dirname, '..', 'lib', 'cli', 'nic-check.ts'));
}
