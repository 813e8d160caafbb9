import { spawnSync } from 'child_process';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { load as loadYaml } from 'js-yaml';
import { scope, synthesizedUserData, TWO_INTERFACES, writtenFile } from './fixtures';
import { Ipv4Assignment, NetworkInterface, SubnetReference } from '../../../lib';
import { OsNetworkConfig } from '../../../lib/aws/os/os-network-config';
import { SecondaryInterfaceRouting } from '../../../lib/aws/os/secondary-interface-routing';
import { IPROUTE2_SCRIPT_PATH } from '../../../lib/os/iproute2-script';
import { NETPLAN_CONFIG_PATH } from '../../../lib/os/netplan-config';
import { expectConstraintError, networkStack, resourcesOf } from '../fixtures';

const TARGETS = [OsNetworkConfig.ubuntuNetplan(), OsNetworkConfig.iproute2Script(), OsNetworkConfig.amazonLinux2023()];

function render(target: OsNetworkConfig): string {
  return SecondaryInterfaceRouting.render(scope(), target, TWO_INTERFACES);
}

/** How `value` appears in the synthesized Terraform JSON. */
function synthesized(stack: TerraformStack, value: unknown): unknown {
  new TerraformOutput(stack, 'probe', { value });
  return JSON.parse(Testing.synth(stack)).output.probe.value;
}

/** The Terraform address of the only `aws_network_interface` of the stack. */
function eniAddress(stack: TerraformStack): string {
  const ids = Object.keys(resourcesOf(stack, 'aws_network_interface'));
  expect(ids).toHaveLength(1);
  return `aws_network_interface.${ids[0]}`;
}

function syntaxErrors(shell: string, script: string): string {
  const result = spawnSync(shell, ['-n'], { input: script, encoding: 'utf8' });
  return result.status === 0 ? '' : result.stderr;
}

describe('SecondaryInterfaceRouting.render', () => {
  describe('GIVEN a host with two secondary interfaces in two subnets', () => {
    test('WHEN rendered for Ubuntu THEN the user data matches the golden netplan fragment', () => {
      expect(render(OsNetworkConfig.ubuntuNetplan())).toMatchSnapshot();
    });

    test('WHEN rendered for other distributions THEN the user data matches the golden iproute2 fragment', () => {
      expect(render(OsNetworkConfig.iproute2Script())).toMatchSnapshot();
    });

    test('WHEN rendered for Ubuntu THEN netplan gets per-interface tables and one rule per address', () => {
      const userData = render(OsNetworkConfig.ubuntuNetplan());
      const config = loadYaml(writtenFile(userData, NETPLAN_CONFIG_PATH)) as { network: { version: number; ethernets: Record<string, any> } };
      expect(userData).toMatch(new RegExp(`chmod 0600 ${NETPLAN_CONFIG_PATH}\\nnetplan apply$`));
      expect(config.network.version).toBe(2);
      const [first, second] = Object.values<any>(config.network.ethernets);
      expect(first.match).toEqual({ macaddress: '0a:1b:2c:3d:4e:5f' });
      expect(second.match).toEqual({ name: 'ens7' });
      expect(first).toMatchObject({ optional: true, dhcp4: false, addresses: ['10.0.2.10/24', '10.0.2.11/24'] });
      expect(first.routes).toEqual([
        { to: '10.0.2.0/24', scope: 'link', from: '10.0.2.10', table: 101 },
        { to: '0.0.0.0/0', via: '10.0.2.1', table: 101 },
      ]);
      expect(first['routing-policy']).toEqual([
        { from: '10.0.2.10/32', table: 101, priority: 1001 },
        { from: '10.0.2.11/32', table: 101, priority: 1001 },
      ]);
      expect(second.routes[1]).toEqual({ to: '0.0.0.0/0', via: '10.0.3.1', table: 102 });
      expect(second['routing-policy']).toEqual([{ from: '10.0.3.20/32', table: 102, priority: 1002 }]);
    });

    test('WHEN rendered for other distributions THEN a valid POSIX script is installed per boot and run once', () => {
      const userData = render(OsNetworkConfig.iproute2Script());
      const script = writtenFile(userData, IPROUTE2_SCRIPT_PATH);
      expect(script.split('\n').slice(0, 1)).toEqual(['#!/bin/sh']);
      expect(script).toContain('\nset -eu\n');
      expect(syntaxErrors('dash', script)).toBe('');
      expect(syntaxErrors('bash', userData)).toBe('');
      expect(userData).toMatch(new RegExp(`chmod 0755 ${IPROUTE2_SCRIPT_PATH}\\n${IPROUTE2_SCRIPT_PATH}$`));
      expect(script).toContain('configure_interface 0a:1b:2c:3d:4e:5f 101 1001 10.0.2.1 10.0.2.0/24 24 10.0.2.10 10.0.2.10 10.0.2.11\n');
      expect(script).toContain('configure_interface ens7 102 1002 10.0.3.1 10.0.3.0/24 24 10.0.3.20 10.0.3.20\n');
    });

    test('WHEN rendered for Amazon Linux 2023 THEN the fragment is only a comment naming amazon-ec2-net-utils', () => {
      const userData = render(OsNetworkConfig.amazonLinux2023());
      expect(userData.split('\n').every((line) => line.startsWith('#'))).toBe(true);
      expect(userData).toContain('amazon-ec2-net-utils');
      expect(userData).toContain('https://docs.aws.amazon.com/linux/al2023/ug/networking-service.html');
    });

    test.each(TARGETS.map((target) => [target.name, target]))(
      'WHEN rendered for %s from literals THEN no text would be taken for a Terraform template', (_name, target) => {
        expect(render(target)).not.toMatch(/[$%]\{/);
      });
  });

  test('fails when an interface is invalid, naming the target-independent problem', () => {
    expectConstraintError(
      () => SecondaryInterfaceRouting.render(scope(), OsNetworkConfig.iproute2Script(), [{ ...TWO_INTERFACES[0], gateway: '10.0.9.1' }]),
      'AddressOutsideSubnet', ['gateway of the interface at device index 1'],
    );
  });
});

describe('SecondaryInterfaceRouting.appendToUserData', () => {
  test('GIVEN no user data WHEN appending THEN a /bin/sh script holds the fragment', () => {
    const userData = SecondaryInterfaceRouting.appendToUserData(scope(), OsNetworkConfig.iproute2Script(), TWO_INTERFACES);
    expect(userData).toBe(`#!/bin/sh\n${render(OsNetworkConfig.iproute2Script())}\n`);
  });

  test('GIVEN a shell script WHEN appending THEN the script runs first and the fragment after it', () => {
    const userData = SecondaryInterfaceRouting.appendToUserData(
      scope(), OsNetworkConfig.ubuntuNetplan(), TWO_INTERFACES, '#!/bin/bash\napt-get install -y nginx\n\n');
    expect(userData).toBe(`#!/bin/bash\napt-get install -y nginx\n\n${render(OsNetworkConfig.ubuntuNetplan())}\n`);
  });

  test('GIVEN user data that is a token WHEN appending THEN the fragment follows the reference', () => {
    const { stack, instance } = networkStack();
    const userData = SecondaryInterfaceRouting.appendToUserData(stack, OsNetworkConfig.amazonLinux2023(), TWO_INTERFACES, instance.userData);
    expect(synthesized(stack, userData)).toMatch(/^\$\{aws_instance\.host\.user_data\}\n\n# Policy routing/);
  });

  test('fails when the user data is cloud-config, which shell lines cannot extend', () => {
    expectConstraintError(
      () => SecondaryInterfaceRouting.appendToUserData(scope(), OsNetworkConfig.ubuntuNetplan(), TWO_INTERFACES, '#cloud-config\npackages: [nginx]'),
      'UserDataNotShellScript', ['"#cloud-config"', 'MIME multipart'],
    );
  });
});

describe('SecondaryInterfaceRouting.forInterface', () => {
  test('GIVEN an interface with fixed addresses THEN its addresses are literal, primary first, and its MAC a reference', () => {
    const { stack, subnetB } = networkStack();
    const nic = new NetworkInterface(stack, 'backend', {
      subnet: SubnetReference.fromSubnet(subnetB), privateIpv4: Ipv4Assignment.addresses('10.0.2.20', '10.0.2.11'),
    });
    const routing = SecondaryInterfaceRouting.forInterface(nic, 1);
    expect(routing).toMatchObject({ deviceIndex: 1, privateIps: ['10.0.2.20', '10.0.2.11'], subnetCidr: '10.0.2.0/24' });
    const eni = eniAddress(stack);
    expect(synthesized(stack, routing.macAddress)).toBe(`\${${eni}.mac_address}`);
  });

  test('GIVEN an interface whose addresses AWS picks THEN the list is a reference with the primary first', () => {
    const { stack, subnetB } = networkStack();
    const nic = new NetworkInterface(stack, 'backend', { subnet: SubnetReference.fromSubnet(subnetB), privateIpv4: Ipv4Assignment.count(2) });
    const routing = SecondaryInterfaceRouting.forInterface(nic, 1);
    const eni = eniAddress(stack);
    expect(synthesized(stack, routing.privateIps)).toBe(`\${distinct(concat([${eni}.private_ip], tolist(${eni}.private_ips)))}`);
  });

  test('fails when the interface\'s subnet CIDR block is unknown', () => {
    const { stack } = networkStack();
    const nic = new NetworkInterface(stack, 'backend', { subnet: SubnetReference.fromSubnetId('subnet-0123456789abcdef0') });
    expectConstraintError(() => SecondaryInterfaceRouting.forInterface(nic, 1), 'SubnetCidrUnknown', ['subnet-0123456789abcdef0', 'Pass subnetCidr']);
  });

  test('GIVEN a subnet CIDR block passed as a token THEN it is used', () => {
    const { stack, subnetB } = networkStack();
    const nic = new NetworkInterface(stack, 'backend', { subnet: SubnetReference.fromSubnetId(subnetB.id) });
    expect(synthesized(stack, SecondaryInterfaceRouting.forInterface(nic, 1, subnetB.cidrBlock).subnetCidr))
      .toBe('${aws_subnet.subnet-b.cidr_block}');
  });
});

describe('token rendering in the synthesized user data', () => {
  test.each(TARGETS.filter((target) => target.name !== 'amazon-linux-2023').map((target) => [target.name, target]))(
    'GIVEN interfaces created in the stack WHEN rendered for %s THEN their attributes become Terraform references', (_name, target) => {
      // GIVEN an interface whose MAC, addresses and subnet CIDR are only known at apply time
      // WHEN the user data routing it is set on an instance
      const { userData, eni } = synthesizedUserData(target);
      // THEN the user_data string holds references Terraform resolves
      expect(userData).toContain(`\${${eni}.mac_address}`);
      expect(userData).toContain('${cidrhost(aws_subnet.subnet-b.cidr_block, 1)}');
      expect(userData).toContain('${element(split("/", aws_subnet.subnet-b.cidr_block), 1)}');
      expect(userData).toContain(`\${element(distinct(concat([${eni}.private_ip], tolist(${eni}.private_ips))), 0)}`);
      expect(userData).toContain('${join(');
      expect(userData).not.toContain('TfToken');
    });
});
