/**
 * Writes lib/alicloud/limits/instance-network-limits.generated.ts from
 * data/alicloud-ecs-instance-network-limits.json, after refreshing that file from the inputs, if any.
 *
 *   npx tsx scripts/generate-alicloud-limits.ts                 rewrite the module
 *   npx tsx scripts/generate-alicloud-limits.ts --check         exit 1 when the committed module is stale
 *   npx tsx scripts/generate-alicloud-limits.ts FILE... (- = stdin)
 *       apply each file in order, then rewrite the data file and the module. A file is either a table
 *       in the data file's format (it replaces the data file) or the JSON output of
 *       `aliyun ecs DescribeInstanceTypes` (the types it lists take the API's numbers, the others keep
 *       theirs, and `source.refreshes` records the response). The API returns 100 types a page:
 *
 *   token=; n=0
 *   while aliyun ecs DescribeInstanceTypes --MaxResults 100 ${token:+--NextToken "$token"} > page-$n.json; do
 *     token=$(jq -r '.NextToken // empty' page-$n.json); n=$((n + 1)); [ -n "$token" ] || break
 *   done
 *   npx tsx scripts/generate-alicloud-limits.ts page-*.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOrCheckModule } from './limits/limits-module';
import {
  ALI_LIMITS_DATA_FILE,
  ALI_LIMITS_GENERATE_COMMAND,
  ALI_LIMITS_MODULE_FILE,
  applyAliLimitsInput,
  parseAliLimitsData,
  renderAliLimitsModule,
} from './limits/render-alicloud-limits-module';

const root = join(__dirname, '..');
const dataPath = join(root, ALI_LIMITS_DATA_FILE);
const args = process.argv.slice(2);
const check = args.includes('--check');
const inputs = args.filter((arg) => arg !== '--check');
const unknownOption = inputs.find((arg) => arg.startsWith('--'));

if (unknownOption !== undefined || (check && inputs.length > 0)) {
  console.error(`Usage: ${ALI_LIMITS_GENERATE_COMMAND} [--check | FILE...]${unknownOption === undefined ? '' : ` (unknown option ${unknownOption})`}`);
  process.exit(2);
}

let table: unknown = JSON.parse(readFileSync(dataPath, 'utf8'));
if (inputs.length > 0) {
  const today = new Date().toISOString().slice(0, 10);
  const label = (input: string) => input === '-' ? 'standard input' : input;
  for (const input of inputs) {
    table = applyAliLimitsInput(table, JSON.parse(readFileSync(input === '-' ? 0 : input, 'utf8')), label(input), today);
  }
  // One-space indent and no final newline: the format of the copied file, so a no-op refresh changes nothing.
  writeFileSync(dataPath, JSON.stringify(table, null, 1));
  console.log(`Wrote ${ALI_LIMITS_DATA_FILE} from ${inputs.map(label).join(', ')}.`);
}

writeOrCheckModule(
  { root, moduleFile: ALI_LIMITS_MODULE_FILE, dataFile: ALI_LIMITS_DATA_FILE, command: ALI_LIMITS_GENERATE_COMMAND },
  renderAliLimitsModule(parseAliLimitsData(table)),
  check,
);
