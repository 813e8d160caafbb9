import * as fs from 'fs';
import * as path from 'path';
import { inputNotRecognized, isObject, readJsonFile, TerraformConfig, TerraformJson } from './terraform-config';

/** The file cdktf writes at the top of its output folder. */
export const CDKTF_MANIFEST = 'manifest.json';

/** Whether `folder` is a cdktf output folder. */
export function isCdktfOut(folder: string): boolean {
  return fs.existsSync(path.join(folder, CDKTF_MANIFEST));
}

/** One configuration per stack of a cdktf output folder, in the manifest's order. */
export function loadCdktfOut(folder: string): TerraformConfig[] {
  const manifestFile = path.join(folder, CDKTF_MANIFEST);
  const manifest = readJsonFile(manifestFile, fs.readFileSync(manifestFile, 'utf8'));
  if (!isObject(manifest) || !isObject(manifest.stacks)) {
    throw inputNotRecognized(manifestFile, 'a manifest.json without `stacks`, so not a cdktf output folder');
  }
  return Object.entries(manifest.stacks).map(([key, entry]) => {
    const stack = isObject(entry) ? entry : {};
    const name = typeof stack.name === 'string' ? stack.name : key;
    const relative = typeof stack.synthesizedStackPath === 'string' ? stack.synthesizedStackPath : path.join('stacks', name, 'cdk.tf.json');
    const file = path.join(folder, relative);
    if (!fs.existsSync(file)) {
      throw inputNotRecognized(file, `stack "${name}" of the manifest has no synthesized file`, 'run `cdktf synth` again');
    }
    return { name, source: file, addressPrefix: '', terraformJson: readJsonFile(file, fs.readFileSync(file, 'utf8')) as TerraformJson };
  });
}
