import * as path from 'path';
import { tempFiles } from './temp-files';
import { loadInput } from '../../../lib/cli/inputs/load-input';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const STACK = { resource: { aws_vpc: { main: { cidr_block: '10.0.0.0/16' } } } };

describe('loadInput', () => {
  test('reads a cdktf output folder, or its manifest.json, stack by stack', async () => {
    // GIVEN
    const folder = tempFiles({
      'manifest.json': { stacks: { app: { name: 'app', synthesizedStackPath: 'stacks/app/cdk.tf.json' } } },
      'stacks/app/cdk.tf.json': STACK,
    });
    // WHEN
    const fromFolder = await loadInput(folder);
    const fromManifest = await loadInput(path.join(folder, 'manifest.json'));
    // THEN
    expect(fromFolder).toEqual([{ name: 'app', source: path.join(folder, 'stacks', 'app', 'cdk.tf.json'), addressPrefix: '', terraformJson: STACK }]);
    expect(fromManifest).toEqual(fromFolder);
  });

  test('reads a folder of Terraform files as its root module and local child modules', async () => {
    // WHEN
    const configs = await loadInput(path.join(FIXTURES, 'aws', 'clean'));
    // THEN
    expect(configs.map((c) => c.addressPrefix)).toEqual(['', 'module.net.']);
  });

  test('reads a plan', async () => {
    // WHEN
    const configs = await loadInput(path.join(FIXTURES, 'aws', 'plan.json'));
    // THEN
    expect(configs.map((c) => c.name)).toEqual(['plan', 'plan/module.net']);
  });

  test('reads a Terraform JSON file as one root module named after the file', async () => {
    // GIVEN
    const file = path.join(tempFiles({ 'network.tf.json': STACK }), 'network.tf.json');
    // WHEN
    const configs = await loadInput(file);
    // THEN
    expect(configs).toEqual([{ name: 'network.tf', source: file, addressPrefix: '', terraformJson: STACK }]);
  });

  test('fails when the path does not exist', async () => {
    await expect(loadInput('/no/such/place')).rejects.toThrow(/\[CliInputNotRecognized\] nic-check: no such file or folder\. Received: \/no\/such\/place/);
  });

  test('fails when a folder holds neither manifest.json nor Terraform files', async () => {
    await expect(loadInput(tempFiles({ 'README.md': '# nothing' }))).rejects.toThrow(/a folder with neither manifest.json nor \*\.tf/);
  });

  test('fails when given one .tf file, and says to pass its folder', async () => {
    const file = path.join(tempFiles({ 'main.tf': '' }), 'main.tf');
    await expect(loadInput(file)).rejects.toThrow(/a file that is not JSON.*pass the folder that holds the \.tf files/);
  });

  test('fails when a JSON file is neither a plan nor Terraform JSON', async () => {
    const file = path.join(tempFiles({ 'package.json': { name: 'x' } }), 'package.json');
    await expect(loadInput(file)).rejects.toThrow(/JSON that is neither a plan .* nor Terraform JSON.*terraform show -json/);
  });
});
