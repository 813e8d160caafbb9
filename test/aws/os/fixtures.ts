import { Instance } from '@cdktf/provider-aws/lib/instance';
import { Testing, TerraformStack } from 'cdktf';
import { Ipv4Assignment, NetworkInterface, SubnetReference } from '../../../lib';
import { InterfaceRouting } from '../../../lib/aws/os/interface-routing';
import { OsNetworkConfig } from '../../../lib/aws/os/os-network-config';
import { SecondaryInterfaceRouting } from '../../../lib/aws/os/secondary-interface-routing';
import { networkStack, resourcesOf } from '../fixtures';

/** A host with two secondary interfaces in two subnets: one found by MAC, one by name. */
export const TWO_INTERFACES: InterfaceRouting[] = [
  { deviceIndex: 1, macAddress: '0A:1B:2C:3D:4E:5F', privateIps: ['10.0.2.10', '10.0.2.11'], subnetCidr: '10.0.2.0/24' },
  { deviceIndex: 2, deviceName: 'ens7', privateIps: ['10.0.3.20'], subnetCidr: '10.0.3.0/24' },
];

/** A scope to report errors on. */
export function scope(): TerraformStack {
  return new TerraformStack(Testing.app(), 'os');
}

/** The text between `cat > path <<'EOF'` and `EOF` in a user data fragment. */
export function writtenFile(userData: string, path: string): string {
  const match = new RegExp(`cat > ${path} <<'(\\w+)'\\n([\\s\\S]*?)\\n\\1\\n`).exec(userData);
  if (!match) throw new Error(`user data writes no ${path}:\n${userData}`);
  return `${match[2]}\n`;
}

/**
 * The user data synthesized for an instance routing one interface created in the stack, whose MAC,
 * addresses and subnet CIDR are only known at apply time; `eni` is the interface's Terraform address.
 */
export function synthesizedUserData(target: OsNetworkConfig): { userData: string; eni: string } {
  const { stack, subnetB } = networkStack();
  const nic = new NetworkInterface(stack, 'backend', {
    subnet: SubnetReference.fromSubnetId(subnetB.id), privateIpv4: Ipv4Assignment.count(1),
  });
  new Instance(stack, 'web', {
    ami: 'ami-0123456789abcdef0',
    instanceType: 't3.micro',
    userData: SecondaryInterfaceRouting.appendToUserData(stack, target, [SecondaryInterfaceRouting.forInterface(nic, 1, subnetB.cidrBlock)]),
  });
  const ids = Object.keys(resourcesOf(stack, 'aws_network_interface'));
  expect(ids).toHaveLength(1);
  return { userData: resourcesOf(stack, 'aws_instance').web.user_data, eni: `aws_network_interface.${ids[0]}` };
}
