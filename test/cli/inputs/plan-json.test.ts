import * as fs from 'fs';
import * as path from 'path';
import { isPlanJson, loadPlanJson } from '../../../lib/cli/inputs/plan-json';
import { TerraformConfig } from '../../../lib/cli/inputs/terraform-config';

// Regenerate with `npx tsx scripts/make-plan-fixture.ts` (needs terraform and the provider mirror).
const PLAN_FILE = path.join(__dirname, '..', 'fixtures', 'aws', 'plan.json');

function resources(config: TerraformConfig): Record<string, Record<string, Record<string, unknown>>> {
  return config.terraformJson.resource as Record<string, Record<string, Record<string, unknown>>>;
}

describe('loadPlanJson', () => {
  const plan = JSON.parse(fs.readFileSync(PLAN_FILE, 'utf8'));

  test('recognizes `terraform show -json` output, and nothing else', () => {
    expect(isPlanJson(plan)).toBe(true);
    expect(isPlanJson({ resource: {} })).toBe(false);
    expect(isPlanJson([plan])).toBe(false);
  });

  test('reads the AWS fixture\'s plan: one configuration for the root module and one for module.net', () => {
    // WHEN
    const configs = loadPlanJson(plan, PLAN_FILE);
    // THEN
    expect(configs.map((c) => [c.name, c.addressPrefix, c.source])).toEqual([['plan', '', PLAN_FILE], ['plan/module.net', 'module.net.', PLAN_FILE]]);
    expect(Object.keys(resources(configs[1])).sort()).toEqual(['aws_network_interface', 'aws_security_group', 'aws_subnet']);
  });

  test('keeps each instance of a count under its indexed key', () => {
    // WHEN
    const [root] = loadPlanJson(plan, PLAN_FILE);
    // THEN
    expect(Object.keys(resources(root).aws_instance).sort()).toEqual(['web', 'worker[0]', 'worker[1]']);
    expect(resources(root).aws_instance['worker[1]']).toMatchObject({ instance_type: 't3.medium', subnet_id: '${aws_subnet.a.id}' });
  });

  test('writes the configuration\'s reference where a value is only known after apply, a list for a list, and drops nulls', () => {
    // WHEN
    const [root] = loadPlanJson(plan, PLAN_FILE);
    // THEN
    expect(resources(root).aws_network_interface.primary).toEqual({
      ipv6_address_list_enabled: false,
      private_ip_list_enabled: false,
      private_ips: ['10.0.1.10'],
      security_groups: ['${aws_security_group.admin.id}'],
      source_dest_check: true,
      subnet_id: '${aws_subnet.a.id}',
    });
    // Nested blocks keep their planned values, with the same references inside.
    expect(resources(root).aws_instance.web.network_interface).toEqual([
      { delete_on_termination: false, device_index: 0, network_card_index: 0, network_interface_id: '${aws_network_interface.primary.id}' },
    ]);
  });

  test('names instances of for_each by their key, data sources under data, and child modules of module instances', () => {
    // GIVEN a plan trimmed to what the loader reads
    const synthetic = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            { address: 'aws_eip.web["a"]', mode: 'managed', type: 'aws_eip', name: 'web', index: 'a', values: { domain: 'vpc', instance: null } },
            { address: 'data.aws_vpc.main', mode: 'data', type: 'aws_vpc', name: 'main', values: { cidr_block: '10.0.0.0/16' } },
          ],
          child_modules: [{
            address: 'module.a[0]',
            resources: [],
            child_modules: [{
              address: 'module.a[0].module.b',
              resources: [{ address: 'module.a[0].module.b.aws_eip.x', mode: 'managed', type: 'aws_eip', name: 'x', values: { domain: 'vpc' } }],
            }],
          }],
        },
      },
      resource_changes: [{
        address: 'module.a[0].module.b.aws_eip.x',
        change: { after_unknown: { instance: true, id: true }, after_sensitive: {} },
      }],
      configuration: {
        root_module: {
          module_calls: {
            a: {
              module: {
                module_calls: {
                  b: { module: { resources: [{ address: 'aws_eip.x', mode: 'managed', type: 'aws_eip', name: 'x', expressions: { instance: { references: ['var.instance_id'] } } }] } },
                },
              },
            },
          },
        },
      },
    };
    // WHEN
    const configs = loadPlanJson(synthetic, 'plan.json');
    // THEN
    expect(configs.map((c) => c.addressPrefix)).toEqual(['', 'module.a[0].', 'module.a[0].module.b.']);
    expect(configs[0].terraformJson).toEqual({
      resource: { aws_eip: { 'web["a"]': { domain: 'vpc' } } },
      data: { aws_vpc: { main: { cidr_block: '10.0.0.0/16' } } },
    });
    expect(configs[2].terraformJson).toEqual({ resource: { aws_eip: { x: { domain: 'vpc', instance: '${var.instance_id}' } } } });
  });
});
