import { Clock } from './clock';
import { AgentConfig } from './config';
import { Ec2Api, InstanceHealth, InstanceSlots, InterfaceState, isHealthy, isImpaired, isReady, mayBecomeReady } from './ec2-api';
import { Logger } from './log';
import { backoffCeiling, Backoff, errorCode } from './retry';

/** What an invocation returns (Terraform's `aws_lambda_invocation` stores it as `result`). */
export interface Outcome {
  readonly outcome: 'moved' | 'noop' | 'gave-up' | 'ignored';
  readonly from?: string;
  readonly to?: string;
  readonly reason?: string;
}

/** Where the interface must end up, and why. */
export interface MoveIntent {
  /** The instance that must hold the interface. */
  readonly target: string;
  /**
   * An operator's explicit request (the `place` action): it may move the interface off a healthy
   * holder and ignores the cooldown; an interface held outside the pair is a failure to report
   * rather than an event to ignore.
   */
  readonly operator: boolean;
  /**
   * The instance an event reports as failed: the interface leaves it only if it still fails when the
   * agent decides (an event can arrive late, twice, or after the instance recovered).
   * @default - an operator request
   */
  readonly failed?: string;
}

/** The interface did not reach the awaited state in time; the failover is left for a rerun or a human. */
export class FailoverTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FailoverTimeoutError';
  }
}

/** EC2 refused to attach the interface to the target; the message says where the interface is now. */
export class AttachRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttachRefusedError';
  }
}

/** How often the agent polls while EC2 detaches or attaches: 1 s, 2 s, 4 s, then every 5 s. */
const POLL_BACKOFF: Backoff = { baseDelayMs: 1_000, maxDelayMs: 5_000 };
/** How often it polls a target whose status checks are still initializing: minutes, not seconds. */
const READY_BACKOFF: Backoff = { baseDelayMs: 5_000, maxDelayMs: 15_000 };

/** Attachment states in which the interface belongs to an instance (a `detaching` one is on its way out). */
const HOLDING = new Set(['attaching', 'attached']);

/** Where the interface plugs into an instance. */
interface Slot {
  readonly deviceIndex: number;
  readonly networkCardIndex: number;
}

/**
 * The failover state machine. Each run starts from what EC2 reports, so it is idempotent and a rerun
 * finishes what an interrupted run started. Nothing is detached before the target is known to be
 * able to take the interface:
 *
 * - held by the target: nothing to do;
 * - held by an instance outside the pair, or as a primary interface: never touched;
 * - held by the other member: for an event, that member must still be failed (not running, or
 *   impaired) and the last move older than the cooldown; then the target must be running with
 *   passing status checks (waiting a bounded time while it initializes), have the device index
 *   free, room for one more interface, and EC2 must authorize the attach (DryRun). Only then the
 *   detach (forced only when the holder is impaired), the wait for `available`, the attach (at the
 *   next free index if EC2 refuses the old one) and the wait for `attached`. If EC2 refuses the
 *   attach, the interface goes back to the previous holder when it was healthy and detached
 *   gracefully, and the run fails either way;
 * - attached to nothing, or already detaching (an interrupted run, a terminated holder): the same
 *   checks of the target, then attach. No cooldown here: attaching a free interface restores
 *   service and cannot flap.
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
    const gaveUp = (reason: string): Outcome => ({ outcome: 'gave-up', from, to: target, reason });
    this.log.info('interface state', { status: eni.status, attachment: eni.attachment, target });

    if (holder?.instanceId === target) {
      return { outcome: 'noop', to: target, reason: `the interface is already ${holder.status} to ${target}` };
    }
    if (holder && !this.isMember(holder.instanceId)) {
      const reason = `the interface is held by ${holder.instanceId}, which is not in pair ${this.config.pairName}`;
      return intent.operator ? gaveUp(reason) : { outcome: 'noop', reason };
    }
    if (holder?.deviceIndex === 0) {
      return gaveUp(`the interface is the primary interface (device index 0) of ${from}, which cannot be detached`);
    }

    if (holder && !intent.operator) {
      const stillFailed = await this.stillFailed(holder.instanceId!);
      if (stillFailed) return stillFailed;
      const recent = this.recentMove(eni);
      if (recent) return gaveUp(recent);
    }

    const targetHealth = await this.waitReady(target);
    if (!isReady(targetHealth)) {
      return gaveUp(`${this.describe(target)} is not ready to take the interface (${describeHealth(targetHealth)})`);
    }
    const preferred = {
      deviceIndex: eni.attachment?.deviceIndex ?? this.config.deviceIndex,
      networkCardIndex: eni.attachment?.networkCardIndex ?? this.config.networkCardIndex,
    };
    const choice = await this.chooseSlot(target, preferred);
    if ('refusal' in choice) return gaveUp(choice.refusal);
    const slot = choice;

    // The holder's health is read again now: the readiness wait may have lasted minutes, and a holder
    // that recovered meanwhile keeps the interface (an event), or is detached gracefully (an operator).
    // A graceful detach lets the guest release the device; only an impaired holder, which may never
    // answer, is forced: after a forced detach the instance may refuse that device index until it is
    // stopped and started (AWS ENI guide), and the way back would be closed.
    let holderHealth: InstanceHealth | undefined;
    if (holder) {
      if (!intent.operator) {
        const stillFailed = await this.stillFailed(holder.instanceId!);
        if (stillFailed) return stillFailed;
      }
      holderHealth = await this.api.instanceHealth(holder.instanceId!);
      await this.detach(holder.attachmentId!, holder.instanceId!, isImpaired(holderHealth));
    } else {
      await this.forceStuckDetach(eni);
    }
    const forced = holderHealth !== undefined && isImpaired(holderHealth);
    await this.waitFor('available', (state) => state.status === 'available');
    try {
      await this.attachAnywhere(target, slot);
    } catch (error) {
      const canGoBack = holder !== undefined && holderHealth !== undefined && !forced && isHealthy(holderHealth);
      const previousSlot = { ...slot, deviceIndex: holder?.deviceIndex ?? slot.deviceIndex };
      throw await this.rollBack(error, target, canGoBack ? { instanceId: holder.instanceId!, slot: previousSlot } : undefined);
    }
    await this.waitFor(`attached to ${target}`, (state) => state.attachment?.instanceId === target && state.attachment.status === 'attached');
    await this.recordMove();
    return { outcome: 'moved', from, to: target };
  }

  /** A noop outcome when the instance an event reports as failed is healthy now, else undefined. */
  private async stillFailed(instanceId: string): Promise<Outcome | undefined> {
    const health = await this.api.instanceHealth(instanceId);
    if (!isHealthy(health)) return undefined;
    return {
      outcome: 'noop',
      reason: `${this.describe(instanceId)} holds the interface and is healthy now (${describeHealth(health)}): `
        + 'the failure event is stale or the instance recovered',
    };
  }

  /**
   * An interface left `detaching` from an impaired member (a graceful detach the hung guest never
   * answers, started by an earlier run) would stay there: force it, as a detach of an impaired
   * holder would have been.
   */
  private async forceStuckDetach(eni: InterfaceState): Promise<void> {
    const attachment = eni.attachment;
    if (attachment?.status !== 'detaching' || !this.isMember(attachment.instanceId) || attachment.attachmentId === undefined) return;
    if (!isImpaired(await this.api.instanceHealth(attachment.instanceId!))) return;
    await this.detach(attachment.attachmentId, attachment.instanceId!, true);
  }

  private isMember(instanceId: string | undefined): boolean {
    return instanceId === this.config.primaryInstanceId || instanceId === this.config.standbyInstanceId;
  }

  /** `primary i-...` or `standby i-...`, for messages that an operator reads. */
  private describe(instanceId: string): string {
    if (instanceId === this.config.primaryInstanceId) return `primary ${instanceId}`;
    if (instanceId === this.config.standbyInstanceId) return `standby ${instanceId}`;
    return `instance ${instanceId}`;
  }

  /**
   * The reason to refuse when the last move is within the cooldown, else undefined. The last move is
   * the later of the agent's tag and the attachment's own time: EC2 returns the attachment time
   * together with the attachment, while a tag written a moment ago may not show yet (eventual
   * consistency), so a quick second event cannot slip past the cooldown.
   */
  private recentMove(eni: InterfaceState): string | undefined {
    const tagged = eni.lastFailover === undefined ? undefined : Date.parse(eni.lastFailover);
    if (tagged !== undefined && Number.isNaN(tagged)) {
      this.log.warn('ignoring an unreadable last-failover tag', { value: eni.lastFailover });
    }
    const times = [tagged, eni.attachment?.attachTime].filter((time): time is number => time !== undefined && !Number.isNaN(time));
    if (times.length === 0) return undefined;
    const movedAt = Math.max(...times);
    const ageSeconds = (this.clock.now() - movedAt) / 1000;
    if (ageSeconds >= this.config.cooldownSeconds) {
      return undefined;
    }
    return `the interface moved ${Math.max(0, Math.round(ageSeconds))} s ago (at ${new Date(movedAt).toISOString()}), `
      + `within the ${this.config.cooldownSeconds} s cooldown: refusing to move it again so that a failing pair does not flap`;
  }

  /** Polls the target's status while it boots or initializes, for at most READY_TIMEOUT_SECONDS. */
  private async waitReady(instanceId: string): Promise<InstanceHealth> {
    const deadline = this.clock.now() + this.config.readyTimeoutSeconds * 1000;
    for (let attempt = 0; ; attempt++) {
      const health = await this.api.instanceHealth(instanceId);
      const remaining = deadline - this.clock.now();
      if (isReady(health) || !mayBecomeReady(health) || remaining <= 0) {
        return health;
      }
      this.log.info('waiting for the target to pass its status checks', { instanceId, health });
      await this.clock.sleep(Math.min(backoffCeiling(attempt, READY_BACKOFF), remaining));
    }
  }

  /**
   * Where on the target the interface goes, found before anything is detached: the preferred slot,
   * or the lowest free device index of its card when another interface has that index; or why the
   * target cannot take it at all.
   */
  private async chooseSlot(target: string, preferred: Slot): Promise<Slot | { refusal: string }> {
    const slots = await this.api.instanceSlots(target);
    const others = slots.interfaces.filter((eni) => eni.networkInterfaceId !== this.config.networkInterfaceId);
    const full = await this.fullCard(slots.instanceType, others, preferred.networkCardIndex);
    if (full) return { refusal: `${this.describe(target)} ${full}` };
    const taken = others.find((eni) => eni.deviceIndex === preferred.deviceIndex && eni.networkCardIndex === preferred.networkCardIndex);
    const slot = taken ? lowestFreeSlot(others, preferred) : preferred;
    if (taken) {
      this.log.info('the device index is taken on the target; using the lowest free one', { taken: taken.networkInterfaceId, ...slot });
    }
    const refused = await this.api.attachRefusal(this.config.networkInterfaceId, target, slot.deviceIndex, slot.networkCardIndex);
    if (refused === 'UnauthorizedOperation') {
      return {
        refusal: `the agent may not attach the interface to ${this.describe(target)} (UnauthorizedOperation): both members must carry the tag `
        + `nic-patterns:failover-pair=${this.config.pairName}`,
      };
    }
    if (refused !== undefined) {
      this.log.warn('the dry-run attach answered with an unexpected code; going on', { code: refused });
    }
    return slot;
  }

  /** What keeps one more interface off `card` of an instance of `instanceType`, else undefined. */
  private async fullCard(instanceType: string | undefined, attached: InstanceSlots['interfaces'], card: number): Promise<string | undefined> {
    if (instanceType === undefined) return undefined;
    const limits = await this.api.interfaceLimits(instanceType);
    if (limits.perCard.size > 0 && !limits.perCard.has(card)) {
      return `(${instanceType}) has no network card ${card}`;
    }
    const onCard = attached.filter((eni) => eni.networkCardIndex === card).length;
    const cardMax = limits.perCard.get(card);
    if (cardMax !== undefined && onCard >= cardMax) {
      return `(${instanceType}) already has ${onCard} interfaces on network card ${card}, its maximum`;
    }
    const max = limits.maximumNetworkInterfaces;
    if (max !== undefined && attached.length >= max) {
      return `(${instanceType}) already has ${attached.length} interfaces, its maximum`;
    }
    return undefined;
  }

  private async detach(attachmentId: string, instanceId: string, force: boolean): Promise<void> {
    this.log.info('detaching', { attachmentId, instanceId, force });
    const inProgress = await this.api.detach(attachmentId, force);
    if (inProgress) {
      this.log.info('the attachment is already detaching or gone; waiting for the interface', { code: inProgress });
    }
  }

  /**
   * Attaches at `slot`; when EC2 refuses that index (after a forced detach an instance may refuse it
   * until stopped and started), at the lowest free index of the same card. The guest configuration
   * (`osNetworkConfig`) matches the interface by MAC address, so its index does not matter to it.
   */
  private async attachAnywhere(target: string, slot: Slot): Promise<void> {
    try {
      await this.attach(target, slot);
    } catch (error) {
      if (await this.attachedAnyway(error, target)) return;
      // Only EC2's refusal of the request's parameters may be about the index; anything else is not worth a second try.
      if (!isClientError(error) || NOT_ABOUT_THE_INDEX.has(errorCode(error) ?? '')) throw error;
      const alternative = await this.freeSlot(target, slot);
      if (alternative === undefined) throw error;
      this.log.warn('EC2 refused the device index; trying the next free one', { error, deviceIndex: alternative.deviceIndex });
      try {
        await this.attach(target, alternative);
      } catch (retryError) {
        if (!(await this.attachedAnyway(retryError, target))) throw retryError;
      }
    }
  }

  /**
   * `InvalidNetworkInterface.InUse` after a retried attach: the first call may have worked and only
   * its answer been lost. The interface on the target is success, not a refusal.
   */
  private async attachedAnyway(error: unknown, target: string): Promise<boolean> {
    if (errorCode(error) !== 'InvalidNetworkInterface.InUse') return false;
    const state = await this.api.describeInterface(this.config.networkInterfaceId);
    const onTarget = state.attachment?.instanceId === target && HOLDING.has(state.attachment.status ?? '');
    if (onTarget) this.log.info('the attach went through although its answer was lost', { attachment: state.attachment });
    return onTarget;
  }

  private async attach(instanceId: string, slot: Slot): Promise<void> {
    this.log.info('attaching', { instanceId, ...slot });
    await this.api.attach(this.config.networkInterfaceId, instanceId, slot.deviceIndex, slot.networkCardIndex);
  }

  /** After EC2 refused `slot`: the lowest free device index of its card other than the slot's, if the card has room. */
  private async freeSlot(target: string, slot: Slot): Promise<Slot | undefined> {
    const slots = await this.api.instanceSlots(target);
    const others = slots.interfaces.filter((eni) => eni.networkInterfaceId !== this.config.networkInterfaceId);
    if (await this.fullCard(slots.instanceType, others, slot.networkCardIndex)) return undefined;
    return lowestFreeSlot([...others, { deviceIndex: slot.deviceIndex, networkCardIndex: slot.networkCardIndex }], slot);
  }

  /**
   * After a refused attach: puts the interface back on the previous holder when that is safe, and
   * returns the error to throw, which says where the interface is.
   */
  private async rollBack(error: unknown, target: string, previous: { instanceId: string; slot: Slot } | undefined): Promise<Error> {
    const cause = `EC2 refused to attach the interface to ${this.describe(target)} (${errorCode(error) ?? String(error)})`;
    if (previous === undefined) {
      return new AttachRefusedError(`${cause}; the interface is attached to nothing`);
    }
    this.log.warn('attach refused; putting the interface back on its previous holder', { error, instanceId: previous.instanceId });
    try {
      await this.attach(previous.instanceId, previous.slot);
      await this.waitFor(`attached to ${previous.instanceId}`, (state) => state.attachment?.instanceId === previous.instanceId && state.attachment.status === 'attached');
    } catch (rollbackError) {
      return new AttachRefusedError(`${cause}, and re-attaching it to ${this.describe(previous.instanceId)} failed too `
        + `(${errorCode(rollbackError) ?? String(rollbackError)}): the interface may be attached to nothing`);
    }
    return new AttachRefusedError(`${cause}; the interface is back on ${this.describe(previous.instanceId)}`);
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

/** Refusals another device index cannot cure. */
const NOT_ABOUT_THE_INDEX = new Set(['UnauthorizedOperation', 'IncorrectInstanceState', 'AttachmentLimitExceeded', 'InvalidNetworkInterface.InUse']);

/** The lowest device index (1 or more) of the slot's card that none of `attached` uses. */
function lowestFreeSlot(attached: InstanceSlots['interfaces'], slot: Slot): Slot {
  const used = new Set(attached.filter((eni) => eni.networkCardIndex === slot.networkCardIndex).map((eni) => eni.deviceIndex));
  let deviceIndex = 1;
  while (used.has(deviceIndex)) deviceIndex++;
  return { ...slot, deviceIndex };
}

function isClientError(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  return status !== undefined && status >= 400 && status < 500;
}

function describeHealth(health: InstanceHealth): string {
  return `state ${health.state}, instance status ${health.instanceStatus}, system status ${health.systemStatus}`;
}
