import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Fn, TerraformStack } from 'cdktf';
import { InstanceReference, NetworkInterface, SubnetReference } from '../../../lib';
import { OsNetworkConfig } from '../../../lib/aws/os/os-network-config';
import { DualHomedInstance } from '../../../lib/aws/patterns/dual-homed-instance';
import { ManagementNetwork } from '../../../lib/aws/patterns/management-network';
import { MultiEipInstance, MultiEipMode } from '../../../lib/aws/patterns/multi-eip-instance';
import { NetworkAppliance } from '../../../lib/aws/patterns/network-appliance';
import { PatternHostProps } from '../../../lib/aws/patterns/pattern-host-props';
import { IPROUTE2_SCRIPT_PATH } from '../../../lib/os/iproute2-script';
import { NETPLAN_CONFIG_PATH } from '../../../lib/os/netplan-config';
import { expectConstraintError, networkStack, resourcesOf } from '../fixtures';
import { writtenFile } from '../os/fixtures';

const LAUNCH = { instanceType: 'm5.large', ami: 'ami-0123456789abcdef0' };

/**
 * Subnets of one zone: `primary` holds the launched instance's eth0, `secondary` and `third` the
 * secondary interfaces (only DualHomedInstance uses `third`).
 */
interface Subnets {
  readonly primary: SubnetReference;
  readonly secondary: SubnetReference;
  readonly third: SubnetReference;
}

/** A secondary interface of a pattern and the device index the pattern reports for it. */
type Secondary = [NetworkInterface, number];

interface PatternCase {
  readonly name: string;
  readonly build: (stack: TerraformStack, subnets: Subnets, host: PatternHostProps) => Secondary[];
}

const PATTERNS: PatternCase[] = [
  {
    name: 'ManagementNetwork',
    build: (stack, subnets, host) => {
      const pattern = new ManagementNetwork(stack, 'pattern', {
        ...host, publicSubnet: subnets.primary, managementSubnet: subnets.secondary, managementCidrs: ['10.0.0.0/16'],
      });
      return [[pattern.managementInterface, pattern.managementDeviceIndex]];
    },
  },
  {
    name: 'DualHomedInstance',
    build: (stack, subnets, host) => {
      const pattern = new DualHomedInstance(stack, 'pattern', {
        ...host,
        interfaces: [
          ...host.existingInstance ? [] : [{ name: 'web', subnet: subnets.primary }],
          { name: 'app', subnet: subnets.secondary },
          { name: 'db', subnet: subnets.third },
        ],
      });
      return pattern.interfaceNames
        .filter((name) => pattern.deviceIndexOf(name) > 0)
        .map((name) => [pattern.networkInterface(name), pattern.deviceIndexOf(name)]);
    },
  },
  {
    name: 'NetworkAppliance',
    build: (stack, subnets, host) => {
      const pattern = new NetworkAppliance(stack, 'pattern', { ...host, publicSubnet: subnets.primary, privateSubnet: subnets.secondary });
      return [
        ...pattern.publicDeviceIndex > 0 ? [[pattern.publicInterface, pattern.publicDeviceIndex] as Secondary] : [],
        [pattern.privateInterface, pattern.privateDeviceIndex],
      ];
    },
  },
  {
    name: 'MultiEipInstance',
    build: (stack, subnets, host) => {
      const pattern = new MultiEipInstance(stack, 'pattern', {
        ...host, subnet: subnets.secondary, primarySubnet: subnets.primary, mode: MultiEipMode.INTERFACE_PER_ADDRESS, publicAddressCount: 2,
      });
      return pattern.interfaces.map((nic, i) => [nic, pattern.deviceIndexes[i]]);
    },
  },
];

/** The test stack with a third subnet 10.0.3.0/24 in the zone of subnet-a (10.0.1.0/24) and subnet-b (10.0.2.0/24). */
function setup() {
  const fixture = networkStack();
  const subnetC = new Subnet(fixture.stack, 'subnet-c', { vpcId: fixture.vpc.id, cidrBlock: '10.0.3.0/24', availabilityZone: 'us-east-1a' });
  const subnets: Subnets = {
    primary: SubnetReference.fromSubnet(fixture.subnetA),
    secondary: SubnetReference.fromSubnet(fixture.subnetB),
    third: SubnetReference.fromSubnet(subnetC),
  };
  return { ...fixture, subnets };
}

/** Builds the pattern on a launched m5.large and returns its secondary interfaces and the instance's user data. */
function launch(pattern: PatternCase, host: Partial<PatternHostProps>, subnets?: Partial<Subnets>) {
  const fixture = setup();
  const secondaries = pattern.build(fixture.stack, { ...fixture.subnets, ...subnets }, { ...LAUNCH, ...host });
  const instances = Object.values(resourcesOf(fixture.stack, 'aws_instance')).filter((i) => i.instance_type === LAUNCH.instanceType);
  expect(instances).toHaveLength(1);
  return { secondaries, userData: instances[0].user_data as string | undefined };
}

const macOf = (nic: NetworkInterface) => `\${aws_network_interface.${nic.resource.friendlyUniqueId}.mac_address}`;
const cidrOf = (nic: NetworkInterface) => nic.subnet.ipv4CidrBlock!;

/** The `configure_interface` calls of the iproute2 script, split into their first seven arguments. */
function configureCalls(userData: string): string[][] {
  return writtenFile(userData, IPROUTE2_SCRIPT_PATH).split('\n')
    .filter((line) => line.startsWith('configure_interface '))
    .map((line) => line.split(' ').slice(1, 8));
}

describe.each(PATTERNS)('$name with osNetworkConfig', (pattern) => {
  test('GIVEN iproute2Script() WHEN it launches its instance THEN the user data routes each secondary interface in table 100 + its index', () => {
    const { secondaries, userData } = launch(pattern, { osNetworkConfig: OsNetworkConfig.iproute2Script() });
    expect(secondaries.length).toBeGreaterThan(0);
    expect(userData!.startsWith('#!/bin/sh\n')).toBe(true);
    // MAC, table, rule priority, gateway (the VPC router, first host of the /24), subnet, prefix length
    expect(configureCalls(userData!).map((args) => args.slice(0, 6))).toEqual(secondaries.map(([nic, index]) => [
      macOf(nic), String(100 + index), String(1000 + index), cidrOf(nic).replace(/\.0\/24$/, '.1'), cidrOf(nic), '24',
    ]));
  });

  test('GIVEN ubuntuNetplan() WHEN it launches its instance THEN netplan matches each secondary interface by MAC with its own table', () => {
    const { secondaries, userData } = launch(pattern, { osNetworkConfig: OsNetworkConfig.ubuntuNetplan() });
    // The addresses are Terraform list expressions until apply, so the file is read as text.
    const [, ...devices] = writtenFile(userData!, NETPLAN_CONFIG_PATH).split(/^ {4}(?=cdktf-device)/m);
    expect(devices.map((device) => device.split(':')[0])).toEqual(secondaries.map(([, index]) => `cdktf-device${index}`));
    devices.forEach((device, i) => {
      const [nic, index] = secondaries[i];
      expect(device).toContain(`macaddress: "${macOf(nic)}"`);
      expect(device).toContain(`- to: ${cidrOf(nic)}`);
      expect(new Set(device.match(/table: \d+/g))).toEqual(new Set([`table: ${100 + index}`]));
      expect(new Set(device.match(/priority: \d+/g))).toEqual(new Set([`priority: ${1000 + index}`]));
    });
    expect(userData!.trimEnd().endsWith('netplan apply')).toBe(true);
  });

  test('GIVEN firstDeviceIndex 3 WHEN it launches its instance THEN the tables follow the device indexes the interfaces get', () => {
    const { secondaries, userData } = launch(pattern, { firstDeviceIndex: 3, osNetworkConfig: OsNetworkConfig.iproute2Script() });
    expect(secondaries.map(([, index]) => index)).toEqual(secondaries.map((_, i) => 3 + i));
    expect(configureCalls(userData!).map((args) => args[1])).toEqual(secondaries.map((_, i) => String(103 + i)));
  });

  test('GIVEN amazonLinux2023() WHEN it launches its instance THEN the user data holds only comments', () => {
    const { userData } = launch(pattern, { osNetworkConfig: OsNetworkConfig.amazonLinux2023() });
    const [shebang, ...lines] = userData!.trimEnd().split('\n');
    expect(shebang).toBe('#!/bin/sh');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => !line.startsWith('#'))).toEqual([]);
  });

  test('GIVEN a shell user data WHEN osNetworkConfig is given THEN the routing follows it, and without osNetworkConfig it is left as given', () => {
    const userData = '#!/bin/bash\necho ready\n';
    const withRouting = launch(pattern, { userData, osNetworkConfig: OsNetworkConfig.iproute2Script() });
    expect(withRouting.userData!.startsWith(`${userData}\n# Policy routing`)).toBe(true);
    expect(configureCalls(withRouting.userData!)).toHaveLength(withRouting.secondaries.length);
    expect(launch(pattern, { userData }).userData).toBe(userData);
  });

  test('GIVEN no osNetworkConfig WHEN it launches its instance THEN the instance has no user data', () => {
    expect(launch(pattern, {}).userData).toBeUndefined();
  });

  test('GIVEN no osNetworkConfig WHEN a secondary subnet CIDR is a token THEN nothing needs it', () => {
    const tokenCidr = SubnetReference.fromSubnetId('subnet-token', {
      ipv4CidrBlock: Fn.cidrsubnet('10.0.0.0/16', 8, 2), availabilityZone: 'us-east-1a', vpcId: 'vpc-1',
    });
    expect(() => launch(pattern, {}, { secondary: tokenCidr })).not.toThrow();
  });

  test('GIVEN osNetworkConfig WHEN only the primary subnet CIDR is a token THEN the routing is rendered', () => {
    const tokenCidr = SubnetReference.fromSubnetId('subnet-token', {
      ipv4CidrBlock: Fn.cidrsubnet('10.0.0.0/16', 8, 1), availabilityZone: 'us-east-1a', vpcId: 'vpc-1',
    });
    const { secondaries, userData } = launch(pattern, { osNetworkConfig: OsNetworkConfig.iproute2Script() }, { primary: tokenCidr });
    expect(configureCalls(userData!)).toHaveLength(secondaries.length);
  });

  test('fails when a secondary interface\'s subnet CIDR is only known at deploy time', () => {
    const tokenCidr = SubnetReference.fromSubnetId('subnet-token', {
      ipv4CidrBlock: Fn.cidrsubnet('10.0.0.0/16', 8, 2), availabilityZone: 'us-east-1a', vpcId: 'vpc-1',
    });
    expectConstraintError(() => launch(pattern, { osNetworkConfig: OsNetworkConfig.ubuntuNetplan() }, { secondary: tokenCidr }),
      'SubnetCidrUnknown', ['test/pattern', 'osNetworkConfig needs the IPv4 CIDR block', 'subnet subnet-token', 'ipv4CidrBlock']);
  });

  test('fails when the user data to extend is not a shell script', () => {
    expectConstraintError(() => launch(pattern, { userData: '#cloud-config\npackages: [nginx]', osNetworkConfig: OsNetworkConfig.iproute2Script() }),
      'UserDataNotShellScript', ['#cloud-config']);
  });

  test('fails when the interfaces go on an existing instance', () => {
    const fixture = setup();
    const existingInstance = InstanceReference.fromInstanceId('i-0123456789abcdef0', { instanceType: 'm5.large', availabilityZone: 'us-east-1a' });
    expectConstraintError(() => pattern.build(fixture.stack, fixture.subnets, { existingInstance, osNetworkConfig: OsNetworkConfig.ubuntuNetplan() }),
      'OsConfigNeedsLaunchedInstance', ['test/pattern', 'existingInstance and osNetworkConfig ubuntu-netplan', 'SecondaryInterfaceRouting.render']);
  });
});
