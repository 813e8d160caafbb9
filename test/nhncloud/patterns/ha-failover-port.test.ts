import { TerraformStack, Testing } from 'cdktf';
import { ErrorCode } from '../../../lib/core/error-codes';
import { HaActiveSide } from '../../../lib/core/ha-active-side';
import {
  ComputeInstanceReference, FixedIpAssignment, HaFailoverPort, HaFailoverPortProps, PortSecurity,
} from '../../../lib/nhncloud';
import { NhnMarkerTag } from '../../../lib/nhncloud/rules/marker-tags';
import { expectConstraintError, nhnStack, resourcesOf, subnet, variable } from '../building-block-fixtures';
import { checkNhn } from '../rules/nhn-test-helpers';

const LAUNCH = { flavorId: 'flavor-m2', imageId: 'image-ubuntu' };
const SECURITY = PortSecurity.withSecurityGroups(['sg-web']);

/** A failover port at 192.168.0.50 between two launched members, with `props` on top. */
function failoverProps(props: Partial<HaFailoverPortProps> = {}): HaFailoverPortProps {
  return {
    subnet: subnet(),
    portSecurity: SECURITY,
    fixedIps: FixedIpAssignment.addresses('192.168.0.50'),
    primary: { ...LAUNCH, instanceName: 'web-primary' },
    standby: { ...LAUNCH, instanceName: 'web-standby' },
    active: HaActiveSide.PRIMARY,
    ...props,
  };
}

const named = (resources: Record<string, any>, id: string) => Object.entries(resources).find(([name]) => name.startsWith(`${id}_`));

function synthWith(props: Partial<HaFailoverPortProps>): { stack: TerraformStack; failover: HaFailoverPort } {
  const stack = nhnStack();
  return { stack, failover: new HaFailoverPort(stack, 'failover', failoverProps(props)) };
}

describe('HaFailoverPort (NHN Cloud)', () => {
  test('synthesizes as in the snapshot', () => {
    // GIVEN / WHEN a failover port with a floating IP, protected from destroy
    const { stack } = synthWith({ floatingIpPool: 'Public Network', preventDestroy: true });
    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('creates a standalone failover port attached to the active member only, never inline in an instance', () => {
    // GIVEN / WHEN
    const { stack } = synthWith({});
    // THEN the failover port is a port of its own, tagged failover
    const ports = resourcesOf(stack, 'nhncloud_networking_port_v2');
    expect(named(ports, 'failover_Port')?.[1]).toMatchObject({
      fixed_ip: [{ subnet_id: 'subnet-a', ip_address: '192.168.0.50' }], security_group_ids: ['sg-web'], tags: [NhnMarkerTag.failover],
    });
    // AND one attachment puts it on the primary, by port only (B18)
    const attachments = Object.values(resourcesOf(stack, 'nhncloud_compute_interface_attach_v2'));
    expect(attachments).toEqual([{
      instance_id: expect.stringMatching(/^\$\{nhncloud_compute_instance_v2\.failover_PrimaryInstance_\w+\.id\}$/),
      port_id: expect.stringMatching(/^\$\{nhncloud_networking_port_v2\.failover_Port_\w+\.id\}$/),
    }]);
    // AND each launched member has a standalone primary port of its own and the failover tag NHN050 reads
    const instances = resourcesOf(stack, 'nhncloud_compute_instance_v2');
    for (const instance of Object.values(instances)) {
      expect(instance.tags).toEqual([NhnMarkerTag.failover]);
      expect(instance.network).toEqual([{ port: expect.stringMatching(/failover_(Primary|Standby)HostPort_/) }]);
    }
  });

  test('switching the active side replaces only the attachment: the port, its address and its floating IP stay the same', () => {
    // GIVEN the same stack synthesized with each side active
    const sides = [HaActiveSide.PRIMARY, HaActiveSide.STANDBY].map((active) => synthWith({ active, floatingIpPool: 'Public Network' }).stack);
    const [primary, standby] = sides;
    // THEN the port resource and its logical id are identical
    const portOf = (stack: TerraformStack) => named(resourcesOf(stack, 'nhncloud_networking_port_v2'), 'failover_Port');
    expect(portOf(standby)).toEqual(portOf(primary));
    expect(portOf(primary)?.[0]).toMatch(/^failover_Port_\w+$/);
    // AND so are the floating IP and its association, and the instances
    for (const type of ['nhncloud_networking_floatingip_v2', 'nhncloud_networking_floatingip_associate_v2', 'nhncloud_compute_instance_v2']) {
      expect(resourcesOf(standby, type)).toEqual(resourcesOf(primary, type));
    }
    // AND only the attachment's instance changes, under the same logical id (a replacement: detach, then attach)
    const [before, after] = sides.map((stack) => Object.entries(resourcesOf(stack, 'nhncloud_compute_interface_attach_v2')));
    expect(after.map(([id]) => id)).toEqual(before.map(([id]) => id));
    expect(before[0][1].instance_id).toContain('failover_PrimaryInstance_');
    expect(after[0][1].instance_id).toContain('failover_StandbyInstance_');
    expect(after[0][1].port_id).toBe(before[0][1].port_id);
  });

  test('moves the port between existing instances and launches nothing', () => {
    // GIVEN / WHEN
    const { stack, failover } = synthWith({
      primary: { existingInstance: ComputeInstanceReference.fromInstanceId('instance-a') },
      standby: { existingInstance: ComputeInstanceReference.fromInstanceId('instance-b') },
      active: HaActiveSide.STANDBY,
    });
    // THEN
    expect(resourcesOf(stack, 'nhncloud_compute_instance_v2')).toEqual({});
    expect(Object.values(resourcesOf(stack, 'nhncloud_compute_interface_attach_v2'))).toEqual([
      { instance_id: 'instance-b', port_id: expect.stringContaining('failover_Port_') },
    ]);
    expect(Object.keys(resourcesOf(stack, 'nhncloud_networking_port_v2'))).toHaveLength(1);
    expect(failover.primaryHostPort).toBeUndefined();
  });

  test('sets prevent_destroy on the port and its floating IP when asked', () => {
    // GIVEN / WHEN
    const { stack } = synthWith({ floatingIpPool: 'Public Network', preventDestroy: true });
    // THEN
    expect(named(resourcesOf(stack, 'nhncloud_networking_port_v2'), 'failover_Port')?.[1].lifecycle).toEqual({ prevent_destroy: true });
    expect(Object.values(resourcesOf(stack, 'nhncloud_networking_floatingip_v2'))[0].lifecycle).toEqual({ prevent_destroy: true });
    // AND not by default
    expect(named(resourcesOf(synthWith({}).stack, 'nhncloud_networking_port_v2'), 'failover_Port')?.[1].lifecycle).toBeUndefined();
  });

  test('puts a launched member\'s primary port in its own subnet and security when given', () => {
    // GIVEN / WHEN
    const { stack } = synthWith({
      primary: { ...LAUNCH, primaryPortSubnet: subnet('subnet-b', '192.168.1.0/24'), primaryPortSecurity: PortSecurity.withSecurityGroups(['sg-admin']) },
    });
    // THEN
    expect(named(resourcesOf(stack, 'nhncloud_networking_port_v2'), 'failover_PrimaryHostPort')?.[1]).toMatchObject({
      fixed_ip: [{ subnet_id: 'subnet-b' }], security_group_ids: ['sg-admin'],
    });
  });

  test('passes instance ids known at deploy time through untouched', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    new HaFailoverPort(stack, 'failover', failoverProps({
      primary: { existingInstance: ComputeInstanceReference.fromInstanceId(variable(stack, 'a')) },
      standby: { existingInstance: ComputeInstanceReference.fromInstanceId(variable(stack, 'b')) },
    }));
    // THEN
    expect(Object.values(resourcesOf(stack, 'nhncloud_compute_interface_attach_v2'))[0].instance_id).toBe('${var.a}');
  });

  test('gives NetworkRules nothing to report', () => {
    // GIVEN / WHEN
    const { stack } = synthWith({ floatingIpPool: 'Public Network' });
    // THEN NHN050 finds the failover-tagged instances' failover port standalone, and nothing else is wrong
    const findings = checkNhn(stack);
    expect(findings.errors()).toEqual([]);
    expect(findings.warnings()).toEqual([]);
  });

  test('fails when both members are the same existing instance', () => {
    const existing = { existingInstance: ComputeInstanceReference.fromInstanceId('instance-a') };
    expectConstraintError(() => synthWith({ primary: existing, standby: existing }), ErrorCode.SameInstanceTwice);
  });

  test('fails when an existing member is given a primary port of its own', () => {
    expectConstraintError(() => synthWith({
      standby: { existingInstance: ComputeInstanceReference.fromInstanceId('instance-b'), primaryPortSecurity: SECURITY },
    }), ErrorCode.ConflictingInstanceProps, ['primaryPortSecurity']);
  });

  test('fails when a member has neither launch props nor an existing instance', () => {
    expectConstraintError(() => synthWith({ primary: {} }), ErrorCode.MissingInstanceProps);
  });

  test('fails when the failover address is outside the subnet', () => {
    expectConstraintError(() => synthWith({ fixedIps: FixedIpAssignment.addresses('10.0.0.5') }), ErrorCode.AddressOutsideSubnet);
  });

  test('fails when active is not a side (plain JavaScript)', () => {
    expectConstraintError(() => synthWith({ active: 'both' as HaActiveSide }), ErrorCode.InvalidPropType, ['active']);
  });
});
