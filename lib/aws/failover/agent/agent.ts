import type { EC2Client } from '@aws-sdk/client-ec2';
import { Clock } from './clock';
import { AgentConfig } from './config';
import { Ec2Api } from './ec2-api';
import { EniMover, MoveIntent, Outcome } from './eni-mover';
import { AgentRequest, classifyEvent } from './events';
import { FailoverMetric, Logger } from './log';

/** What the agent needs from the outside world; tests pass a mocked client, a fake clock and a captured log. */
export interface AgentDeps {
  readonly ec2: EC2Client;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The part of the Lambda context the agent reads. */
export interface InvocationContext {
  readonly awsRequestId?: string;
}

export type AgentHandler = (event: unknown, context?: InvocationContext) => Promise<Outcome>;

/** An operator's placement request could not be met: the invocation fails, so that `terraform apply` does. */
export class PlacementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlacementError';
  }
}

/**
 * The agent as a Lambda handler: classifies the event, drops it when it is older than the maximum
 * event age, turns it into a move intent, runs the state machine, and logs and meters the outcome
 * (`FailoverSucceeded`, `FailoverGaveUp`) or the failure (`FailoverFailed`, then rethrows so that
 * Lambda records an error and the alarm fires). An operator request that gives up also throws.
 */
export function createAgent(config: AgentConfig, deps: AgentDeps): AgentHandler {
  return async (event, context) => {
    const log = deps.logger.child({ requestId: context?.awsRequestId });
    const request = classifyEvent(event);
    if (request.kind === 'ignored') {
      log.info('event ignored', { reason: request.reason, event });
      return { outcome: 'ignored', reason: request.reason };
    }
    if (request.kind === 'invalid') {
      log.error('invalid request', { reason: request.reason, event });
      throw new PlacementError(`failover agent: ${request.reason}`);
    }
    const stale = staleness(config, request, deps.clock.now());
    if (stale) {
      log.warn('event ignored', { reason: stale, event });
      return { outcome: 'ignored', reason: stale };
    }
    const intent = toIntent(config, request);
    if (!intent) {
      const reason = `instance ${request.instanceId} is not in pair ${config.pairName} (${config.primaryInstanceId}, ${config.standbyInstanceId})`;
      if (request.kind === 'place') {
        log.error('invalid request', { reason });
        throw new PlacementError(`failover agent: ${reason}`);
      }
      log.info('event ignored', { reason });
      return { outcome: 'ignored', reason };
    }

    log.info('failover requested', { request, target: intent.target });
    const metric = (name: FailoverMetric) => log.metric(config.metricNamespace, name, 1, { Pair: config.pairName });
    const startedAt = deps.clock.now();
    let outcome: Outcome;
    try {
      outcome = await new EniMover(config, new Ec2Api(deps.ec2, deps.clock, log), deps.clock, log).run(intent);
    } catch (error) {
      log.error(`failover failed: ${error instanceof Error ? error.message : String(error)}`, { error, durationMs: deps.clock.now() - startedAt });
      metric('FailoverFailed');
      throw error;
    }
    const fields = { ...outcome, durationMs: deps.clock.now() - startedAt };
    if (outcome.outcome === 'moved') {
      log.info(`failover succeeded: ${config.networkInterfaceId} moved from ${outcome.from ?? 'nothing'} to ${outcome.to}`, fields);
      metric('FailoverSucceeded');
    } else if (outcome.outcome === 'gave-up') {
      log.error(`failover gave up: ${outcome.reason}`, fields);
      metric('FailoverGaveUp');
      if (intent.operator) {
        throw new PlacementError(`failover agent: could not place ${config.networkInterfaceId} on ${intent.target}: ${outcome.reason}`);
      }
    } else {
      log.info(`nothing to do: ${outcome.reason}`, fields);
    }
    return outcome;
  };
}

type ActionableRequest = Exclude<AgentRequest, { kind: 'ignored' | 'invalid' }>;

/** Why an event is too old to act on, or undefined. Operator requests are never stale: Terraform waits for them. */
function staleness(config: AgentConfig, request: ActionableRequest, now: number): string | undefined {
  if (request.kind === 'place' || request.time === undefined) return undefined;
  const ageSeconds = Math.round((now - request.time) / 1000);
  if (ageSeconds <= config.maxEventAgeSeconds) return undefined;
  return `the event is ${ageSeconds} s old, beyond the ${config.maxEventAgeSeconds} s maximum event age: the failure it reports may be over`;
}

/** The instance that must hold the interface after this request, or undefined for an instance outside the pair. */
function toIntent(config: AgentConfig, request: ActionableRequest): MoveIntent | undefined {
  const { primaryInstanceId: primary, standbyInstanceId: standby } = config;
  if (request.kind === 'place' && request.side !== undefined) {
    return { target: request.side === 'primary' ? primary : standby, operator: true };
  }
  const instanceId = request.instanceId!;
  if (instanceId !== primary && instanceId !== standby) {
    return undefined;
  }
  if (request.kind === 'place') {
    return { target: instanceId, operator: true };
  }
  // The failed instance's partner takes over, if the failed one still holds the interface and is still failed.
  return { target: instanceId === primary ? standby : primary, operator: false, failed: instanceId };
}
