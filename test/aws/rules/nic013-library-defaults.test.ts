import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { TerraformStack } from 'cdktf';
import {
  DualHomedInstance, HaFailoverNic, HaMember, ManagementNetwork, MultiEipInstance, MultiEipMode, NetworkAppliance,
  SubnetReference, VirtualIpMode, VirtualIpPair,
} from '../../../lib';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const HOST = { ami: 'ami-0123456789abcdef0', instanceType: 'm5.large' };

/** Two subnets of one zone (10.0.0.0/24 and 10.0.1.0/24) and a route table, as raw resources. */
function network(stack: TerraformStack): { a: SubnetReference; b: SubnetReference; subnets: Subnet[]; routeTable: RouteTable } {
  const { vpc, subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
  const routeTable = new RouteTable(stack, 'rt', { vpcId: vpc.id });
  return { a: SubnetReference.fromSubnet(subnets[0]), b: SubnetReference.fromSubnet(subnets[1]), subnets, routeTable };
}

/** Each construct of the library with only its required props. */
const CONSTRUCTS: Array<[string, (stack: TerraformStack) => unknown]> = [
  ['HaFailoverNic', (stack) => new HaFailoverNic(stack, 'web', {
    subnet: network(stack).a, primary: HaMember.launch(HOST), standby: HaMember.launch(HOST),
  })],
  ['HaFailoverNic with the failover agent', (stack) => new HaFailoverNic(stack, 'web', {
    subnet: network(stack).a, primary: HaMember.launch(HOST), standby: HaMember.launch(HOST), failoverAgent: {},
  })],
  ['MultiEipInstance', (stack) => new MultiEipInstance(stack, 'multi', { ...HOST, subnet: network(stack).a, publicAddressCount: 2 })],
  ['MultiEipInstance with INTERFACE_PER_ADDRESS', (stack) => new MultiEipInstance(stack, 'multi', {
    ...HOST, subnet: network(stack).a, publicAddressCount: 2, mode: MultiEipMode.INTERFACE_PER_ADDRESS,
  })],
  ['MultiEipInstance with INTERFACE_PER_ADDRESS and one address', (stack) => new MultiEipInstance(stack, 'multi', {
    ...HOST, subnet: network(stack).a, publicAddressCount: 1, mode: MultiEipMode.INTERFACE_PER_ADDRESS,
  })],
  ['ManagementNetwork', (stack) => {
    const { a, b } = network(stack);
    return new ManagementNetwork(stack, 'mgmt', { ...HOST, publicSubnet: a, managementSubnet: b, managementCidrs: ['10.99.0.0/16'] });
  }],
  ['DualHomedInstance', (stack) => {
    const { a, b } = network(stack);
    return new DualHomedInstance(stack, 'tiers', { ...HOST, interfaces: [{ name: 'web', subnet: a }, { name: 'app', subnet: b }] });
  }],
  ['NetworkAppliance', (stack) => {
    const { a, b } = network(stack);
    return new NetworkAppliance(stack, 'nat', { ...HOST, publicSubnet: a, privateSubnet: b });
  }],
  ['VirtualIpPair with SECONDARY_IP', (stack) => {
    const { a } = network(stack);
    return new VirtualIpPair(stack, 'pair', {
      ...HOST,
      mode: VirtualIpMode.SECONDARY_IP,
      virtualIp: '10.0.0.50',
      active: { subnet: a, privateIp: '10.0.0.10' },
      standby: { subnet: a, privateIp: '10.0.0.11' },
    });
  }],
  ['VirtualIpPair with OVERLAY_ROUTE', (stack) => {
    const { a, b, routeTable } = network(stack);
    return new VirtualIpPair(stack, 'pair', {
      ...HOST,
      mode: VirtualIpMode.OVERLAY_ROUTE,
      virtualIp: '192.168.255.1',
      vpcCidrBlocks: ['10.0.0.0/16'],
      routeTableIds: [routeTable.id],
      active: { subnet: a, privateIp: '10.0.0.10' },
      standby: { subnet: b, privateIp: '10.0.1.10' },
    });
  }],
];

describe('the library\'s own constructs with their defaults', () => {
  test.each(CONSTRUCTS)('%s raises no warning of any rule', (_name, build) => {
    // GIVEN the construct with only its required props
    const stack = testStack();
    build(stack);
    // WHEN the rules check it
    const findings = checkStack(stack);
    // THEN nothing above INFO is left
    expect(findings.annotations.filter((f) => f.level !== 'INFO').map((f) => f.message)).toEqual([]);
  });
});
