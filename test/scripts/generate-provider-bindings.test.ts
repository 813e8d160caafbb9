import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { TerraformProvider, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { generateProviderBindings, PROVIDER_BINDINGS, ProviderBindingSpec } from '../../scripts/generate-provider-bindings';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPT = join(ROOT, 'scripts', 'generate-provider-bindings.ts');

type Config = Record<string, unknown>;
interface GeneratedClass<T> {
  readonly tfResourceType: string;
  new (scope: Construct, id: string, config: Config): T;
}

const [ALICLOUD, NHNCLOUD] = PROVIDER_BINDINGS;

/** The folder the generator names after a resource type: `alicloud_eip_address` -> `eip-address`. */
function folderOf(spec: ProviderBindingSpec, resourceType: string): string {
  return resourceType.replace(`${spec.name}_`, '').replace(/_/g, '-');
}

function resourceTypesIn(schemaFile: string, source: string): string[] {
  const schema = JSON.parse(readFileSync(resolve(ROOT, schemaFile), 'utf8'));
  return Object.keys(schema.provider_schemas[`registry.terraform.io/${source}`].resource_schemas);
}

function foldersIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

describe('scripts/generate-provider-bindings.ts', () => {
  // Under the repository (not the system's temporary folder), so the generated code resolves cdktf.
  let outdir: string;

  function load<T>(spec: ProviderBindingSpec, folder: string, className: string): GeneratedClass<T> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- generated at run time, so not importable statically
    return require(join(outdir, spec.name, 'bindings', folder))[className];
  }

  function synth(build: (stack: TerraformStack) => void) {
    const stack = new TerraformStack(Testing.app(), 'stack');
    build(stack);
    return JSON.parse(Testing.synth(stack));
  }

  beforeAll(async () => {
    outdir = mkdtempSync(join(ROOT, '.tmp', 'provider-bindings-'));
    for (const spec of PROVIDER_BINDINGS) await generateProviderBindings(spec, outdir);
  }, 60_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('GIVEN each schema file WHEN generated THEN there is one folder per resource of the schema, the provider and the stamp, nothing else', () => {
    for (const spec of PROVIDER_BINDINGS) {
      const expected = [...resourceTypesIn(spec.schemaFile, spec.source).map((type) => folderOf(spec, type)), 'provider', '.generated.json'];

      expect(foldersIn(join(outdir, spec.name, 'bindings'))).toEqual(expected.sort());
    }
  });

  test('GIVEN the alicloud bindings THEN a resource class carries its Terraform resource type', () => {
    expect(load(ALICLOUD, 'ecs-network-interface', 'EcsNetworkInterface').tfResourceType).toBe('alicloud_ecs_network_interface');
    expect(load(ALICLOUD, 'vpc-ha-vip', 'VpcHaVip').tfResourceType).toBe('alicloud_vpc_ha_vip');
    expect(load(ALICLOUD, 'provider', 'AlicloudProvider').tfResourceType).toBe('alicloud');
  });

  test('GIVEN an EcsNetworkInterface in a stack WHEN synthesized THEN its resource block has the snake_case attributes and the provider is pinned to aliyun/alicloud 1.289.0', () => {
    const Provider = load<TerraformProvider>(ALICLOUD, 'provider', 'AlicloudProvider');
    const EcsNetworkInterface = load<TerraformResource>(ALICLOUD, 'ecs-network-interface', 'EcsNetworkInterface');

    const json = synth((stack) => {
      new Provider(stack, 'alicloud', { region: 'cn-hangzhou' });
      new EcsNetworkInterface(stack, 'eni', {
        vswitchId: 'vsw-1', securityGroupIds: ['sg-1'], primaryIpAddress: '10.0.0.5', secondaryPrivateIpAddressCount: 2, deleteOnRelease: false,
      });
    });

    expect(json.resource.alicloud_ecs_network_interface.eni).toMatchObject({
      vswitch_id: 'vsw-1', security_group_ids: ['sg-1'], primary_ip_address: '10.0.0.5', secondary_private_ip_address_count: 2, delete_on_release: false,
    });
    expect(json.terraform.required_providers).toEqual({ alicloud: { source: 'aliyun/alicloud', version: '1.289.0' } });
    expect(json.provider.alicloud).toEqual([{ region: 'cn-hangzhou' }]);
  });

  test('GIVEN a NetworkingPortV2 in a stack WHEN synthesized THEN it is an nhncloud_networking_port_v2 and the provider is pinned to nhn-cloud/nhncloud 1.0.7', () => {
    const Provider = load<TerraformProvider>(NHNCLOUD, 'provider', 'NhncloudProvider');
    const Port = load<TerraformResource>(NHNCLOUD, 'networking-port-v2', 'NetworkingPortV2');

    const json = synth((stack) => {
      new Provider(stack, 'nhncloud', {});
      new Port(stack, 'port', { networkId: 'net-1', fixedIp: [{ subnetId: 'subnet-1', ipAddress: '192.168.0.10' }] });
    });

    expect(json.resource.nhncloud_networking_port_v2.port).toMatchObject({
      network_id: 'net-1', fixed_ip: [{ subnet_id: 'subnet-1', ip_address: '192.168.0.10' }],
    });
    expect(json.terraform.required_providers).toEqual({ nhncloud: { source: 'nhn-cloud/nhncloud', version: '1.0.7' } });
  });

  test('GIVEN bindings generated from the same inputs WHEN run again THEN it reports them up to date and writes nothing', async () => {
    const file = join(outdir, ALICLOUD.name, 'bindings', 'instance', 'index.ts');
    const before = statSync(file).mtimeMs;

    const result = await generateProviderBindings(ALICLOUD, outdir);

    expect(result).toMatchObject({ generated: false, files: 20 });
    expect(statSync(file).mtimeMs).toBe(before);
  });

  test('GIVEN the command line WHEN the bindings are current THEN it prints each provider as up to date with its size', async () => {
    const { stdout } = await run(TSX, [SCRIPT, '--outdir', outdir], { cwd: ROOT });

    expect(stdout).toMatch(/^aliyun\/alicloud 1\.289\.0 bindings up to date: .* \(20 files, \d+ lines\)$/m);
    expect(stdout).toMatch(/^nhn-cloud\/nhncloud 1\.0\.7 bindings up to date: .* \(14 files, \d+ lines\)$/m);
  }, 60_000);

  describe('with a changed schema', () => {
    let scratch: string;
    beforeEach(() => (scratch = mkdtempSync(join(ROOT, '.tmp', 'provider-bindings-'))));
    afterEach(() => rmSync(scratch, { recursive: true, force: true }));

    test('GIVEN a schema with fewer resources WHEN run THEN it regenerates and the removed resources are gone', async () => {
      await generateProviderBindings(ALICLOUD, scratch);
      const schema = JSON.parse(readFileSync(join(ROOT, ALICLOUD.schemaFile), 'utf8'));
      const provider = schema.provider_schemas['registry.terraform.io/aliyun/alicloud'];
      provider.resource_schemas = { alicloud_vpc: provider.resource_schemas.alicloud_vpc };
      const schemaFile = join(scratch, 'smaller.schema.json');
      writeFileSync(schemaFile, JSON.stringify(schema));

      const result = await generateProviderBindings({ ...ALICLOUD, schemaFile }, scratch);

      expect(result).toMatchObject({ generated: true, files: 2 });
      expect(foldersIn(join(scratch, 'alicloud', 'bindings'))).toEqual(['.generated.json', 'provider', 'vpc']);
    }, 60_000);

    test('fails when the schema file has no provider of that source, leaving nothing behind', async () => {
      await expect(generateProviderBindings({ ...ALICLOUD, source: 'aliyun/other' }, scratch))
        .rejects.toThrow(`${ALICLOUD.schemaFile} has no provider registry.terraform.io/aliyun/other (it has: registry.terraform.io/aliyun/alicloud)`);

      expect(readdirSync(scratch)).toEqual([]);
    });
  });

  test('fails when --outdir has no value', async () => {
    await expect(run(TSX, [SCRIPT, '--outdir'], { cwd: ROOT })).rejects.toMatchObject({ stderr: expect.stringContaining('--outdir needs a directory') });
  }, 60_000);
});
