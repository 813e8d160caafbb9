import { Clock } from './clock';
import { AgentConfig } from './config';
import { Ec2Api, InstanceHealth, InterfaceState, isHealthy, isImpaired } from './ec2-api';
import { Logger } from './log';
import { backoffCeiling, Backoff } from './retry';

/** What an invocation returns (Terraform's `aws_lambda_invocation` stores it as `result`). */
export interface Outcome {
  readonly outcome: 'moved' | 'noop' | 'gave-up' | 'ignored';
  readonly from?: string;
  readonly to?: string;
  readonly reason?: string;
}

/** Where the interface must end up, and how careful to be on the way. */
export interface MoveIntent {
  /** The instance that must hold the interface. */
  readonly target: string;
  /**
   * An operator's explicit request (the `place` action): it ignores the cooldown, and an interface held
   * outside the pair is a failure to report rather than an event to ignore.
   */
  readonly operator: boolean;
  /** Force the detach whatever the holder's status checks say (alarm events). */
  readonly forceDetach: boolean;
}

/** The interface did not reach the awaited state in time; the failover is left for a rerun or a human. */
export class FailoverTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FailoverTimeoutError';
  }
}

/** How often the agent polls while EC2 detaches or attaches: 1 s, 2 s, 4 s, then every 5 s. */
const POLL_BACKOFF: Backoff = { baseDelayMs: 1_000, maxDelayMs: 5_000 };

/** Attachment states in which the interface belongs to an instance (a `detaching` one is on its way out). */
const HOLDING = new Set(['attaching', 'attached']);

/**
 * The failover state machine. Each run starts from what EC2 reports, so it is idempotent and a rerun
 * finishes what an interrupted run started:
 *
 * - held by the target: nothing to do;
 * - held by an instance outside the pair: never touched;
 * - held by the other member: check the target is healthy and (for events) the cooldown, detach
 *   (forced when the holder is impaired or an alarm fired), wait until `available`, attach, confirm;
 * - attached to nothing, or already detaching (an interrupted run, a terminated holder): wait until
 *   `available` and attach to the target if it is healthy. No cooldown here: attaching a free interface
 *   restores service and cannot flap.
 */
export class EniMover {
  constructor(
    private readonly config: AgentConfig,
    private readonly api: Ec2Api,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async run(intent: MoveIntent): Promise<Outcome> {
    const { target } = intent;
    const eni = await this.api.describeInterface(this.config.networkInterfaceId);
    const holder = eni.attachment?.status !== undefined && HOLDING.has(eni.attachment.status) ? eni.attachment : undefined;
    const from = eni.attachment?.instanceId;
    this.log.info('interface state', { status: eni.status, attachment: eni.attachment, target });

    if (holder?.instanceId === target) {
      return { outcome: 'noop', to: target, reason: `the interface is already ${holder.status} to ${target}` };
    }
    if (holder && !this.isMember(holder.instanceId)) {
      const reason = `the interface is held by ${holder.instanceId}, which is not in pair ${this.config.pairName}`;
      return intent.operator ? { outcome: 'gave-up', from, to: target, reason } : { outcome: 'noop', reason };
    }
    if (holder?.deviceIndex === 0) {
      return { outcome: 'gave-up', from, to: target, reason: `the interface is the primary interface (device index 0) of ${from}, which cannot be detached` };
    }

    const targetHealth = await this.api.instanceHealth(target);
    if (!isHealthy(targetHealth)) {
      return { outcome: 'gave-up', from, to: target, reason: `standby ${target} is not healthy (${describeHealth(targetHealth)})` };
    }
    if (holder && !intent.operator) {
      const recent = this.recentMove(eni);
      if (recent) {
        return { outcome: 'gave-up', from, to: target, reason: recent };
      }
    }

    if (holder) {
      await this.detach(holder.attachmentId!, holder.instanceId!, intent.forceDetach);
    }
    await this.waitFor('available', (state) => state.status === 'available');
    const deviceIndex = eni.attachment?.deviceIndex ?? this.config.deviceIndex;
    const networkCardIndex = eni.attachment?.networkCardIndex ?? this.config.networkCardIndex;
    this.log.info('attaching', { instanceId: target, deviceIndex, networkCardIndex });
    await this.api.attach(this.config.networkInterfaceId, target, deviceIndex, networkCardIndex);
    await this.waitFor(`attached to ${target}`, (state) => state.attachment?.instanceId === target && state.attachment.status === 'attached');
    await this.recordMove();
    return { outcome: 'moved', from, to: target };
  }

  private isMember(instanceId: string | undefined): boolean {
    return instanceId === this.config.primaryInstanceId || instanceId === this.config.standbyInstanceId;
  }

  /** The reason to refuse when the last move is within the cooldown, else undefined. */
  private recentMove(eni: InterfaceState): string | undefined {
    if (eni.lastFailover === undefined) {
      return undefined;
    }
    const movedAt = Date.parse(eni.lastFailover);
    if (Number.isNaN(movedAt)) {
      this.log.warn('ignoring an unreadable last-failover tag', { value: eni.lastFailover });
      return undefined;
    }
    const ageSeconds = (this.clock.now() - movedAt) / 1000;
    if (ageSeconds >= this.config.cooldownSeconds) {
      return undefined;
    }
    return `the interface moved ${Math.max(0, Math.round(ageSeconds))} s ago (at ${eni.lastFailover}), within the ${this.config.cooldownSeconds} s cooldown: `
      + 'refusing to move it again so that a failing pair does not flap';
  }

  private async detach(attachmentId: string, instanceId: string, forceRequested: boolean): Promise<void> {
    // A plain detach lets the OS release the device; an impaired instance may never answer, so force it.
    const force = forceRequested || isImpaired(await this.api.instanceHealth(instanceId));
    this.log.info('detaching', { attachmentId, instanceId, force });
    const inProgress = await this.api.detach(attachmentId, force);
    if (inProgress) {
      this.log.info('the attachment is already detaching or gone; waiting for the interface', { code: inProgress });
    }
  }

  /** Polls the interface with backoff until `done`, for at most ATTACH_TIMEOUT_SECONDS. */
  private async waitFor(what: string, done: (state: InterfaceState) => boolean): Promise<InterfaceState> {
    const deadline = this.clock.now() + this.config.attachTimeoutSeconds * 1000;
    for (let attempt = 0; ; attempt++) {
      const state = await this.api.describeInterface(this.config.networkInterfaceId);
      if (done(state)) {
        return state;
      }
      const remaining = deadline - this.clock.now();
      if (remaining <= 0) {
        throw new FailoverTimeoutError(
          `interface ${this.config.networkInterfaceId} was not ${what} within ${this.config.attachTimeoutSeconds} s `
          + `(status ${state.status}, attachment ${state.attachment?.status ?? 'none'} to ${state.attachment?.instanceId ?? 'nothing'})`,
        );
      }
      await this.clock.sleep(Math.min(backoffCeiling(attempt, POLL_BACKOFF), remaining));
    }
  }

  /** Tags the interface with the time of this move; a failure is logged, never fatal: the move is done. */
  private async recordMove(): Promise<void> {
    try {
      await this.api.recordFailover(this.config.networkInterfaceId, new Date(this.clock.now()).toISOString());
    } catch (error) {
      this.log.warn('could not record the move in the last-failover tag; the cooldown will not see it', { error });
    }
  }
}

function describeHealth(health: InstanceHealth): string {
  return `state ${health.state}, instance status ${health.instanceStatus}, system status ${health.systemStatus}`;
}
