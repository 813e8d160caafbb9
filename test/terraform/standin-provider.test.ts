import { TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { TERRAFORM_TEST_TIMEOUT_MS } from './jest-helpers';
import { describeStandinTerraform, planConfigWithStandin, StandinPlan, StandinResourceChange, synthAndPlanWithStandin } from './standin-terraform';
import { PROVIDER_BINDINGS, ProviderBindingSpec } from '../../scripts/generate-provider-bindings';

const ALICLOUD = PROVIDER_BINDINGS.find((spec) => spec.name === 'alicloud')!;
const NHNCLOUD = PROVIDER_BINDINGS.find((spec) => spec.name === 'nhncloud')!;

type Attributes = Record<string, unknown>;

/** A provider block with no bindings: what the generated `AlicloudProvider` synthesizes. */
class RawProvider extends TerraformProvider {
  constructor(scope: Construct, spec: ProviderBindingSpec, private readonly settings: Attributes) {
    super(scope, spec.name, {
      terraformResourceType: spec.name,
      terraformGeneratorMetadata: { providerName: spec.name, providerVersion: spec.version },
      terraformProviderSource: spec.source,
    });
  }

  protected synthesizeAttributes(): Attributes {
    return this.settings;
  }
}

/** A resource written through the escape hatch, so the test needs no generated bindings. */
class RawResource extends TerraformResource {
  constructor(scope: Construct, type: string, id: string, private readonly attributes: Attributes) {
    super(scope, id, { terraformResourceType: type });
  }

  protected synthesizeAttributes(): Attributes {
    return this.attributes;
  }
}

/** A hand-written cdk.tf.json for the alicloud stand-in. */
function alicloudConfig(resources: Record<string, Record<string, Attributes>>): Record<string, unknown> {
  return {
    terraform: { required_providers: { alicloud: { source: ALICLOUD.source, version: ALICLOUD.version } } },
    provider: { alicloud: [{ region: 'cn-hangzhou' }] },
    resource: resources,
  };
}

function change(plan: StandinPlan, address: string): StandinResourceChange {
  const found = plan.resourceChanges.find((candidate) => candidate.address === address);
  if (found === undefined) throw new Error(`${address} is not in the plan: ${plan.resourceChanges.map((c) => c.address).join(', ')}`);
  return found;
}

describeStandinTerraform('stand-in provider for aliyun/alicloud', () => {
  test('GIVEN a VPC, vSwitch, security group, ENI, EIP and EIP association in a cdktf stack WHEN planned THEN all are created and what the cloud decides is known after apply', async () => {
    // GIVEN
    const build = (app: Construct) => {
      const stack = new TerraformStack(app, 'ali');
      new RawProvider(stack, ALICLOUD, { region: 'cn-hangzhou', access_key: 'mock', secret_key: 'mock' });
      const vpc = new RawResource(stack, 'alicloud_vpc', 'vpc', { vpc_name: 'main', cidr_block: '10.0.0.0/16' });
      const vswitch = new RawResource(stack, 'alicloud_vswitch', 'vswitch', {
        vpc_id: vpc.getStringAttribute('id'), cidr_block: '10.0.1.0/24', zone_id: 'cn-hangzhou-h',
      });
      const group = new RawResource(stack, 'alicloud_security_group', 'group', { vpc_id: vpc.getStringAttribute('id') });
      const eni = new RawResource(stack, 'alicloud_ecs_network_interface', 'eni', {
        vswitch_id: vswitch.getStringAttribute('id'), security_group_ids: [group.getStringAttribute('id')],
      });
      const eip = new RawResource(stack, 'alicloud_eip_address', 'eip', { address_name: 'vip', isp: 'BGP' });
      new RawResource(stack, 'alicloud_eip_association', 'association', {
        allocation_id: eip.getStringAttribute('id'), instance_id: eni.getStringAttribute('id'), instance_type: 'NetworkInterface', mode: 'NAT',
      });
    };

    // WHEN
    const [plan] = await synthAndPlanWithStandin(build);

    // THEN
    expect(plan.resourceChanges.map((c) => `${c.address} ${c.actions.join('+')}`)).toEqual([
      'alicloud_ecs_network_interface.eni create',
      'alicloud_eip_address.eip create',
      'alicloud_eip_association.association create',
      'alicloud_security_group.group create',
      'alicloud_vpc.vpc create',
      'alicloud_vswitch.vswitch create',
    ]);
    const vswitch = change(plan, 'alicloud_vswitch.vswitch');
    expect(vswitch.after).toMatchObject({ cidr_block: '10.0.1.0/24', zone_id: 'cn-hangzhou-h' });
    expect(vswitch.afterUnknown).toMatchObject({ id: true, vpc_id: true, status: true });
    const association = change(plan, 'alicloud_eip_association.association');
    expect(association.after).toMatchObject({ mode: 'NAT', instance_type: 'NetworkInterface' });
    expect(association.afterUnknown).toMatchObject({ allocation_id: true, instance_id: true });
    expect(change(plan, 'alicloud_eip_address.eip').afterUnknown).toMatchObject({ ip_address: true, status: true });
    expect(change(plan, 'alicloud_ecs_network_interface.eni').afterUnknown).toMatchObject({ security_group_ids: [true], mac: true });
    expect(plan.warnings).toEqual([]);
  }, TERRAFORM_TEST_TIMEOUT_MS);

  test('GIVEN a deprecated argument WHEN planned THEN the plan succeeds with the provider\'s deprecation warning', async () => {
    // GIVEN
    const config = alicloudConfig({ alicloud_eip_address: { eip: { name: 'old-style' } } });

    // WHEN
    const plan = await planConfigWithStandin(config);

    // THEN
    expect(plan.resourceChanges).toHaveLength(1);
    expect(plan.warnings).toEqual([expect.stringMatching(/^Warning: Argument is deprecated .*Field 'name' has been deprecated/)]);
  }, TERRAFORM_TEST_TIMEOUT_MS);

  test('fails when a required argument is missing', async () => {
    // GIVEN
    const config = alicloudConfig({ alicloud_eip_association: { association: { allocation_id: 'eip-1' } } });

    // WHEN / THEN
    await expect(planConfigWithStandin(config)).rejects.toThrow(/Error: Missing required argument .*"instance_id" is required/);
  }, TERRAFORM_TEST_TIMEOUT_MS);

  test('fails when an argument is not in the schema', async () => {
    // GIVEN
    const config = alicloudConfig({ alicloud_vpc: { vpc: { cidr_block: '10.0.0.0/16', subnet_count: 2 } } });

    // WHEN / THEN
    await expect(planConfigWithStandin(config)).rejects.toThrow(/Error: Extraneous JSON object property .*No argument or block type is named "subnet_count"/);
  }, TERRAFORM_TEST_TIMEOUT_MS);

  test('fails when an argument has the wrong type', async () => {
    // GIVEN
    const config = alicloudConfig({ alicloud_eip_address: { eip: { bandwidth: ['5'] } } });

    // WHEN / THEN
    await expect(planConfigWithStandin(config)).rejects.toThrow(/Error: Incorrect attribute value type .*"bandwidth": string required/);
  }, TERRAFORM_TEST_TIMEOUT_MS);

  test('fails when a value is outside the provider\'s allowed values', async () => {
    // GIVEN
    const config = alicloudConfig({ alicloud_eip_association: { association: { allocation_id: 'eip-1', instance_id: 'eni-1', mode: 'FOO' } } });

    // WHEN / THEN
    await expect(planConfigWithStandin(config)).rejects.toThrow('Error: expected mode to be one of ["NAT" "MULTI_BINDED" "BINDED"], got FOO');
  }, TERRAFORM_TEST_TIMEOUT_MS);

  test('fails when arguments that conflict with each other are both set', async () => {
    // GIVEN
    const config = alicloudConfig({ alicloud_ecs_network_interface: { eni: { vswitch_id: 'vsw-1', private_ip: '10.0.1.5', primary_ip_address: '10.0.1.6' } } });

    // WHEN / THEN
    await expect(planConfigWithStandin(config)).rejects.toThrow(/Error: Conflicting configuration arguments .*"private_ip": conflicts with primary_ip_address/);
  }, TERRAFORM_TEST_TIMEOUT_MS);

  test('fails when a value in a nested block is outside the allowed values', async () => {
    // GIVEN
    const config = alicloudConfig({
      alicloud_instance: { vm: { image_id: 'img-1', instance_type: 'ecs.g7.large', data_disks: [{ size: 40, category: 'floppy' }] } },
    });

    // WHEN / THEN
    await expect(planConfigWithStandin(config)).rejects.toThrow(/Error: expected data_disks\.0\.category to be one of \[.*\], got floppy/);
  }, TERRAFORM_TEST_TIMEOUT_MS);

  test('fails when a required argument of a nested block is missing', async () => {
    // GIVEN
    const config = alicloudConfig({
      alicloud_vpc_route_entry: { route: { route_table_id: 'vtb-1', destination_cidr_block: '0.0.0.0/0', route_publish_targets: [{ target_instance_id: 'x' }] } },
    });

    // WHEN / THEN
    await expect(planConfigWithStandin(config)).rejects.toThrow(/Error: Missing required argument .*"target_type" is required/);
  }, TERRAFORM_TEST_TIMEOUT_MS);

  test('fails when an attribute that only the cloud sets is configured', async () => {
    // GIVEN
    const config = alicloudConfig({ alicloud_eip_address: { eip: { status: 'InUse' } } });

    // WHEN / THEN
    await expect(planConfigWithStandin(config)).rejects.toThrow(/Error: Value for unconfigurable attribute .*Can't configure a value for "status"/);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});

describeStandinTerraform('stand-in provider for nhn-cloud/nhncloud', () => {
  test('GIVEN a VPC and a port on it WHEN planned THEN both are created and the port\'s id, network and MAC address are known after apply', async () => {
    // GIVEN
    const config = {
      terraform: { required_providers: { nhncloud: { source: NHNCLOUD.source, version: NHNCLOUD.version } } },
      provider: { nhncloud: [{ region: 'KR1' }] },
      resource: {
        nhncloud_networking_vpc_v2: { vpc: { name: 'main', cidrv4: '10.0.0.0/16' } },
        nhncloud_networking_port_v2: {
          port: { name: 'nic', network_id: '${nhncloud_networking_vpc_v2.vpc.id}', admin_state_up: true },
        },
      },
    };

    // WHEN
    const plan = await planConfigWithStandin(config);

    // THEN
    expect(plan.resourceChanges.map((c) => c.address)).toEqual(['nhncloud_networking_port_v2.port', 'nhncloud_networking_vpc_v2.vpc']);
    const port = change(plan, 'nhncloud_networking_port_v2.port');
    expect(port.after).toMatchObject({ name: 'nic', admin_state_up: true });
    expect(port.afterUnknown).toMatchObject({ id: true, network_id: true, mac_address: true });
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
