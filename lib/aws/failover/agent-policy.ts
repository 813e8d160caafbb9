/** One IAM policy statement, as IAM's JSON grammar writes it. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: string[];
  readonly Resource: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

/** What the agent's policy is scoped to. */
export interface AgentPolicyScope {
  readonly partition: string;
  readonly networkInterfaceId: string;
  /** Tag key and value that both members of the pair carry. */
  readonly pairTagKey: string;
  readonly pairTagValue: string;
  readonly logGroupArn: string;
  readonly lastFailoverTagKey: string;
}

/**
 * The failover agent's least-privilege policy: it may read network interfaces, instances and
 * instance types (EC2 describe calls support no resource-level permissions: the agent reads the
 * target's free device indexes and interface limit before it detaches anything), and may only
 * detach, attach and tag
 * this one interface, on instances tagged as members of this pair, and write its own logs.
 * Metrics are written as CloudWatch embedded-metric log lines, so no CloudWatch permission is needed.
 */
export function agentPolicyStatements(scope: AgentPolicyScope): PolicyStatement[] {
  const ec2 = `arn:${scope.partition}:ec2:*:*`;
  return [
    {
      Sid: 'ReadNetworkState',
      Effect: 'Allow',
      Action: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeInstanceStatus', 'ec2:DescribeInstances', 'ec2:DescribeInstanceTypes'],
      Resource: '*',
    },
    {
      Sid: 'MoveThisInterface',
      Effect: 'Allow',
      Action: ['ec2:AttachNetworkInterface', 'ec2:DetachNetworkInterface'],
      Resource: `${ec2}:network-interface/${scope.networkInterfaceId}`,
    },
    {
      Sid: 'OnlyBetweenPairMembers',
      Effect: 'Allow',
      Action: ['ec2:AttachNetworkInterface', 'ec2:DetachNetworkInterface'],
      Resource: `${ec2}:instance/*`,
      Condition: { StringEquals: { [`aws:ResourceTag/${scope.pairTagKey}`]: scope.pairTagValue } },
    },
    {
      Sid: 'RecordLastFailover',
      Effect: 'Allow',
      Action: ['ec2:CreateTags'],
      Resource: `${ec2}:network-interface/${scope.networkInterfaceId}`,
      Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': [scope.lastFailoverTagKey] } },
    },
    {
      Sid: 'WriteOwnLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `${scope.logGroupArn}:*`,
    },
  ];
}

/** A policy document as Terraform expects it in `aws_iam_role_policy.policy`. */
export function policyDocument(statements: PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}
