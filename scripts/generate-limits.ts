/**
 * Writes lib/aws/limits/instance-network-limits.generated.ts from data/ec2-instance-network-limits.json.
 *
 *   npx tsx scripts/generate-limits.ts           rewrite the module
 *   npx tsx scripts/generate-limits.ts --check   exit 1 when the committed module is stale
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOrCheckModule } from './limits/limits-module';
import {
  LIMITS_DATA_FILE,
  LIMITS_GENERATE_COMMAND,
  LIMITS_MODULE_FILE,
  parseLimitsData,
  renderLimitsModule,
} from './limits/render-limits-module';

const root = join(__dirname, '..');
const rendered = renderLimitsModule(parseLimitsData(JSON.parse(readFileSync(join(root, LIMITS_DATA_FILE), 'utf8'))));

writeOrCheckModule({ root, moduleFile: LIMITS_MODULE_FILE, dataFile: LIMITS_DATA_FILE, command: LIMITS_GENERATE_COMMAND }, rendered, process.argv.includes('--check'));
