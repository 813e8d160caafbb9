/**
 * Writes lib/aws/limits/instance-network-limits.generated.ts from data/ec2-instance-network-limits.json.
 *
 *   npx tsx scripts/generate-limits.ts           rewrite the module
 *   npx tsx scripts/generate-limits.ts --check   exit 1 when the committed module is stale
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LIMITS_DATA_FILE,
  LIMITS_GENERATE_COMMAND,
  LIMITS_MODULE_FILE,
  parseLimitsData,
  renderLimitsModule,
} from './limits/render-limits-module';

const root = join(__dirname, '..');
const modulePath = join(root, LIMITS_MODULE_FILE);
const rendered = renderLimitsModule(parseLimitsData(JSON.parse(readFileSync(join(root, LIMITS_DATA_FILE), 'utf8'))));

if (process.argv.includes('--check')) {
  if (!existsSync(modulePath) || readFileSync(modulePath, 'utf8') !== rendered) {
    console.error(`${LIMITS_MODULE_FILE} is stale: it does not match ${LIMITS_DATA_FILE}. Run \`${LIMITS_GENERATE_COMMAND}\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${LIMITS_MODULE_FILE} is up to date with ${LIMITS_DATA_FILE}.`);
} else {
  writeFileSync(modulePath, rendered);
  console.log(`Wrote ${LIMITS_MODULE_FILE} from ${LIMITS_DATA_FILE}.`);
}
