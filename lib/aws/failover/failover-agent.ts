import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaFunctionEventInvokeConfig } from '@cdktf/provider-aws/lib/lambda-function-event-invoke-config';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { AssetType, Fn, Op, TerraformAsset, Token } from 'cdktf';
import { Construct } from 'constructs';
import { MarkerTag } from '../marker-tags';
import { AGENT_DEFAULTS, ENI_ID, INSTANCE_ID } from './agent/config';
import { agentBundleDir } from './agent-bundle';
import { agentPolicyStatements, policyDocument } from './agent-policy';
import { claimPairName, PairKind } from './pair-name';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { isUnresolved } from '../../core/tokens';
import { checkCount } from '../address-checks';
import { checkAttachmentDeviceIndex } from '../device-index-checks';
import { DocUrl } from '../doc-url';
import { partitionOf, regionalIamName } from '../iam-scope';

/** Tag both members of a failover pair carry; the agent may only move the interface between them. */
export const FAILOVER_PAIR_TAG = MarkerTag.failoverPair;
/** Tag the agent writes on the interface after each move, read back to refuse flapping. */
export const LAST_FAILOVER_TAG = MarkerTag.lastFailover;
/** Namespace of the agent's metrics (`FailoverSucceeded`, `FailoverGaveUp`, `FailoverFailed`). */
export const FAILOVER_METRIC_NAMESPACE = 'NicPatterns/Failover';

/** State changes after which the instance can no longer serve the interface. */
const FAILED_STATES = ['stopping', 'stopped', 'shutting-down', 'terminated'];

/**
 * The retention periods CloudWatch Logs takes, and 0, which Terraform writes as no retention policy.
 * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
 */
const LOG_RETENTION_DAYS = [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** `arn:<partition>:sns:<region>:<12-digit account>:<topic>`, a FIFO topic's name ending in `.fifo`. */
const SNS_TOPIC_ARN = /^arn:aws(-[a-z]+)*:sns:[a-z]+(-[a-z]+)+-\d+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/** The Lambda timeout the agent needs with these waits, uncapped. */
function agentTimeout(attach: number, ready: number): number {
  return ready + 2 * attach + API_TIME_SECONDS;
}

/** The props that were given, so that spreading them over defaults keeps the defaults of the others. */
function definedOnly<T extends object>(props: T): Partial<T> {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Refuses a literal EC2 id the agent's own configuration check would refuse at cold start, where no alarm sees it. */
function checkEc2Id(scope: Construct, name: string, value: string, pattern: RegExp, example: string): void {
  if (isUnresolved(value) || pattern.test(value)) return;
  throw new NetworkConstraintError({
    code: ErrorCode.InvalidEc2Id,
    scope,
    problem: `${name} is not an EC2 id: the agent would refuse its configuration at cold start and never run`,
    received: JSON.stringify(value),
    allowed: `an id such as ${example} (a prefix, then 8 or 17 hexadecimal digits), or a reference`,
  });
}

/** A number as an environment variable's text; `String()` of a number token would write its encoding. */
function numberText(value: number): string {
  return isUnresolved(value) ? Token.asString(value) : String(value);
}

/** The longest a Lambda function may run. */
const LAMBDA_MAX_TIMEOUT_SECONDS = 900;
/** Time the agent's API calls take besides its waits. */
const API_TIME_SECONDS = 60;
/** Lambda's bounds of the maximum event age of asynchronous invocations. */
const EVENT_AGE_RANGE = [60, 21600] as const;

/** Options of the failover agent shared by `HaFailoverNic` and `FailoverAgent`. */
export interface FailoverAgentOptions {
  /**
   * Seconds the agent waits for the interface to detach, and then to attach, before it gives up.
   * @default 120
   */
  readonly attachTimeoutSeconds?: number;

  /**
   * Seconds the agent waits for the target instance to run with passing status checks before it
   * moves the interface there (a member just launched or restarted is still `initializing`).
   * `readyTimeoutSeconds + 2 * attachTimeoutSeconds + 60` must stay within Lambda's 900 s.
   * @default 420
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/monitoring-system-instance-status-check.html
   */
  readonly readyTimeoutSeconds?: number;

  /**
   * Seconds after a move during which the agent refuses to move the interface again on an event
   * (no flapping); an operator's request through Terraform ignores it.
   * @default 600
   */
  readonly cooldownSeconds?: number;

  /**
   * Age in seconds (60 to 21600) beyond which an EC2 or alarm event is dropped rather than acted on,
   * by Lambda's and EventBridge's queues and by the agent itself: an old event describes a world
   * that is gone.
   * @default 300
   * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-configuring.html
   */
  readonly maxEventAgeSeconds?: number;

  /**
   * ARNs of the SNS topics notified when a failover gives up or fails
   * (`arn:<partition>:sns:<region>:<account>:<topic>`).
   * @default - the alarm has no action; it shows in the CloudWatch console
   * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsns.html#amazonsns-resources-for-iam-policies
   */
  readonly alarmTopicArns?: string[];

  /**
   * Days the agent's logs are kept: one of the periods CloudWatch Logs takes (1, 3, 5, 7, 14, 30,
   * 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653), or 0 to
   * keep them forever.
   * @default 30
   * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
   */
  readonly logRetentionDays?: number;

  /**
   * Also fail over when an instance fails its EC2 status checks for two minutes.
   * @default true
   */
  readonly failOnStatusCheck?: boolean;

  /**
   * AWS partition of the ARNs in the agent's policy (`aws`, `aws-cn`, `aws-us-gov`).
   * @default - the partition of the provider's region (`data.aws_partition`)
   */
  readonly partition?: string;
}

/** Props of a `FailoverAgent`. */
export interface FailoverAgentProps extends FailoverAgentOptions {
  /**
   * Name of the pair (letters, digits, `-`, `_`, at most 40), unique among the app's failover pairs:
   * names the function, role, alarms and rules, and is the value of the `nic-patterns:failover-pair`
   * tag that both instances must carry.
   */
  readonly pairName: string;
  /** The interface the agent moves. */
  readonly networkInterfaceId: string;
  /** The instance that normally holds the interface. */
  readonly primaryInstanceId: string;
  /** The hot standby. */
  readonly standbyInstanceId: string;
  /** Device index of the interface on either instance (1 or more: 0 is the primary interface's). */
  readonly deviceIndex: number;
  /**
   * Network card index of the interface on either instance.
   * @default 0
   */
  readonly networkCardIndex?: number;
}

/**
 * An AWS Lambda function that moves a network interface from a failed instance to its hot standby
 * (the AWS guide's "low-budget high availability" scenario), triggered by EventBridge when the
 * holder stops or terminates and by a CloudWatch alarm on its status checks.
 *
 * The function runs one invocation at a time (reserved concurrency 1), retries throttling with
 * capped exponential backoff and jitter, is idempotent, refuses to move to an unhealthy standby or
 * twice within the cooldown, logs structured JSON and raises an alarm when it gives up. Its role may
 * only detach and attach this interface, between instances tagged with this pair's name.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
 */
export class FailoverAgent extends Construct {
  /** The Lambda function. */
  public readonly function: LambdaFunction;
  /** The function's execution role. */
  public readonly role: IamRole;
  /** The alarm raised when a failover gives up or fails. */
  public readonly failureAlarm: CloudwatchMetricAlarm;
  private readonly maxEventAgeSeconds: number;

  /** The role's policy: Terraform's first "place" request needs it in force. */
  public readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: FailoverAgentProps) {
    super(scope, id);
    const settings = { ...AGENT_DEFAULTS, ...definedOnly(props) };
    this.validate(props, settings);
    const functionName = `nic-failover-${props.pairName}`;

    const logGroup = new CloudwatchLogGroup(this, 'Logs', {
      name: `/aws/lambda/${functionName}`,
      retentionInDays: props.logRetentionDays ?? 30,
    });
    this.role = new IamRole(this, 'Role', {
      name: regionalIamName(this, `nic-ha-${props.pairName}`),
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    this.policy = new IamRolePolicy(this, 'Policy', {
      role: this.role.id,
      name: 'move-failover-interface',
      policy: policyDocument(agentPolicyStatements({
        partition: partitionOf(this, props.partition),
        networkInterfaceId: props.networkInterfaceId,
        pairTagKey: FAILOVER_PAIR_TAG,
        pairTagValue: props.pairName,
        logGroupArn: logGroup.arn,
        lastFailoverTagKey: LAST_FAILOVER_TAG,
      })),
    });

    const code = new TerraformAsset(this, 'Code', { path: agentBundleDir(), type: AssetType.ARCHIVE });
    const { attachTimeoutSeconds: attach, readyTimeoutSeconds: ready } = settings;
    this.function = new LambdaFunction(this, 'Function', {
      functionName,
      description: `Moves ${props.networkInterfaceId} to the healthy member of failover pair ${props.pairName}`,
      role: this.role.arn,
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      filename: code.path,
      sourceCodeHash: code.assetHash,
      // The readiness wait, the detach and attach waits, and the API calls around them.
      timeout: isUnresolved(attach) || isUnresolved(ready)
        ? Fn.min([LAMBDA_MAX_TIMEOUT_SECONDS, Op.add(Op.add(ready, Op.mul(attach, 2)), API_TIME_SECONDS)])
        : agentTimeout(attach, ready),
      memorySize: 256,
      // One failover at a time: two concurrent runs would race on the same attachment.
      reservedConcurrentExecutions: 1,
      environment: {
        variables: {
          NETWORK_INTERFACE_ID: props.networkInterfaceId,
          PRIMARY_INSTANCE_ID: props.primaryInstanceId,
          STANDBY_INSTANCE_ID: props.standbyInstanceId,
          DEVICE_INDEX: numberText(props.deviceIndex),
          NETWORK_CARD_INDEX: numberText(props.networkCardIndex ?? 0),
          PAIR_NAME: props.pairName,
          METRIC_NAMESPACE: FAILOVER_METRIC_NAMESPACE,
          ATTACH_TIMEOUT_SECONDS: numberText(attach),
          READY_TIMEOUT_SECONDS: numberText(ready),
          COOLDOWN_SECONDS: numberText(settings.cooldownSeconds),
          MAX_EVENT_AGE_SECONDS: numberText(settings.maxEventAgeSeconds),
        },
      },
      dependsOn: [logGroup],
    });
    // Lambda's defaults keep an event queued for 6 hours and retry it twice: a failover decided on
    // such an event would act on a world that is gone.
    new LambdaFunctionEventInvokeConfig(this, 'EventAge', {
      functionName: this.function.functionName,
      maximumEventAgeInSeconds: settings.maxEventAgeSeconds,
      maximumRetryAttempts: 1,
    });
    this.maxEventAgeSeconds = settings.maxEventAgeSeconds;

    const members = [props.primaryInstanceId, props.standbyInstanceId];
    this.trigger('StateChange', `${functionName}-state`, {
      'source': ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      'detail': { 'instance-id': members, 'state': FAILED_STATES },
    });
    if (props.failOnStatusCheck ?? true) {
      const alarms = members.map((instanceId, i) => new CloudwatchMetricAlarm(this, i === 0 ? 'PrimaryStatusCheck' : 'StandbyStatusCheck', {
        alarmName: `${functionName}-${i === 0 ? 'primary' : 'standby'}-status-check`,
        alarmDescription: `Status checks of ${i === 0 ? 'the primary' : 'the standby'} of failover pair ${props.pairName} fail`,
        namespace: 'AWS/EC2',
        metricName: 'StatusCheckFailed',
        dimensions: { InstanceId: instanceId },
        statistic: 'Maximum',
        period: 60,
        evaluationPeriods: 2,
        threshold: 1,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        treatMissingData: 'missing',
      }));
      this.trigger('StatusAlarm', `${functionName}-alarm`, {
        'source': ['aws.cloudwatch'],
        'detail-type': ['CloudWatch Alarm State Change'],
        'resources': alarms.map((alarm) => alarm.arn),
        'detail': { state: { value: ['ALARM'] } },
      });
    }

    this.failureAlarm = new CloudwatchMetricAlarm(this, 'FailureAlarm', {
      alarmName: `${functionName}-gave-up`,
      alarmDescription: `The failover agent of pair ${props.pairName} gave up or failed: the interface may be on no healthy instance`,
      metricQuery: [
        ...['FailoverGaveUp', 'FailoverFailed'].map((metricName, i) => ({
          id: `m${i}`,
          metric: { namespace: FAILOVER_METRIC_NAMESPACE, metricName, dimensions: { Pair: props.pairName }, period: 60, stat: 'Sum' },
        })),
        { id: 'total', expression: 'FILL(m0, 0) + FILL(m1, 0)', label: 'gave up or failed', returnData: true },
      ],
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      treatMissingData: 'notBreaching',
      alarmActions: props.alarmTopicArns,
    });
  }

  private trigger(id: string, name: string, pattern: object): void {
    const rule = new CloudwatchEventRule(this, `${id}Rule`, { name, eventPattern: JSON.stringify(pattern) });
    new CloudwatchEventTarget(this, `${id}Target`, {
      rule: rule.name,
      arn: this.function.arn,
      retryPolicy: { maximumEventAgeInSeconds: this.maxEventAgeSeconds, maximumRetryAttempts: 2 },
    });
    new LambdaPermission(this, `${id}Permission`, {
      action: 'lambda:InvokeFunction',
      functionName: this.function.functionName,
      principal: 'events.amazonaws.com',
      sourceArn: rule.arn,
    });
  }

  private validate(props: FailoverAgentProps, settings: Required<Pick<FailoverAgentOptions, keyof typeof AGENT_DEFAULTS>>): void {
    claimPairName(this, PairKind.FAILOVER, props.pairName);
    checkAttachmentDeviceIndex(this, props.deviceIndex);
    checkEc2Id(this, 'networkInterfaceId', props.networkInterfaceId, ENI_ID, 'eni-0123456789abcdef0');
    checkEc2Id(this, 'primaryInstanceId', props.primaryInstanceId, INSTANCE_ID, 'i-0123456789abcdef0');
    checkEc2Id(this, 'standbyInstanceId', props.standbyInstanceId, INSTANCE_ID, 'i-0123456789abcdef0');
    checkCount(this, 'attachTimeoutSeconds', settings.attachTimeoutSeconds, 10, 420);
    checkCount(this, 'readyTimeoutSeconds', settings.readyTimeoutSeconds, 0, 780);
    checkCount(this, 'cooldownSeconds', settings.cooldownSeconds, 0);
    checkCount(this, 'maxEventAgeSeconds', settings.maxEventAgeSeconds, ...EVENT_AGE_RANGE);
    this.checkTimeouts(settings.attachTimeoutSeconds, settings.readyTimeoutSeconds);
    this.checkLogRetention(props.logRetentionDays ?? 30);
    // A list known only at deploy time is skipped whole; a literal list's token elements one by one.
    if (!Token.isUnresolved(props.alarmTopicArns)) props.alarmTopicArns?.forEach((arn) => this.checkTopicArn(arn));
  }

  /** The agent must finish its longest run within one Lambda invocation, or it stops halfway through a move. */
  private checkTimeouts(attach: number, ready: number): void {
    if (isUnresolved(attach) || isUnresolved(ready) || agentTimeout(attach, ready) <= LAMBDA_MAX_TIMEOUT_SECONDS) return;
    throw new NetworkConstraintError({
      code: ErrorCode.AgentTimeoutTooLong,
      scope: this,
      problem: `the agent's longest run (readiness wait + 2 x attach wait + ${API_TIME_SECONDS} s of API calls) exceeds Lambda's ${LAMBDA_MAX_TIMEOUT_SECONDS} s limit`,
      received: `readyTimeoutSeconds ${ready}, attachTimeoutSeconds ${attach}: ${agentTimeout(attach, ready)} s`,
      allowed: `readyTimeoutSeconds + 2 * attachTimeoutSeconds <= ${LAMBDA_MAX_TIMEOUT_SECONDS - API_TIME_SECONDS}`,
      fix: 'Shorten readyTimeoutSeconds or attachTimeoutSeconds',
      docUrl: DocUrl.lambdaTimeout,
    });
  }

  private checkLogRetention(days: number): void {
    if (isUnresolved(days) || LOG_RETENTION_DAYS.includes(days)) return;
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidLogRetentionDays,
      scope: this,
      problem: 'CloudWatch Logs keeps logs for one of a fixed list of periods only',
      received: `logRetentionDays ${days}`,
      allowed: `one of ${LOG_RETENTION_DAYS.filter((d) => d > 0).join(', ')}, or 0 to keep the logs forever`,
      docUrl: DocUrl.logRetention,
    });
  }

  private checkTopicArn(arn: string): void {
    if (isUnresolved(arn) || SNS_TOPIC_ARN.test(arn)) return;
    throw new NetworkConstraintError({
      code: ErrorCode.InvalidSnsTopicArn,
      scope: this,
      problem: 'an alarm topic is not the ARN of an SNS topic',
      received: JSON.stringify(arn),
      allowed: 'arn:<partition>:sns:<region>:<12-digit account id>:<topic name>, such as "arn:aws:sns:us-east-1:111122223333:ops"',
      fix: 'Pass the topic\'s ARN (SnsTopic.arn), not its name or URL',
      docUrl: DocUrl.snsTopicArn,
    });
  }
}
