import * as path from 'path';
import { pathToFileURL } from 'url';
import { displayPath, Formatter, whereOf } from './report-context';
import { NetworkRules } from '../../checks/network-rules';
import { RuleLevel } from '../../checks/rule-level';

/** @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/cdktf-nic-patterns/cdktf-nic-patterns#check-an-existing-terraform-project';

const SARIF_LEVEL: Record<RuleLevel, 'error' | 'warning' | 'note'> = {
  [RuleLevel.ERROR]: 'error',
  [RuleLevel.WARNING]: 'warning',
  [RuleLevel.INFO]: 'note',
};

/**
 * SARIF 2.1.0, for code-scanning tools: every rule in `tool.driver.rules`, one result per finding
 * located at its configuration's file (physical) and its Terraform address (logical); suppressed
 * findings carry an external suppression with the file's reason.
 */
export const formatSarif: Formatter = (result, context) => {
  const rules = NetworkRules.describeRules();
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'nic-check',
          version: context.version,
          informationUri: INFORMATION_URI,
          rules: rules.map((rule) => ({
            id: rule.id,
            shortDescription: { text: rule.summary },
            fullDescription: { text: rule.explanation },
            helpUri: rule.docUrl,
            defaultConfiguration: { level: SARIF_LEVEL[rule.level] },
            properties: { hardLimit: rule.hardLimit },
          })),
        },
      },
      results: result.findings.map(({ finding, source }) => ({
        ruleId: finding.ruleId,
        ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
        level: SARIF_LEVEL[finding.level],
        message: { text: finding.message },
        locations: [{
          physicalLocation: { artifactLocation: { uri: artifactUri(source, context.cwd) } },
          logicalLocations: [{ fullyQualifiedName: whereOf(finding), kind: 'resource' }],
        }],
        ...(finding.suppressed ? { suppressions: [{ kind: 'external', justification: finding.suppressionReason }] } : {}),
      })),
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};

// Code-scanning tools resolve relative URIs against the checkout; a file outside it needs a full URI.
function artifactUri(source: string, cwd: string): string {
  const shown = displayPath(source, cwd);
  return path.isAbsolute(shown) ? pathToFileURL(shown).href : encodeURI(shown);
}
