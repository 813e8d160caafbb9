import * as fs from 'fs';
import * as path from 'path';
import { DataAwsSubnet } from '@cdktf/provider-aws/lib/data-aws-subnet';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { Instance as InstanceResource } from '@cdktf/provider-aws/lib/instance';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { NetworkInterface as NetworkInterfaceResource } from '@cdktf/provider-aws/lib/network-interface';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { App, Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { edgesBetween, nodeTitled, parseFlowchart, ParsedFlowchart } from './mermaid-structure';
import {
  ElasticIp, HaActiveSide, HaFailoverNic, HaMember, Instance, Ipv4Assignment, NetworkInterface, NetworkRules, Peer, Port,
  SecurityGroup, SubnetReference,
} from '../../lib';
import * as buildModel from '../../lib/aws/diagram/build-model';
import { VirtualIpMode } from '../../lib/aws/patterns/virtual-ip/vip-mode';
import { VirtualIpPair } from '../../lib/aws/patterns/virtual-ip-pair';
import { NetworkDiagram } from '../../lib/diagram/network-diagram';
import { testStack } from '../checks/rule-test-helpers';

const AMI = 'ami-0123456789abcdef0';
const OUT_ROOT = path.join(__dirname, '..', '..', '.tmp', 'diagram-tests');

/** A VPC with two subnets of one zone, as raw resources. */
function network(stack: TerraformStack) {
  const vpc = new Vpc(stack, 'main', { cidrBlock: '10.0.0.0/16' });
  const app = new Subnet(stack, 'app', { vpcId: vpc.id, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a' });
  const mgmt = new Subnet(stack, 'mgmt', { vpcId: vpc.id, cidrBlock: '10.0.2.0/24', availabilityZone: 'us-east-1a' });
  return { vpc, app, mgmt };
}

/** GIVEN two subnets, an instance with two interfaces (one attached after launch), an Elastic IP and a security group. */
function webStack(stack: TerraformStack = testStack('web')) {
  const { vpc, app, mgmt } = network(stack);
  const sg = new SecurityGroup(stack, 'web-sg', { vpcId: vpc.id, securityGroupName: 'web', description: 'HTTPS in' });
  sg.addIngressRule(Peer.anyIpv4(), Port.tcp(443), { description: 'HTTPS' });
  const eth0 = new NetworkInterface(stack, 'eth0', {
    subnet: SubnetReference.fromSubnet(app),
    privateIpv4: Ipv4Assignment.addresses('10.0.1.10', '10.0.1.11'),
    securityGroupIds: [sg.securityGroupId],
  });
  const host = new Instance(stack, 'host', { ami: AMI, instanceType: 't3.large', primaryInterface: eth0 });
  const eth1 = new NetworkInterface(stack, 'eth1', { subnet: SubnetReference.fromSubnet(mgmt), privateIpv4: Ipv4Assignment.count(2) });
  host.attachNetworkInterface(eth1, { deviceIndex: 1 });
  new ElasticIp(stack, 'public', { networkInterface: eth0, privateIp: '10.0.1.11' });
  return stack;
}

function chartOf(stack: TerraformStack): ParsedFlowchart {
  return parseFlowchart(NetworkDiagram.render(stack));
}

function outApp(): App {
  fs.mkdirSync(OUT_ROOT, { recursive: true });
  return new App({ outdir: fs.mkdtempSync(path.join(OUT_ROOT, 'out.')), stackTraces: false });
}

function stackFolder(app: App, stack: TerraformStack): string {
  return path.join(app.outdir, 'stacks', stack.node.id);
}

afterAll(() => fs.rmSync(OUT_ROOT, { recursive: true, force: true }));

describe('NetworkDiagram', () => {
  describe('drawing', () => {
    test('draws subnets, an instance with two interfaces, an Elastic IP and a security group, as in the snapshot', () => {
      // GIVEN / WHEN
      const text = NetworkDiagram.render(webStack());
      // THEN
      expect(text).toMatchSnapshot();
      parseFlowchart(text);
    });

    test('nests subnets (CIDR, Availability Zone) in their VPC (CIDR), and interfaces in their subnet', () => {
      const chart = chartOf(webStack());
      const vpc = nodeTitled(chart, 'VPC main');
      expect(vpc).toMatchObject({ shape: 'subgraph', parent: undefined, label: 'VPC main: 10.0.0.0/16' });
      expect(nodeTitled(chart, 'subnet app')).toMatchObject({ parent: vpc.id, label: 'subnet app: 10.0.1.0/24, AZ us-east-1a' });
      expect(nodeTitled(chart, 'subnet mgmt')).toMatchObject({ parent: vpc.id, label: 'subnet mgmt: 10.0.2.0/24, AZ us-east-1a' });
      expect(nodeTitled(chart, 'eni eth0').parent).toBe(nodeTitled(chart, 'subnet app').id);
      expect(nodeTitled(chart, 'eni eth1').parent).toBe(nodeTitled(chart, 'subnet mgmt').id);
      // The instance sits in the VPC of its primary interface.
      expect(nodeTitled(chart, 'instance host')).toMatchObject({ parent: vpc.id, label: 'instance host\nt3.large' });
    });

    test('labels interfaces with their addresses, primary first, AWS-picked ones counted, and their security groups', () => {
      const chart = chartOf(webStack());
      expect(nodeTitled(chart, 'eni eth0').label).toBe('eni eth0\nIPv4 10.0.1.10 (primary), 10.0.1.11\nSG web');
      // Ipv4Assignment.count(2): two secondary addresses besides the primary.
      expect(nodeTitled(chart, 'eni eth1').label).toBe('eni eth1\nIPv4 AWS-picked (primary) + 2 AWS-picked\nSG VPC default');
    });

    test('links interfaces to the instance by device index: solid at launch, dashed when attached after launch', () => {
      const chart = chartOf(webStack());
      const [launch] = edgesBetween(chart, 'eni eth0', 'instance host');
      expect(launch).toMatchObject({ arrow: '-->', label: 'device 0' });
      expect(launch.style).toBeUndefined();
      const [attached] = edgesBetween(chart, 'eni eth1', 'instance host');
      expect(attached).toMatchObject({ arrow: '-.->', label: 'device 1', style: 'stroke-dasharray:8 4' });
    });

    test('draws an Elastic IP with its public address and the private address it maps to', () => {
      const chart = chartOf(webStack());
      expect(nodeTitled(chart, 'EIP public')).toMatchObject({ shape: 'flag', label: 'EIP public\npublic (deploy-time)' });
      expect(edgesBetween(chart, 'EIP public', 'eni eth0')).toEqual([{ from: expect.any(String), to: expect.any(String), arrow: '-->', label: 'maps to 10.0.1.11' }]);
    });

    test('draws an Elastic IP of a raw instance by instance id on its primary interface, and an unassociated one', () => {
      // GIVEN a raw instance with its own primary interface, an EIP on it and a spare EIP
      const stack = testStack();
      const { app } = network(stack);
      const web = new InstanceResource(stack, 'web', { ami: AMI, instanceType: 't3.micro', subnetId: app.id, privateIp: '10.0.1.20', vpcSecurityGroupIds: ['sg-0123456789abcdef0'] });
      new Eip(stack, 'by-instance', { instance: web.id });
      new Eip(stack, 'spare', {});
      // WHEN
      const chart = chartOf(stack);
      // THEN
      expect(nodeTitled(chart, 'primary eni of web')).toMatchObject({
        parent: nodeTitled(chart, 'subnet app').id,
        label: 'primary eni of web\nIPv4 10.0.1.20 (primary)\nSG sg-0123456789abcdef0',
      });
      expect(edgesBetween(chart, 'primary eni of web', 'instance web')[0]).toMatchObject({ arrow: '-->', label: 'device 0' });
      expect(edgesBetween(chart, 'EIP by-instance', 'primary eni of web')[0].label).toBe('maps to primary IP');
      expect(nodeTitled(chart, 'EIP spare').label).toBe('EIP spare\npublic (deploy-time)\nnot associated');
    });
    test('draws the interfaces an instance creates from its launch template, and a template no instance uses', () => {
      // GIVEN an instance launched from a template with two interface blocks, and an unused template
      const stack = testStack();
      const { app, mgmt } = network(stack);
      const template = new LaunchTemplate(stack, 'tpl', {
        instanceType: 'c5.large',
        networkInterfaces: [
          { deviceIndex: 0, subnetId: app.id, securityGroups: ['sg-0aaaaaaaaaaaaaaaa'], privateIpAddress: '10.0.1.30' },
          { deviceIndex: 1, subnetId: mgmt.id, ipv4AddressCount: 1, ipv6AddressCount: 2 },
        ],
      });
      new InstanceResource(stack, 'from-tpl', { ami: AMI, launchTemplate: { id: template.id } });
      new LaunchTemplate(stack, 'spare-tpl', { instanceType: 'm5.large', networkInterfaces: [{ deviceIndex: 0, subnetId: app.id }] });
      // WHEN
      const chart = chartOf(stack);
      // THEN
      expect(nodeTitled(chart, 'instance from-tpl').label).toBe('instance from-tpl\nc5.large');
      expect(nodeTitled(chart, 'eni at device 0 of from-tpl')).toMatchObject({
        parent: nodeTitled(chart, 'subnet app').id,
        label: 'eni at device 0 of from-tpl\nIPv4 10.0.1.30 (primary)\nSG sg-0aaaaaaaaaaaaaaaa',
      });
      expect(nodeTitled(chart, 'eni at device 1 of from-tpl').label)
        .toBe('eni at device 1 of from-tpl\nIPv4 AWS-picked (primary) + 1 AWS-picked\nIPv6 2 AWS-picked\nSG VPC default');
      expect(edgesBetween(chart, 'eni at device 1 of from-tpl', 'instance from-tpl')[0]).toMatchObject({ arrow: '-->', label: 'device 1' });
      expect(nodeTitled(chart, 'launch template spare-tpl')).toMatchObject({ shape: 'parallelogram', label: 'launch template spare-tpl\nm5.large' });
      expect([...chart.nodes.values()].filter((n) => n.label.startsWith('launch template tpl'))).toEqual([]);
    });
  });

  describe('failover', () => {
    function haStack(active: HaActiveSide) {
      const stack = testStack('ha');
      const { app } = network(stack);
      new HaFailoverNic(stack, 'web', {
        pairName: 'web',
        subnet: SubnetReference.fromSubnet(app),
        privateIpv4: Ipv4Assignment.addresses('10.0.1.10'),
        primary: HaMember.launch({ ami: AMI, instanceType: 't3.small' }),
        standby: HaMember.launch({ ami: AMI, instanceType: 't3.small' }),
        active,
      });
      return stack;
    }

    test('highlights the attachment of a failover interface to the active member, the other member dotted as standby', () => {
      // GIVEN the pair with Terraform placing the interface (aws_network_interface_attachment) on the primary
      const chart = chartOf(haStack(HaActiveSide.PRIMARY));
      // THEN
      expect(nodeTitled(chart, 'eni web/Interface').label).toContain('failover interface, pair web');
      expect(edgesBetween(chart, 'eni web/Interface', 'instance web/Primary')).toEqual([
        expect.objectContaining({ arrow: '==>', label: 'device 1, active', style: 'stroke:#2e7d32,stroke-width:3px' }),
      ]);
      expect(edgesBetween(chart, 'eni web/Interface', 'instance web/Standby')).toEqual([
        expect.objectContaining({ arrow: '-.->', label: 'standby', style: 'stroke:#888,stroke-dasharray:2 4' }),
      ]);
    });

    test('follows the active side when it switches to the standby', () => {
      const chart = chartOf(haStack(HaActiveSide.STANDBY));
      expect(edgesBetween(chart, 'eni web/Interface', 'instance web/Standby')[0]).toMatchObject({ arrow: '==>', label: 'device 1, active' });
      expect(edgesBetween(chart, 'eni web/Interface', 'instance web/Primary')[0]).toMatchObject({ arrow: '-.->', label: 'standby' });
    });

    /** GIVEN a failover pair whose interface the agent places with an aws_lambda_invocation, written as raw resources. */
    function agentStack(withAgentVariables: boolean) {
      const stack = testStack('agent');
      const { app } = network(stack);
      const pairTags = { 'nic-patterns:failover-pair': 'db' };
      const member = (id: string) => new InstanceResource(stack, id, { ami: AMI, instanceType: 't3.small', subnetId: app.id, tags: pairTags });
      const [a, b] = [member('db-a'), member('db-b')];
      const eni = new NetworkInterfaceResource(stack, 'db-service', {
        subnetId: app.id, tags: { ...pairTags, 'nic-patterns:role': 'failover' },
      });
      const functionName = withAgentVariables
        ? new LambdaFunction(stack, 'agent', {
          functionName: 'nic-failover-db',
          role: 'arn:aws:iam::123456789012:role/agent',
          runtime: 'nodejs20.x',
          handler: 'index.handler',
          filename: 'agent.zip',
          environment: { variables: { NETWORK_INTERFACE_ID: eni.id, DEVICE_INDEX: '2' } },
        }).functionName
        : 'nic-failover-db';
      new LambdaInvocation(stack, 'place', { functionName, input: JSON.stringify({ action: 'place', instanceId: b.id }) });
      // Any other invocation of the function is not a placement.
      new LambdaInvocation(stack, 'ping', { functionName, input: JSON.stringify({ action: 'ping', instanceId: a.id }) });
      return stack;
    }

    test.each([
      ['the agent\'s variables name the interface', true, 'device 2, active (placed by the failover agent)'],
      ['the pair tag names the interface (function outside the stack)', false, 'device ?, active (placed by the failover agent)'],
    ])('treats the instance the agent is asked to place the interface on as active when %s', (_, withAgentVariables, label) => {
      const chart = chartOf(agentStack(withAgentVariables));
      expect(edgesBetween(chart, 'eni db-service', 'instance db-b')).toEqual([expect.objectContaining({ arrow: '==>', label })]);
      expect(edgesBetween(chart, 'eni db-service', 'instance db-a')).toEqual([expect.objectContaining({ arrow: '-.->', label: 'standby' })]);
    });

    test('draws the members of a pair whose interface is not attached as pair members, not standby', () => {
      // GIVEN a failover interface and its tagged members, no attachment and no agent
      const stack = testStack();
      const { app } = network(stack);
      const tags = { 'nic-patterns:failover-pair': 'p' };
      new InstanceResource(stack, 'one', { ami: AMI, instanceType: 't3.small', subnetId: app.id, tags });
      new NetworkInterfaceResource(stack, 'floating', { subnetId: app.id, tags: { ...tags, 'nic-patterns:role': 'failover' } });
      // THEN
      expect(edgesBetween(chartOf(stack), 'eni floating', 'instance one')[0]).toMatchObject({ arrow: '-.->', label: 'pair member, not attached' });
    });
  });

  describe('virtual IPs', () => {
    /** GIVEN a virtual IP pair (secondary-IP mode) and a /32 overlay route outside the VPC. */
    function vipStack() {
      const stack = testStack('vip');
      const { vpc, app } = network(stack);
      const vipTags = { 'nic-patterns:role': 'virtual-ip', 'nic-patterns:virtual-ips': '10.0.1.50' };
      const active = new NetworkInterfaceResource(stack, 'vip-a', { subnetId: app.id, privateIps: ['10.0.1.20', '10.0.1.50'], tags: vipTags });
      new NetworkInterfaceResource(stack, 'vip-b', { subnetId: app.id, privateIps: ['10.0.1.21'], tags: vipTags });
      const table = new RouteTable(stack, 'rt', { vpcId: vpc.id });
      new Route(stack, 'overlay', { routeTableId: table.id, destinationCidrBlock: '192.168.100.10/32', networkInterfaceId: active.id });
      // A /32 inside the VPC is an ordinary route.
      new Route(stack, 'inside', { routeTableId: table.id, destinationCidrBlock: '10.0.9.9/32', networkInterfaceId: active.id });
      return stack;
    }

    test('draws a tagged virtual IP held by the interface that lists it and on standby on the other one', () => {
      const chart = chartOf(vipStack());
      expect(nodeTitled(chart, 'VIP 10.0.1.50')).toMatchObject({ shape: 'hexagon', label: 'VIP 10.0.1.50\nsecondary IP' });
      expect(edgesBetween(chart, 'VIP 10.0.1.50', 'eni vip-a')[0]).toMatchObject({ arrow: '-->', label: 'holds' });
      expect(edgesBetween(chart, 'VIP 10.0.1.50', 'eni vip-b')[0]).toMatchObject({ arrow: '-.->', label: 'standby', style: 'stroke:#888,stroke-dasharray:2 4' });
      expect(nodeTitled(chart, 'eni vip-a').label).toContain('virtual IP carrier');
    });

    test('draws a /32 route outside the VPC to an interface as an overlay virtual IP, not one inside the VPC', () => {
      const chart = chartOf(vipStack());
      expect(nodeTitled(chart, 'VIP 192.168.100.10').label).toBe('VIP 192.168.100.10\noverlay route');
      expect(edgesBetween(chart, 'VIP 192.168.100.10', 'eni vip-a')[0].label).toBe('/32 route overlay');
      expect([...chart.nodes.values()].filter((n) => n.label.startsWith('VIP '))).toHaveLength(2);
    });
    test.each([
      ['secondary-IP mode', VirtualIpMode.SECONDARY_IP, '10.0.1.100', 'secondary IP', 'holds'],
      ['overlay mode', VirtualIpMode.OVERLAY_ROUTE, '192.168.53.53', 'overlay route', '/32 route pair/Route0'],
    ])('draws a VirtualIpPair in %s: the active interface holds the virtual IP, the standby one waits', (_, mode, vip, how, held) => {
      // GIVEN a VirtualIpPair
      const stack = testStack();
      const { vpc, app } = network(stack);
      const table = new RouteTable(stack, 'rt', { vpcId: vpc.id });
      new VirtualIpPair(stack, 'pair', {
        pairName: 'pair',
        mode,
        virtualIp: vip,
        active: { subnet: SubnetReference.fromSubnet(app), privateIp: '10.0.1.10' },
        standby: { subnet: SubnetReference.fromSubnet(app), privateIp: '10.0.1.11' },
        instanceType: 't3.small',
        ami: AMI,
        ...mode === VirtualIpMode.OVERLAY_ROUTE ? { vpcCidrBlocks: ['10.0.0.0/16'], routeTableIds: [table.id] } : {},
        virtualRouterId: 51,
      });
      // WHEN
      const chart = chartOf(stack);
      // THEN
      expect(nodeTitled(chart, `VIP ${vip}`).label).toBe(`VIP ${vip}\n${how}`);
      expect(edgesBetween(chart, `VIP ${vip}`, 'eni pair/ActiveInterface')[0]).toMatchObject({ arrow: '-->', label: held });
      expect(edgesBetween(chart, `VIP ${vip}`, 'eni pair/StandbyInterface')[0]).toMatchObject({ arrow: '-.->', label: 'standby' });
    });
  });

  describe('values only known at deploy time', () => {
    test('shows them as (deploy-time) or ?, and things outside the stack as dashed placeholders', () => {
      // GIVEN CIDR, zone, instance type, addresses and ids from variables and a data source
      const stack = testStack('tokens');
      const variable = (id: string) => new TerraformVariable(stack, id, { type: 'string' }).stringValue;
      const number = (id: string) => new TerraformVariable(stack, id, { type: 'number' }).numberValue;
      const vpc = new Vpc(stack, 'main', { cidrBlock: variable('cidr') });
      const subnet = new Subnet(stack, 'app', { vpcId: vpc.id, cidrBlock: variable('subnet_cidr'), availabilityZone: variable('az') });
      const existing = new DataAwsSubnet(stack, 'existing', { id: 'subnet-0123456789abcdef0' });
      const eth0 = new NetworkInterfaceResource(stack, 'eth0', { subnetId: subnet.id, privateIps: [variable('ip')], securityGroups: [variable('sg')] });
      new InstanceResource(stack, 'host', {
        ami: AMI,
        instanceType: variable('type'),
        networkInterface: [{ deviceIndex: 0, networkInterfaceId: eth0.id }, { deviceIndex: number('device'), networkInterfaceId: variable('eni') }],
      });
      new NetworkInterfaceResource(stack, 'elsewhere', { subnetId: existing.id, privateIpsCount: number('count') });
      new NetworkInterfaceResource(stack, 'literal', { subnetId: 'subnet-0fedcba9876543210' });
      new Eip(stack, 'eip', { networkInterface: variable('eni_for_eip'), associateWithPrivateIp: variable('eip_ip') });
      // WHEN
      const text = NetworkDiagram.render(stack);
      const chart = parseFlowchart(text);
      // THEN no expression leaks into the diagram
      expect(text).not.toContain('${');
      expect(nodeTitled(chart, 'VPC main').label).toBe('VPC main: (deploy-time)');
      expect(nodeTitled(chart, 'subnet app').label).toBe('subnet app: (deploy-time), AZ (deploy-time)');
      expect(nodeTitled(chart, 'instance host').label).toBe('instance host\n(deploy-time)');
      expect(nodeTitled(chart, 'eni eth0').label).toBe('eni eth0\nIPv4 (deploy-time) (primary)\nSG (deploy-time)');
      const host = nodeTitled(chart, 'instance host').id;
      const unknownEni = chart.edges.find((e) => e.to === host && e.label !== 'device 0')!;
      expect(unknownEni.label).toBe('device (deploy-time)');
      expect(chart.nodes.get(unknownEni.from)!.label).toBe('eni (deploy-time)\nnot in this stack');
      expect(nodeTitled(chart, 'eni elsewhere').label).toBe('eni elsewhere\nIPv4 AWS-picked (primary) + (deploy-time) AWS-picked\nSG VPC default');
      expect(nodeTitled(chart, 'eni literal').parent).toBe(nodeTitled(chart, 'subnet subnet-0fedcba9876543210').id);
      expect(nodeTitled(chart, 'subnet (deploy-time)').label).toBe('subnet (deploy-time): not in this stack');
      const [eipEdge] = chart.edges.filter((e) => e.from === nodeTitled(chart, 'EIP eip').id);
      expect(eipEdge.label).toBe('maps to (deploy-time)');
      expect(eipEdge.to).not.toBe(unknownEni.from);
      expect(chart.nodes.get(eipEdge.to)!.label).toBe('eni (deploy-time)\nnot in this stack');
      const placeholders = chart.classes.get('external')!.map((id) => chart.nodes.get(id)!.label.split(/\n|: /)[0]);
      expect(placeholders).toEqual(expect.arrayContaining(['subnet (deploy-time)', 'subnet subnet-0fedcba9876543210', 'eni (deploy-time)']));
    });
  });

  describe('text', () => {
    test('draws an empty but valid diagram for a stack with nothing network-related', () => {
      const stack = testStack('nothing');
      new TerraformVariable(stack, 'unused', { type: 'string' });
      const text = NetworkDiagram.render(stack);
      const chart = parseFlowchart(text);
      expect(chart.edges).toHaveLength(0);
      expect([...chart.nodes.values()]).toEqual([
        expect.objectContaining({ id: 'empty', label: 'no VPC, subnet, instance, interface or Elastic IP in stack nothing' }),
      ]);
    });

    test('escapes quotes, brackets and other Mermaid syntax in names', () => {
      // GIVEN construct ids with characters Mermaid reads as syntax
      const stack = testStack('odd');
      const vpc = new Vpc(stack, 'vpc "prod" [a]', { cidrBlock: '10.0.0.0/16' });
      new Subnet(stack, 'sub{net}|<b>#1`', { vpcId: vpc.id, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a' });
      // WHEN
      const chart = chartOf(stack);
      // THEN the labels read back as written, and ids are plain
      expect(nodeTitled(chart, 'VPC vpc "prod" [a]').label).toBe('VPC vpc "prod" [a]: 10.0.0.0/16');
      expect(nodeTitled(chart, 'subnet sub{net}|<b>#1`').shape).toBe('subgraph');
      for (const id of chart.nodes.keys()) expect(id).toMatch(/^(vpc|subnet)_[A-Za-z0-9_]+$/);
    });

    test('does not depend on declaration order', () => {
      // GIVEN the same resources declared in two orders
      const forward = testStack('same');
      network(forward);
      new NetworkInterfaceResource(forward, 'x', { subnetId: '${aws_subnet.app.id}' });
      new NetworkInterfaceResource(forward, 'y', { subnetId: '${aws_subnet.mgmt.id}' });
      const backward = testStack('same');
      new NetworkInterfaceResource(backward, 'y', { subnetId: '${aws_subnet.mgmt.id}' });
      new NetworkInterfaceResource(backward, 'x', { subnetId: '${aws_subnet.app.id}' });
      const vpc = new Vpc(backward, 'main', { cidrBlock: '10.0.0.0/16' });
      new Subnet(backward, 'mgmt', { vpcId: vpc.id, cidrBlock: '10.0.2.0/24', availabilityZone: 'us-east-1a' });
      new Subnet(backward, 'app', { vpcId: vpc.id, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a' });
      // THEN
      expect(NetworkDiagram.render(backward)).toBe(NetworkDiagram.render(forward));
    });
  });

  describe('files', () => {
    test('writes <stack>.network.mmd and <stack>.network.md into each stack folder when added to the app', () => {
      // GIVEN two stacks and the aspect on the app
      const app = outApp();
      NetworkDiagram.applyTo(app);
      const web = webStack(testStack('web', app));
      const empty = testStack('empty', app);
      // WHEN
      app.synth();
      // THEN
      for (const stack of [web, empty]) {
        const folder = stackFolder(app, stack);
        const mermaid = fs.readFileSync(path.join(folder, `${stack.node.id}.network.mmd`), 'utf8');
        expect(mermaid).toBe(NetworkDiagram.render(stack));
        const markdown = fs.readFileSync(path.join(folder, `${stack.node.id}.network.md`), 'utf8');
        expect(markdown).toBe(NetworkDiagram.renderMarkdown(stack));
        expect(markdown).toContain(`\`\`\`mermaid\n${mermaid}\`\`\`\n`);
        expect(markdown).toContain('## Legend');
      }
      const markdown = fs.readFileSync(path.join(stackFolder(app, web), 'web.network.md'), 'utf8');
      expect(markdown).toContain('| eni eth0 | web (web-sg) |');
      fs.rmSync(app.outdir, { recursive: true, force: true });
    });

    test('writes only the stacks below the construct it was added to', () => {
      const app = outApp();
      const drawn = webStack(testStack('drawn', app));
      const other = webStack(testStack('other', app));
      Aspects.of(drawn).add(new NetworkDiagram());
      app.synth();
      expect(fs.existsSync(path.join(stackFolder(app, drawn), 'drawn.network.mmd'))).toBe(true);
      expect(fs.readdirSync(stackFolder(app, other)).filter((f) => f.includes('.network.'))).toEqual([]);
      fs.rmSync(app.outdir, { recursive: true, force: true });
    });

    test('leaves a warning and no files when the diagram cannot be drawn, without failing the synth', () => {
      // GIVEN a drawing bug
      const app = outApp();
      const stack = webStack(testStack('broken', app));
      NetworkDiagram.applyTo(app);
      const spy = jest.spyOn(buildModel, 'buildDiagramModel').mockImplementation(() => {
        throw new Error('boom');
      });
      try {
        // WHEN
        app.synth();
        app.synth();
      } finally {
        spy.mockRestore();
      }
      // THEN
      expect(fs.readdirSync(stackFolder(app, stack)).filter((f) => f.includes('.network.'))).toEqual([]);
      const warnings = stack.node.metadata.filter((m) => String(m.data).startsWith('NetworkDiagram:'));
      expect(warnings.map((m) => m.data)).toEqual(['NetworkDiagram: the network diagram of this stack could not be drawn: boom']);
      fs.rmSync(app.outdir, { recursive: true, force: true });
    });

    test('is read-only and idempotent: a second synth writes the same files and changes nothing', () => {
      // GIVEN the same stack in two apps, one with both aspects (the rules report and the diagram
      // share the synthesis hook), one with none
      const app = outApp();
      const stack = webStack(testStack('twice', app));
      NetworkRules.applyTo(app);
      NetworkDiagram.applyTo(app);
      const plain = outApp();
      webStack(testStack('twice', plain));
      const read = (from: App, name: string) => fs.readFileSync(path.join(from.outdir, 'stacks', 'twice', name), 'utf8');
      const files = () => ['twice.network.mmd', 'twice.network.md', 'network-rules-report.json', 'cdk.tf.json'].map((name) => read(app, name));
      // WHEN synthesized twice
      app.synth();
      const first = files();
      const constructs = stack.node.findAll().length;
      app.synth();
      plain.synth();
      // THEN the same files, no construct added by the second synth, the same configuration as without the aspects
      expect(files()).toEqual(first);
      expect(stack.node.findAll().length).toBe(constructs);
      expect(read(app, 'cdk.tf.json')).toBe(read(plain, 'cdk.tf.json'));
      fs.rmSync(app.outdir, { recursive: true, force: true });
      fs.rmSync(plain.outdir, { recursive: true, force: true });
    });
  });
});
