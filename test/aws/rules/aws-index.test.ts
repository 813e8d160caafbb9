import { DataAwsSubnet } from '@cdktf/provider-aws/lib/data-aws-subnet';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { EipAssociation } from '@cdktf/provider-aws/lib/eip-association';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { NetworkInterfaceSgAttachment } from '@cdktf/provider-aws/lib/network-interface-sg-attachment';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Fn, TerraformIterator, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { AwsIndex } from '../../../lib/aws/rules/aws-index';
import { testApp, testNetwork, testStack } from '../../checks/rule-test-helpers';

function summarize(index: AwsIndex, address: string) {
  return index.hostOf(index.resourceAt(address)!)!.attachments.map((a) => ({
    kind: a.kind,
    source: a.source.address,
    eni: a.eniResource?.address,
    device: a.deviceIndex.asNumber(),
    card: a.networkCardIndex.asNumber(),
  }));
}

describe('AwsIndex', () => {
  describe('values', () => {
    test('classifies literals, same-stack references and deploy-time values', () => {
      // GIVEN every kind of value a user can write
      const stack = testStack();
      const { vpc, subnets } = testNetwork(stack);
      const variable = new TerraformVariable(stack, 'az', { type: 'string' });
      const data = new DataAwsSubnet(stack, 'existing', { id: 'subnet-0123456789abcdef0' });
      const eni = (id: string, subnetId: string) => new NetworkInterface(stack, id, { subnetId });
      eni('literal', 'subnet-0123456789abcdef0');
      eni('reference', subnets[0].id);
      eni('variable', variable.stringValue);
      eni('data', data.id);
      eni('function', Fn.element([subnets[0].id], 0));
      eni('interpolated', `${vpc.id}-suffix`);
      // WHEN
      const index = AwsIndex.build(stack);
      const subnetOf = (name: string) => index.resourceAt(`aws_network_interface.${name}`)!.attr('subnet_id');
      // THEN
      expect(subnetOf('literal').kind).toBe('literal');
      expect(subnetOf('literal').asString()).toBe('subnet-0123456789abcdef0');
      expect(subnetOf('reference').kind).toBe('reference');
      expect(subnetOf('reference').referenceTo('aws_subnet')?.path).toBe('subnet-a');
      expect(subnetOf('reference').attribute).toBe('id');
      for (const name of ['variable', 'data', 'function', 'interpolated']) {
        expect([name, subnetOf(name).kind]).toEqual([name, 'unknown']);
      }
      expect(index.resourceAt('aws_network_interface.reference')!.attr('private_ips').isAbsent).toBe(true);
    });

    test('follows references to attributes written literally on the target', () => {
      // GIVEN an instance whose AZ is read from its subnet
      const stack = testStack();
      const { subnets } = testNetwork(stack, ['eu-west-1b']);
      new Instance(stack, 'host', { ami: 'ami-12345678', instanceType: 't3.micro', availabilityZone: subnets[0].availabilityZone });
      // WHEN
      const az = AwsIndex.build(stack).resourceAt('aws_instance.host')!.attr('availability_zone');
      // THEN
      expect(az.kind).toBe('reference');
      expect(az.follow().asString()).toBe('eu-west-1b');
    });

    test('a reference to a computed attribute stays a reference when followed', () => {
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id });
      const value = AwsIndex.build(stack).resourceAt('aws_network_interface.eni')!.attr('subnet_id');
      expect(value.follow()).toBe(value);
    });

    test('values from another stack are unknown', () => {
      // GIVEN a subnet of another stack
      const app = testApp();
      const producer = testStack('producer', app);
      const { subnets } = testNetwork(producer);
      const stack = testStack('consumer', app);
      new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id });
      // WHEN cross-stack references are wired, as app.synth() does before the aspects run
      stack.prepareStack();
      const value = AwsIndex.build(stack).resourceAt('aws_network_interface.eni')!.attr('subnet_id');
      // THEN
      expect(value.kind).toBe('unknown');
      expect(String(value.raw)).toMatch(/terraform_remote_state/);
    });
  });

  describe('resources', () => {
    test('maps each resource to its construct and names it by its path without /Resource', () => {
      // GIVEN an L1 wrapped in a higher-level construct, as the library's building blocks do
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const wrapper = new Construct(new Construct(stack, 'web'), 'mgmt');
      const l1 = new NetworkInterface(wrapper, 'Resource', { subnetId: subnets[0].id });
      // WHEN
      const resource = AwsIndex.build(stack).resources('aws_network_interface')[0];
      // THEN
      expect(resource.construct).toBe(l1);
      expect(resource.path).toBe('web/mgmt');
      expect(resource.label).toBe('eni "web/mgmt"');
    });

    test('skips resource bodies a raw override left as something else than an object', () => {
      const stack = testStack();
      stack.addOverride('resource.aws_instance.broken', 'not a resource');
      stack.addOverride('resource.aws_instance.nothing', null);
      expect(AwsIndex.build(stack).resources('aws_instance')).toEqual([]);
    });

    test('expands a literal count or for_each into instances, none of them repeated', () => {
      // GIVEN
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      new NetworkInterface(stack, 'one', { subnetId: subnets[0].id, count: 1 });
      new NetworkInterface(stack, 'three', { subnetId: subnets[0].id, count: 3 });
      new NetworkInterface(stack, 'each', { subnetId: subnets[0].id, forEach: TerraformIterator.fromList(['a', 'b']) });
      // WHEN
      const index = AwsIndex.build(stack);
      // THEN
      expect(index.resources('aws_network_interface').map((r) => [r.name, r.path, r.repeated])).toEqual([
        ['one[0]', 'one[0]', false],
        ['three[0]', 'three[0]', false], ['three[1]', 'three[1]', false], ['three[2]', 'three[2]', false],
        ['each["a"]', 'each["a"]', false], ['each["b"]', 'each["b"]', false],
      ]);
    });

    test('marks count and for_each known only at deploy time as repeated', () => {
      // GIVEN
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const copies = new TerraformVariable(stack, 'copies', { type: 'number' });
      const names = new TerraformVariable(stack, 'names', { type: 'set(string)' });
      new NetworkInterface(stack, 'counted', { subnetId: subnets[0].id, count: copies.numberValue });
      new NetworkInterface(stack, 'each', { subnetId: subnets[0].id, forEach: TerraformIterator.fromList(names.listValue) });
      // WHEN
      const index = AwsIndex.build(stack);
      // THEN
      expect(index.resources('aws_network_interface').map((r) => [r.name, r.repeated, r.repetition.unknownReason])).toEqual([
        ['counted', true, 'an input variable, only known at deploy time'],
        // cdktf writes `${toset(var.names)}`: the variable, through a function
        ['each', true, 'computed by a function of an input variable, only known at deploy time'],
      ]);
    });
  });

  describe('interfaces of instances', () => {
    test('collects the interfaces of an instance from every place they can be declared', () => {
      // GIVEN inline blocks (one on card 1), an attachment block on an ENI and an attachment resource
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const eni = (id: string) => new NetworkInterface(stack, id, { subnetId: subnets[0].id });
      const primary = eni('primary');
      const second = eni('second');
      const host = new Instance(stack, 'host', {
        ami: 'ami-12345678',
        instanceType: 'c6in.32xlarge',
        networkInterface: [
          { deviceIndex: 0, networkInterfaceId: primary.id },
          { deviceIndex: 1, networkInterfaceId: second.id, networkCardIndex: 1 },
        ],
      });
      new NetworkInterface(stack, 'third', { subnetId: subnets[0].id, attachment: [{ instance: host.id, deviceIndex: 2 }] });
      const fourth = eni('fourth');
      new NetworkInterfaceAttachmentA(stack, 'attach-fourth', { instanceId: host.id, networkInterfaceId: fourth.id, deviceIndex: 3 });
      // WHEN
      const index = AwsIndex.build(stack);
      // THEN
      expect(summarize(index, 'aws_instance.host')).toEqual([
        { kind: 'instance-block', source: 'aws_instance.host', eni: 'aws_network_interface.primary', device: 0, card: undefined },
        { kind: 'instance-block', source: 'aws_instance.host', eni: 'aws_network_interface.second', device: 1, card: 1 },
        { kind: 'eni-attachment-block', source: 'aws_network_interface.third', eni: 'aws_network_interface.third', device: 2, card: undefined },
        { kind: 'attachment-resource', source: 'aws_network_interface_attachment.attach-fourth', eni: 'aws_network_interface.fourth', device: 3, card: undefined },
      ]);
      expect(index.attachmentsOf(index.resourceAt('aws_network_interface.fourth')!).map((a) => a.hostResource?.address))
        .toEqual(['aws_instance.host']);
      expect(index.unresolvedAttachments).toEqual([]);
    });

    test('an instance without network_interface blocks has its own primary interface', () => {
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      new Instance(stack, 'host', { ami: 'ami-12345678', instanceType: 't3.micro', subnetId: subnets[0].id });
      const index = AwsIndex.build(stack);
      expect(summarize(index, 'aws_instance.host')).toEqual([
        { kind: 'primary', source: 'aws_instance.host', eni: undefined, device: 0, card: undefined },
      ]);
      expect(index.hostOf(index.resourceAt('aws_instance.host')!)!.attachments[0].label).toBe('the primary interface of instance "host"');
    });

    test('an instance takes the instance type and interfaces of its launch template', () => {
      // GIVEN a launch template with two interfaces and an instance that only names it
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const template = new LaunchTemplate(stack, 'template', {
        instanceType: 'm5.large',
        networkInterfaces: [{ deviceIndex: 0, subnetId: subnets[0].id }, { deviceIndex: 1, subnetId: subnets[0].id }],
      });
      new Instance(stack, 'host', { ami: 'ami-12345678', launchTemplate: { id: template.id } });
      // WHEN
      const index = AwsIndex.build(stack);
      const host = index.hostOf(index.resourceAt('aws_instance.host')!)!;
      // THEN
      expect(host.instanceType.asString()).toBe('m5.large');
      expect(host.launchTemplate?.address).toBe('aws_launch_template.template');
      expect(summarize(index, 'aws_instance.host').map((a) => [a.kind, a.source, a.device])).toEqual([
        ['launch-template-block', 'aws_instance.host', 0],
        ['launch-template-block', 'aws_instance.host', 1],
      ]);
      expect(host.attachments[1].label).toBe('the interface at device index 1 of launch template "template"');
      expect(summarize(index, 'aws_launch_template.template')).toHaveLength(2);
    });

    test('interfaces hidden by a launch template outside the stack or a dynamic block are unknown', () => {
      // GIVEN
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      new Instance(stack, 'external', { ami: 'ami-12345678', launchTemplate: { id: 'lt-0123456789abcdef0' } });
      const fromVariable = new Instance(stack, 'from-variable', { ami: 'ami-12345678', instanceType: 't3.micro' });
      fromVariable.addOverride('launch_template', '${var.template}');
      const dynamic = new Instance(stack, 'dynamic', { ami: 'ami-12345678', instanceType: 't3.micro' });
      dynamic.addOverride('dynamic.network_interface', { for_each: [subnets[0].id], content: { device_index: 0 } });
      // WHEN
      const index = AwsIndex.build(stack);
      // THEN
      expect(index.hostOf(index.resourceAt('aws_instance.external')!)!.unknownInterfaces?.asString()).toBe('lt-0123456789abcdef0');
      expect(index.hostOf(index.resourceAt('aws_instance.dynamic')!)!.unknownInterfaces?.isUnknown).toBe(true);
      expect(index.hostOf(index.resourceAt('aws_instance.from-variable')!)!.unknownInterfaces?.raw).toBe('${var.template}');
    });

    test('attachments to an instance outside the stack are unresolved', () => {
      const stack = testStack();
      const { subnets } = testNetwork(stack);
      const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id });
      new NetworkInterfaceAttachmentA(stack, 'attach', { instanceId: 'i-0123456789abcdef0', networkInterfaceId: eni.id, deviceIndex: 1 });
      const index = AwsIndex.build(stack);
      expect(index.unresolvedAttachments.map((a) => [a.source.address, a.host.asString()]))
        .toEqual([['aws_network_interface_attachment.attach', 'i-0123456789abcdef0']]);
    });
  });

  describe('other relations', () => {
    test('collects routes, EIP associations, security groups of interfaces and ingress rules', () => {
      // GIVEN
      const stack = testStack();
      const { vpc, subnets } = testNetwork(stack);
      const group = new SecurityGroup(stack, 'sg', {
        vpcId: vpc.id,
        ingress: [{ fromPort: 22, toPort: 22, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] }],
      });
      new VpcSecurityGroupIngressRule(stack, 'https', { securityGroupId: group.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '10.0.0.0/8' });
      const eni = new NetworkInterface(stack, 'eni', { subnetId: subnets[0].id, securityGroups: [group.id] });
      new NetworkInterfaceSgAttachment(stack, 'extra-sg', { networkInterfaceId: eni.id, securityGroupId: 'sg-0123456789abcdef0' });
      const table = new RouteTable(stack, 'rt', { vpcId: vpc.id, route: [{ cidrBlock: '10.1.0.0/16', networkInterfaceId: eni.id }] });
      new Route(stack, 'default', { routeTableId: table.id, destinationCidrBlock: '0.0.0.0/0', networkInterfaceId: eni.id });
      const eip = new Eip(stack, 'eip', { domain: 'vpc', networkInterface: eni.id, associateWithPrivateIp: '10.0.0.10' });
      new EipAssociation(stack, 'assoc', { allocationId: eip.allocationId, networkInterfaceId: eni.id, privateIpAddress: '10.0.0.11' });
      // WHEN
      const index = AwsIndex.build(stack);
      const eniResource = index.resourceAt('aws_network_interface.eni')!;
      // THEN
      expect(index.routes.map((r) => [r.source.address, r.destination.asString(), r.networkInterface.referenceTo()?.address])).toEqual([
        ['aws_route.default', '0.0.0.0/0', 'aws_network_interface.eni'],
        ['aws_route_table.rt', '10.1.0.0/16', 'aws_network_interface.eni'],
      ]);
      expect(index.eipAssociations.map((e) => [e.source.address, e.eipResource?.address, e.privateIp.asString()])).toEqual([
        ['aws_eip.eip', 'aws_eip.eip', '10.0.0.10'],
        ['aws_eip_association.assoc', 'aws_eip.eip', '10.0.0.11'],
      ]);
      expect(index.securityGroupsOf(eniResource).map((l) => l.group.referenceTo()?.address ?? l.group.asString()))
        .toEqual(['aws_security_group.sg', 'sg-0123456789abcdef0']);
      expect(index.ingressRules.map((r) => [r.source.address, r.fromPort.asNumber(), r.ipv4Cidrs?.map((c) => c.asString())])).toEqual([
        ['aws_security_group.sg', 22, ['0.0.0.0/0']],
        ['aws_vpc_security_group_ingress_rule.https', 443, ['10.0.0.0/8']],
      ]);
      expect(index.vpcOf(index.subnet(eniResource.attr('subnet_id'))!)?.address).toBe('aws_vpc.vpc');
    });
  });
});

describe('AwsIndex on hashicorp/aws 6.x resources', () => {
  test('reads an instance\'s primary_network_interface block as its interface at device index 0', () => {
    // GIVEN an instance whose primary interface is given the 6.x way (written as an override, so the test runs on both lines)
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const primary = new NetworkInterface(stack, 'primary', { subnetId: subnets[0].id });
    const web = new Instance(stack, 'web', { ami: 'ami-12345678', instanceType: 'm5.large' });
    web.addOverride('primary_network_interface', { network_interface_id: primary.id });
    // WHEN indexed
    const index = AwsIndex.build(stack);
    // THEN the host has that interface at device index 0, and no implicit primary
    expect(summarize(index, 'aws_instance.web')).toEqual([
      { kind: 'instance-block', source: 'aws_instance.web', eni: 'aws_network_interface.primary', device: 0, card: undefined },
    ]);
  });
});
