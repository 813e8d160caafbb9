import { TerraformOutput, TerraformVariable, Testing } from 'cdktf';
import { expectConstraintError, instance, nhnNetwork, nhnStack, port, resourcesOf, subnet, variable, VPC } from './building-block-fixtures';
import { ErrorCode } from '../../lib/core/error-codes';
import { ComputeInstanceReference, FixedIpAssignment, Port, PortRole, PortSecurity, VpcSubnetReference } from '../../lib/nhncloud';
import { NhnMarkerTag } from '../../lib/nhncloud/rules/marker-tags';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform, synthAndPlanWithStandin } from '../terraform/standin-terraform';

const ports = (stack: ReturnType<typeof nhnStack>) => Object.values(resourcesOf(stack, 'nhncloud_networking_port_v2'));

describe('Port (NHN Cloud)', () => {
  test('synthesizes a port with fixed IPs, an allowed address and its attachment as in the snapshot', () => {
    // GIVEN a port with two fixed addresses and an allowed address
    const stack = nhnStack();
    const eth1 = port(stack, 'eth1', {
      fixedIps: FixedIpAssignment.addresses('192.168.0.10', '192.168.0.11'), allowedAddresses: ['192.168.0.100'], name: 'service', tags: ['team=web'],
    });
    // WHEN it is attached
    eth1.attachTo(instance());
    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('writes the subnet, its VPC as network_id, one automatic fixed IP and port security with its groups', () => {
    // GIVEN / WHEN a port with defaults
    const stack = nhnStack();
    port(stack);
    // THEN
    expect(ports(stack)).toEqual([{
      network_id: VPC, fixed_ip: [{ subnet_id: 'subnet-a' }], port_security_enabled: true, security_group_ids: ['sg-web'],
    }]);
  });

  test('writes the fixed addresses as fixed_ip blocks, the first one first', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    port(stack, 'port', { fixedIps: FixedIpAssignment.addresses('192.168.0.12', '192.168.0.10', '192.168.0.11') });
    // THEN the first address is deterministic: fixed_ip is a list
    expect(ports(stack)[0].fixed_ip.map((block: any) => block.ip_address)).toEqual(['192.168.0.12', '192.168.0.10', '192.168.0.11']);
  });

  test('asks for counted addresses with one fixed_ip block each', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    const eth = port(stack, 'port', { fixedIps: FixedIpAssignment.count(2) });
    expect(ports(stack)[0].fixed_ip).toEqual([{ subnet_id: 'subnet-a' }, { subnet_id: 'subnet-a' }, { subnet_id: 'subnet-a' }]);
    // THEN the second address NHN Cloud picks is read from all_fixed_ips
    new TerraformOutput(stack, 'second', { value: eth.fixedIpAt(1) });
    expect(JSON.parse(Testing.synth(stack)).output.second.value).toMatch(/^\$\{element\(nhncloud_networking_port_v2\.port_\w+\.all_fixed_ips, 1\)\}$/);
  });

  test('turns port security off with no_security_groups and the guest-firewall marker when acknowledged', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    port(stack, 'port', { portSecurity: PortSecurity.disabledWithGuestFirewall() });
    // THEN no group, no pair, and the rules can tell that the guest filters its own traffic
    expect(ports(stack)).toEqual([{
      network_id: VPC, fixed_ip: [{ subnet_id: 'subnet-a' }], port_security_enabled: false, no_security_groups: true, tags: [NhnMarkerTag.guestFirewall],
    }]);
  });

  test.each([
    [PortRole.FAILOVER, NhnMarkerTag.failover],
    [PortRole.MANAGEMENT, NhnMarkerTag.management],
  ])('tags a port with role %s', (role, tag) => {
    const stack = nhnStack();
    port(stack, 'port', { role, tags: ['team=web'] });
    expect(ports(stack)[0].tags).toEqual(['team=web', tag]);
  });

  test('adds allowed addresses and CIDR blocks as allowed address pairs', () => {
    // GIVEN
    const stack = nhnStack();
    const eth = port(stack, 'port', { allowedAddresses: ['192.168.0.100'] });
    // WHEN
    eth.allowAddress('192.168.0.128/28');
    // THEN
    expect(ports(stack)[0].allowed_address_pairs).toEqual([{ ip_address: '192.168.0.100' }, { ip_address: '192.168.0.128/28' }]);
  });

  test('attaches through compute_interface_attach_v2 with the port id only', () => {
    // GIVEN
    const stack = nhnStack();
    const eth = port(stack);
    // WHEN
    eth.attachTo(instance());
    // THEN never network_id or fixed_ip next to port_id (B18)
    expect(Object.values(resourcesOf(stack, 'nhncloud_compute_interface_attach_v2'))).toEqual([{
      instance_id: 'instance-1', port_id: `\${nhncloud_networking_port_v2.${(eth.resource).friendlyUniqueId}.id}`,
    }]);
  });

  test('accepts tokens for the subnet, the groups, the addresses and the instance without guessing', () => {
    // GIVEN deploy-time values
    const stack = nhnStack();
    const groups = new TerraformVariable(stack, 'groups', { type: 'list(string)' }).listValue;
    const tokenSubnet = VpcSubnetReference.fromSubnetId(variable(stack, 'subnet'), { vpcId: variable(stack, 'vpc'), cidr: variable(stack, 'cidr') });
    // WHEN
    const eth = new Port(stack, 'port', {
      subnet: tokenSubnet,
      portSecurity: PortSecurity.withSecurityGroups(groups),
      fixedIps: FixedIpAssignment.addresses(variable(stack, 'ip')),
      allowedAddresses: [variable(stack, 'vip')],
    });
    eth.attachTo(ComputeInstanceReference.fromInstanceId(variable(stack, 'instance')));
    // THEN nothing is refused and the values are written as given
    expect(ports(stack)[0]).toMatchObject({
      network_id: '${var.vpc}', security_group_ids: '${var.groups}', fixed_ip: [{ subnet_id: '${var.subnet}', ip_address: '${var.ip}' }],
    });
  });

  test('fails when a fixed IP lies outside the subnet or is given twice', () => {
    expectConstraintError(() => port(nhnStack(), 'port', { fixedIps: FixedIpAssignment.addresses('192.168.0.10', '192.168.1.11') }),
      ErrorCode.AddressOutsideSubnet, ['fixed IP #2', '192.168.1.11 (subnet 192.168.0.0/24)']);
    expectConstraintError(() => port(nhnStack(), 'port', { fixedIps: FixedIpAssignment.addresses('192.168.0.10', '192.168.0.10') }),
      ErrorCode.DuplicateAddress);
  });

  test('fails when the subnet CIDR block is not an IPv4 block', () => {
    expectConstraintError(() => port(nhnStack(), 'port', { subnet: subnet('subnet-a', '192.168.0.0/33') }), ErrorCode.InvalidCidr);
  });

  test('fails when port security is on with no security group', () => {
    expectConstraintError(() => PortSecurity.withSecurityGroups([]), ErrorCode.InvalidCount, ['at least one security group']);
  });

  test('fails when a port with port security off is given allowed addresses (B5)', () => {
    const off = { portSecurity: PortSecurity.disabledWithGuestFirewall() };
    expectConstraintError(() => port(nhnStack(), 'port', { ...off, allowedAddresses: ['192.168.0.100'] }), ErrorCode.PortSecurityDisabled);
    expectConstraintError(() => port(nhnStack(), 'port', off).allowAddress('192.168.0.100'), ErrorCode.PortSecurityDisabled, ['only settable while port security is on']);
  });

  test('fails when an allowed address is no IPv4 address or block, or is given twice', () => {
    expectConstraintError(() => port(nhnStack()).allowAddress('192.168.0.300'), ErrorCode.InvalidIpv4Address);
    expectConstraintError(() => port(nhnStack()).allowAddress('2001:db8::/64'), ErrorCode.InvalidIpv4Address);
    expectConstraintError(() => port(nhnStack(), 'port', { allowedAddresses: ['192.168.0.100', '192.168.0.100'] }), ErrorCode.DuplicateAddress);
  });

  test('fails when attached a second time', () => {
    const eth = port(nhnStack());
    eth.attachTo(instance('instance-1'));
    expectConstraintError(() => eth.attachTo(instance('instance-2')), ErrorCode.EniAlreadyAttached, ['attached to instance instance-1']);
  });

  test('fails when the attachment id is taken', () => {
    expectConstraintError(() => port(nhnStack()).attachTo(instance(), { id: 'Resource' }), ErrorCode.ConstructIdInUse);
  });

  test('fails when props have the wrong type (JavaScript callers)', () => {
    expectConstraintError(() => port(nhnStack(), 'port', { subnet: 'subnet-a' as any }), ErrorCode.InvalidPropType, ['props.subnet']);
    expectConstraintError(() => port(nhnStack(), 'port', { portSecurity: undefined as any }), ErrorCode.MissingRequiredProp, ['props.portSecurity']);
    expectConstraintError(() => port(nhnStack()).attachTo('instance-1' as any), ErrorCode.InvalidPropType, ['instance']);
    expectConstraintError(() => VpcSubnetReference.fromSubnetId('subnet-a', undefined as any), ErrorCode.MissingRequiredProp, ['vpcId']);
    expectConstraintError(() => PortSecurity.withSecurityGroups('sg-web' as any), ErrorCode.InvalidPropType);
  });
});

describe('FixedIpAssignment', () => {
  test('counts the first address in totalAddresses', () => {
    expect(FixedIpAssignment.automatic().totalAddresses).toBe(1);
    expect(FixedIpAssignment.count(3).totalAddresses).toBe(4);
    expect(FixedIpAssignment.addresses('192.168.0.10', '192.168.0.11').totalAddresses).toBe(2);
  });

  test('fails when the count is no whole number >= 0 or is a token', () => {
    expectConstraintError(() => FixedIpAssignment.count(-1), ErrorCode.InvalidCount, ['FixedIpAssignment.count']);
    expectConstraintError(() => FixedIpAssignment.count(1.5), ErrorCode.InvalidCount);
    const count = new TerraformVariable(nhnStack(), 'count', { type: 'number' }).numberValue;
    expectConstraintError(() => FixedIpAssignment.count(count), ErrorCode.InvalidCount, ['fixed_ip block of its own']);
  });

  test('fails when an address is no IPv4 address', () => {
    expectConstraintError(() => FixedIpAssignment.addresses('192.168.0.10', '192.168.0.300'), ErrorCode.InvalidIpv4Address, ['address #2']);
  });
});

describeStandinTerraform('Port (NHN Cloud) through the stand-in provider', () => {
  test('validates and plans ports with port security on and off, allowed addresses and an attachment', async () => {
    // WHEN ports of both kinds are planned against the real schema
    const [plan] = await synthAndPlanWithStandin((app) => {
      const { stack, subnet: planned } = nhnNetwork(app);
      const eth1 = new Port(stack, 'eth1', {
        subnet: planned,
        portSecurity: PortSecurity.withSecurityGroups(['sg-web']),
        fixedIps: FixedIpAssignment.addresses('192.168.0.10', '192.168.0.11'),
        allowedAddresses: ['192.168.0.100'],
        role: PortRole.FAILOVER,
      });
      eth1.attachTo(instance());
      new Port(stack, 'eth2', { subnet: planned, portSecurity: PortSecurity.disabledWithGuestFirewall(), fixedIps: FixedIpAssignment.count(1) });
    });
    // THEN Terraform accepts them, with no warning
    const types = plan.resourceChanges.map((change) => change.type);
    expect(types.filter((type) => type === 'nhncloud_networking_port_v2')).toHaveLength(2);
    expect(types.filter((type) => type === 'nhncloud_compute_interface_attach_v2')).toHaveLength(1);
    expect(plan.resourceChanges.every((change) => change.actions.join() === 'create')).toBe(true);
    expect(plan.warnings).toEqual([]);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
