import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scope, synthesizedUserData } from './fixtures';
import { InterfaceRouting } from '../../../lib/aws/os/interface-routing';
import { OsNetworkConfig } from '../../../lib/aws/os/os-network-config';
import { SecondaryInterfaceRouting } from '../../../lib/aws/os/secondary-interface-routing';
import { describeTerraform, TERRAFORM_TEST_TIMEOUT_MS } from '../../terraform/jest-helpers';
import { terraformBinary, terraformCliConfigFile } from '../../terraform/offline-terraform';

// What AWS would report for the interface at apply time. `private_ips` is a set, which Terraform
// sorts, so the primary address (10.0.2.20) is not its first element.
const APPLIED = {
  macAddress: '0a:1b:2c:3d:4e:5f',
  privateIp: '10.0.2.20',
  privateIps: ['10.0.2.11', '10.0.2.20'],
  subnetCidr: '10.0.2.0/24',
};
const EXPECTED_ROUTING: InterfaceRouting = {
  deviceIndex: 1, macAddress: APPLIED.macAddress, privateIps: ['10.0.2.20', '10.0.2.11'], subnetCidr: APPLIED.subnetCidr,
};

/** Evaluates a Terraform template with `terraform console`, as `terraform apply` would. */
function evaluateTemplate(template: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nic-os-template-'));
  try {
    fs.writeFileSync(path.join(dir, 'main.tf'), `locals {\n  user_data = <<USER_DATA_TEMPLATE\n${template}USER_DATA_TEMPLATE\n}\n`);
    const result = spawnSync(terraformBinary(), ['console', '-no-color'], {
      cwd: dir,
      input: 'jsonencode(local.user_data)\n',
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, TF_CLI_CONFIG_FILE: terraformCliConfigFile(), TF_IN_AUTOMATION: '1' },
    });
    if (result.status !== 0) throw new Error(`terraform console failed: ${result.stderr}`);
    return JSON.parse(JSON.parse(result.stdout.trim()));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeTerraform('secondary interface routing rendered from references and resolved by Terraform', () => {
  test.each([OsNetworkConfig.ubuntuNetplan(), OsNetworkConfig.iproute2Script()].map((target) => [target.name, target]))(
    'GIVEN an interface created in the stack WHEN Terraform resolves the %s user data THEN it equals the rendering of the applied values',
    (_name, target) => {
      // GIVEN the synthesized user data, with the references replaced by applied values
      const { userData, eni } = synthesizedUserData(target);
      const template = userData
        .split(`tolist(${eni}.private_ips)`).join(JSON.stringify(APPLIED.privateIps))
        .split(`${eni}.private_ip`).join(JSON.stringify(APPLIED.privateIp))
        .split(`${eni}.mac_address`).join(JSON.stringify(APPLIED.macAddress))
        .split('aws_subnet.subnet-b.cidr_block').join(JSON.stringify(APPLIED.subnetCidr));
      expect(template).not.toMatch(/aws_\w+\./);
      // WHEN Terraform evaluates it
      const resolved = evaluateTemplate(template);
      // THEN it is what the same interface renders to from literal values
      expect(resolved).toBe(SecondaryInterfaceRouting.appendToUserData(scope(), target, [EXPECTED_ROUTING]));
    },
    TERRAFORM_TEST_TIMEOUT_MS,
  );
});
