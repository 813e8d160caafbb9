import { AgentDeps, AgentHandler, createAgent } from '../../../../../lib/aws/failover/agent/agent';
import { AgentConfig, loadConfig } from '../../../../../lib/aws/failover/agent/config';
import { Outcome } from '../../../../../lib/aws/failover/agent/eni-mover';
import { FAILED_STATES } from '../../../../../lib/aws/failover/agent/events';
import { Logger } from '../../../../../lib/aws/failover/agent/log';
import { agentEnv, alarm, ENI, place as placeRequest, stateChange } from '../fake-ec2';
import { at, EmittedEvent, INSTANCE_OF, LambdaTimeout, MEMBERS, ModelClock, ModelEc2, Side, WorldParams } from './model-ec2';

/**
 * The agent's settings in the model: short enough that a run covers many cooldowns, in the ratios of
 * the defaults (the readiness wait longer than the attach wait, the cooldown longer than both).
 */
export const MODEL_ENV = {
  ATTACH_TIMEOUT_SECONDS: '60',
  READY_TIMEOUT_SECONDS: '120',
  COOLDOWN_SECONDS: '600',
  MAX_EVENT_AGE_SECONDS: '300',
};

/** Lambda retries a failed asynchronous invocation after about a minute (the construct allows one retry). */
const LAMBDA_RETRY_DELAY_MS = 60_000;
/** The construct's API time allowance in the Lambda timeout (`FailoverAgent`: ready + 2 x attach + 60 s). */
const API_TIME_SECONDS = 60;
/** Rounds of "time passes, then the event or request that the situation calls for" before the interface must be home. */
export const SETTLE_ROUNDS = 2;
const TRACE_LINES = 60;

export const PROPERTIES = {
  P1: 'the agent never attaches the interface to, nor detaches it from, an instance outside the pair',
  P2: 'an event never moves the interface away from a holder that is healthy (running, not impaired)',
  P3: 'once the pair settles, the interface ends attached to a healthy member whenever a member can take it',
  P4: 'at most one event-driven move within any cooldown window',
  P5: 'a placement request ends with the interface on the requested member, or fails naming the reason',
  P6: 'every invocation ends within the Lambda timeout the construct gives it',
} as const;
export type PropertyId = keyof typeof PROPERTIES;
export const PROPERTY_IDS = Object.keys(PROPERTIES) as PropertyId[];

export class PropertyViolation extends Error {
  constructor(readonly property: PropertyId, detail: string, trace: readonly string[]) {
    super(`${property} violated (${PROPERTIES[property]}): ${detail}\n  last ${TRACE_LINES} lines of the trace:\n    ${trace.slice(-TRACE_LINES).join('\n    ')}`);
    this.name = 'PropertyViolation';
  }
}

/** Figures of a run of the model, over all its sequences (shrinking included). */
export interface ModelStats {
  sequences: number;
  commands: number;
  invocations: number;
  moved: number;
  noop: number;
  gaveUp: number;
  ignored: number;
  failed: number;
  lambdaRetries: number;
  /** Sequences that settled with the interface on a healthy member. */
  settledHome: number;
  /** Sequences where P3 asks nothing as the interface is held outside the pair... */
  settledOutside: number;
  /** ... or as no member can take it (stopped, terminated, impaired, full, untagged, its free indexes locked). */
  settledNoTaker: number;
  /** Failed invocations by error name and gist, e.g. `FailoverTimeoutError: not available`. */
  failures: Record<string, number>;
  violations: Record<PropertyId, number>;
}

export function emptyStats(): ModelStats {
  return {
    sequences: 0,
    commands: 0,
    invocations: 0,
    moved: 0,
    noop: 0,
    gaveUp: 0,
    ignored: 0,
    failed: 0,
    lambdaRetries: 0,
    settledHome: 0,
    settledOutside: 0,
    settledNoTaker: 0,
    failures: {},
    violations: { P1: 0, P2: 0, P3: 0, P4: 0, P5: 0, P6: 0 },
  };
}

/** Builds the agent's handler; the default is the agent of lib/, a check of the test may pass another one. */
export type AgentFactory = (config: AgentConfig, deps: AgentDeps) => AgentHandler;

export interface SystemOptions {
  readonly stats: ModelStats;
  /** The properties whose violation fails the sequence; the others are only counted. */
  readonly checked: ReadonlySet<PropertyId>;
  readonly agent?: AgentFactory;
}

interface InvocationResult {
  readonly outcome?: Outcome;
  readonly error?: unknown;
}

/**
 * The agent (reserved concurrency 1: one invocation at a time) wired to the model EC2 and its clock,
 * with the properties judged on what EC2 received and on what each invocation answered.
 */
export class ModelSystem {
  readonly world: ModelEc2;
  readonly config: AgentConfig;
  private readonly clock: ModelClock;
  private readonly handler: AgentHandler;
  private judgedCalls = 0;
  private lastEventMove: number | undefined;
  private requests = 0;
  /** The events `live` has delivered, in order (a `Deliver` step delivers one again, or out of order). */
  private deliveredInOrder = 0;

  constructor(params: WorldParams, readonly options: SystemOptions) {
    this.world = new ModelEc2(params);
    this.clock = new ModelClock(this.world);
    this.config = loadConfig(agentEnv(MODEL_ENV));
    const logger = new Logger(() => undefined, this.clock.now);
    this.handler = (options.agent ?? createAgent)(this.config, { ec2: this.world.client, clock: this.clock, logger });
  }

  get stats(): ModelStats {
    return this.options.stats;
  }

  /** EventBridge delivers an event (at once, late, again); Lambda retries a failed invocation once, a minute later, if the event is young enough. */
  async deliver(emitted: EmittedEvent): Promise<void> {
    const receivedAt = this.world.now;
    const label = `${emitted.label} of ${at(emitted.time)}`;
    const first = await this.invoke(emitted.event, 'event', `deliver ${label}`);
    if (first.error === undefined || this.world.now + LAMBDA_RETRY_DELAY_MS - receivedAt > this.config.maxEventAgeSeconds * 1000) return;
    this.world.advanceTo(this.world.now + LAMBDA_RETRY_DELAY_MS);
    this.stats.lambdaRetries++;
    await this.invoke(emitted.event, 'event', `Lambda retries ${label}`);
  }

  /**
   * Time passes until `until`, and EventBridge delivers, in order, the events it has not delivered in
   * order yet, then each new one as it is emitted (an invocation may end after `until`).
   */
  async live(until: number): Promise<void> {
    for (;;) {
      while (this.deliveredInOrder < this.world.emitted.length) await this.deliver(this.world.emitted[this.deliveredInOrder++]);
      const next = this.world.nextChangeAt();
      if (next === undefined || next > until) break;
      this.world.advanceTo(next);
    }
    this.world.advanceTo(until);
  }

  /** Terraform's `aws_lambda_invocation`: the interface must end on that member, or the apply must fail with the reason (P5). */
  async place(side: Side): Promise<void> {
    const target = INSTANCE_OF[side];
    const result = await this.invoke(placeRequest(side), 'operator', `place(${side})`);
    if (result.error === undefined) {
      // The agent may have seen the interface on the target in a Describe up to maxLagMs old.
      if (!this.world.wasHeldBy(target, this.world.now - this.world.params.maxLagMs, this.world.now)) {
        this.violate('P5', `place(${side}) answered ${JSON.stringify(result.outcome)} while the interface is ${this.whereIsTheInterface()}`);
      }
      return;
    }
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    if (!message.includes(target) && !message.includes(ENI)) {
      this.violate('P5', `place(${side}) failed with an error that names neither the target nor the interface: ${message}`);
    }
  }

  /**
   * P3: time passes beyond the cooldown, members finish initializing; then, while the interface is
   * not on a healthy member and some member can take it, what the situation calls for happens: a
   * fresh failure event about a failed holder (EventBridge sends one on a new failure), or else an
   * operator's placement on a member that can take it. After SETTLE_ROUNDS of these it must be home.
   */
  async settle(): Promise<void> {
    for (let round = 0; ; round++) {
      this.world.advanceTo(this.world.now + (this.config.cooldownSeconds + 10) * 1000);
      for (const member of MEMBERS) {
        if (this.world.state(member) === 'running' && this.world.isInitializing(member)) this.world.finishInitializing(member);
      }
      const attachment = this.world.currentAttachment();
      if (attachment?.status === 'attached' && MEMBERS.includes(attachment.instanceId) && this.world.isHealthy(attachment.instanceId)) {
        this.stats.settledHome++;
        return;
      }
      if (attachment && !MEMBERS.includes(attachment.instanceId)) {
        this.stats.settledOutside++;
        return;
      }
      const able = MEMBERS.filter((member) => this.world.canTake(member));
      if (able.length === 0) {
        this.stats.settledNoTaker++;
        return;
      }
      if (round === SETTLE_ROUNDS) {
        this.violate('P3', `after ${SETTLE_ROUNDS} rounds the interface is ${this.whereIsTheInterface()}, while ${able.map((id) => this.sideOf(id)).join(' and ')} can take it`);
        return;
      }
      const holder = attachment && attachment.status !== 'detaching' ? attachment.instanceId : undefined;
      this.world.trace.push(`${at(this.world.now)} settle round ${round + 1}`);
      if (holder !== undefined && !this.world.isHealthy(holder)) {
        await this.deliver(this.freshFailure(holder));
      } else {
        await this.place(this.sideOf(able[0]));
      }
    }
  }

  whereIsTheInterface(): string {
    const attachment = this.world.currentAttachment();
    if (attachment === undefined) return 'attached to nothing';
    const holder = MEMBERS.includes(attachment.instanceId) ? this.sideOf(attachment.instanceId) : attachment.instanceId;
    return `${attachment.status}${attachment.hung ? ' (hung: the guest does not answer)' : ''} ${attachment.status === 'detaching' ? 'from' : 'to'} ${holder} at index ${attachment.deviceIndex}`;
  }

  private sideOf(instanceId: string): Side {
    return instanceId === INSTANCE_OF.primary ? 'primary' : 'standby';
  }

  /** The event EventBridge sends when the holder fails anew: its state change, or its status-check alarm. */
  private freshFailure(holder: string): EmittedEvent {
    const state = this.world.state(holder);
    const time = new Date(this.world.now).toISOString();
    const event = FAILED_STATES.includes(state) ? stateChange(holder, state, time) : { ...alarm(holder), time };
    return { time: this.world.now, label: `fresh ${FAILED_STATES.includes(state) ? state : 'ALARM'}(${this.sideOf(holder)})`, event };
  }

  private async invoke(event: object, actor: 'event' | 'operator', label: string): Promise<InvocationResult> {
    const startedAt = this.world.now;
    this.stats.invocations++;
    this.world.trace.push(`${at(startedAt)} ${label} ...`);
    this.world.actor = actor;
    this.clock.deadline = startedAt + (this.config.readyTimeoutSeconds + 2 * this.config.attachTimeoutSeconds + API_TIME_SECONDS) * 1000;
    let result: InvocationResult;
    try {
      result = { outcome: await this.handler(event, { awsRequestId: `req-${++this.requests}` }) };
    } catch (error) {
      result = { error };
    } finally {
      this.world.actor = 'human';
      this.clock.deadline = Infinity;
    }
    this.count(result);
    const answer = result.outcome
      ? `${result.outcome.outcome}${result.outcome.reason ? `: ${result.outcome.reason}` : ''}`
      : `throws ${result.error instanceof Error ? `${result.error.name}: ${result.error.message}` : String(result.error)}`;
    this.world.trace.push(`${at(this.world.now)} ... ${label} ${answer}`);
    if (result.error instanceof LambdaTimeout) this.violate('P6', `${label} ran past the Lambda timeout`);
    this.judgeCalls();
    return result;
  }

  private count(result: InvocationResult): void {
    switch (result.outcome?.outcome) {
      case 'moved': this.stats.moved++; break;
      case 'noop': this.stats.noop++; break;
      case 'gave-up': this.stats.gaveUp++; break;
      case 'ignored': this.stats.ignored++; break;
      default: {
        this.stats.failed++;
        const kind = failureKind(result.error);
        this.stats.failures[kind] = (this.stats.failures[kind] ?? 0) + 1;
      }
    }
  }

  /** P1, P2 and P4 over the mutating calls of the invocation that just ended. */
  private judgeCalls(): void {
    const calls = this.world.calls.slice(this.judgedCalls);
    this.judgedCalls = this.world.calls.length;
    const cooldownMs = this.config.cooldownSeconds * 1000;
    for (const call of calls) {
      if (call.actor === 'human') continue;
      if (call.instanceId !== '-' && !MEMBERS.includes(call.instanceId)) {
        this.violate('P1', `the agent (${call.actor}) called ${call.kind} on ${call.instanceId} at ${at(call.time)}`);
      }
      if (call.kind !== 'detach' || !call.holding || call.actor !== 'event') continue;
      // Healthy for longer than the Describe lag: the agent could have seen it, and moved the interface anyway.
      if (call.holderHealthySince !== undefined && call.holderHealthySince <= call.time - this.world.params.maxLagMs) {
        this.violate('P2', `an event detached the interface from ${this.sideOf(call.instanceId)} at ${at(call.time)}, `
          + `healthy since ${at(call.holderHealthySince)}`);
      }
      if (this.lastEventMove !== undefined && call.time - this.lastEventMove < cooldownMs) {
        this.violate('P4', `event-driven moves at ${at(this.lastEventMove)} and ${at(call.time)}, within the ${this.config.cooldownSeconds} s cooldown`);
      }
      this.lastEventMove = call.time;
    }
  }

  private violate(property: PropertyId, detail: string): void {
    this.stats.violations[property]++;
    if (this.options.checked.has(property)) throw new PropertyViolation(property, detail, this.world.trace);
  }
}

/** An error's name and the gist of its message, without ids and times, to count failures by kind. */
function failureKind(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const gist = error.message
    .replace(/(eni|i|eni-attach)-[0-9a-f]+/g, '<id>')
    .replace(/(?<![A-Za-z])\d[\d.:TZ-]*/g, 'N')
    .replace(/\(status .*$/, '')
    .slice(0, 140);
  return `${error.name}: ${gist}`;
}
