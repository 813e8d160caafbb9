import { Testing } from 'cdktf';
import { expectConstraintError, instance, nhnNetwork, nhnStack, port, resourcesOf, subnet, variable } from './building-block-fixtures';
import { ErrorCode } from '../../lib/core/error-codes';
import { FixedIpAssignment, Port, PortSecurity, VirtualIpPort, VpcSubnetReference } from '../../lib/nhncloud';
import { NHN_VIRTUAL_IP_DEVICE, NhnMarkerTag } from '../../lib/nhncloud/rules/marker-tags';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform, synthAndPlanWithStandin } from '../terraform/standin-terraform';

const ports = (stack: ReturnType<typeof nhnStack>) => resourcesOf(stack, 'nhncloud_networking_port_v2');
/** The port resource of the construct with id `id`. */
const portOf = (stack: ReturnType<typeof nhnStack>, id: string) => Object.entries(ports(stack)).find(([name]) => name.startsWith(`${id}_`))?.[1];

describe('VirtualIpPort (NHN Cloud)', () => {
  test('synthesizes a virtual IP port, its floating IP and a member port that carries it as in the snapshot', () => {
    // GIVEN a virtual IP with a floating IP
    const stack = nhnStack();
    const vip = new VirtualIpPort(stack, 'vip', { subnet: subnet(), address: '192.168.0.100', floatingIpPool: 'Public Network', name: 'web-vip' });
    // WHEN a member port is allowed to hold it
    vip.allow(port(stack, 'member'));
    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('marks the port as a virtual IP with device_id and the marker tag, and attaches it nowhere', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    new VirtualIpPort(stack, 'vip', { subnet: subnet(), address: '192.168.0.100' });
    // THEN (B1, B2)
    expect(Object.values(ports(stack))).toEqual([{
      network_id: 'vpc-main', device_id: NHN_VIRTUAL_IP_DEVICE, fixed_ip: [{ subnet_id: 'subnet-a', ip_address: '192.168.0.100' }], tags: [NhnMarkerTag.virtualIp],
    }]);
    expect(resourcesOf(stack, 'nhncloud_compute_interface_attach_v2')).toEqual({});
  });

  test('adds the virtual IP to a member port\'s allowed address pairs and tags the member as its carrier', () => {
    // GIVEN
    const stack = nhnStack();
    const vip = new VirtualIpPort(stack, 'vip', { subnet: subnet(), address: '192.168.0.100' });
    const member = port(stack, 'member');
    // WHEN
    vip.allow(member);
    // THEN (B4)
    expect(portOf(stack, 'member')).toMatchObject({
      allowed_address_pairs: [{ ip_address: '192.168.0.100' }], tags: [NhnMarkerTag.carriesVirtualIp],
    });
  });

  test('only tags a member with port security off, which sends from any address already', () => {
    // GIVEN
    const stack = nhnStack();
    const vip = new VirtualIpPort(stack, 'vip', { subnet: subnet() });
    const member = port(stack, 'member', { portSecurity: PortSecurity.disabledWithGuestFirewall() });
    // WHEN
    vip.allow(member);
    // THEN no pair (B5 forbids them there), both markers
    const written = portOf(stack, 'member');
    expect(written.allowed_address_pairs).toBeUndefined();
    expect(written.tags).toEqual([NhnMarkerTag.guestFirewall, NhnMarkerTag.carriesVirtualIp]);
  });

  test('allows an address NHN Cloud picks through a reference to the virtual IP port', () => {
    const stack = nhnStack();
    const vip = new VirtualIpPort(stack, 'vip', { subnet: subnet() });
    vip.allow(port(stack, 'member'));
    expect(portOf(stack, 'member').allowed_address_pairs).toEqual([{
      ip_address: `\${element(nhncloud_networking_port_v2.${(vip.resource).friendlyUniqueId}.all_fixed_ips, 0)}`,
    }]);
  });

  test('accepts token subnets and addresses without guessing', () => {
    // GIVEN a virtual IP and a member whose subnets are known at deploy time only
    const stack = nhnStack();
    const tokenSubnet = () => VpcSubnetReference.fromSubnetId(variable(stack, `subnet${Math.random()}`.replace('.', '')), { vpcId: 'vpc-main' });
    const vip = new VirtualIpPort(stack, 'vip', { subnet: tokenSubnet(), address: variable(stack, 'address') });
    // WHEN / THEN nothing is refused
    vip.allow(new Port(stack, 'member', { subnet: tokenSubnet(), portSecurity: PortSecurity.withSecurityGroups(['sg-web']) }));
    expect(portOf(stack, 'member').allowed_address_pairs).toEqual([{ ip_address: '${var.address}' }]);
  });

  test('fails when the member port is in another subnet (B3)', () => {
    const stack = nhnStack();
    const vip = new VirtualIpPort(stack, 'vip', { subnet: subnet() });
    const other = port(stack, 'member', { subnet: subnet('subnet-b', '192.168.1.0/24') });
    expectConstraintError(() => vip.allow(other), ErrorCode.VirtualIpSubnetMismatch, ['virtual IP in subnet-a', 'in subnet-b']);
  });

  test('fails when a virtual IP port is given where an instance\'s port is expected (B1)', () => {
    const stack = nhnStack();
    const vip = new VirtualIpPort(stack, 'vip', { subnet: subnet() });
    const other = new VirtualIpPort(stack, 'other', { subnet: subnet() });
    expectConstraintError(() => vip.allow(other as unknown as Port), ErrorCode.VirtualIpNotAttachable, ['no instance uses directly']);
  });

  test('fails when the same member is allowed twice', () => {
    const stack = nhnStack();
    const vip = new VirtualIpPort(stack, 'vip', { subnet: subnet(), address: '192.168.0.100' });
    const member = port(stack, 'member');
    vip.allow(member);
    expectConstraintError(() => vip.allow(member), ErrorCode.DuplicateAddress, ['carries the virtual IP already']);
  });

  test('fails when the address lies outside the subnet or is no IPv4 address', () => {
    expectConstraintError(() => new VirtualIpPort(nhnStack(), 'vip', { subnet: subnet(), address: '192.168.1.100' }), ErrorCode.AddressOutsideSubnet);
    expectConstraintError(() => new VirtualIpPort(nhnStack(), 'vip', { subnet: subnet(), address: 'vip' }), ErrorCode.InvalidIpv4Address);
  });

  test('fails when props have the wrong type (JavaScript callers)', () => {
    expectConstraintError(() => new VirtualIpPort(nhnStack(), 'vip', {} as any), ErrorCode.MissingRequiredProp, ['props.subnet']);
    const stack = nhnStack();
    expectConstraintError(() => new VirtualIpPort(stack, 'vip', { subnet: subnet() }).allow({} as any), ErrorCode.InvalidPropType, ['port']);
  });
});

describeStandinTerraform('VirtualIpPort (NHN Cloud) through the stand-in provider', () => {
  test('validates and plans a virtual IP with a floating IP carried by two attached ports', async () => {
    // WHEN a virtual IP and two members are planned against the real schema
    const [plan] = await synthAndPlanWithStandin((app) => {
      const { stack, subnet: planned } = nhnNetwork(app);
      const vip = new VirtualIpPort(stack, 'vip', { subnet: planned, address: '192.168.0.100', floatingIpPool: 'Public Network' });
      ['a', 'b'].forEach((name) => {
        const member = new Port(stack, name, {
          subnet: planned, portSecurity: PortSecurity.withSecurityGroups(['sg-web']), fixedIps: FixedIpAssignment.automatic(),
        });
        vip.allow(member);
        member.attachTo(instance(`instance-${name}`));
      });
    });
    // THEN Terraform accepts them, with no warning
    const types = plan.resourceChanges.map((change) => change.type);
    expect(types.filter((type) => type === 'nhncloud_networking_port_v2')).toHaveLength(3);
    expect(types.filter((type) => type === 'nhncloud_networking_floatingip_associate_v2')).toHaveLength(1);
    const vipPort = plan.resourceChanges.find((change) => change.address.startsWith('nhncloud_networking_port_v2.vip'));
    expect(vipPort?.after.device_id).toBe(NHN_VIRTUAL_IP_DEVICE);
    expect(plan.warnings).toEqual([]);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
