import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import '../../lib/clouds';
import { App } from 'cdktf';
import { checkTerraformJson } from '../../lib/checks/check-terraform-json';
import { RuleLevel } from '../../lib/checks/rule-level';

/**
 * Bare Terraform JSON, as HCL read as JSON gives it (no cdktf metadata): a t3.micro with two more
 * interfaces attached by a count (NIC001: the 3rd is over its 2), and a route to one of them,
 * whose source/dest check is on (NIC040).
 */
function configuration(): Record<string, unknown> {
  return {
    resource: {
      aws_vpc: { main: { cidr_block: '10.0.0.0/16' } },
      aws_subnet: { a: { vpc_id: '${aws_vpc.main.id}', cidr_block: '10.0.0.0/24', availability_zone: 'us-east-1a' } },
      aws_instance: { host: { ami: 'ami-12345678', instance_type: 't3.micro', subnet_id: '${aws_subnet.a.id}' } },
      aws_network_interface: { eni: { count: 2, subnet_id: '${aws_subnet.a.id}' } },
      aws_network_interface_attachment: {
        attach: { count: 2, instance_id: '${aws_instance.host.id}', network_interface_id: '${aws_network_interface.eni[count.index].id}', device_index: 1 },
      },
      aws_route_table: { rt: { vpc_id: '${aws_vpc.main.id}' } },
      aws_route: { to_appliance: { route_table_id: '${aws_route_table.rt.id}', destination_cidr_block: '0.0.0.0/0', network_interface_id: '${aws_network_interface.eni[0].id}' } },
    },
  };
}

const RULES = ['NIC001', 'NIC040'];

describe('checkTerraformJson', () => {
  test('fails with the Terraform address, also as the path, for bare JSON', () => {
    // WHEN
    const findings = checkTerraformJson(configuration(), { name: 'root', rules: RULES });
    // THEN
    expect(findings.map((f) => [f.ruleId, f.level, f.path, f.address, f.suppressed])).toEqual([
      ['NIC001', RuleLevel.ERROR, 'aws_network_interface_attachment.attach[1]', 'aws_network_interface_attachment.attach[1]', false],
      ['NIC040', RuleLevel.ERROR, 'aws_route.to_appliance', 'aws_route.to_appliance', false],
    ]);
    expect(findings[0].message).toMatch(/^\[NIC001\] eni "aws_network_interface\.eni\[1\]" is the 3rd interface of t3\.micro "aws_instance\.host", which allows 2 \(3 declared\)/);
  });

  test('puts the module address in front of the address and the path of a child module', () => {
    // WHEN
    const findings = checkTerraformJson(configuration(), { name: 'modules/net', addressPrefix: 'module.net.', rules: RULES });
    // THEN
    expect(findings.map((f) => [f.path, f.address])).toEqual([
      ['module.net.aws_network_interface_attachment.attach[1]', 'module.net.aws_network_interface_attachment.attach[1]'],
      ['module.net.aws_route.to_appliance', 'module.net.aws_route.to_appliance'],
    ]);
  });

  test('suppresses a finding by rule id and address, module prefix included, with its reason', () => {
    // GIVEN
    const asked: Array<[string, string]> = [];
    const suppressionOf = (ruleId: string, address: string) => {
      asked.push([ruleId, address]);
      return ruleId === 'NIC040' && address === 'module.net.aws_route.to_appliance' ? 'the appliance turns the check off at boot' : undefined;
    };
    // WHEN
    const findings = checkTerraformJson(configuration(), { name: 'net', addressPrefix: 'module.net.', rules: RULES, suppressionOf });
    // THEN
    expect(findings.find((f) => f.ruleId === 'NIC040')).toEqual(expect.objectContaining({
      address: 'module.net.aws_route.to_appliance', suppressed: true, suppressionReason: 'the appliance turns the check off at boot',
    }));
    expect(asked).toContainEqual(['NIC040', 'module.net.aws_route.to_appliance']);
  });

  test('fails when a hard-limit finding is suppressed: it stays active and says why', () => {
    // WHEN
    const findings = checkTerraformJson(configuration(), { name: 'root', rules: ['NIC001'], suppressionOf: () => 'we know better' });
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toEqual(expect.objectContaining({ ruleId: 'NIC001', suppressed: false, suppressionReason: undefined }));
    expect(findings[0].message).toMatch(/\(The suppression of NIC001 does not apply: .* rejects this configuration\.\)$/);
  });

  test('applies minimumLevel and excludeRules as NetworkRules does', () => {
    expect(checkTerraformJson(configuration(), { name: 'root', rules: RULES, excludeRules: ['NIC040'] }).map((f) => f.ruleId)).toEqual(['NIC001']);
    expect(checkTerraformJson(configuration(), { name: 'root', minimumLevel: RuleLevel.ERROR })
      .every((f) => f.level === RuleLevel.ERROR)).toBe(true);
  });

  test('touches no app and writes nothing in the working folder', () => {
    // GIVEN a user's app, and an empty working folder
    const app = new App({ skipValidation: true });
    const before = process.cwd();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'check-json-'));
    process.chdir(folder);
    try {
      // WHEN
      checkTerraformJson(configuration(), { name: 'root/with/slashes' });
      // THEN
      expect(app.node.children).toEqual([]);
      expect(fs.readdirSync(folder)).toEqual([]);
    } finally {
      process.chdir(before);
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
