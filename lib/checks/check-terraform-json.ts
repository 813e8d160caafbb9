import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { NetworkFinding } from './network-finding';
import { NetworkRules, NetworkRulesProps } from './network-rules';

/** How `checkTerraformJson` reads one configuration. */
export interface TerraformJsonCheckOptions extends Pick<NetworkRulesProps, 'minimumLevel' | 'rules' | 'excludeRules'> {
  /** Names the configuration in findings' paths and summaries (a stack name, a module folder). */
  readonly name: string;
  /**
   * Put in front of every address: `module.net.` for the resources of a child module.
   * @default '' (the root module)
   */
  readonly addressPrefix?: string;
  /**
   * The reason a finding of `ruleId` on the resource at `address` (with its prefix) is suppressed,
   * or undefined when it is not. Hard-limit findings stay active whatever it says.
   * @default - nothing is suppressed
   */
  readonly suppressionOf?: (ruleId: string, address: string) => string | undefined;
}

/**
 * Runs every registered cloud's rules over Terraform JSON that does not come from this process's
 * constructs: a synthesized `cdk.tf.json`, HCL read as JSON, a plan's configuration. The same rules
 * and messages as `NetworkRules`; each finding carries the resource's Terraform address.
 * The caller loads the clouds (importing the package entry, or `lib/clouds`).
 */
export function checkTerraformJson(terraformJson: Record<string, unknown>, options: TerraformJsonCheckOptions): NetworkFinding[] {
  const prefix = options.addressPrefix ?? '';
  // The engine reads a stack; an empty one in an app of its own holds the JSON's findings and
  // touches no user app. cdktf's App creates its output folder at construction: a temporary one,
  // removed at once, keeps the user's working folder clean (nothing is synthesized into it).
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'nic-check-'));
  try {
    const stack = new TerraformStack(new App({ outdir, skipValidation: true }), stackId(options.name));
    const { minimumLevel, rules: ruleIds, excludeRules } = options;
    const rules = new NetworkRules({ minimumLevel, rules: ruleIds, excludeRules, writeReport: false });
    const suppressionOf = options.suppressionOf ?? (() => undefined);
    return rules._checkJson(stack, terraformJson, (ruleId, address) => suppressionOf(ruleId, prefix + address))
      .map((finding) => (finding.address === undefined || prefix === ''
        ? finding
        : { ...finding, address: prefix + finding.address, path: finding.path === finding.address ? prefix + finding.address : finding.path }));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

// A stack id takes letters, digits, `-` and `_` only; folder names may hold anything.
function stackId(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '_') || 'terraform';
}
