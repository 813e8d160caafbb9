import { Fn, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  DualHomedInstance, ManagementNetwork, NetworkAppliance, Peer, Port, SubnetReference, VirtualIpMode, VirtualIpPair,
} from '../../../lib';
import { checkCidr } from '../../../lib/aws/address-checks';
import { expectConstraintError, networkStack } from '../fixtures';

// The Terraform AWS provider refuses a CIDR block with host bits ("must be a valid IPv4 CIDR that
// represents a network address"), so every construct that takes one refuses it at construction.

const AMI = 'ami-0123456789abcdef0';

describe('checkCidr', () => {
  test.each([
    ['an IPv4 block', '10.0.0.5/24', false, '"10.0.0.0/24"', '"10.0.0.5/32"'],
    ['an IPv4 /0', '10.0.0.0/0', false, '"0.0.0.0/0"', '"10.0.0.0/32"'],
    ['an IPv6 block', '2600:1f18::1/56', true, '"2600:1f18::/56"', '"2600:1f18::1/128"'],
    ['an IPv6 block in upper case', '2600:1F18:0:1::/56', true, '"2600:1f18::/56"', '"2600:1f18:0:1::/128"'],
  ])('fails when %s has host bits set, naming its network address', (_case, cidr, ipv6, network, host) => {
    // GIVEN a construct
    const { stack } = networkStack();
    const scope = new Construct(stack, 'thing');
    // WHEN the block is checked THEN the error shows the network address and the single-address block
    const error = expectConstraintError(() => checkCidr(scope, 'the block', cidr, ipv6), 'InvalidCidr', ['host bits', `"${cidr}"`, host]);
    expect(error.allowed).toBe(`the network address ${network}`);
  });

  test.each([
    ['an IPv4 network address', '10.0.0.0/24', false],
    ['an IPv4 host', '10.0.0.5/32', false],
    ['the IPv4 internet', '0.0.0.0/0', false],
    ['an IPv6 network address', '2600:1f18::/56', true],
    ['the IPv6 internet written long', '::0/0', true],
    ['a token', Fn.cidrsubnet('10.0.0.0/16', 8, 1), false],
  ])('GIVEN %s WHEN checked THEN it passes', (_case, cidr, ipv6) => {
    const { stack } = networkStack();
    expect(() => checkCidr(new Construct(stack, 'thing'), 'the block', cidr, ipv6)).not.toThrow();
  });
});

describe('a CIDR with host bits is refused by every construct that takes one', () => {
  test('fails when a security group rule peer has host bits set (Peer.ipv4, Peer.ipv6)', () => {
    // GIVEN SecurityGroup's caller NetworkAppliance with forwarded sources of both families
    const fixture = networkStack();
    const appliance = (forwardedSourceCidrs: string[]) => () => new NetworkAppliance(fixture.stack, `nat${forwardedSourceCidrs.length}`, {
      publicSubnet: SubnetReference.fromSubnet(fixture.subnetA),
      privateSubnet: SubnetReference.fromSubnet(fixture.subnetB),
      instanceType: 'm5.large',
      ami: AMI,
      forwardedSourceCidrs,
    });
    // WHEN a source has host bits THEN the error names the network address
    expectConstraintError(appliance(['10.0.2.7/24']), 'InvalidCidr', ['"10.0.2.0/24"']);
    expectConstraintError(appliance(['10.0.2.0/24', '2600:1f18:1:100::7/64']), 'InvalidCidr', ['"2600:1f18:1:100::/64"']);
  });

  test('fails when ManagementNetwork managementCidrs or managementIpv6Cidrs have host bits set', () => {
    // GIVEN a management network
    const fixture = networkStack();
    const network = (id: string, managementCidrs: string[], managementIpv6Cidrs?: string[]) => () => new ManagementNetwork(fixture.stack, id, {
      publicSubnet: SubnetReference.fromSubnet(fixture.subnetA),
      managementSubnet: SubnetReference.fromSubnet(fixture.subnetB),
      managementCidrs,
      managementIpv6Cidrs,
      instanceType: 't3.micro',
      ami: AMI,
    });
    // WHEN an admin range has host bits THEN it is refused with its network address
    expectConstraintError(network('v4', ['203.0.113.9/24']), 'InvalidCidr', ['"203.0.113.0/24"']);
    expectConstraintError(network('v6', [], ['2001:db8::9/48']), 'InvalidCidr', ['"2001:db8::/48"']);
  });

  test('fails when a DualHomedInstance ingress rule peer has host bits set', () => {
    // GIVEN a dual-homed instance whose web tier takes HTTPS from a range with host bits
    const fixture = networkStack();
    // WHEN it is built THEN the range is refused
    expectConstraintError(() => new DualHomedInstance(fixture.stack, 'tiers', {
      instanceType: 'm5.large',
      ami: AMI,
      interfaces: [
        { name: 'web', subnet: SubnetReference.fromSubnet(fixture.subnetA), ingressRules: [{ peer: Peer.ipv4('10.0.0.5/16'), port: Port.tcp(443) }] },
        { name: 'app', subnet: SubnetReference.fromSubnet(fixture.subnetB) },
      ],
    }), 'InvalidCidr', ['"10.0.0.0/16"']);
  });

  test('fails when a VirtualIpPair client CIDR has host bits set', () => {
    // GIVEN a virtual IP pair whose clients are a range with host bits
    const fixture = networkStack();
    const subnet = SubnetReference.fromSubnet(fixture.subnetA);
    // WHEN it is built THEN the range is refused
    expectConstraintError(() => new VirtualIpPair(fixture.stack, 'web', {
      instanceType: 't3.micro',
      ami: AMI,
      mode: VirtualIpMode.SECONDARY_IP,
      virtualIp: '10.0.1.50',
      active: { subnet, privateIp: '10.0.1.10' },
      standby: { subnet, privateIp: '10.0.1.11' },
      clientCidrs: ['10.0.5.1/24'],
      clientPorts: [Port.tcp(443)],
    }), 'InvalidCidr', ['a client CIDR', '"10.0.5.0/24"']);
  });
});

describe('CIDR lists known only at deploy time', () => {
  // One rule per CIDR block: a list token (a list(string) variable) has no length at synth time.
  const cases: ReadonlyArray<[string, (scope: Construct, subnets: [SubnetReference, SubnetReference], cidrs: string[]) => void]> = [
    ['ManagementNetwork managementCidrs', (scope, [a, b], cidrs) => new ManagementNetwork(scope, 'm', {
      publicSubnet: a, managementSubnet: b, managementCidrs: cidrs, instanceType: 't3.small', ami: AMI,
    })],
    ['NetworkAppliance forwardedSourceCidrs', (scope, [a, b], cidrs) => new NetworkAppliance(scope, 'n', {
      publicSubnet: a, privateSubnet: b, forwardedSourceCidrs: cidrs, instanceType: 't3.small', ami: AMI,
    })],
    ['VirtualIpPair clientCidrs', (scope, [a], cidrs) => new VirtualIpPair(scope, 'p', {
      mode: VirtualIpMode.SECONDARY_IP,
      virtualIp: '10.0.1.50',
      active: { subnet: a, privateIp: '10.0.1.10' },
      standby: { subnet: a, privateIp: '10.0.1.11' },
      instanceType: 't3.small',
      ami: AMI,
      clientCidrs: cidrs,
      vpcId: 'vpc-1',
    })],
  ];

  test.each(cases)('fails when %s is a list token, with a typed error', (_name, build) => {
    // GIVEN
    const { stack, subnetA, subnetB } = networkStack();
    const cidrs = new TerraformVariable(stack, 'cidrs', { type: 'list(string)' });
    const subnets: [SubnetReference, SubnetReference] = [SubnetReference.fromSubnet(subnetA), SubnetReference.fromSubnet(subnetB)];
    // WHEN / THEN
    expectConstraintError(() => build(stack, subnets, cidrs.listValue), 'ListLengthUnknown', ['known only at deploy time']);
  });
});
