/** Instance states after which an instance can no longer serve the interface. */
export const FAILED_STATES: readonly string[] = ['stopping', 'stopped', 'shutting-down', 'terminated'];

/** What an invocation asks the agent to do. */
export type AgentRequest =
  /** An instance of the pair stopped or terminated (EventBridge, aws.ec2); `time`: when, ms since the epoch, if the event says. */
  | { readonly kind: 'instance-state'; readonly instanceId: string; readonly state: string; readonly time?: number }
  /** A status-check alarm of an instance of the pair fired (EventBridge, aws.cloudwatch). */
  | { readonly kind: 'alarm'; readonly instanceId: string; readonly alarmName: string; readonly time?: number }
  /** An operator (Terraform's `aws_lambda_invocation`) wants the interface on this member, or on this instance. */
  | { readonly kind: 'place'; readonly side?: PairSide; readonly instanceId?: string }
  | { readonly kind: 'ignored'; readonly reason: string }
  /** A malformed operator request: the invocation fails so that Terraform shows the mistake. */
  | { readonly kind: 'invalid'; readonly reason: string };

/** A member of the pair, as Terraform's placement request names it. */
export type PairSide = 'primary' | 'standby';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sorts an invocation payload into one of the requests above. Unexpected events are `ignored` (EventBridge
 * would otherwise retry them); only a malformed `place` action, which an operator sent, is `invalid`.
 */
export function classifyEvent(event: unknown): AgentRequest {
  if (!isObject(event)) {
    return ignored('the event is not a JSON object');
  }
  if (event.action !== undefined) {
    return classifyAction(event);
  }
  const detail = isObject(event.detail) ? event.detail : {};
  const time = typeof event.time === 'string' ? Date.parse(event.time) : NaN;
  const when = Number.isNaN(time) ? {} : { time };
  if (event.source === 'aws.ec2' && event['detail-type'] === 'EC2 Instance State-change Notification') {
    return withTime(classifyStateChange(detail), when);
  }
  if (event.source === 'aws.cloudwatch' && event['detail-type'] === 'CloudWatch Alarm State Change') {
    return withTime(classifyAlarm(detail), when);
  }
  return ignored(`unhandled event (source ${JSON.stringify(event.source)}, detail-type ${JSON.stringify(event['detail-type'])})`);
}

function classifyStateChange(detail: Json): AgentRequest {
  const instanceId = detail['instance-id'];
  const state = detail.state;
  if (typeof instanceId !== 'string' || typeof state !== 'string') {
    return ignored('state-change event without detail.instance-id or detail.state');
  }
  if (!FAILED_STATES.includes(state)) {
    return ignored(`instance ${instanceId} is ${state}, which is not a failure`);
  }
  return { kind: 'instance-state', instanceId, state };
}

function classifyAlarm(detail: Json): AgentRequest {
  const alarmName = String(detail.alarmName ?? 'unnamed alarm');
  const value = isObject(detail.state) ? detail.state.value : undefined;
  if (value !== 'ALARM') {
    return ignored(`alarm ${alarmName} went to ${String(value)}, not ALARM`);
  }
  const configuration = isObject(detail.configuration) ? detail.configuration : {};
  const metrics = Array.isArray(configuration.metrics) ? configuration.metrics : [];
  const instanceIds = new Set<string>();
  for (const metric of metrics) {
    const dimensions = (metric as { metricStat?: { metric?: { dimensions?: Json } } })?.metricStat?.metric?.dimensions;
    if (isObject(dimensions) && typeof dimensions.InstanceId === 'string') {
      instanceIds.add(dimensions.InstanceId);
    }
  }
  if (instanceIds.size !== 1) {
    return ignored(`alarm ${alarmName} names ${instanceIds.size === 0 ? 'no' : 'several'} InstanceId dimension(s); cannot tell which instance failed`);
  }
  return { kind: 'alarm', instanceId: [...instanceIds][0], alarmName };
}

function classifyAction(event: Json): AgentRequest {
  if (event.action !== 'place') {
    return ignored(`unknown action ${JSON.stringify(event.action)}`);
  }
  // aws_lambda_invocation with lifecycle_scope = "CRUD" also invokes on destroy: removing the
  // invocation from the configuration must not move the interface.
  if (isObject(event.tf) && event.tf.action === 'delete') {
    return ignored('Terraform is destroying the invocation; the interface stays where it is');
  }
  if (event.side === 'primary' || event.side === 'standby') {
    return { kind: 'place', side: event.side };
  }
  if (event.side !== undefined) {
    return { kind: 'invalid', reason: `the place action's side must be "primary" or "standby" (got ${JSON.stringify(event.side)})` };
  }
  if (typeof event.instanceId !== 'string' || event.instanceId === '') {
    return { kind: 'invalid', reason: 'the place action needs a side ("primary" or "standby") or an instanceId' };
  }
  return { kind: 'place', instanceId: event.instanceId };
}

function withTime(request: AgentRequest, when: { time?: number }): AgentRequest {
  return request.kind === 'instance-state' || request.kind === 'alarm' ? { ...request, ...when } : request;
}

function ignored(reason: string): AgentRequest {
  return { kind: 'ignored', reason };
}
