import { Testing } from 'cdktf';
import { FailoverAgent, HaActiveSide, HaFailoverNic, HaMember, Ipv4Assignment, SubnetReference } from '../../../lib';
import { maskAssetHashes } from '../../snapshot-helpers';
import { expectConstraintError, networkStack, resourcesOf } from '../fixtures';

/** IAM actions that change something; none of them may be granted on every resource. */
const MUTATING = /^ec2:(Attach|Detach|Create|Delete|Modify|Assign|Unassign|Associate|Disassociate|Replace)|^logs:(Create|Put)|^cloudwatch:Put/;

function agent(overrides: Partial<ConstructorParameters<typeof FailoverAgent>[2]> = {}) {
  const fixture = networkStack();
  const created = new FailoverAgent(fixture.stack, 'agent', {
    pairName: 'web',
    networkInterfaceId: 'eni-0123',
    primaryInstanceId: 'i-primary',
    standbyInstanceId: 'i-standby',
    deviceIndex: 1,
    ...overrides,
  });
  return { ...fixture, agent: created };
}

function policy(stack: Parameters<typeof resourcesOf>[0]) {
  const [rolePolicy] = Object.values(resourcesOf(stack, 'aws_iam_role_policy'));
  return JSON.parse(rolePolicy.policy) as { Statement: Array<{ Sid: string; Action: string[]; Resource: string | string[]; Condition?: object }> };
}

describe('FailoverAgent', () => {
  test('deploys a serialized Node.js 20 function configured for the pair', () => {
    const { stack } = agent();
    const [fn] = Object.values(resourcesOf(stack, 'aws_lambda_function'));
    expect(fn).toMatchObject({
      function_name: 'nic-failover-web',
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      reserved_concurrent_executions: 1,
      environment: {
        variables: {
          NETWORK_INTERFACE_ID: 'eni-0123',
          PRIMARY_INSTANCE_ID: 'i-primary',
          STANDBY_INSTANCE_ID: 'i-standby',
          DEVICE_INDEX: '1',
          NETWORK_CARD_INDEX: '0',
          PAIR_NAME: 'web',
          ATTACH_TIMEOUT_SECONDS: '120',
          COOLDOWN_SECONDS: '600',
        },
      },
    });
    expect(fn.filename).toMatch(/archive\.zip$/);
  });

  test('grants no mutating action on every resource, and moves only this interface between tagged members', () => {
    const { stack } = agent();
    const statements = policy(stack).Statement;
    for (const statement of statements) {
      const resources = ([] as string[]).concat(statement.Resource);
      const mutating = statement.Action.filter((action) => MUTATING.test(action));
      if (mutating.length > 0) expect(resources).not.toContain('*');
    }
    expect(statements.find((s) => s.Sid === 'MoveThisInterface')!.Resource).toBe('arn:aws:ec2:*:*:network-interface/eni-0123');
    expect(statements.find((s) => s.Sid === 'OnlyBetweenPairMembers')!.Condition)
      .toEqual({ StringEquals: { 'aws:ResourceTag/nic-patterns:failover-pair': 'web' } });
    expect(statements.filter((s) => ([] as string[]).concat(s.Resource).includes('*')).flatMap((s) => s.Action))
      .toEqual(['ec2:DescribeNetworkInterfaces', 'ec2:DescribeInstanceStatus']);
  });

  test('is triggered by state changes and status-check alarms of both members', () => {
    const { stack } = agent();
    const patterns = Object.values(resourcesOf(stack, 'aws_cloudwatch_event_rule')).map((rule: any) => JSON.parse(rule.event_pattern));
    expect(patterns).toEqual(expect.arrayContaining([
      expect.objectContaining({ source: ['aws.ec2'], detail: { 'instance-id': ['i-primary', 'i-standby'], 'state': ['stopping', 'stopped', 'shutting-down', 'terminated'] } }),
      expect.objectContaining({ 'source': ['aws.cloudwatch'], 'detail-type': ['CloudWatch Alarm State Change'] }),
    ]));
    expect(Object.values(resourcesOf(stack, 'aws_lambda_permission'))).toHaveLength(2);
    expect(Object.values(resourcesOf(stack, 'aws_cloudwatch_metric_alarm')).map((a: any) => a.alarm_name).sort()).toEqual([
      'nic-failover-web-gave-up', 'nic-failover-web-primary-status-check', 'nic-failover-web-standby-status-check',
    ]);
  });

  test('can leave status checks out and notify a topic when it gives up', () => {
    const { stack } = agent({ failOnStatusCheck: false, alarmTopicArns: ['arn:aws:sns:us-east-1:111122223333:ops'] });
    const alarms = Object.values(resourcesOf(stack, 'aws_cloudwatch_metric_alarm'));
    expect(alarms).toHaveLength(1);
    expect(alarms[0].alarm_actions).toEqual(['arn:aws:sns:us-east-1:111122223333:ops']);
  });

  test.each([['a name with spaces'], ['x'.repeat(41)]])('fails when the pair name is %p', (pairName) => {
    expectConstraintError(() => agent({ pairName }), 'InvalidPairName', ['test/agent']);
  });

  test('fails when the attach timeout is out of range', () => {
    expectConstraintError(() => agent({ attachTimeoutSeconds: 5 }), 'InvalidCount', ['attachTimeoutSeconds']);
  });
});

describe('HaFailoverNic with the failover agent', () => {
  function agentPair(active: HaActiveSide) {
    const { stack, subnetA } = networkStack();
    const nic = new HaFailoverNic(stack, 'web', {
      subnet: SubnetReference.fromSubnet(subnetA),
      privateIpv4: Ipv4Assignment.addresses('10.0.1.10'),
      primary: HaMember.launch({ ami: 'ami-1', instanceType: 't3.small' }),
      standby: HaMember.launch({ ami: 'ami-1', instanceType: 't3.small' }),
      active,
      failoverAgent: {},
    });
    return { stack, nic };
  }

  test('lets the agent place the interface, so Terraform never moves it back after a failover', () => {
    const { stack, nic } = agentPair(HaActiveSide.PRIMARY);
    expect(resourcesOf(stack, 'aws_network_interface_attachment')).toEqual({});
    const [invocation] = Object.values(resourcesOf(stack, 'aws_lambda_invocation'));
    const primaryId = `\${aws_instance.${nic.primaryLaunched!.resource.friendlyUniqueId}.id}`;
    expect(JSON.parse(invocation.input)).toEqual({ action: 'place', instanceId: primaryId });
    expect(invocation.triggers).toEqual({ instanceId: primaryId });
    expect(Object.values(resourcesOf(stack, 'aws_instance')).filter((i: any) => i.tags?.['nic-patterns:failover-pair'] === 'web')).toHaveLength(2);
  });

  test('synthesizes as in the snapshot', () => {
    expect(maskAssetHashes(Testing.synth(agentPair(HaActiveSide.STANDBY).stack))).toMatchSnapshot();
  });
});
