import { Eip } from '@cdktf/provider-aws/lib/eip';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { TerraformStack } from 'cdktf';
import {
  Instance as LibraryInstance, Ipv4Assignment, NetworkInterface as LibraryInterface, NetworkRules, RuleLevel, SubnetReference,
} from '../../../lib';
import { checkStack, removeOutput, testApp, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-0123456789abcdef0';

/** Scenarios of the AWS ENI guide, written by hand with raw resources: none may raise an error. */
describe('documented scenarios written with raw resources raise no error', () => {
  test('management network: public eth0, management eth1 in another subnet of the zone', () => {
    // GIVEN
    const stack = testStack();
    const { vpc, subnets: [publicSubnet] } = testNetwork(stack);
    const mgmtSubnet = new Subnet(stack, 'mgmt', { vpcId: vpc.id, cidrBlock: '10.0.9.0/24', availabilityZone: 'us-east-1a' });
    const web = new SecurityGroup(stack, 'web', { vpcId: vpc.id });
    new VpcSecurityGroupIngressRule(stack, 'https', { securityGroupId: web.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0' });
    const admin = new SecurityGroup(stack, 'admin', { vpcId: vpc.id });
    new VpcSecurityGroupIngressRule(stack, 'ssh', { securityGroupId: admin.id, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '203.0.113.0/24' });
    const eth0 = new NetworkInterface(stack, 'eth0', { subnetId: publicSubnet.id, securityGroups: [web.id], privateIpListEnabled: true, privateIpList: ['10.0.0.10', '10.0.0.11'] });
    const eth1 = new NetworkInterface(stack, 'eth1', { subnetId: mgmtSubnet.id, securityGroups: [admin.id] });
    const host = new Instance(stack, 'host', {
      ami: AMI,
      instanceType: 'm5.large',
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: eth0.id }],
      metadataOptions: { httpTokens: 'required' },
    });
    new NetworkInterfaceAttachmentA(stack, 'eth1-attach', { instanceId: host.id, networkInterfaceId: eth1.id, deviceIndex: 1 });
    new Eip(stack, 'eip', { domain: 'vpc', networkInterface: eth0.id, associateWithPrivateIp: '10.0.0.11' });
    // WHEN / THEN
    expect(checkStack(stack).errors()).toEqual([]);
  });

  test('NAT appliance: source/destination check off, private subnet routed to its interface', () => {
    const stack = testStack();
    const { vpc, subnets: [publicSubnet, privateSubnet] } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
    const outside = new NetworkInterface(stack, 'outside', { subnetId: publicSubnet.id, sourceDestCheck: false });
    const inside = new NetworkInterface(stack, 'inside', { subnetId: privateSubnet.id, sourceDestCheck: false });
    new Instance(stack, 'nat', {
      ami: AMI,
      instanceType: 't3.small',
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: outside.id }, { deviceIndex: 1, networkInterfaceId: inside.id }],
    });
    const table = new RouteTable(stack, 'private-rt', { vpcId: vpc.id });
    new Route(stack, 'default', { routeTableId: table.id, destinationCidrBlock: '0.0.0.0/0', networkInterfaceId: inside.id });
    new Eip(stack, 'eip', { domain: 'vpc', networkInterface: outside.id });
    expect(checkStack(stack).errors()).toEqual([]);
  });

  test('multi-interface host: three interfaces in three subnets, secondary addresses within limits', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack, ['us-east-1a', 'us-east-1a', 'us-east-1a']);
    const [eth0, eth1, eth2] = subnets.map((subnet, i) => new NetworkInterface(stack, `eth${i}`, { subnetId: subnet.id, privateIpsCount: i }));
    const host = new Instance(stack, 'host', { ami: AMI, instanceType: 'c5.xlarge', networkInterface: [{ deviceIndex: 0, networkInterfaceId: eth0.id }] });
    new NetworkInterfaceAttachmentA(stack, 'a1', { instanceId: host.id, networkInterfaceId: eth1.id, deviceIndex: 1 });
    new NetworkInterfaceAttachmentA(stack, 'a2', { instanceId: host.id, networkInterfaceId: eth2.id, deviceIndex: 2 });
    expect(checkStack(stack).errors()).toEqual([]);
  });
});

describe('an app mixing raw resources and library constructs', () => {
  test('fails app.synth() listing every broken constraint at once', () => {
    // GIVEN an app with the checks on
    const app = testApp();
    NetworkRules.applyTo(app, { writeReport: false });
    const stack = new TerraformStack(app, 'mixed');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    const { vpc, subnets: [a, b] } = testNetwork(stack, ['us-east-1a', 'us-east-1b']);
    // a t3.micro (2 interfaces) built with the library...
    const eth0 = new LibraryInterface(stack, 'eth0', { subnet: SubnetReference.fromSubnet(a) });
    const host = new LibraryInstance(stack, 'host', { ami: AMI, instanceType: 't3.micro', primaryInterface: eth0 });
    // ...given two more interfaces by hand (NIC001), one at device index 0 (NIC020), one in another zone (NIC010)
    const extra1 = new NetworkInterface(stack, 'extra1', { subnetId: a.id, privateIps: ['10.0.0.1'] });
    const extra2 = new NetworkInterface(stack, 'extra2', { subnetId: b.id });
    new NetworkInterfaceAttachmentA(stack, 'at0', { instanceId: host.instanceId, networkInterfaceId: extra1.id, deviceIndex: 0 });
    new NetworkInterfaceAttachmentA(stack, 'at2', { instanceId: host.instanceId, networkInterfaceId: extra2.id, deviceIndex: 2 });
    // a route to an interface that still checks source/destination (NIC040) and SSH from anywhere (NIC070)
    const table = new RouteTable(stack, 'rt', { vpcId: vpc.id });
    new Route(stack, 'to-eth0', { routeTableId: table.id, destinationCidrBlock: '0.0.0.0/0', networkInterfaceId: eth0.networkInterfaceId });
    const open = new SecurityGroup(stack, 'open', { vpcId: vpc.id, ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] }] });
    new NetworkInterface(stack, 'exposed', { subnetId: a.id, securityGroups: [open.id] });
    // WHEN / THEN the synth fails and names every rule at once
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    for (const id of ['NIC001', 'NIC010', 'NIC020', 'NIC034', 'NIC040', 'NIC070']) expect(message).toContain(`[${id}]`);
    expect(NetworkRules.findingsOf(stack).filter((f) => f.level === RuleLevel.ERROR).length).toBeGreaterThanOrEqual(6);
    removeOutput(app);
  });
});

describe('library constructs alone', () => {
  test('a host built with the building blocks raises nothing above info', () => {
    const stack = testStack();
    const { subnets: [a, b] } = testNetwork(stack, ['us-east-1a', 'us-east-1a']);
    const eth0 = new LibraryInterface(stack, 'eth0', { subnet: SubnetReference.fromSubnet(a) });
    const host = new LibraryInstance(stack, 'host', { ami: AMI, instanceType: 'm5.large', primaryInterface: eth0 });
    host.attachNetworkInterface(new LibraryInterface(stack, 'eth1', {
      subnet: SubnetReference.fromSubnet(b), privateIpv4: Ipv4Assignment.addresses('10.0.1.10', '10.0.1.11'),
    }), { deviceIndex: 1 });
    const findings = checkStack(stack);
    expect([...findings.errors(), ...findings.warnings()]).toEqual([]);
  });
});
