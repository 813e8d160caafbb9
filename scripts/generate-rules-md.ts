/**
 * Writes RULES.md from the NetworkRules registry.
 *
 *   npx tsx scripts/generate-rules-md.ts           rewrite RULES.md
 *   npx tsx scripts/generate-rules-md.ts --check   exit 1 when the committed RULES.md is stale
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_GENERATE_COMMAND, RULES_MARKDOWN_FILE, renderRulesMarkdown } from './rules/render-rules-markdown';
import { NetworkRules } from '../lib/rules/network-rules';

const file = join(__dirname, '..', RULES_MARKDOWN_FILE);
const rendered = renderRulesMarkdown(NetworkRules.describeRules());

if (process.argv.includes('--check')) {
  if (!existsSync(file) || readFileSync(file, 'utf8') !== rendered) {
    console.error(`${RULES_MARKDOWN_FILE} is stale: it does not match the rule registry. Run \`${RULES_GENERATE_COMMAND}\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${RULES_MARKDOWN_FILE} is up to date with the rule registry.`);
} else {
  writeFileSync(file, rendered);
  console.log(`Wrote ${RULES_MARKDOWN_FILE} from the rule registry.`);
}
