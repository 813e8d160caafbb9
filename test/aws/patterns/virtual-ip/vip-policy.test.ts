import { wildcardMutations } from './policy-checks';
import { PolicyStatement } from '../../../../lib/aws/failover/agent-policy';
import { VirtualIpMode } from '../../../../lib/aws/patterns/virtual-ip/vip-mode';
import { virtualIpPolicyStatements } from '../../../../lib/aws/patterns/virtual-ip/vip-policy';

const INTERFACES = ['eni-0aaaaaaaaaaaaaaaa', 'eni-0bbbbbbbbbbbbbbbb'];
const base = { partition: 'aws', networkInterfaceIds: INTERFACES, routeTableIds: [] };

describe('virtualIpPolicyStatements', () => {
  test('SECONDARY_IP: only AssignPrivateIpAddresses, only on the pair\'s two interfaces', () => {
    expect(virtualIpPolicyStatements({ ...base, mode: VirtualIpMode.SECONDARY_IP })).toEqual([{
      Sid: 'MoveVirtualIpBetweenPairInterfaces',
      Effect: 'Allow',
      Action: ['ec2:AssignPrivateIpAddresses'],
      Resource: INTERFACES.map((id) => `arn:aws:ec2:*:*:network-interface/${id}`),
    }]);
  });

  test('SECONDARY_IP with an Elastic IP: AssociateAddress on that allocation and the two interfaces', () => {
    const statements = virtualIpPolicyStatements({ ...base, mode: VirtualIpMode.SECONDARY_IP, elasticIpAllocationId: 'eipalloc-1' });
    expect(statements[1]).toEqual({
      Sid: 'MapElasticIpToVirtualIp',
      Effect: 'Allow',
      Action: ['ec2:AssociateAddress'],
      Resource: ['arn:aws:ec2:*:*:elastic-ip/eipalloc-1', ...INTERFACES.map((id) => `arn:aws:ec2:*:*:network-interface/${id}`)],
    });
  });

  test('OVERLAY_ROUTE: ReplaceRoute only on the given route tables (and the interfaces, the routes\' targets), and DescribeRouteTables for the ownership check', () => {
    const statements = virtualIpPolicyStatements({
      ...base, partition: 'aws-cn', mode: VirtualIpMode.OVERLAY_ROUTE, routeTableIds: ['rtb-1', 'rtb-2'],
    });
    expect(statements).toEqual([{
      Sid: 'PointOverlayRoutesAtPairInterfaces',
      Effect: 'Allow',
      Action: ['ec2:ReplaceRoute'],
      Resource: [
        'arn:aws-cn:ec2:*:*:route-table/rtb-1', 'arn:aws-cn:ec2:*:*:route-table/rtb-2',
        ...INTERFACES.map((id) => `arn:aws-cn:ec2:*:*:network-interface/${id}`),
      ],
    }, {
      // Describe actions take no resource-level permission: "*" is the only resource they accept.
      Sid: 'ReadWhereOverlayRoutesPoint',
      Effect: 'Allow',
      Action: ['ec2:DescribeRouteTables'],
      Resource: '*',
    }]);
  });

  test('SECONDARY_IP: no read on "*" (the ownership check reads the instance metadata)', () => {
    const statements = virtualIpPolicyStatements({ ...base, mode: VirtualIpMode.SECONDARY_IP, elasticIpAllocationId: 'eipalloc-1' });
    expect(statements.filter((s) => s.Resource === '*')).toEqual([]);
  });

  test.each([
    [VirtualIpMode.SECONDARY_IP, undefined],
    [VirtualIpMode.SECONDARY_IP, 'eipalloc-1'],
    [VirtualIpMode.OVERLAY_ROUTE, undefined],
  ])('%s (Elastic IP %s): no mutating action on a wildcard resource', (mode, elasticIpAllocationId) => {
    const statements = virtualIpPolicyStatements({ ...base, mode, routeTableIds: ['rtb-1'], elasticIpAllocationId });
    expect(statements.length).toBeGreaterThan(0);
    expect(wildcardMutations(statements)).toEqual([]);
  });

  test('the wildcard check catches a mutating action on "*" and lets a describe action through', () => {
    const describeAll: PolicyStatement = { Sid: 'Read', Effect: 'Allow', Action: ['ec2:DescribeNetworkInterfaces'], Resource: '*' };
    const assignAll: PolicyStatement = { Sid: 'Move', Effect: 'Allow', Action: ['ec2:AssignPrivateIpAddresses'], Resource: ['arn:aws:ec2:*:*:network-interface/*'] };
    expect(wildcardMutations([describeAll, assignAll])).toEqual([assignAll]);
  });
});
