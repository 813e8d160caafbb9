import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { App, TerraformStack } from 'cdktf';
import { tempFiles } from './temp-files';
import { loadCdktfOut } from '../../../lib/cli/inputs/cdktf-out';

describe('loadCdktfOut', () => {
  let outdir: string;

  beforeAll(() => {
    // GIVEN a real cdktf output folder with two stacks
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-cdktf-out-'));
    const app = new App({ outdir, stackTraces: false });
    for (const name of ['network', 'edge']) {
      const stack = new TerraformStack(app, name);
      new AwsProvider(stack, 'aws', { region: 'us-east-1' });
      new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16' });
    }
    app.synth();
  });

  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('reads one configuration per stack, in the order of the manifest (by name), from its synthesized file', () => {
    // WHEN
    const configs = loadCdktfOut(outdir);
    // THEN
    expect(configs.map((c) => [c.name, path.relative(outdir, c.source), c.addressPrefix])).toEqual([
      ['edge', path.join('stacks', 'edge', 'cdk.tf.json'), ''],
      ['network', path.join('stacks', 'network', 'cdk.tf.json'), ''],
    ]);
    expect(configs[0].terraformJson.resource).toEqual({ aws_vpc: { vpc: expect.objectContaining({ cidr_block: '10.0.0.0/16' }) } });
  });

  test('fails when manifest.json lists no stacks', () => {
    // GIVEN
    const folder = tempFiles({ 'manifest.json': { version: '0.21.0' } });
    // WHEN / THEN
    expect(() => loadCdktfOut(folder)).toThrow(/\[CliInputNotRecognized\] nic-check: a manifest.json without `stacks`/);
  });

  test('fails when a stack\'s synthesized file is missing', () => {
    // GIVEN
    const folder = tempFiles({ 'manifest.json': { stacks: { app: { name: 'app', synthesizedStackPath: 'stacks/app/cdk.tf.json' } } } });
    // WHEN / THEN
    expect(() => loadCdktfOut(folder)).toThrow(/stack "app" of the manifest has no synthesized file.*cdktf synth/);
  });
});
