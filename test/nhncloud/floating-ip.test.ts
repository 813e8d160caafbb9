import { Testing } from 'cdktf';
import { expectConstraintError, nhnNetwork, nhnStack, port, resourcesOf, subnet, variable } from './building-block-fixtures';
import { ErrorCode } from '../../lib/core/error-codes';
import { FixedIpAssignment, FloatingIp, Port, PortSecurity, VirtualIpPort } from '../../lib/nhncloud';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform, synthAndPlanWithStandin } from '../terraform/standin-terraform';

const associations = (stack: ReturnType<typeof nhnStack>) => Object.values(resourcesOf(stack, 'nhncloud_networking_floatingip_associate_v2'));

describe('FloatingIp (NHN Cloud)', () => {
  test('synthesizes a floating IP from its pool and its association as in the snapshot', () => {
    // GIVEN
    const stack = nhnStack();
    const fip = new FloatingIp(stack, 'fip', { pool: 'Public Network', description: 'web' });
    // WHEN
    fip.associateWith(port(stack));
    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('names no fixed IP for a port with one address', () => {
    const stack = nhnStack();
    const eth = port(stack);
    new FloatingIp(stack, 'fip', { pool: 'Public Network' }).associateWith(eth);
    expect(associations(stack)).toEqual([{
      floating_ip: expect.stringMatching(/nhncloud_networking_floatingip_v2\.fip_\w+\.address/),
      port_id: `\${nhncloud_networking_port_v2.${(eth.resource).friendlyUniqueId}.id}`,
    }]);
  });

  test('maps one floating IP to each fixed IP of a port with several', () => {
    // GIVEN a port with two fixed addresses
    const stack = nhnStack();
    const eth = port(stack, 'port', { fixedIps: FixedIpAssignment.addresses('192.168.0.10', '192.168.0.11') });
    // WHEN each address gets a floating IP
    eth.fixedIps.fixedAddresses!.forEach((fixedIp, i) => new FloatingIp(stack, `fip${i}`, { pool: 'Public Network' }).associateWith(eth, { fixedIp }));
    // THEN (B13)
    expect(associations(stack).map((association) => association.fixed_ip)).toEqual(['192.168.0.10', '192.168.0.11']);
  });

  test('accepts a token fixed IP, such as an address NHN Cloud picked', () => {
    const stack = nhnStack();
    const eth = port(stack, 'port', { fixedIps: FixedIpAssignment.count(1) });
    new FloatingIp(stack, 'fip', { pool: variable(stack, 'pool') }).associateWith(eth, { fixedIp: eth.fixedIpAt(1) });
    expect(associations(stack)[0].fixed_ip).toMatch(/all_fixed_ips, 1\)/);
  });

  test('associates with a virtual IP port', () => {
    const stack = nhnStack();
    const vip = new VirtualIpPort(stack, 'vip', { subnet: subnet(), address: '192.168.0.100' });
    new FloatingIp(stack, 'fip', { pool: 'Public Network' }).associateWith(vip);
    expect(associations(stack)).toHaveLength(1);
  });

  test('fails when a port with several fixed IPs is given none (B13)', () => {
    const stack = nhnStack();
    const eth = port(stack, 'port', { fixedIps: FixedIpAssignment.count(1) });
    expectConstraintError(() => new FloatingIp(stack, 'fip', { pool: 'Public Network' }).associateWith(eth),
      ErrorCode.FloatingIpNeedsFixedIp, ['has 2 fixed IPs', 'port.fixedIpAt(1)']);
  });

  test('fails when the fixed IP is not the port\'s, or no IPv4 address', () => {
    const stack = nhnStack();
    const eth = port(stack, 'port', { fixedIps: FixedIpAssignment.addresses('192.168.0.10') });
    const auto = port(stack, 'auto');
    const fip = (id: string) => new FloatingIp(stack, id, { pool: 'Public Network' });
    expectConstraintError(() => fip('a').associateWith(eth, { fixedIp: '192.168.0.11' }), ErrorCode.ElasticIpAddressNotOnInterface, ['one of 192.168.0.10']);
    expectConstraintError(() => fip('b').associateWith(auto, { fixedIp: '192.168.0.11' }), ErrorCode.ElasticIpAddressNotOnInterface, ['NHN Cloud picks them']);
    expectConstraintError(() => fip('c').associateWith(eth, { fixedIp: 'first' }), ErrorCode.InvalidIpv4Address);
  });

  test('fails when a fixed IP would take a second floating IP', () => {
    const stack = nhnStack();
    const eth = port(stack);
    new FloatingIp(stack, 'first', { pool: 'Public Network' }).associateWith(eth);
    expectConstraintError(() => new FloatingIp(stack, 'second', { pool: 'Public Network' }).associateWith(eth), ErrorCode.ElasticIpAddressAlreadyTaken);
  });

  test('fails when the floating IP is associated a second time', () => {
    const stack = nhnStack();
    const fip = new FloatingIp(stack, 'fip', { pool: 'Public Network' });
    fip.associateWith(port(stack, 'a'));
    expectConstraintError(() => fip.associateWith(port(stack, 'b')), ErrorCode.ElasticIpAlreadyAssociated, ['it is associated with stack/a']);
  });

  test('fails when the pool is missing or the port is no port (JavaScript callers)', () => {
    expectConstraintError(() => new FloatingIp(nhnStack(), 'fip', {} as any), ErrorCode.MissingRequiredProp, ['props.pool']);
    const fip = new FloatingIp(nhnStack(), 'fip', { pool: 'Public Network' });
    expectConstraintError(() => fip.associateWith('port-1' as any), ErrorCode.InvalidPropType);
    expectConstraintError(() => fip.associateWith(undefined as any), ErrorCode.MissingRequiredProp);
  });
});

describeStandinTerraform('FloatingIp (NHN Cloud) through the stand-in provider', () => {
  test('validates and plans floating IPs on both fixed IPs of a port', async () => {
    // WHEN two floating IPs on a port with two addresses are planned against the real schema
    const [plan] = await synthAndPlanWithStandin((app) => {
      const { stack, subnet: planned } = nhnNetwork(app);
      const eth = new Port(stack, 'eth', {
        subnet: planned, portSecurity: PortSecurity.withSecurityGroups(['sg-web']), fixedIps: FixedIpAssignment.addresses('192.168.0.10', '192.168.0.11'),
      });
      ['192.168.0.10', '192.168.0.11'].forEach((fixedIp, i) => new FloatingIp(stack, `fip${i}`, { pool: 'Public Network' }).associateWith(eth, { fixedIp }));
    });
    // THEN Terraform accepts them, with no warning
    const planned = plan.resourceChanges.filter((change) => change.type === 'nhncloud_networking_floatingip_associate_v2');
    expect(planned.map((change) => change.after.fixed_ip)).toEqual(['192.168.0.10', '192.168.0.11']);
    expect(plan.warnings).toEqual([]);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
