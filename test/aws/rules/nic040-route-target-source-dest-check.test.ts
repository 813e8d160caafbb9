import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { checkStack, testNetwork, testStack } from '../../checks/rule-test-helpers';

const AMI = 'ami-12345678';

/** A route table, and a default route through `networkInterfaceId`. */
function defaultRouteThrough(stack: TerraformStack, networkInterfaceId: string): Route {
  const table = new RouteTable(stack, 'private', { vpcId: '${aws_vpc.vpc.id}' });
  return new Route(stack, 'default', { routeTableId: table.id, destinationCidrBlock: '0.0.0.0/0', networkInterfaceId });
}

function appliance(stack: TerraformStack, sourceDestCheck?: boolean): NetworkInterface {
  const { subnets } = testNetwork(stack);
  return new NetworkInterface(stack, 'nat', { subnetId: subnets[0].id, sourceDestCheck });
}

describe('NIC040 route to an interface with source/destination check on', () => {
  test('passes when the target interface has source_dest_check = false', () => {
    // GIVEN a NAT appliance interface with the check off
    const stack = testStack();
    defaultRouteThrough(stack, appliance(stack, false).id);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.of('NIC040')).toEqual([]);
  });

  test('fails when the target interface leaves source_dest_check at its default', () => {
    // GIVEN
    const stack = testStack();
    defaultRouteThrough(stack, appliance(stack).id);
    // WHEN
    const findings = checkStack(stack);
    // THEN
    expect(findings.errors('NIC040').map((f) => [f.path, f.message])).toEqual([[
      'stack/default',
      '[NIC040] route "default" to "0.0.0.0/0" sends traffic to eni "nat", whose source/destination check is on '
        + '(source_dest_check is not set on eni "nat"; it defaults to true): it drops every packet not addressed to its own IPs. '
        + 'Fix: set source_dest_check = false on eni "nat". '
        + 'See https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html#EIP_Disable_SrcDestCheck',
    ]]);
  });

  test('fails when an inline route of aws_route_table targets an interface with source_dest_check = true', () => {
    const stack = testStack();
    const nat = appliance(stack, true);
    new RouteTable(stack, 'private', { vpcId: '${aws_vpc.vpc.id}', route: [{ cidrBlock: '10.1.0.0/16', networkInterfaceId: nat.id }] });
    const findings = checkStack(stack);
    expect(findings.errors('NIC040').map((f) => [f.path, f.message.split(':')[0]])).toEqual([
      ['stack/private', '[NIC040] the route to "10.1.0.0/16" of route table "private" sends traffic to eni "nat", whose source/destination check is on (source_dest_check = true on eni "nat")'],
    ]);
  });

  test('fails when the route targets the primary interface of an instance whose check is on', () => {
    const stack = testStack();
    const { subnets } = testNetwork(stack);
    const nat = new Instance(stack, 'nat-instance', { ami: AMI, instanceType: 't3.micro', subnetId: subnets[0].id });
    defaultRouteThrough(stack, nat.primaryNetworkInterfaceId);
    expect(checkStack(stack).errors('NIC040')[0].message).toMatch(/sends traffic to instance "nat-instance", whose source\/destination check is on/);
  });

  test('passes when the instance turns the check off for the interface it launches with', () => {
    // GIVEN an interface at device index 0 of an instance with source_dest_check = false
    const stack = testStack();
    const nat = appliance(stack);
    new Instance(stack, 'nat-instance', {
      ami: AMI,
      instanceType: 't3.micro',
      sourceDestCheck: false,
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: nat.id }],
    });
    defaultRouteThrough(stack, nat.id);
    // WHEN / THEN
    expect(checkStack(stack).of('NIC040')).toEqual([]);
  });

  describe('cannot verify', () => {
    test('reports INFO when source_dest_check is only known at deploy time', () => {
      // GIVEN
      const stack = testStack();
      const check = new TerraformVariable(stack, 'check', { type: 'bool' });
      defaultRouteThrough(stack, appliance(stack, check.booleanValue as unknown as boolean).id);
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.errors('NIC040')).toEqual([]);
      expect(findings.cannotVerify('NIC040').map((f) => f.path)).toEqual(['stack/default']);
      expect(findings.cannotVerify('NIC040')[0].message).toMatch(/source_dest_check of eni "nat" is "\$\{var\.check\}", an input variable, only known at deploy time/);
    });

    test('reports INFO when the target interface is outside the stack', () => {
      const stack = testStack();
      defaultRouteThrough(stack, 'eni-0123456789abcdef0');
      const findings = checkStack(stack);
      expect(findings.errors('NIC040')).toEqual([]);
      expect(findings.cannotVerify('NIC040')[0].message)
        .toMatch(/network_interface_id is "eni-0123456789abcdef0", a resource outside this stack/);
    });
  });

  describe('suppression', () => {
    test('a suppression with a reason silences it and is recorded in the report', () => {
      // GIVEN the check is disabled out of band, and the route says why
      const stack = testStack();
      const route = defaultRouteThrough(stack, appliance(stack).id);
      NetworkSuppressions.addSuppressions(route, [{ id: 'NIC040', reason: 'the appliance AMI disables the check at boot' }]);
      // WHEN
      const findings = checkStack(stack);
      // THEN
      expect(findings.of('NIC040')).toEqual([]);
      expect(findings.suppressed('NIC040')).toEqual([expect.objectContaining({
        path: 'stack/default',
        level: 'ERROR',
        suppressionReason: 'the appliance AMI disables the check at boot',
      })]);
    });
  });
});
