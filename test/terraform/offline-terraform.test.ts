import * as fs from 'fs';
import * as path from 'path';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { App, Op, TerraformStack } from 'cdktf';
import { describeTerraform, TERRAFORM_TEST_TIMEOUT_MS } from './jest-helpers';
import { addOfflineTestProvider } from './offline-provider';
import {
  planStack,
  pluginMirror,
  readManifest,
  synthAndPlan,
  TerraformCommandError,
  terraformAvailability,
  terraformCliConfigFile,
} from './offline-terraform';

const SCRATCH = path.resolve(__dirname, '..', '..', '.tmp');

/** A VPC, a subnet, an interface in it and an Elastic IP on that interface: 4 resources. */
function addNetwork(stack: TerraformStack): { vpc: Vpc; eni: NetworkInterface; resourceCount: number } {
  const vpc = new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16' });
  const subnet = new Subnet(stack, 'subnet', { vpcId: vpc.id, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a' });
  const eni = new NetworkInterface(stack, 'eni', { subnetId: subnet.id, privateIps: ['10.0.1.10'] });
  new Eip(stack, 'eip', { domain: 'vpc', networkInterface: eni.id, associateWithPrivateIp: '10.0.1.10' });
  return { vpc, eni, resourceCount: 4 };
}

describe('terraformCliConfigFile', () => {
  test('GIVEN the default mirror WHEN resolving the CLI config THEN the checked-in file is used', () => {
    const file = terraformCliConfigFile('/opt/tf-plugins');
    expect(file).toBe(path.join(__dirname, 'terraform.rc'));
  });

  test('GIVEN a mirror elsewhere WHEN resolving the CLI config THEN a copy names that mirror and keeps the direct exclusion', () => {
    const file = terraformCliConfigFile('/somewhere/else/plugins');
    const content = fs.readFileSync(file, 'utf8');
    expect(path.dirname(file)).toBe(SCRATCH);
    expect(content).toContain('path    = "/somewhere/else/plugins"');
    expect(content).not.toContain('"/opt/tf-plugins"');
    expect(content).toMatch(/direct\s*\{\s*exclude\s*=\s*\["registry.terraform.io\/hashicorp\/\*"\]/);
  });
});

describe('terraformAvailability', () => {
  test('fails when the provider mirror is missing, naming the folder it looked for', () => {
    const availability = terraformAvailability({ pluginMirror: '/nonexistent/mirror' });
    expect(availability.available).toBe(false);
    expect(availability.missing.join('\n')).toMatch(/\/nonexistent\/mirror\/registry\.terraform\.io\/hashicorp\/aws\/5\.100\.0/);
  });

  test('fails when the terraform binary is missing, naming the binary', () => {
    const availability = terraformAvailability({ terraformBinary: 'terraform-does-not-exist' });
    expect(availability.available).toBe(false);
    expect(availability.missing.join('\n')).toContain('"terraform-does-not-exist"');
  });
});

describeTerraform('offline terraform plan', () => {
  jest.setTimeout(TERRAFORM_TEST_TIMEOUT_MS);

  test('GIVEN a stack with a VPC, subnet, ENI and EIP WHEN planned offline THEN every resource is to be added', async () => {
    let expected = 0;
    const [plan] = await synthAndPlan((app) => {
      const stack = new TerraformStack(app, 'network');
      addOfflineTestProvider(stack);
      expected = addNetwork(stack).resourceCount;
    });

    expect(plan.stackName).toBe('network');
    expect({ add: plan.add, change: plan.change, destroy: plan.destroy }).toEqual({ add: expected, change: 0, destroy: 0 });
    expect(plan.byType).toEqual({ aws_vpc: 1, aws_subnet: 1, aws_network_interface: 1, aws_eip: 1 });
  });

  test('GIVEN a stack with its own providers and no credentials WHEN planned offline THEN the override completes every provider block', async () => {
    const plans = await synthAndPlan((app) => {
      const stack = new TerraformStack(app, 'own-providers');
      new AwsProvider(stack, 'default', { region: 'eu-west-1' });
      const other = new AwsProvider(stack, 'other', { alias: 'other' });
      addNetwork(stack);
      new Vpc(stack, 'other-vpc', { provider: other, cidrBlock: '10.1.0.0/16' });
    });

    expect(plans.map((p) => [p.stackName, p.add])).toEqual([['own-providers', 5]]);
  });

  test('GIVEN a synthesized stack folder WHEN planned THEN the folder is left as it was', async () => {
    fs.mkdirSync(SCRATCH, { recursive: true });
    const outdir = fs.mkdtempSync(path.join(SCRATCH, 'tf-test-'));
    try {
      const app = new App({ outdir, stackTraces: false });
      const stack = new TerraformStack(app, 'pristine');
      addOfflineTestProvider(stack);
      addNetwork(stack);
      app.synth();
      const stackDir = path.join(outdir, readManifest(outdir).stacks.pristine.workingDirectory);
      const before = fs.readdirSync(stackDir).sort();

      await planStack(stackDir);

      expect(fs.readdirSync(stackDir).sort()).toEqual(before);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('fails when the provider rejects an argument, with terraform\'s diagnostic in the message', async () => {
    const attempt = synthAndPlan((app) => {
      const stack = new TerraformStack(app, 'broken');
      addOfflineTestProvider(stack);
      addNetwork(stack).eni.addOverride('not_an_argument', 'x');
    });

    await expect(attempt).rejects.toThrow(/terraform validate failed[\s\S]*Error: Extraneous JSON object property \(cdk\.tf\.json:\d+, in resource\.aws_network_interface\.eni\): No argument or block type is named "not_an_argument"/);
    const error: TerraformCommandError = await attempt.catch((e) => e);
    expect(error).toBeInstanceOf(TerraformCommandError);
    expect(fs.existsSync(error.workDir)).toBe(false);
  });

  test('fails when a check only evaluated at plan fails, with terraform\'s diagnostic in the message', async () => {
    const attempt = synthAndPlan((app) => {
      const stack = new TerraformStack(app, 'precondition');
      addOfflineTestProvider(stack);
      const { vpc, eni } = addNetwork(stack);
      eni.addOverride('lifecycle.precondition', [{ condition: Op.eq(vpc.cidrBlock, '10.9.0.0/16'), error_message: 'Needs the 10.9 VPC.' }]);
    });

    await expect(attempt).rejects.toThrow(/terraform plan failed[\s\S]*Error: Resource precondition failed[\s\S]*Needs the 10\.9 VPC\./);
  });
});

test('the provider mirror defaults to /opt/tf-plugins and follows NIC_TF_PLUGIN_MIRROR', () => {
  const saved = process.env.NIC_TF_PLUGIN_MIRROR;
  try {
    delete process.env.NIC_TF_PLUGIN_MIRROR;
    expect(pluginMirror()).toBe('/opt/tf-plugins');
    process.env.NIC_TF_PLUGIN_MIRROR = '/mnt/mirror/';
    expect(pluginMirror()).toBe('/mnt/mirror');
  } finally {
    if (saved === undefined) delete process.env.NIC_TF_PLUGIN_MIRROR;
    else process.env.NIC_TF_PLUGIN_MIRROR = saved;
  }
});
