import * as fs from 'fs';
import * as path from 'path';
import { CDKTF_MANIFEST, isCdktfOut, loadCdktfOut } from './cdktf-out';
import { isTerraformModule, loadHclModule } from './hcl-module';
import { isPlanJson, loadPlanJson } from './plan-json';
import { inputNotRecognized, isObject, readJsonFile, TerraformConfig, TerraformJson } from './terraform-config';

// Top-level keys of Terraform JSON syntax; a JSON file with none of them is something else.
const TERRAFORM_JSON_KEYS = ['resource', 'data', 'module', 'provider', 'terraform', 'variable', 'output', 'locals'];

/**
 * The configurations to check at `inputPath`:
 * - a cdktf output folder (with manifest.json, or that file itself): one per stack;
 * - a folder of `*.tf` / `*.tf.json`: the root module, then each local child module;
 * - a `*.json` file: a `terraform show -json` plan (one per module instance), or Terraform JSON (one).
 *
 * @throws NetworkConstraintError `CliInputNotRecognized` for anything else
 */
export async function loadInput(inputPath: string): Promise<TerraformConfig[]> {
  if (!fs.existsSync(inputPath)) throw inputNotRecognized(inputPath, 'no such file or folder');
  if (fs.statSync(inputPath).isDirectory()) {
    if (isCdktfOut(inputPath)) return loadCdktfOut(inputPath);
    if (isTerraformModule(inputPath)) return loadHclModule(inputPath);
    throw inputNotRecognized(inputPath, 'a folder with neither manifest.json nor *.tf / *.tf.json files');
  }
  if (!inputPath.endsWith('.json')) {
    throw inputNotRecognized(inputPath, 'a file that is not JSON', inputPath.endsWith('.tf') ? 'pass the folder that holds the .tf files' : undefined);
  }
  const json = readJsonFile(inputPath, fs.readFileSync(inputPath, 'utf8'));
  if (path.basename(inputPath) === CDKTF_MANIFEST && isObject(json) && isObject(json.stacks)) return loadCdktfOut(path.dirname(inputPath));
  if (isPlanJson(json)) return loadPlanJson(json, inputPath);
  if (isObject(json) && TERRAFORM_JSON_KEYS.some((key) => key in json)) {
    return [{ name: path.basename(inputPath, '.json'), source: inputPath, addressPrefix: '', terraformJson: json as TerraformJson }];
  }
  throw inputNotRecognized(inputPath, 'JSON that is neither a plan (`terraform show -json`) nor Terraform JSON', 'for a plan, run `terraform show -json planfile > plan.json`');
}
