import { Testing } from 'cdktf';
import { expectConstraintError, instance, LAUNCH, literalSubnet, nhnStack, resourcesOf, routedNetwork, variable } from './pattern-fixtures';
import { ErrorCode } from '../../../lib/core/error-codes';
import { DualHomedInstance, DualHomedInstanceProps, FixedIpAssignment, Peer, Traffic, VpcSubnetReference } from '../../../lib/nhncloud';
import { checkNhn } from '../rules/nhn-test-helpers';

/** A web port (HTTPS from anywhere) in subnet 1 and an app port with a given group in subnet 2. */
function props(overrides: Partial<DualHomedInstanceProps> = {}): DualHomedInstanceProps {
  return {
    ...LAUNCH,
    ports: [
      { name: 'web', subnet: literalSubnet(1), ingressRules: [{ peer: Peer.anyIpv4(), traffic: Traffic.tcp(443), description: 'HTTPS' }] },
      { name: 'app', subnet: literalSubnet(2), securityGroupIds: ['sg-app'], fixedIps: FixedIpAssignment.addresses('192.168.2.10') },
    ],
    ...overrides,
  };
}

const of = (stack: ReturnType<typeof nhnStack>, type: string) => Object.values(resourcesOf(stack, type));

describe('DualHomedInstance (NHN Cloud)', () => {
  test('synthesizes as in the snapshot', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    new DualHomedInstance(stack, 'Host', props({ tags: ['team=web'], instanceName: 'web-1' }));
    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('launches the instance with every port as network.port, each port with its own security groups', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    const host = new DualHomedInstance(stack, 'Host', props());
    // THEN the instance lists no security_groups: they would not reach the ports (B16)
    const [launched] = of(stack, 'nhncloud_compute_instance_v2');
    expect(launched.network).toHaveLength(2);
    expect(launched.security_groups).toBeUndefined();
    const ports = of(stack, 'nhncloud_networking_port_v2');
    const port = (name: string) => ports.find((p) => p.name === `stack-Host-${name}`);
    expect(launched.network.map((n: any) => n.port)).toEqual([expect.stringContaining('Host_webPort'), expect.stringContaining('Host_appPort')]);
    expect(port('web')).toMatchObject({ fixed_ip: [{ subnet_id: 'subnet-1' }], security_group_ids: [expect.stringContaining('nhncloud_networking_secgroup_v2.Host_webSecurityGroup')] });
    expect(port('app')).toMatchObject({ fixed_ip: [{ subnet_id: 'subnet-2', ip_address: '192.168.2.10' }], security_group_ids: ['sg-app'] });
    // AND a group is created only where rules are given or no group is
    expect(host.securityGroups).toHaveLength(1);
    expect(host.securityGroup('app')).toBeUndefined();
    expect(host.port('app').firstFixedIp).toBe('192.168.2.10');
    expect(host.portNames).toEqual(['web', 'app']);
    expect(host.attachments).toEqual([]);
    expect(host.instanceResource).toBeDefined();
  });

  test('tags the ports, the groups and the instance with the given tags', () => {
    // GIVEN / WHEN
    const stack = nhnStack();
    new DualHomedInstance(stack, 'Host', props({ tags: ['team=web'] }));
    // THEN
    for (const type of ['nhncloud_compute_instance_v2', 'nhncloud_networking_port_v2', 'nhncloud_networking_secgroup_v2']) {
      expect(of(stack, type).map((r) => r.tags)).toEqual(of(stack, type).map(() => ['team=web']));
    }
  });

  test('attaches every port to an existing instance with nhncloud_compute_interface_attach_v2', () => {
    // GIVEN / WHEN one port is enough: the instance has its own NIC
    const stack = nhnStack();
    const host = new DualHomedInstance(stack, 'Host', { existingInstance: instance('i-1'), ports: [props().ports[1]] });
    // THEN
    expect(of(stack, 'nhncloud_compute_instance_v2')).toEqual([]);
    expect(of(stack, 'nhncloud_compute_interface_attach_v2')).toEqual([{ instance_id: 'i-1', port_id: expect.stringContaining('Host_appPort') }]);
    expect(host.attachments).toHaveLength(1);
    expect(host.instanceId).toBe('i-1');
  });

  test('accepts subnets whose ids are tokens, and still refuses one token subnet twice', () => {
    // GIVEN subnet ids known at deploy time
    const stack = nhnStack();
    const [a, b, vpc] = ['a', 'b', 'vpc'].map((name) => variable(stack, name));
    const subnet = (id: string) => VpcSubnetReference.fromSubnetId(id, { vpcId: vpc });
    // WHEN
    new DualHomedInstance(stack, 'Host', { ...LAUNCH, ports: [{ name: 'web', subnet: subnet(a) }, { name: 'app', subnet: subnet(b) }] });
    // THEN the ids go to Terraform as they are
    expect(of(stack, 'nhncloud_networking_port_v2').map((p) => p.fixed_ip[0].subnet_id).sort()).toEqual(['${var.a}', '${var.b}']);
    expectConstraintError(() => new DualHomedInstance(stack, 'Twice', { ...LAUNCH, ports: [{ name: 'web', subnet: subnet(a) }, { name: 'app', subnet: subnet(a) }] }),
      ErrorCode.InterfacesInSameSubnet, ['web and app ports', 'var.a']);
  });

  test('fails when two ports have the same name', () => {
    const stack = nhnStack();
    const [web, app] = props().ports;
    expectConstraintError(() => new DualHomedInstance(stack, 'Host', props({ ports: [web, { ...app, name: 'web' }] })), ErrorCode.DuplicateInterfaceName, ['"web"']);
  });

  test('fails when a port name is not a plain name', () => {
    const stack = nhnStack();
    const [web, app] = props().ports;
    expectConstraintError(() => new DualHomedInstance(stack, 'Host', props({ ports: [web, { ...app, name: 'app/1' }] })), ErrorCode.InvalidInterfaceName);
  });

  test('fails when two ports are in the same subnet', () => {
    const stack = nhnStack();
    const [web, app] = props().ports;
    expectConstraintError(() => new DualHomedInstance(stack, 'Host', props({ ports: [web, { ...app, subnet: literalSubnet(1), fixedIps: undefined }] })),
      ErrorCode.InterfacesInSameSubnet, ['both in subnet-1']);
  });

  test('fails when the subnets are in different VPCs', () => {
    const stack = nhnStack();
    const [web, app] = props().ports;
    expectConstraintError(() => new DualHomedInstance(stack, 'Host', props({ ports: [web, { ...app, subnet: literalSubnet(2, 'vpc-other') }] })),
      ErrorCode.VpcMismatch, ['vpc-main', 'vpc-other']);
  });

  test('fails when a launched instance gets fewer than two ports', () => {
    const stack = nhnStack();
    expectConstraintError(() => new DualHomedInstance(stack, 'Host', props({ ports: [props().ports[0]] })), ErrorCode.TooFewInterfaces, ['at least 2']);
  });

  test('fails when an existing instance gets no port', () => {
    const stack = nhnStack();
    expectConstraintError(() => new DualHomedInstance(stack, 'Host', { existingInstance: instance(), ports: [] }), ErrorCode.TooFewInterfaces, ['at least 1']);
  });

  test('fails when launch props come with an existing instance', () => {
    const stack = nhnStack();
    expectConstraintError(() => new DualHomedInstance(stack, 'Host', props({ existingInstance: instance() })), ErrorCode.ConflictingInstanceProps);
  });

  test('fails when a port rule opens SSH to the internet', () => {
    const stack = nhnStack();
    const [web, app] = props().ports;
    expectConstraintError(() => new DualHomedInstance(stack, 'Host', props({ ports: [{ ...web, ingressRules: [{ peer: Peer.anyIpv4(), traffic: Traffic.tcp(22) }] }, app] })),
      ErrorCode.AdminPortOpenToInternet);
  });

  test('fails when a port is not an object of props (plain JavaScript)', () => {
    const stack = nhnStack();
    expectConstraintError(() => new DualHomedInstance(stack, 'Host', props({ ports: [props().ports[0], 'app' as any] })), ErrorCode.InvalidPropType, ['props.ports[1]']);
  });

  test('fails when port() is asked for an unknown name', () => {
    const stack = nhnStack();
    const host = new DualHomedInstance(stack, 'Host', props());
    expectConstraintError(() => host.port('db'), ErrorCode.UnknownInterfaceName, ['one of web, app']);
  });

  test('gives NetworkRules nothing to report', () => {
    // GIVEN subnets in a routing table with an internet gateway
    const { stack, subnets: [web, app] } = routedNetwork('web', 'app');
    // WHEN
    new DualHomedInstance(stack, 'Host', {
      ...LAUNCH,
      ports: [
        { name: 'web', subnet: web, ingressRules: [{ peer: Peer.anyIpv4(), traffic: Traffic.tcp(443) }] },
        { name: 'app', subnet: app, ingressRules: [{ peer: Peer.ipv4('192.168.0.0/24'), traffic: Traffic.tcp(8080) }] },
      ],
    });
    // THEN
    expect(checkNhn(stack).annotations).toEqual([]);
  });
});
