/**
 * Writes RULES.md from the rule registry.
 *
 *   npx tsx scripts/generate-rules-doc.ts           rewrite RULES.md
 *   npx tsx scripts/generate-rules-doc.ts --check   exit 1 when RULES.md is stale
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NetworkRules } from '../lib';
import { renderRulesDoc, RULES_DOC_COMMAND, RULES_DOC_FILE } from './rules/render-rules-doc';

const path = join(__dirname, '..', RULES_DOC_FILE);
const rendered = renderRulesDoc(NetworkRules.describeRules());

if (process.argv.includes('--check')) {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== rendered) {
    console.error(`${RULES_DOC_FILE} is stale: it does not match the rule registry. Run \`${RULES_DOC_COMMAND}\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${RULES_DOC_FILE} is up to date.`);
} else {
  writeFileSync(path, rendered);
  console.log(`Wrote ${RULES_DOC_FILE} (${NetworkRules.describeRules().length} rules).`);
}
