import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { wildcardMutations } from './virtual-ip/policy-checks';
import { FailoverAgent, Port, SubnetReference } from '../../../lib';
import { PolicyStatement } from '../../../lib/aws/failover/agent-policy';
import { VirtualIpMode } from '../../../lib/aws/patterns/virtual-ip/vip-mode';
import { VirtualIpPair, VirtualIpPairProps } from '../../../lib/aws/patterns/virtual-ip-pair';
import { ErrorCode } from '../../../lib/core/error-codes';
import { expectConstraintError, networkStack, resourcesOf } from '../fixtures';

const AMI = 'ami-0123456789abcdef0';

/**
 * The fixture VPC (10.0.0.0/16) with subnet-a (10.0.1.0/24, us-east-1a), subnet-c (10.0.3.0/24,
 * us-east-1b) and two route tables; `secondary` and `overlay` build pairs with overridable props.
 */
/** The partition the policies' ARNs take: the provider's, read at plan time. */
function partition(stack: TerraformStack): string {
  return `\${data.aws_partition.${Object.keys(stack.toTerraform().data.aws_partition)[0]}.partition}`;
}

function setup() {
  const fixture = networkStack();
  const subnetC = new Subnet(fixture.stack, 'subnet-c', { vpcId: fixture.vpc.id, cidrBlock: '10.0.3.0/24', availabilityZone: 'us-east-1b' });
  const tables = [1, 2].map((n) => new RouteTable(fixture.stack, `rt${n}`, { vpcId: fixture.vpc.id }));
  const a = SubnetReference.fromSubnet(fixture.subnetA);
  const common = { instanceType: 't3.micro', ami: AMI };
  const secondary = (props: Partial<VirtualIpPairProps> = {}) => new VirtualIpPair(fixture.stack, 'web', {
    ...common,
    mode: VirtualIpMode.SECONDARY_IP,
    virtualIp: '10.0.1.50',
    active: { subnet: a, privateIp: '10.0.1.10' },
    standby: { subnet: SubnetReference.fromSubnet(fixture.subnetA), privateIp: '10.0.1.11' },
    ...props,
  });
  const overlay = (props: Partial<VirtualIpPairProps> = {}) => new VirtualIpPair(fixture.stack, 'dns', {
    ...common,
    mode: VirtualIpMode.OVERLAY_ROUTE,
    virtualIp: '192.168.53.53',
    active: { subnet: a, privateIp: '10.0.1.53' },
    standby: { subnet: SubnetReference.fromSubnet(subnetC), privateIp: '10.0.3.53' },
    vpcCidrBlocks: ['10.0.0.0/16'],
    routeTableIds: tables.map((t) => t.id),
    ...props,
  });
  return { ...fixture, subnetC, tables, secondary, overlay };
}

const ref = (construct: { friendlyUniqueId: string }, type: string, attribute = 'id') =>
  `\${${type}.${construct.friendlyUniqueId}.${attribute}}`;

/** The statements of every aws_iam_role_policy of the stack. */
function policyStatements(stack: ReturnType<typeof setup>['stack']): PolicyStatement[] {
  return Object.values(resourcesOf(stack, 'aws_iam_role_policy')).flatMap((p: any) => JSON.parse(p.policy).Statement);
}

/** The user data of the pair's two instances. */
function pairUserData(stack: ReturnType<typeof setup>['stack'], pair: VirtualIpPair): string[] {
  const instances = resourcesOf(stack, 'aws_instance');
  return [pair.activeInstance, pair.standbyInstance].map((i) => instances[i.resource.friendlyUniqueId].user_data);
}

describe('VirtualIpPair, SECONDARY_IP', () => {
  test('puts both interfaces in the shared subnet with fixed primaries; the virtual IP starts on the active one only', () => {
    const { stack, secondary } = setup();
    const pair = secondary();
    const nics = resourcesOf(stack, 'aws_network_interface');
    const active = nics[pair.activeInterface.resource.friendlyUniqueId];
    const standby = nics[pair.standbyInterface.resource.friendlyUniqueId];
    expect(active).toMatchObject({ private_ip_list: ['10.0.1.10', '10.0.1.50'], private_ip_list_enabled: true, source_dest_check: true });
    expect(standby).toMatchObject({ private_ip_list: ['10.0.1.11'], private_ip_list_enabled: true, source_dest_check: true });
    expect(active.subnet_id).toBe(standby.subnet_id);
  });

  test('Terraform never moves the virtual IP back: both interfaces ignore their address lists', () => {
    const { stack, secondary } = setup();
    secondary();
    for (const nic of Object.values<any>(resourcesOf(stack, 'aws_network_interface'))) {
      expect(nic.lifecycle).toEqual({ ignore_changes: ['private_ip_list', 'private_ips', 'private_ips_count'] });
    }
  });

  test('tags both interfaces for NIC050/NIC051: role virtual-ip, the virtual IP, the pair', () => {
    const { stack, secondary } = setup();
    const pair = secondary({ tags: { team: 'web' } });
    for (const nic of Object.values<any>(resourcesOf(stack, 'aws_network_interface'))) {
      expect(nic.tags).toEqual({
        'team': 'web', 'nic-patterns:vip-pair': pair.pairName, 'nic-patterns:role': 'virtual-ip', 'nic-patterns:virtual-ips': '10.0.1.50',
      });
    }
  });

  test('launches two instances with IMDSv2, the pair\'s profile and keepalived user data naming each other', () => {
    const { stack, secondary } = setup();
    const pair = secondary({ keyName: 'ops' });
    const instances = resourcesOf(stack, 'aws_instance');
    const active = instances[pair.activeInstance.resource.friendlyUniqueId];
    const standby = instances[pair.standbyInstance.resource.friendlyUniqueId];
    for (const [instance, nic] of [[active, pair.activeInterface], [standby, pair.standbyInterface]] as const) {
      expect(instance.metadata_options).toMatchObject({ http_tokens: 'required' });
      expect(instance.iam_instance_profile).toBe(ref(pair.instanceProfile, 'aws_iam_instance_profile', 'name'));
      expect(instance.key_name).toBe('ops');
      expect(instance.network_interface).toEqual([{ device_index: 0, network_interface_id: ref(nic.resource, 'aws_network_interface') }]);
      // keepalived's first MASTER transition at boot needs the policy in place.
      expect(instance.depends_on).toEqual([`aws_iam_role_policy.${pair.policy.friendlyUniqueId}`]);
      expect(instance.user_data).toContain(`OWN_ENI="${ref(nic.resource, 'aws_network_interface')}"`);
    }
    expect(active.user_data).toContain('unicast_src_ip 10.0.1.10\n    unicast_peer {\n        10.0.1.11\n');
    expect(active.user_data).toContain('state MASTER\n');
    expect(active.user_data).toContain('priority 150\n');
    expect(standby.user_data).toContain('unicast_src_ip 10.0.1.11\n    unicast_peer {\n        10.0.1.10\n');
    expect(standby.user_data).toContain('state BACKUP\n');
    expect(standby.user_data).toContain('priority 100\n');
    expect(active.user_data).toContain('VIP="10.0.1.50"\nVIP_PREFIX="24"\n');
  });

  test('opens VRRP to each node\'s /32 only and the virtual IP\'s clients by CIDR, never SSH', () => {
    const { stack, secondary } = setup();
    const pair = secondary({ clientCidrs: ['0.0.0.0/0', '192.0.2.0/24'], clientPorts: [Port.tcp(443)] });
    const ingress = Object.values<any>(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'));
    const group = ref(pair.securityGroup.resource, 'aws_security_group');
    expect(ingress.map((r) => [r.ip_protocol, r.cidr_ipv4, r.from_port]).sort()).toEqual([
      ['112', '10.0.1.10/32', undefined], ['112', '10.0.1.11/32', undefined],
      ['tcp', '0.0.0.0/0', 443], ['tcp', '192.0.2.0/24', 443],
    ].sort());
    expect(ingress.every((r) => r.security_group_id === group && r.referenced_security_group_id === undefined)).toBe(true);
    const nics = Object.values<any>(resourcesOf(stack, 'aws_network_interface'));
    expect(nics.map((n) => n.security_groups)).toEqual([[group], [group]]);
  });

  test('adds securityGroupIds after the pair\'s own group', () => {
    const { stack, secondary } = setup();
    const pair = secondary({ securityGroupIds: ['sg-0123456789abcdef0'] });
    for (const nic of Object.values<any>(resourcesOf(stack, 'aws_network_interface'))) {
      expect(nic.security_groups).toEqual([ref(pair.securityGroup.resource, 'aws_security_group'), 'sg-0123456789abcdef0']);
    }
  });

  test('joins securityGroupIds known only at deploy time after the pair\'s own group, with concat', () => {
    // GIVEN groups from a list variable
    const { stack, secondary } = setup();
    const groups = new TerraformVariable(stack, 'sgs', { type: 'list(string)' }).listValue;
    // WHEN
    const pair = secondary({ securityGroupIds: groups });
    // THEN both interfaces get the pair's group and the list, joined by Terraform
    const nics = Object.values<any>(resourcesOf(stack, 'aws_network_interface'));
    expect(nics.map((nic) => nic.security_groups)).toEqual(Array(2).fill(
      `\${concat([aws_security_group.${pair.securityGroup.resource.friendlyUniqueId}.id], var.sgs)}`));
  });

  test('maps an Elastic IP to the virtual IP on the aws_eip itself, ignoring the fields keepalived changes', () => {
    const { stack, secondary } = setup();
    const pair = secondary({ elasticIp: true });
    const eip = resourcesOf(stack, 'aws_eip')[pair.elasticIp!.resource.friendlyUniqueId];
    expect(eip).toMatchObject({
      domain: 'vpc',
      network_interface: ref(pair.activeInterface.resource, 'aws_network_interface'),
      associate_with_private_ip: '10.0.1.50',
      lifecycle: { ignore_changes: ['network_interface', 'associate_with_private_ip', 'instance'] },
    });
    // An aws_eip_association would be recreated after each failover (new association id).
    expect(resourcesOf(stack, 'aws_eip_association')).toEqual({});
    for (const script of pairUserData(stack, pair)) {
      expect(script).toContain(`ELASTIC_IP_ALLOCATION="${ref(pair.elasticIp!.resource, 'aws_eip', 'allocation_id')}"`);
      // The ownership check finds the Elastic IP's mapping in the instance metadata by its public address.
      expect(script).toContain(`ELASTIC_IP="${ref(pair.elasticIp!.resource, 'aws_eip', 'public_ip')}"`);
    }
  });

  test('role: assumed by EC2, may only reassign the address (and map the Elastic IP) on the pair\'s own resources', () => {
    const { stack, secondary } = setup();
    const pair = secondary({ elasticIp: true });
    const role = resourcesOf(stack, 'aws_iam_role')[pair.role.friendlyUniqueId];
    expect(JSON.parse(role.assume_role_policy).Statement[0].Principal).toEqual({ Service: 'ec2.amazonaws.com' });
    // IAM names are account-wide: the region keeps one stack deployed in two regions apart.
    const region = `\${data.aws_region.${Object.keys(stack.toTerraform().data.aws_region)[0]}.name}`;
    expect(role.name).toBe(`nic-vip-${pair.pairName}-${region}`);
    expect(resourcesOf(stack, 'aws_iam_instance_profile')[pair.instanceProfile.friendlyUniqueId].name).toBe(role.name);
    const statements = policyStatements(stack);
    expect(statements.flatMap((s) => s.Action).sort()).toEqual(['ec2:AssignPrivateIpAddresses', 'ec2:AssociateAddress']);
    expect(wildcardMutations(statements)).toEqual([]);
    expect(statements[0].Resource).toEqual([pair.activeInterface, pair.standbyInterface]
      .map((nic) => `arn:${partition(stack)}:ec2:*:*:network-interface/${ref(nic.resource, 'aws_network_interface')}`));
  });

  test('creates no route', () => {
    const { stack, secondary } = setup();
    expect(secondary().routes).toEqual([]);
    expect(resourcesOf(stack, 'aws_route')).toEqual({});
  });

  test('synthesizes as in the snapshot', () => {
    const { stack, secondary } = setup();
    secondary({ elasticIp: true, clientCidrs: ['0.0.0.0/0'], clientPorts: [Port.tcp(443)], vrrpPassword: 'pw' });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describe('VirtualIpPair, OVERLAY_ROUTE', () => {
  test('points a /32 route of every table at the active interface, ignoring the target keepalived moves', () => {
    const { stack, overlay, tables } = setup();
    const pair = overlay();
    const routes = Object.values<any>(resourcesOf(stack, 'aws_route'));
    expect(routes).toEqual(tables.map((table) => ({
      route_table_id: ref(table, 'aws_route_table'),
      destination_cidr_block: '192.168.53.53/32',
      network_interface_id: ref(pair.activeInterface.resource, 'aws_network_interface'),
      lifecycle: { ignore_changes: ['network_interface_id'] },
    })));
    expect(pair.routes).toHaveLength(2);
  });

  test('names the routes of literal tables after the table, so reordering them replaces nothing', () => {
    const { stack, overlay } = setup();
    const first = overlay({ routeTableIds: ['rtb-0aaa', 'rtb-0bbb'] }).routes.map((r) => r.node.id);
    expect(first).toEqual(['Route-rtb-0aaa', 'Route-rtb-0bbb']);
    expect(Object.values<any>(resourcesOf(stack, 'aws_route')).map((r) => r.route_table_id)).toEqual(['rtb-0aaa', 'rtb-0bbb']);
    const reordered = setup().overlay({ routeTableIds: ['rtb-0bbb', 'rtb-0aaa'] }).routes.map((r) => r.node.id);
    expect(reordered.sort()).toEqual(first.sort());
  });

  test('spans Availability Zones with source/destination check off and no virtual-ips tag (the address is in no subnet)', () => {
    const { stack, overlay } = setup();
    overlay();
    const nics = Object.values<any>(resourcesOf(stack, 'aws_network_interface'));
    expect(nics.map((n) => n.subnet_id)).toEqual(['${aws_subnet.subnet-a.id}', '${aws_subnet.subnet-c.id}']);
    for (const nic of nics) {
      expect(nic.source_dest_check).toBe(false);
      expect(nic.tags['nic-patterns:role']).toBe('virtual-ip');
      expect(nic.tags['nic-patterns:virtual-ips']).toBeUndefined();
      expect(nic.lifecycle).toBeUndefined();
      expect(nic.private_ip_list).toHaveLength(1);
    }
  });

  test('role: ReplaceRoute only, on the given tables and the pair\'s interfaces; DescribeRouteTables (a read) for the ownership check', () => {
    const { stack, overlay, tables } = setup();
    overlay();
    const statements = policyStatements(stack);
    expect(statements.flatMap((s) => s.Action)).toEqual(['ec2:ReplaceRoute', 'ec2:DescribeRouteTables']);
    expect(wildcardMutations(statements)).toEqual([]);
    expect(statements[0].Resource).toEqual(expect.arrayContaining(tables.map((t) => `arn:${partition(stack)}:ec2:*:*:route-table/${ref(t, 'aws_route_table')}`)));
  });

  test('the notify script moves the routes of every table, and the virtual IP is added as a /32', () => {
    const { stack, overlay, tables } = setup();
    const pair = overlay();
    for (const userData of pairUserData(stack, pair)) {
      expect(userData).toContain(`ROUTE_TABLES="${tables.map((t) => ref(t, 'aws_route_table')).join(' ')}"`);
      expect(userData).toContain('VIP="192.168.53.53"\nVIP_PREFIX="32"\n');
    }
  });

  test('synthesizes as in the snapshot', () => {
    const { stack, overlay } = setup();
    overlay({ virtualRouterId: 53, advertisementIntervalSeconds: 2 });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describe('VirtualIpPair validation', () => {
  test.each<[string, (s: ReturnType<typeof setup>) => unknown, string, string[]]>([
    ['fails when the pair name cannot name IAM resources', (s) => s.secondary({ pairName: 'web pair' }), ErrorCode.InvalidPairName, ['"web pair"']],
    ['fails when the virtual IP is not an IPv4 address', (s) => s.secondary({ virtualIp: '10.0.1' }), ErrorCode.InvalidIpv4Address, ['virtual IP']],
    ['fails when the virtual router id is 0', (s) => s.secondary({ virtualRouterId: 0 }), ErrorCode.InvalidCount, ['virtualRouterId']],
    ['fails when the virtual router id is over 255', (s) => s.secondary({ virtualRouterId: 256 }), ErrorCode.InvalidCount, ['virtualRouterId']],
    ['fails when the advertisement interval is 0', (s) => s.secondary({ advertisementIntervalSeconds: 0 }), ErrorCode.InvalidCount, ['advertisementIntervalSeconds']],
    ['fails when a priority is 255 (reserved for the address owner)',
      (s) => s.secondary({ active: { subnet: SubnetReference.fromSubnet(s.subnetA), privateIp: '10.0.1.10', priority: 255 } }),
      ErrorCode.InvalidCount, ['active node\'s priority']],
    ['fails when the priorities are equal',
      (s) => s.secondary({ standby: { subnet: SubnetReference.fromSubnet(s.subnetA), privateIp: '10.0.1.11', priority: 150 } }),
      ErrorCode.VrrpPrioritiesNotOrdered, ['active 150, standby 150']],
    ['fails when the standby has the higher priority',
      (s) => s.secondary({ standby: { subnet: SubnetReference.fromSubnet(s.subnetA), privateIp: '10.0.1.11', priority: 200 } }),
      ErrorCode.VrrpPrioritiesNotOrdered, ['active 150, standby 200']],
    ['fails when the VRRP password is longer than 8 characters', (s) => s.secondary({ vrrpPassword: 'much-too-long' }), ErrorCode.InvalidVrrpPassword, ['13 characters']],
    ['fails when the VRRP password holds shell characters', (s) => s.secondary({ vrrpPassword: 'a$b' }), ErrorCode.InvalidVrrpPassword, []],
    ['fails when client ports come without client CIDRs', (s) => s.secondary({ clientPorts: [Port.tcp(443)] }), ErrorCode.IncompleteClientIngress, ['no client CIDR']],
    ['fails when client CIDRs come without ports', (s) => s.secondary({ clientCidrs: ['10.0.0.0/16'] }), ErrorCode.IncompleteClientIngress, ['no client port']],
    ['fails when a client CIDR is malformed', (s) => s.secondary({ clientCidrs: ['10.0.0.0/33'], clientPorts: [Port.tcp(443)] }), ErrorCode.InvalidCidr, []],
    ['fails when clients get SSH from the internet', (s) => s.secondary({ clientCidrs: ['0.0.0.0/0'], clientPorts: [Port.tcp(22)] }), ErrorCode.AdminPortOpenToInternet, []],
  ])('%s', (_name, build, code, fragments) => {
    expectConstraintError(() => build(setup()), code, fragments);
  });

  test.each<[string, (s: ReturnType<typeof setup>) => unknown, string, string[]]>([
    ['fails when the nodes are in two subnets (SECONDARY_IP)',
      (s) => s.secondary({ standby: { subnet: SubnetReference.fromSubnet(s.subnetB), privateIp: '10.0.2.11' } }),
      ErrorCode.VirtualIpSubnetMismatch, ['10.0.1.0/24', '10.0.2.0/24', 'OVERLAY_ROUTE']],
    ['fails when the nodes are in two subnets given by literal id (SECONDARY_IP)',
      (s) => s.secondary({
        active: { subnet: SubnetReference.fromSubnetId('subnet-1'), privateIp: '10.0.1.10' },
        standby: { subnet: SubnetReference.fromSubnetId('subnet-2'), privateIp: '10.0.1.11' },
      }),
      ErrorCode.VirtualIpSubnetMismatch, ['subnet-1', 'subnet-2']],
    ['fails when the virtual IP is outside the shared subnet', (s) => s.secondary({ virtualIp: '10.0.2.50' }), ErrorCode.AddressOutsideSubnet, ['10.0.2.50']],
    ['fails when the virtual IP is a reserved address of the subnet', (s) => s.secondary({ virtualIp: '10.0.1.1' }), ErrorCode.ReservedAddress, ['10.0.1.1']],
    ['fails when the virtual IP is a node\'s primary address', (s) => s.secondary({ virtualIp: '10.0.1.11' }), ErrorCode.DuplicateAddress, ['10.0.1.11']],
    ['fails when both nodes have the same primary address',
      (s) => s.secondary({ standby: { subnet: SubnetReference.fromSubnet(s.subnetA), privateIp: '10.0.1.10' } }),
      ErrorCode.DuplicateAddress, ['10.0.1.10']],
    ['fails when given route tables (an OVERLAY_ROUTE prop)', (s) => s.secondary({ routeTableIds: ['rtb-1'] }), ErrorCode.ConflictingProps, ['routeTableIds']],
    ['fails when the virtual IP is inside the VPC (OVERLAY_ROUTE)', (s) => s.overlay({ virtualIp: '10.0.9.9' }), ErrorCode.VirtualIpInsideVpc, ['10.0.9.9', '10.0.0.0/16']],
    ['fails when the virtual IP is inside a secondary VPC block (OVERLAY_ROUTE)',
      (s) => s.overlay({ virtualIp: '100.64.0.10', vpcCidrBlocks: ['10.0.0.0/16', '100.64.0.0/16'] }), ErrorCode.VirtualIpInsideVpc, ['100.64.0.0/16']],
    ['fails when no route table is given (OVERLAY_ROUTE)', (s) => s.overlay({ routeTableIds: [] }), ErrorCode.MissingRouteTables, ['no route table']],
    ['fails when routeTableIds is left out (OVERLAY_ROUTE)', (s) => s.overlay({ routeTableIds: undefined }), ErrorCode.MissingRouteTables, ['no route table']],
    ['fails when the route tables are a list known only at deploy time (OVERLAY_ROUTE)',
      (s) => s.overlay({ routeTableIds: new TerraformVariable(s.stack, 'tables', { type: 'list(string)' }).listValue }),
      ErrorCode.MissingRouteTables, ['deploy time']],
    ['fails when a route table is listed twice (OVERLAY_ROUTE)', (s) => s.overlay({ routeTableIds: ['rtb-1', 'rtb-1'] }), ErrorCode.DuplicateRouteTable, ['rtb-1']],
    ['fails when the VPC CIDR blocks are missing (OVERLAY_ROUTE)', (s) => s.overlay({ vpcCidrBlocks: undefined }), ErrorCode.MissingVpcCidrBlocks, []],
    ['fails when a VPC CIDR block is malformed (OVERLAY_ROUTE)', (s) => s.overlay({ vpcCidrBlocks: ['10.0.0.0'] }), ErrorCode.InvalidCidr, []],
    ['fails when asked for an Elastic IP (OVERLAY_ROUTE)', (s) => s.overlay({ elasticIp: true }), ErrorCode.ConflictingProps, ['elasticIp', 'SECONDARY_IP']],
    ['fails when both nodes have the same primary address (OVERLAY_ROUTE)',
      (s) => s.overlay({ standby: { subnet: SubnetReference.fromSubnet(s.subnetA), privateIp: '10.0.1.53' } }),
      ErrorCode.DuplicateAddress, ['10.0.1.53']],
    ['fails when a node\'s primary address is outside its subnet',
      (s) => s.overlay({ standby: { subnet: SubnetReference.fromSubnet(s.subnetC), privateIp: '10.0.1.99' } }),
      ErrorCode.AddressOutsideSubnet, ['10.0.1.99']],
  ])('%s', (_name, build, code, fragments) => {
    expectConstraintError(() => build(setup()), code, fragments);
  });

  test('elasticIp: false is accepted in OVERLAY_ROUTE mode (nothing to ignore)', () => {
    const { stack, overlay } = setup();
    overlay({ elasticIp: false });
    expect(resourcesOf(stack, 'aws_eip')).toEqual({});
  });

  test('nodes in two zones are fine in OVERLAY_ROUTE mode but not in SECONDARY_IP mode', () => {
    expect(() => setup().overlay()).not.toThrow();
    const s = setup();
    expectConstraintError(() => s.secondary({ standby: { subnet: SubnetReference.fromSubnet(s.subnetC), privateIp: '10.0.3.11' } }),
      ErrorCode.VirtualIpSubnetMismatch, ['10.0.3.0/24']);
  });
});

describe('VirtualIpPair with values known only at deploy time', () => {
  test('a virtual IP from a variable skips the address checks and reaches the user data and tags as a reference', () => {
    const s = setup();
    const vip = new TerraformVariable(s.stack, 'vip', { type: 'string' }).stringValue;
    const pair = s.secondary({ virtualIp: vip, elasticIp: true });
    const json = JSON.parse(Testing.synth(s.stack));
    const active = json.resource.aws_instance[pair.activeInstance.resource.friendlyUniqueId];
    expect(active.user_data).toContain('VIP="${var.vip}"');
    expect(json.resource.aws_eip[pair.elasticIp!.resource.friendlyUniqueId].associate_with_private_ip).toBe('${var.vip}');
    expect(json.resource.aws_network_interface[pair.activeInterface.resource.friendlyUniqueId].tags['nic-patterns:virtual-ips']).toBe('${var.vip}');
  });

  test('subnets known only by id: the subnet checks are left to NIC050 and the address is added as a /32', () => {
    const s = setup();
    const subnetId = new TerraformVariable(s.stack, 'subnet', { type: 'string' }).stringValue;
    const pair = s.secondary({
      active: { subnet: SubnetReference.fromSubnetId(subnetId, { vpcId: 'vpc-1' }), privateIp: '10.9.0.10' },
      standby: { subnet: SubnetReference.fromSubnetId(Token.asString(subnetId), { vpcId: 'vpc-1' }), privateIp: '10.9.0.11' },
      virtualIp: '10.9.0.50',
    });
    const active = resourcesOf(s.stack, 'aws_instance')[pair.activeInstance.resource.friendlyUniqueId];
    expect(active.user_data).toContain('VIP_PREFIX="32"');
  });

  test('a primary address from a variable is written into the peer\'s keepalived.conf and the VRRP rule', () => {
    const s = setup();
    const standbyIp = new TerraformVariable(s.stack, 'standby_ip', { type: 'string' }).stringValue;
    const pair = s.overlay({ standby: { subnet: SubnetReference.fromSubnet(s.subnetC), privateIp: standbyIp } });
    const active = resourcesOf(s.stack, 'aws_instance')[pair.activeInstance.resource.friendlyUniqueId];
    expect(active.user_data).toContain('unicast_peer {\n        ${var.standby_ip}\n');
    const vrrp = Object.values<any>(resourcesOf(s.stack, 'aws_vpc_security_group_ingress_rule')).map((r) => r.cidr_ipv4);
    expect(vrrp).toContain('${var.standby_ip}/32');
  });

  test('priorities, router id and VPC blocks from variables are not checked', () => {
    const s = setup();
    const number = (name: string) => new TerraformVariable(s.stack, name, { type: 'number' }).numberValue;
    const blocks = new TerraformVariable(s.stack, 'blocks', { type: 'list(string)' }).listValue;
    expect(() => s.overlay({
      virtualIp: '10.0.9.9',
      vpcCidrBlocks: blocks,
      virtualRouterId: number('router'),
      active: { subnet: SubnetReference.fromSubnet(s.subnetA), privateIp: '10.0.1.53', priority: number('p1') },
      standby: { subnet: SubnetReference.fromSubnet(s.subnetC), privateIp: '10.0.3.53', priority: number('p2') },
    })).not.toThrow();
  });
});

describe('VirtualIpPair names', () => {
  /** A SECONDARY_IP pair `id` in `stack`, on a subnet given by literal id and CIDR. */
  const pairIn = (stack: TerraformStack, id: string, props: Partial<VirtualIpPairProps> = {}) => {
    const subnet = SubnetReference.fromSubnetId('subnet-1', { ipv4CidrBlock: '10.0.1.0/24', vpcId: 'vpc-1' });
    return new VirtualIpPair(stack, id, {
      instanceType: 't3.micro',
      ami: AMI,
      mode: VirtualIpMode.SECONDARY_IP,
      virtualIp: '10.0.1.50',
      active: { subnet, privateIp: '10.0.1.10' },
      standby: { subnet, privateIp: '10.0.1.11' },
      ...props,
    });
  };

  test('derives the default name from the construct id and a hash of its path', () => {
    expect(setup().secondary().pairName).toMatch(/^web-[0-9a-f]{8}$/);
    expect(setup().secondary().pairName).toBe(setup().secondary().pairName);
  });

  test('two pairs "web-pair" in two stacks of one app get different IAM role and instance profile names', () => {
    // GIVEN the same pair in two stacks of one app
    const app = Testing.app();
    const stacks = ['blue', 'green'].map((id) => new TerraformStack(app, id));
    stacks.forEach((stack) => pairIn(stack, 'web-pair'));
    // THEN no account-wide name is shared
    const names = stacks.map((stack) => [
      ...Object.values(resourcesOf(stack, 'aws_iam_role')).map((r) => r.name),
      ...Object.values(resourcesOf(stack, 'aws_iam_instance_profile')).map((p) => p.name),
    ]);
    expect(names[0]).toHaveLength(2);
    expect(names[0].filter((name) => names[1].includes(name))).toEqual([]);
  });

  test('fails when two pairs of one app are given the same name, naming both', () => {
    const app = Testing.app();
    const [blue, green] = ['blue', 'green'].map((id) => new TerraformStack(app, id));
    pairIn(blue, 'web-pair', { pairName: 'web' });
    expectConstraintError(() => pairIn(green, 'web-pair', { pairName: 'web' }), ErrorCode.DuplicatePairName, ['green/web-pair', 'blue/web-pair']);
  });

  test('a virtual IP pair and a failover pair may share a name: they name different resources', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    pairIn(stack, 'vip', { pairName: 'web' });
    expect(() => new FailoverAgent(stack, 'agent', {
      pairName: 'web', networkInterfaceId: 'eni-0123456789abcdef0', primaryInstanceId: 'i-0123456789abcdef0', standbyInstanceId: 'i-0fedcba9876543210', deviceIndex: 1,
    })).not.toThrow();
  });
});

describe('VirtualIpPair rollouts', () => {
  const ami = (stack: ReturnType<typeof setup>['stack'], pair: VirtualIpPair) => {
    const instances = resourcesOf(stack, 'aws_instance');
    return [pair.activeInstance, pair.standbyInstance].map((i) => instances[i.resource.friendlyUniqueId].ami);
  };

  test('GIVEN a pair WHEN synthesized THEN a change of either node\'s user data replaces that node instead of restarting it with its old keepalived configuration', () => {
    // GIVEN / WHEN
    const { stack, secondary } = setup();
    const pair = secondary();
    // THEN
    const instances = resourcesOf(stack, 'aws_instance');
    for (const node of [pair.activeInstance, pair.standbyInstance]) {
      expect(instances[node.resource.friendlyUniqueId].user_data_replace_on_change).toBe(true);
    }
  });

  test('GIVEN a new AMI on the standby only WHEN synthesized THEN only the standby\'s image changes (the pair\'s ami stays the active node\'s)', () => {
    // GIVEN
    const s = setup();
    // WHEN
    const pair = s.secondary({ standby: { subnet: SubnetReference.fromSubnet(s.subnetA), privateIp: '10.0.1.11', ami: 'ami-0fedcba9876543210' } });
    // THEN
    expect(ami(s.stack, pair)).toEqual([AMI, 'ami-0fedcba9876543210']);
  });

  test('GIVEN each node\'s own user data WHEN synthesized THEN each runs its own script, before keepalived, and the other node\'s user data is untouched', () => {
    // GIVEN
    const s = setup();
    const plain = pairUserData(s.stack, s.secondary());
    const t = setup();
    // WHEN
    const pair = t.secondary({
      active: { subnet: SubnetReference.fromSubnet(t.subnetA), privateIp: '10.0.1.10', userData: '#!/bin/bash\necho active-service\n' },
    });
    // THEN
    const [active, standby] = pairUserData(t.stack, pair);
    expect(active).toContain('echo active-service\n');
    expect(active.indexOf('echo active-service')).toBeLessThan(active.indexOf('dnf install'));
    expect(standby).toBe(plain[1]);
  });

  test('GIVEN a node\'s user data known only at deploy time WHEN synthesized THEN it is written as a reference and run', () => {
    const s = setup();
    const script = new TerraformVariable(s.stack, 'script', { type: 'string' }).stringValue;
    const pair = s.secondary({ standby: { subnet: SubnetReference.fromSubnet(s.subnetA), privateIp: '10.0.1.11', userData: script } });
    expect(pairUserData(s.stack, pair)[1]).toContain('\n${var.script}\nEND_OF_SECONDARY_INTERFACE_ROUTING\n');
  });

  test('fails when a node\'s user data is no script (cloud-config)', () => {
    const s = setup();
    expectConstraintError(() => s.secondary({
      standby: { subnet: SubnetReference.fromSubnet(s.subnetA), privateIp: '10.0.1.11', userData: '#cloud-config\npackages: [nginx]\n' },
    }), ErrorCode.UserDataNotShellScript, ['standby node', '"#cloud-config"', '"#!"']);
  });

  test('fails when a node\'s user data and the keepalived setup together exceed 16 KB', () => {
    const s = setup();
    const big = `#!/bin/bash\n# ${'x'.repeat(16 * 1024)}\n`;
    expectConstraintError(() => s.secondary({ active: { subnet: SubnetReference.fromSubnet(s.subnetA), privateIp: '10.0.1.10', userData: big } }),
      ErrorCode.UserDataTooLarge, ['test/web/ActiveInstance']);
  });

  test.each([4, 3601, 7.5])('fails when the ownership check interval is %s seconds', (seconds) => {
    expectConstraintError(() => setup().secondary({ ownershipCheckIntervalSeconds: seconds }), ErrorCode.InvalidCount, ['ownershipCheckIntervalSeconds']);
  });

  test('GIVEN an ownership check interval WHEN synthesized THEN both nodes\' FIFO readers check on it', () => {
    const { stack, overlay } = setup();
    const pair = overlay({ ownershipCheckIntervalSeconds: 30 });
    for (const userData of pairUserData(stack, pair)) expect(userData).toContain('\nCHECK_INTERVAL=30\n');
  });
});

describe('VirtualIpPair user data', () => {
  test('fails when the keepalived user data grows past 16 KB with literal values', () => {
    // GIVEN 800 literal route tables, each named in the notify script
    const tables = Array.from({ length: 800 }, (_, i) => `rtb-${i.toString(16).padStart(17, '0')}`);
    // WHEN / THEN the instance refuses its user data
    expectConstraintError(() => setup().overlay({ routeTableIds: tables }), ErrorCode.UserDataTooLarge, ['test/dns/ActiveInstance', 'at most 16384 bytes']);
  });
});
