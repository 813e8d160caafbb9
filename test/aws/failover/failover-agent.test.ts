import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { FailoverAgent, HaActiveSide, HaFailoverNic, HaMember, Ipv4Assignment, SubnetReference } from '../../../lib';
import { maskAssetHashes } from '../../snapshot-helpers';
import { expectConstraintError, networkStack, resourcesOf } from '../fixtures';

/** IAM actions that change something; none of them may be granted on every resource. */
const MUTATING = /^ec2:(Attach|Detach|Create|Delete|Modify|Assign|Unassign|Associate|Disassociate|Replace)|^logs:(Create|Put)|^cloudwatch:Put/;

function agent(overrides: Partial<ConstructorParameters<typeof FailoverAgent>[2]> = {}) {
  const fixture = networkStack();
  const created = new FailoverAgent(fixture.stack, 'agent', {
    pairName: 'web',
    networkInterfaceId: 'eni-0123456789abcdef0',
    primaryInstanceId: 'i-0aaaaaaaaaaaaaaa1',
    standbyInstanceId: 'i-0bbbbbbbbbbbbbbb2',
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
          NETWORK_INTERFACE_ID: 'eni-0123456789abcdef0',
          PRIMARY_INSTANCE_ID: 'i-0aaaaaaaaaaaaaaa1',
          STANDBY_INSTANCE_ID: 'i-0bbbbbbbbbbbbbbb2',
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
    expect(statements.find((s) => s.Sid === 'MoveThisInterface')!.Resource)
      .toBe('arn:${data.aws_partition.agent_Partition_526FAE49.partition}:ec2:*:*:network-interface/eni-0123456789abcdef0');
    expect(statements.find((s) => s.Sid === 'OnlyBetweenPairMembers')!.Condition)
      .toEqual({ StringEquals: { 'aws:ResourceTag/nic-patterns:failover-pair': 'web' } });
    expect(statements.filter((s) => ([] as string[]).concat(s.Resource).includes('*')).flatMap((s) => s.Action))
      .toEqual(['ec2:DescribeNetworkInterfaces', 'ec2:DescribeInstanceStatus', 'ec2:DescribeInstances', 'ec2:DescribeInstanceTypes']);
  });

  test('GIVEN no partition WHEN synthesized THEN the ARNs take the provider\'s partition, and a given one is written as is', () => {
    expect(JSON.stringify(policy(agent().stack))).toContain('arn:${data.aws_partition.');
    const { stack } = agent({ partition: 'aws-cn' });
    expect(policy(stack).Statement.find((s) => s.Sid === 'MoveThisInterface')!.Resource).toBe('arn:aws-cn:ec2:*:*:network-interface/eni-0123456789abcdef0');
    expect(Object.keys(stack.toTerraform().data?.aws_partition ?? {})).toEqual([]);
  });

  test('GIVEN one stack in two regions THEN the role names differ: IAM names are account-wide', () => {
    const { stack } = agent();
    const [role] = Object.values(resourcesOf(stack, 'aws_iam_role'));
    expect(role.name).toMatch(/^nic-ha-web-\${data\.aws_region\.agent_Region_[0-9A-F]{8}\.name}$/);
  });

  test('GIVEN events THEN Lambda and EventBridge drop them after the maximum event age and retry little', () => {
    // GIVEN / WHEN
    const { stack } = agent({ maxEventAgeSeconds: 120 });
    // THEN
    expect(Object.values(resourcesOf(stack, 'aws_lambda_function_event_invoke_config'))).toEqual([
      expect.objectContaining({ maximum_event_age_in_seconds: 120, maximum_retry_attempts: 1 }),
    ]);
    for (const target of Object.values(resourcesOf(stack, 'aws_cloudwatch_event_target'))) {
      expect(target.retry_policy).toEqual({ maximum_event_age_in_seconds: 120, maximum_retry_attempts: 2 });
    }
    const [fn] = Object.values(resourcesOf(stack, 'aws_lambda_function'));
    expect(fn.environment.variables).toMatchObject({ MAX_EVENT_AGE_SECONDS: '120', READY_TIMEOUT_SECONDS: '420' });
    expect(fn.timeout).toBe(420 + 2 * 120 + 60);
  });

  test.each([
    ['networkInterfaceId', { networkInterfaceId: 'eni-0123' }],
    ['primaryInstanceId', { primaryInstanceId: 'i-primary' }],
    ['standbyInstanceId', { standbyInstanceId: 'instance-1' }],
  ])('fails when %s is not an EC2 id, which the agent would refuse at cold start with no alarm', (name, override) => {
    expectConstraintError(() => agent(override), 'InvalidEc2Id', [name, JSON.stringify(Object.values(override)[0])]);
  });

  test.each([
    ['maxEventAgeSeconds', { maxEventAgeSeconds: 59 }, 'InvalidCount'],
    ['maxEventAgeSeconds', { maxEventAgeSeconds: 21601 }, 'InvalidCount'],
    ['readyTimeoutSeconds', { readyTimeoutSeconds: -1 }, 'InvalidCount'],
    ['the sum of the waits', { readyTimeoutSeconds: 600, attachTimeoutSeconds: 200 }, 'AgentTimeoutTooLong'],
  ])('fails when %s is out of range (%j)', (_, override, code) => {
    expectConstraintError(() => agent(override), code);
  });

  test('is triggered by state changes and status-check alarms of both members', () => {
    const { stack } = agent();
    const patterns = Object.values(resourcesOf(stack, 'aws_cloudwatch_event_rule')).map((rule: any) => JSON.parse(rule.event_pattern));
    expect(patterns).toEqual(expect.arrayContaining([
      expect.objectContaining({ source: ['aws.ec2'], detail: { 'instance-id': ['i-0aaaaaaaaaaaaaaa1', 'i-0bbbbbbbbbbbbbbb2'], 'state': ['stopping', 'stopped', 'shutting-down', 'terminated'] } }),
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

  test('fails when the device index is the primary interface\'s, as an attachment by Terraform would', () => {
    expectConstraintError(() => agent({ deviceIndex: 0 }), 'PrimaryDeviceIndex', ['test/agent', 'deviceIndex 0']);
  });

  test.each([[2], [0.5], [-1], [4000]])('fails when the log retention is %p days, which CloudWatch Logs does not take', (logRetentionDays) => {
    expectConstraintError(() => agent({ logRetentionDays }), 'InvalidLogRetentionDays', [`logRetentionDays ${logRetentionDays}`, '1, 3, 5, 7, 14', '3653']);
  });

  test.each([[1], [400], [3653], [0]])('keeps the logs for %p days (0: forever)', (logRetentionDays) => {
    const { stack } = agent({ logRetentionDays });
    expect(Object.values(resourcesOf(stack, 'aws_cloudwatch_log_group'))[0].retention_in_days).toBe(logRetentionDays);
  });

  test.each([
    ['not-an-arn'],
    ['ops'],
    ['https://sns.us-east-1.amazonaws.com/111122223333/ops'],
    ['arn:aws:sqs:us-east-1:111122223333:ops'],
    ['arn:aws:sns:us-east-1:1111:ops'],
    ['arn:aws:sns:us-east-1:111122223333:'],
  ])('fails when an alarm topic is %p, no SNS topic ARN', (arn) => {
    expectConstraintError(() => agent({ alarmTopicArns: ['arn:aws:sns:us-east-1:111122223333:ops', arn] }), 'InvalidSnsTopicArn', [JSON.stringify(arn)]);
  });

  test('takes topic ARNs of every partition, FIFO topics, and references', () => {
    const { stack } = networkStack();
    const reference = new TerraformVariable(stack, 'topic', { type: 'string' }).stringValue;
    const arns = [
      'arn:aws-cn:sns:cn-north-1:111122223333:ops', 'arn:aws-us-gov:sns:us-gov-west-1:111122223333:ops_1',
      'arn:aws:sns:eu-central-1:111122223333:ops.fifo', reference,
    ];
    expect(() => new FailoverAgent(stack, 'agent', {
      pairName: 'web', networkInterfaceId: 'eni-0123456789abcdef0', primaryInstanceId: 'i-0aaaaaaaaaaaaaaa1', standbyInstanceId: 'i-0bbbbbbbbbbbbbbb2', deviceIndex: 1, alarmTopicArns: arns,
    })).not.toThrow();
  });

  test('skips a list of topics known only at deploy time, and a retention from a variable', () => {
    const { stack } = networkStack();
    expect(() => new FailoverAgent(stack, 'agent', {
      pairName: 'web',
      networkInterfaceId: 'eni-0123456789abcdef0',
      primaryInstanceId: 'i-0aaaaaaaaaaaaaaa1',
      standbyInstanceId: 'i-0bbbbbbbbbbbbbbb2',
      deviceIndex: 1,
      alarmTopicArns: new TerraformVariable(stack, 'topics', { type: 'list(string)' }).listValue,
      logRetentionDays: new TerraformVariable(stack, 'days', { type: 'number' }).numberValue,
    })).not.toThrow();
  });

  test('writes numbers known only at deploy time as references, and lets Terraform compute the timeout', () => {
    // GIVEN the timeout, cooldown and device index from variables
    const { stack } = networkStack();
    const number = (name: string) => new TerraformVariable(stack, name, { type: 'number' }).numberValue;
    new FailoverAgent(stack, 'agent', {
      pairName: 'web',
      networkInterfaceId: 'eni-0123456789abcdef0',
      primaryInstanceId: 'i-0aaaaaaaaaaaaaaa1',
      standbyInstanceId: 'i-0bbbbbbbbbbbbbbb2',
      deviceIndex: number('device'),
      attachTimeoutSeconds: number('wait'),
      cooldownSeconds: number('cooldown'),
    });
    // WHEN / THEN
    const [fn] = Object.values(resourcesOf(stack, 'aws_lambda_function'));
    expect(fn.timeout).toBe('${min(900, ((420 + (var.wait * 2)) + 60))}');
    expect(fn.environment.variables).toMatchObject({
      DEVICE_INDEX: '${var.device}', ATTACH_TIMEOUT_SECONDS: '${var.wait}', COOLDOWN_SECONDS: '${var.cooldown}', NETWORK_CARD_INDEX: '0',
    });
  });

  test('fails when two agents of one app, in two stacks, are given the same pair name', () => {
    // GIVEN an agent of pair "web" in stack blue
    const app = Testing.app();
    const [blue, green] = ['blue', 'green'].map((id) => new TerraformStack(app, id));
    const props = { pairName: 'web', networkInterfaceId: 'eni-0123456789abcdef0', primaryInstanceId: 'i-0aaaaaaaaaaaaaaa1', standbyInstanceId: 'i-0bbbbbbbbbbbbbbb2', deviceIndex: 1 };
    new FailoverAgent(blue, 'agent', props);
    // WHEN / THEN another in stack green, whose function and role would have the same names, is refused
    expectConstraintError(() => new FailoverAgent(green, 'agent', props), 'DuplicatePairName', ['green/agent', 'blue/agent']);
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
    // The side, not the instance: a replaced primary must not pull the interface off a serving standby.
    expect(JSON.parse(invocation.input)).toEqual({ action: 'place', side: 'primary' });
    expect(invocation.triggers).toEqual({ active: 'primary' });
    // The first request needs the policy in force (defect 8).
    expect(invocation.depends_on).toEqual([`aws_iam_role_policy.${nic.agent!.policy.friendlyUniqueId}`]);
    // The agent's tag is its own: Terraform neither shows it as drift nor erases it (defect 1).
    const [eni] = Object.values(resourcesOf(stack, 'aws_network_interface')).filter((i: any) => i.tags?.['nic-patterns:role'] === 'failover');
    expect(eni.lifecycle).toEqual({ ignore_changes: ['tags["nic-patterns:last-failover"]'] });
    expect(Object.values(resourcesOf(stack, 'aws_instance')).filter((i: any) => i.tags?.['nic-patterns:failover-pair'] === nic.pairName)).toHaveLength(2);
  });

  test('synthesizes as in the snapshot', () => {
    expect(maskAssetHashes(Testing.synth(agentPair(HaActiveSide.STANDBY).stack))).toMatchSnapshot();
  });
});
