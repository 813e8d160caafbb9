import { associateFloatingIp, checkNhn, expectSuppressionRefused, nhnNetwork, nhnStack, port, problemOf, RawResource } from './nhn-test-helpers';
import { RuleLevel } from '../../../lib/checks/rule-level';

describe('NHN021 a floating IP needs a routing table with an internet gateway', () => {
  test('passes for a port whose subnet is in a routing table with an internet gateway', () => {
    const stack = nhnStack();
    const { subnets: [a] } = nhnNetwork(stack);
    associateFloatingIp(stack, 'public', port(stack, 'web', a).id);
    expect(checkNhn(stack).of('NHN021')).toEqual([]);
  });

  test('fails for a port whose subnet\'s routing table has no internet gateway', () => {
    // GIVEN
    const stack = nhnStack();
    const { vpc } = nhnNetwork(stack);
    const isolated = new RawResource(stack, 'isolated', 'nhncloud_networking_routingtable_v2', { name: 'isolated', vpc_id: vpc.id });
    const db = new RawResource(stack, 'db-subnet', 'nhncloud_networking_vpcsubnet_v2', { name: 'db', vpc_id: vpc.id, cidr: '10.0.9.0/24', routingtable_id: isolated.id });
    associateFloatingIp(stack, 'public', port(stack, 'db', db).id);
    // WHEN
    const findings = checkNhn(stack);
    // THEN
    expect(findings.errors('NHN021').map((f) => [f.path, problemOf(f.message)])).toEqual([
      ['stack/public', 'floating ip association "public" puts floating ip "public-fip" on port "db", whose subnet "db-subnet" is in routing table "isolated", which has no internet gateway'],
    ]);
  });

  test('cannot verify (INFO) a subnet in the VPC\'s default routing table', () => {
    const stack = nhnStack();
    const { vpc } = nhnNetwork(stack);
    const plain = new RawResource(stack, 'plain', 'nhncloud_networking_vpcsubnet_v2', { name: 'plain', vpc_id: vpc.id, cidr: '10.0.8.0/24' });
    associateFloatingIp(stack, 'public', port(stack, 'web', plain).id);
    const findings = checkNhn(stack);
    expect(findings.of('NHN021').filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
    expect(findings.cannotVerify('NHN021').map((f) => f.path)).toEqual(['stack/public']);
  });

  test('cannot be suppressed: NHN Cloud rejects the association', () => {
    expectSuppressionRefused('NHN021');
  });
});
