import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { HaFailoverNicStack } from '../../examples/ha-failover-nic/stack';
import {
  ElasticIp, HaActiveSide, HaFailoverNic, HaFailoverNicProps, HaMember, InstanceReference, Ipv4Assignment, NetworkDiagram,
  NetworkInterface, SubnetReference, VirtualIpMode, VirtualIpPair, VirtualIpPairProps,
} from '../../lib';
import { ErrorCode } from '../../lib/core/error-codes';
import { expectConstraintError, networkStack } from '../aws/fixtures';
import { checkStack, testNetwork, testStack } from '../checks/rule-test-helpers';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The README with every run of white space one space, so that a sentence matches across line breaks. */
const PROSE = README.replace(/\s+/g, ' ');

describe('README.md', () => {
  test('shows the two commands a newcomer needs', () => {
    expect(README).toContain('npm ci && npm run demo');
    expect(README).toContain('npm test');
  });

  test('lists every error code', () => {
    const missing = Object.values(ErrorCode).filter((code) => !README.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  test('points at every example', () => {
    const examples = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
      .map((entry) => entry.name);
    expect(examples.filter((name) => !README.includes(`examples/${name}/`))).toEqual([]);
  });
});

describe('README.md network diagram', () => {
  test('is the diagram NetworkDiagram draws for examples/ha-failover-nic', () => {
    // GIVEN the example with the primary active, as `npm run demo` builds it
    const stack = new HaFailoverNicStack(Testing.app(), 'ha-failover-nic', { active: HaActiveSide.PRIMARY });
    Testing.synth(stack);
    // THEN the README shows exactly what the aspect draws
    const block = /## Network diagram[\s\S]*?```mermaid\n([\s\S]*?)```/.exec(README)?.[1];
    expect(block).toBe(NetworkDiagram.render(stack));
  });
});

describe('README.md says which code each refusal throws, and the code throws it', () => {
  const MEMBER = HaMember.launch({ ami: 'ami-0123456789abcdef0', instanceType: 't3.small' });
  /** A failover pair on the fixture's subnet-a (us-east-1a). */
  const failoverPair = (props: Partial<HaFailoverNicProps>) => {
    const { stack, subnetA } = networkStack();
    return new HaFailoverNic(stack, 'web', { subnet: SubnetReference.fromSubnet(subnetA), primary: MEMBER, standby: MEMBER, ...props });
  };
  /** A SECONDARY_IP pair on the fixture's subnet-a (10.0.1.0/24), or OVERLAY_ROUTE with `overlay`. */
  const vipPair = (props: Partial<VirtualIpPairProps>, overlay = false) => {
    const { stack, subnetA, subnetB } = networkStack();
    const node = (subnet: typeof subnetA, privateIp: string) => ({ subnet: SubnetReference.fromSubnet(subnet), privateIp });
    return new VirtualIpPair(stack, 'pair', {
      instanceType: 't3.micro',
      ami: 'ami-0123456789abcdef0',
      ...overlay
        ? { mode: VirtualIpMode.OVERLAY_ROUTE, virtualIp: '192.168.255.1', vpcCidrBlocks: ['10.0.0.0/16'], routeTableIds: ['rtb-1'] }
        : { mode: VirtualIpMode.SECONDARY_IP, virtualIp: '10.0.1.50' },
      active: node(subnetA, '10.0.1.10'),
      standby: node(overlay ? subnetB : subnetA, overlay ? '10.0.2.10' : '10.0.1.11'),
      ...props,
    });
  };

  test.each<[string, () => unknown, string]>([
    ['members in another zone (`AvailabilityZoneMismatch`)',
      () => failoverPair({ primary: HaMember.existing(InstanceReference.fromInstanceId('i-1', { availabilityZone: 'us-east-1b' })) }),
      ErrorCode.AvailabilityZoneMismatch],
    ['the same instance twice (`SameInstanceTwice`)',
      () => failoverPair({ primary: HaMember.existing(InstanceReference.fromInstanceId('i-1')), standby: HaMember.existing(InstanceReference.fromInstanceId('i-1')) }),
      ErrorCode.SameInstanceTwice],
    ['device index 0 (`PrimaryDeviceIndex`, with or without the agent)', () => failoverPair({ deviceIndex: 0 }), ErrorCode.PrimaryDeviceIndex],
    ['device index 0 (`PrimaryDeviceIndex`, with or without the agent)', () => failoverPair({ deviceIndex: 0, failoverAgent: {} }), ErrorCode.PrimaryDeviceIndex],
    ['nodes in two subnets in secondary-IP mode (`VirtualIpSubnetMismatch`)',
      () => vipPair({ standby: { subnet: SubnetReference.fromSubnetId('subnet-2', { ipv4CidrBlock: '10.0.2.0/24' }), privateIp: '10.0.2.11' } }),
      ErrorCode.VirtualIpSubnetMismatch],
    ['a VIP outside the shared subnet (`AddressOutsideSubnet`)', () => vipPair({ virtualIp: '10.0.2.50' }), ErrorCode.AddressOutsideSubnet],
    ['on a reserved address (`ReservedAddress`)', () => vipPair({ virtualIp: '10.0.1.1' }), ErrorCode.ReservedAddress],
    ['on a node\'s address (`DuplicateAddress`)', () => vipPair({ virtualIp: '10.0.1.11' }), ErrorCode.DuplicateAddress],
    ['a VIP inside the VPC in overlay mode (`VirtualIpInsideVpc`)', () => vipPair({ virtualIp: '10.0.9.9' }, true), ErrorCode.VirtualIpInsideVpc],
    ['no route table (`MissingRouteTables`)', () => vipPair({ routeTableIds: [] }, true), ErrorCode.MissingRouteTables],
    ['priorities not ordered (`VrrpPrioritiesNotOrdered`)',
      () => vipPair({ active: { subnet: SubnetReference.fromSubnetId('subnet-1', { ipv4CidrBlock: '10.0.1.0/24' }), privateIp: '10.0.1.10', priority: 100 } }),
      ErrorCode.VrrpPrioritiesNotOrdered],
  ])('%s', (documented, build, code) => {
    expect(PROSE).toContain(documented);
    expectConstraintError(build, code);
  });

  test('ElasticIp: a second Elastic IP on one fixed private address is refused at construction', () => {
    expect(PROSE).toContain('a second Elastic IP on one fixed private address (on an address AWS picks, rule NIC030 refuses it at synth)');
    // GIVEN an interface with a fixed address, which one Elastic IP maps to
    const { stack, subnetA } = networkStack();
    const nic = new NetworkInterface(stack, 'eth1', { subnet: SubnetReference.fromSubnet(subnetA), privateIpv4: Ipv4Assignment.addresses('10.0.1.10') });
    new ElasticIp(stack, 'first', { networkInterface: nic });
    // WHEN / THEN a second one on the same address is refused
    expectConstraintError(() => new ElasticIp(stack, 'second', { networkInterface: nic }), ErrorCode.ElasticIpAddressAlreadyTaken, ['10.0.1.10']);
  });

  test('ElasticIp: a second Elastic IP on the address AWS picks is refused by NIC030 at synth', () => {
    // GIVEN an interface whose address AWS picks, with two Elastic IPs on its primary address
    const stack = testStack();
    const nic = new NetworkInterface(stack, 'eth1', { subnet: SubnetReference.fromSubnet(testNetwork(stack).subnets[0]) });
    new ElasticIp(stack, 'first', { networkInterface: nic });
    expect(() => new ElasticIp(stack, 'second', { networkInterface: nic })).not.toThrow();
    // WHEN / THEN the rule refuses it
    expect(checkStack(stack).errors('NIC030')).toHaveLength(1);
  });
});
