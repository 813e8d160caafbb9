import {
  AttachNetworkInterfaceCommand,
  AttachNetworkInterfaceCommandInput,
  CreateTagsCommand,
  CreateTagsCommandInput,
  DescribeInstancesCommand,
  DescribeInstancesCommandInput,
  DescribeInstanceStatusCommand,
  DescribeInstanceStatusCommandInput,
  DescribeInstanceTypesCommand,
  DescribeInstanceTypesCommandInput,
  DescribeNetworkInterfacesCommand,
  DescribeNetworkInterfacesCommandInput,
  DetachNetworkInterfaceCommand,
  DetachNetworkInterfaceCommandInput,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { Clock } from '../../../../../lib/aws/failover/agent/clock';
import { FAILED_STATES } from '../../../../../lib/aws/failover/agent/events';
import { alarm, ec2Error, ENI, OUTSIDER, PRIMARY, STANDBY, START, stateChange } from '../fake-ec2';

/** The modelled instance types, with the interfaces each takes on its single network card. */
export const INTERFACE_LIMITS = { 't3.micro': 2, 't3.small': 3 } as const;
export type InstanceType = keyof typeof INTERFACE_LIMITS;

export type InstanceState = 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';
export type AttachmentStatus = 'attaching' | 'attached' | 'detaching';
export type Side = 'primary' | 'standby';
export type Who = Side | 'outsider';

export const INSTANCE_OF: Readonly<Record<Who, string>> = { primary: PRIMARY, standby: STANDBY, outsider: OUTSIDER };
export const MEMBERS: readonly string[] = [PRIMARY, STANDBY];

/** A status-check alarm of the construct: two periods of 60 s in breach before it goes to ALARM. */
const ALARM_DELAY_MS = 120_000;

/** The world a run starts from, and how fast and how consistently EC2 answers in it. */
export interface WorldParams {
  /** Who holds the interface at the start (`none`: it is available). */
  readonly holder: Who | 'none';
  /** Device index of the initial attachment (2 is possible on a t3.small only). */
  readonly deviceIndex: number;
  readonly types: Readonly<Record<Side, InstanceType>>;
  /** Members with an interface of their own at device index 2 besides their primary one (t3.small only). */
  readonly extraInterface: Readonly<Record<Side, boolean>>;
  /** Whether the standby carries the pair tag that the agent's IAM policy requires (the primary always does). */
  readonly standbyTagged: boolean;
  /** Age of the `nic-patterns:last-failover` tag at the start, or undefined: never moved. */
  readonly lastMoveAgoSeconds?: number;
  /** Upper bound of the eventual consistency of the Describe calls: they show the world as of up to this long ago. */
  readonly maxLagMs: number;
  /** A tag shows in DescribeNetworkInterfaces this long after CreateTags (on top of the Describe lag). */
  readonly tagLagMs: number;
  readonly attachDelayMs: number;
  /** How long a graceful detach takes (the guest releases the device); longer than the agent's wait at times. */
  readonly detachDelayMs: number;
  readonly forcedDetachDelayMs: number;
  /**
   * Percent of calls that fail with a transient error the agent retries: throttling, or for a mutating
   * call at times a lost response (the call took effect, the agent sees ECONNRESET). At most 3 in a row.
   */
  readonly transientPercent: number;
  /** Seed of the lag of each Describe call and of the transient errors. */
  readonly seed: number;
}

/** Who made a mutating call: the agent for an event, the agent for an operator's placement, or a human in the console. */
export type Actor = 'event' | 'operator' | 'human';

/** A mutating call EC2 received (a DryRun attach changes nothing and is left out), with the facts the properties judge. */
export interface MutatingCall {
  readonly time: number;
  readonly kind: 'attach' | 'detach';
  readonly actor: Actor;
  /** The attach target, or the instance the interface is detached from. */
  readonly instanceId: string;
  readonly deviceIndex?: number;
  readonly force?: boolean;
  /** Detach only: the attachment was attaching or attached (a move starts), not already detaching. */
  readonly holding?: boolean;
  /** Detach only: since when the holder has been running and not impaired, or undefined when it is not. */
  readonly holderHealthySince?: number;
  /** The error code EC2 answered with, or undefined when the call was accepted. */
  readonly refused?: string;
}

/** An event EventBridge has for the agent (the construct's rules deliver only these), with the time it carries. */
export interface EmittedEvent {
  readonly time: number;
  readonly label: string;
  readonly event: object;
}

interface ModelInstance {
  readonly id: string;
  readonly label: string;
  readonly member: boolean;
  readonly tagged: boolean;
  readonly type: InstanceType;
  /** Its own interfaces: the primary one at device index 0, and maybe another one. */
  readonly ownInterfaces: ReadonlyArray<{ readonly networkInterfaceId: string; readonly deviceIndex: number }>;
  state: InstanceState;
  /** Running, status checks not passed yet. */
  initializing: boolean;
  impaired?: 'instance' | 'system';
  /** Device indexes refused after a forced detach, until the instance is stopped (and started). */
  readonly lockedIndexes: Set<number>;
  /** Bumped by each state change: a timer of an older state is void. */
  stateEpoch: number;
  /** Bumped by each impairment and recovery: an alarm or a recovery of an older one is void. */
  checkEpoch: number;
  healthySince?: number;
}

interface ModelAttachment {
  readonly attachmentId: string;
  readonly instanceId: string;
  readonly deviceIndex: number;
  readonly attachTime: number;
  status: AttachmentStatus;
  /** A graceful detach while the instance is impaired: the guest does not release the device until it recovers or stops. */
  hung: boolean;
  /** The detach under way is forced: EC2 does not wait for the guest. */
  forced: boolean;
}

interface InstanceView {
  readonly state: InstanceState;
  readonly instanceStatus: string;
  readonly systemStatus: string;
  readonly type: InstanceType;
  readonly interfaces: ReadonlyArray<{ readonly networkInterfaceId: string; readonly deviceIndex: number }>;
}

/** What the Describe calls can see of the world at one moment. */
interface View {
  readonly attachment?: Readonly<Omit<ModelAttachment, 'hung' | 'forced'>>;
  readonly tags: Readonly<Record<string, string>>;
  readonly instances: Readonly<Record<string, InstanceView>>;
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
}

/** A small deterministic generator (Park and Miller's), so that a run is repeatable from its parameters. */
function generator(seed: number): () => number {
  const modulus = 2_147_483_647;
  let state = (Math.abs(Math.trunc(seed)) % (modulus - 1)) + 1;
  return () => {
    state = (state * 16_807) % modulus;
    return (state - 1) / (modulus - 1);
  };
}

/** Seconds since the start of the run, for traces. */
export function at(time: number): string {
  return `t+${((time - START) / 1000).toFixed(1)}s`;
}

/**
 * A model of the EC2 the failover agent sees, behind `aws-sdk-client-mock`. Time only moves when the
 * agent sleeps or a step lets it pass, and the world's timers fire on the way, so that the world
 * changes between the agent's calls as it would. The rules:
 *
 * - three instances, the two members and an outsider without the pair tag; each has its own primary
 *   interface at device index 0, maybe another one at index 2, and a type that takes 2 or 3 interfaces;
 * - instance states pending -> running -> stopping -> stopped and shutting-down -> terminated, each
 *   change after a delay; a started instance initializes (status checks not passed) for a while; a
 *   running one can be impaired (instance or system check) and recover; a stopped instance keeps the
 *   interface, a terminated one releases it;
 * - EventBridge gets what the construct's rules pass on: the members' stopping, stopped,
 *   shutting-down and terminated state changes, and the status-check alarm after two minutes of
 *   impairment;
 * - the attachment goes attaching -> attached and detaching -> detached some time after the call; a
 *   graceful detach hangs while the guest is impaired (until it recovers or stops); a forced one does
 *   not wait, but locks that device index on the instance until it stops (AWS ENI guide);
 * - an attach is refused: UnauthorizedOperation by the agent's IAM policy when the instance lacks the
 *   pair tag (a DryRun says DryRunOperation otherwise), IncorrectInstanceState when it stops or
 *   terminates, InvalidNetworkInterface.InUse when the interface is attached, InvalidParameterValue
 *   for an index that is out of range, taken or locked, AttachmentLimitExceeded when it is full;
 * - the Describe calls are eventually consistent: each shows the world as of up to `maxLagMs` ago, and
 *   a new tag shows `tagLagMs` after CreateTags; mutating calls act on the current world;
 * - a few calls fail with a transient error (throttling, or a lost response after the call took effect).
 */
export class ModelEc2 {
  readonly client = new EC2Client({ region: 'eu-west-1' });
  now = START;
  /** Who the next mutating calls come from; the system sets it around each invocation. */
  actor: Actor = 'human';
  readonly calls: MutatingCall[] = [];
  readonly emitted: EmittedEvent[] = [];
  /** What happened, for the report of a failing sequence. */
  readonly trace: string[] = [];
  private readonly instances: Record<string, ModelInstance>;
  private attachment: ModelAttachment | undefined;
  /** The tags the Describe calls can show (a new one shows `tagLagMs` after CreateTags). */
  private readonly tags: Record<string, string> = {};
  private timers: Timer[] = [];
  private timerSeq = 0;
  private attachmentSeq = 0;
  /** The instance of every attachment there has been, by id: a detach of an old one is refused, and judged by its instance. */
  private readonly attachedTo = new Map<string, string>();
  private transientInARow = 0;
  /** Views of the world from `maxLagMs` ago to now, for the lagged Describe calls. */
  private history: Array<{ readonly time: number; readonly view: View }> = [];
  private readonly random: () => number;

  constructor(readonly params: WorldParams) {
    this.random = generator(params.seed);
    const extra = (side: Side) => params.types[side] === 't3.small' && params.extraInterface[side]
      && !(params.holder === side && params.deviceIndex === 2);
    this.instances = {
      [PRIMARY]: this.instance(PRIMARY, 'primary', true, params.types.primary, extra('primary')),
      [STANDBY]: this.instance(STANDBY, 'standby', params.standbyTagged, params.types.standby, extra('standby')),
      [OUTSIDER]: this.instance(OUTSIDER, 'outsider', false, 't3.small', false),
    };
    if (params.holder !== 'none') {
      const holder = this.instances[INSTANCE_OF[params.holder]];
      const deviceIndex = params.deviceIndex < INTERFACE_LIMITS[holder.type] ? params.deviceIndex : 1;
      this.attachment = { attachmentId: this.nextAttachmentId(), instanceId: holder.id, deviceIndex, attachTime: START - 86_400_000, status: 'attached', hung: false, forced: false };
      this.attachedTo.set(this.attachment.attachmentId, holder.id);
    }
    if (params.lastMoveAgoSeconds !== undefined) {
      this.tags['nic-patterns:last-failover'] = new Date(START - params.lastMoveAgoSeconds * 1000).toISOString();
    }
    this.changed();
    const mock = mockClient(this.client);
    mock.on(DescribeNetworkInterfacesCommand)
      .callsFake(async (input: DescribeNetworkInterfacesCommandInput) => this.transient(false, () => this.describeInterfaces(input)));
    mock.on(DescribeInstanceStatusCommand)
      .callsFake(async (input: DescribeInstanceStatusCommandInput) => this.transient(false, () => this.describeStatus(input)));
    mock.on(DescribeInstancesCommand)
      .callsFake(async (input: DescribeInstancesCommandInput) => this.transient(false, () => this.describeInstances(input)));
    mock.on(DescribeInstanceTypesCommand)
      .callsFake(async (input: DescribeInstanceTypesCommandInput) => this.transient(false, () => this.describeTypes(input)));
    mock.on(AttachNetworkInterfaceCommand)
      .callsFake(async (input: AttachNetworkInterfaceCommandInput) => this.transient(!input.DryRun, () => this.attach(input)));
    mock.on(DetachNetworkInterfaceCommand)
      .callsFake(async (input: DetachNetworkInterfaceCommandInput) => this.transient(true, () => this.detach(input)));
    mock.on(CreateTagsCommand)
      .callsFake(async (input: CreateTagsCommandInput) => this.transient(true, () => this.createTags(input)));
  }

  // ----- the world's own clock -----

  /** Lets time pass to `time`, firing the timers due on the way, in order. */
  advanceTo(time: number): void {
    for (;;) {
      const next = this.timers.reduce<Timer | undefined>((first, timer) =>
        first === undefined || timer.at < first.at || (timer.at === first.at && timer.seq < first.seq) ? timer : first, undefined);
      if (next === undefined || next.at > time) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.now = Math.max(this.now, next.at);
      next.fire();
      this.changed();
    }
    this.now = Math.max(this.now, time);
  }

  /** Something happens in `ms` (a failure during an invocation, say). */
  schedule(ms: number, happen: () => void): void {
    this.after(ms, happen);
  }

  /** When the world changes next by itself, or undefined when nothing is due. */
  nextChangeAt(): number | undefined {
    return this.timers.length === 0 ? undefined : Math.min(...this.timers.map((timer) => timer.at));
  }

  private after(ms: number, fire: () => void): void {
    this.timers.push({ at: this.now + ms, seq: this.timerSeq++, fire });
  }

  // ----- what the test's commands do to the world -----

  state(instanceId: string): InstanceState {
    return this.instances[instanceId].state;
  }

  isImpaired(instanceId: string): boolean {
    return this.instances[instanceId].impaired !== undefined;
  }

  isInitializing(instanceId: string): boolean {
    return this.instances[instanceId].initializing;
  }

  /** Running and not impaired: a holder the agent must not take the interface from for an event. */
  isHealthy(instanceId: string): boolean {
    const instance = this.instances[instanceId];
    return instance.state === 'running' && instance.impaired === undefined;
  }

  /** The interface's attachment now (not as a lagged Describe shows it). */
  currentAttachment(): Readonly<{ instanceId: string; deviceIndex: number; status: AttachmentStatus; hung: boolean }> | undefined {
    return this.attachment && { ...this.attachment };
  }

  /**
   * Whether the instance could take the interface now: a tagged member, running with passing checks,
   * with room for one more interface and a device index neither taken nor locked.
   */
  canTake(instanceId: string): boolean {
    const instance = this.instances[instanceId];
    if (!instance.member || !instance.tagged || instance.state !== 'running' || instance.impaired || instance.initializing) return false;
    const limit = INTERFACE_LIMITS[instance.type];
    if (instance.ownInterfaces.length + 1 > limit) return false;
    return Array.from({ length: limit - 1 }, (_, i) => i + 1)
      .some((index) => !instance.lockedIndexes.has(index) && !instance.ownInterfaces.some((own) => own.deviceIndex === index));
  }

  /** Stops the instance; with `restart`, starts it again once stopped (a stop and start from the console or an ASG hook). */
  stop(instanceId: string, stoppingMs: number, restart?: { pendingMs: number; initializingMs: number }): void {
    const instance = this.instances[instanceId];
    this.setState(instance, 'stopping');
    const epoch = instance.stateEpoch;
    this.after(stoppingMs, () => {
      if (instance.stateEpoch !== epoch) return;
      this.setState(instance, 'stopped');
      // A stop (and start) is what frees the device indexes a forced detach locked.
      instance.lockedIndexes.clear();
      instance.impaired = undefined;
      this.releaseHungDetach(instance.id);
      if (restart) this.start(instanceId, restart.pendingMs, restart.initializingMs);
    });
  }

  start(instanceId: string, pendingMs: number, initializingMs: number): void {
    const instance = this.instances[instanceId];
    this.setState(instance, 'pending');
    const epoch = instance.stateEpoch;
    this.after(pendingMs, () => {
      if (instance.stateEpoch !== epoch) return;
      this.setState(instance, 'running');
      instance.initializing = true;
      const running = instance.stateEpoch;
      this.after(initializingMs, () => {
        if (instance.stateEpoch === running && instance.initializing) this.finishInitializing(instanceId);
      });
    });
  }

  /** Termination detaches the interface (it outlives the instance): detaching at once, detached when terminated. */
  terminate(instanceId: string, shuttingDownMs: number): void {
    const instance = this.instances[instanceId];
    if (this.attachment?.instanceId === instanceId) {
      this.attachment.status = 'detaching';
      this.attachment.hung = false;
      this.attachment.forced = true;
    }
    this.setState(instance, 'shutting-down');
    this.after(shuttingDownMs, () => {
      this.setState(instance, 'terminated');
      instance.impaired = undefined;
      if (this.attachment?.instanceId === instanceId) this.attachment = undefined;
    });
  }

  /** Failing status checks; the construct's alarm goes to ALARM after two minutes of it (if it lasts). */
  impair(instanceId: string, check: 'instance' | 'system', recoverAfterMs: number | undefined): void {
    const instance = this.instances[instanceId];
    instance.impaired = check;
    const epoch = ++instance.checkEpoch;
    if (this.attachment?.instanceId === instanceId && this.attachment.status === 'detaching' && !this.attachment.forced) this.attachment.hung = true;
    this.log(`${instance.label} impaired (${check} status check)${recoverAfterMs === undefined ? '' : `, recovers in ${recoverAfterMs / 1000} s`}`);
    this.changed();
    if (instance.member) {
      this.after(ALARM_DELAY_MS, () => {
        if (instance.checkEpoch === epoch && instance.impaired) this.emit(alarm(instanceId), `ALARM(${instance.label})`);
      });
    }
    if (recoverAfterMs !== undefined) {
      this.after(recoverAfterMs, () => {
        if (instance.checkEpoch === epoch && instance.impaired) this.recover(instanceId);
      });
    }
  }

  recover(instanceId: string): void {
    const instance = this.instances[instanceId];
    instance.impaired = undefined;
    instance.checkEpoch++;
    this.log(`${instance.label} recovers`);
    this.releaseHungDetach(instanceId);
    this.changed();
  }

  finishInitializing(instanceId: string): void {
    const instance = this.instances[instanceId];
    instance.initializing = false;
    this.log(`${instance.label} passes its status checks`);
    this.changed();
  }

  /** A human attaches the interface in the console (the agent is not the actor). */
  humanAttach(instanceId: string): void {
    this.asHuman(() => this.attach({ NetworkInterfaceId: ENI, InstanceId: instanceId, DeviceIndex: 1 }));
  }

  humanDetach(force: boolean): void {
    this.asHuman(() => this.detach({ AttachmentId: this.attachment!.attachmentId, Force: force }));
  }

  /** Whether the interface was attaching or attached to `instanceId` at some moment in [from, to]. */
  wasHeldBy(instanceId: string, from: number, to: number): boolean {
    const inEffect = this.history.filter((entry, i) => entry.time <= to && (this.history[i + 1]?.time ?? Infinity) >= from);
    return inEffect.some(({ view }) => view.attachment?.instanceId === instanceId && view.attachment.status !== 'detaching');
  }

  private asHuman(call: () => void): void {
    const actor = this.actor;
    this.actor = 'human';
    try {
      call();
    } catch {
      // The console shows the refusal to the human; nothing changes.
    } finally {
      this.actor = actor;
    }
  }

  private instance(id: string, label: string, tagged: boolean, type: InstanceType, extraInterface: boolean): ModelInstance {
    const ownInterfaces = [{ networkInterfaceId: `eni-0${id.slice(-8)}00000000`, deviceIndex: 0 }];
    if (extraInterface) ownInterfaces.push({ networkInterfaceId: `eni-0${id.slice(-8)}00000002`, deviceIndex: 2 });
    return {
      id,
      label,
      member: MEMBERS.includes(id),
      tagged,
      type,
      ownInterfaces,
      state: 'running',
      initializing: false,
      lockedIndexes: new Set(),
      stateEpoch: 0,
      checkEpoch: 0,
      healthySince: START - 86_400_000,
    };
  }

  private setState(instance: ModelInstance, state: InstanceState): void {
    instance.state = state;
    instance.stateEpoch++;
    if (state !== 'running') instance.initializing = false;
    this.log(`${instance.label} is ${state}`);
    if (instance.member && FAILED_STATES.includes(state)) this.emit(stateChange(instance.id, state, new Date(this.now).toISOString()), `${state}(${instance.label})`);
    this.changed();
  }

  private emit(event: object, label: string): void {
    this.emitted.push({ time: this.now, label, event: { ...event, time: new Date(this.now).toISOString() } });
  }

  /** A graceful detach the guest could not answer completes once the instance recovers or stops. */
  private releaseHungDetach(instanceId: string): void {
    const attachment = this.attachment;
    if (attachment?.instanceId !== instanceId || !attachment.hung) return;
    attachment.hung = false;
    this.after(this.params.detachDelayMs, () => this.completeDetach(attachment.attachmentId));
  }

  private completeDetach(attachmentId: string): void {
    if (this.attachment?.attachmentId === attachmentId && this.attachment.status === 'detaching' && !this.attachment.hung) {
      this.log(`interface detached from ${this.labelOf(this.attachment.instanceId)}`);
      this.attachment = undefined;
    }
  }

  /** Records the world as it is now, for the lagged Describe calls, and keeps the health clocks. */
  private changed(): void {
    for (const instance of Object.values(this.instances)) {
      const healthy = instance.state === 'running' && instance.impaired === undefined;
      instance.healthySince = healthy ? instance.healthySince ?? this.now : undefined;
    }
    const view = this.view();
    if (this.history.length > 0 && this.history[this.history.length - 1].time === this.now) {
      this.history[this.history.length - 1] = { time: this.now, view };
    } else {
      this.history.push({ time: this.now, view });
    }
    const oldest = this.now - this.params.maxLagMs - 1;
    while (this.history.length > 2 && this.history[1].time <= oldest) this.history.shift();
  }

  private view(): View {
    const attachment = this.attachment && { ...this.attachment };
    const instances: Record<string, InstanceView> = {};
    for (const instance of Object.values(this.instances)) {
      const running = instance.state === 'running';
      const status = (kind: 'instance' | 'system') => {
        if (!running) return 'not-applicable';
        if (instance.impaired === kind) return 'impaired';
        return instance.initializing ? 'initializing' : 'ok';
      };
      instances[instance.id] = {
        state: instance.state,
        instanceStatus: status('instance'),
        systemStatus: status('system'),
        type: instance.type,
        interfaces: [
          ...instance.ownInterfaces,
          ...attachment?.instanceId === instance.id ? [{ networkInterfaceId: ENI, deviceIndex: attachment.deviceIndex }] : [],
        ],
      };
    }
    return { attachment, tags: { ...this.tags }, instances };
  }

  /** The world as a Describe call sees it: as it was up to `maxLagMs` ago (each call draws its own lag). */
  private lagged(): View {
    const time = this.now - Math.floor(this.random() * (this.params.maxLagMs + 1));
    const entry = [...this.history].reverse().find((candidate) => candidate.time <= time) ?? this.history[0];
    return entry.view;
  }

  private log(line: string): void {
    this.trace.push(`${at(this.now)} ${line}`);
  }

  private labelOf(instanceId: string): string {
    return this.instances[instanceId]?.label ?? instanceId;
  }

  private nextAttachmentId(): string {
    return `eni-attach-0${(++this.attachmentSeq).toString(16).padStart(16, '0')}`;
  }

  // ----- the EC2 API -----

  private describeInterfaces(input: DescribeNetworkInterfacesCommandInput) {
    if (input.NetworkInterfaceIds?.length !== 1 || input.NetworkInterfaceIds[0] !== ENI) {
      throw ec2Error('InvalidNetworkInterfaceID.NotFound');
    }
    const { attachment, tags } = this.lagged();
    return {
      NetworkInterfaces: [{
        NetworkInterfaceId: ENI,
        Status: attachment ? 'in-use' as const : 'available' as const,
        Attachment: attachment && {
          AttachmentId: attachment.attachmentId,
          InstanceId: attachment.instanceId,
          DeviceIndex: attachment.deviceIndex,
          NetworkCardIndex: 0,
          Status: attachment.status,
          AttachTime: new Date(attachment.attachTime),
        },
        TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
      }],
    };
  }

  private knownInstance(instanceIds: string[] | undefined): InstanceView & { id: string } {
    const [instanceId] = instanceIds ?? [];
    const view = this.lagged().instances[instanceId];
    if (instanceIds?.length !== 1 || view === undefined) throw ec2Error('InvalidInstanceID.NotFound');
    return { ...view, id: instanceId };
  }

  private describeStatus(input: DescribeInstanceStatusCommandInput) {
    const instance = this.knownInstance(input.InstanceIds);
    // Without IncludeAllInstances, EC2 leaves out the instances that are not running.
    if (!input.IncludeAllInstances && instance.state !== 'running') return { InstanceStatuses: [] };
    return {
      InstanceStatuses: [{
        InstanceId: instance.id,
        InstanceState: { Name: instance.state },
        InstanceStatus: { Status: instance.instanceStatus as 'ok' },
        SystemStatus: { Status: instance.systemStatus as 'ok' },
      }],
    };
  }

  private describeInstances(input: DescribeInstancesCommandInput) {
    const instance = this.knownInstance(input.InstanceIds);
    return {
      Reservations: [{
        Instances: [{
          InstanceId: instance.id,
          InstanceType: instance.type,
          State: { Name: instance.state },
          NetworkInterfaces: instance.interfaces.map((eni) => ({
            NetworkInterfaceId: eni.networkInterfaceId,
            Attachment: { DeviceIndex: eni.deviceIndex, NetworkCardIndex: 0 },
          })),
        }],
      }],
    };
  }

  private describeTypes(input: DescribeInstanceTypesCommandInput) {
    return {
      InstanceTypes: (input.InstanceTypes ?? []).filter((type): type is InstanceType => type in INTERFACE_LIMITS).map((type) => ({
        InstanceType: type,
        NetworkInfo: {
          MaximumNetworkInterfaces: INTERFACE_LIMITS[type],
          NetworkCards: [{ NetworkCardIndex: 0, MaximumNetworkInterfaces: INTERFACE_LIMITS[type] }],
        },
      })),
    };
  }

  private attach(input: AttachNetworkInterfaceCommandInput) {
    const instanceId = input.InstanceId!;
    const deviceIndex = input.DeviceIndex!;
    const refuse = (code: string, status = 400) => {
      if (!input.DryRun) this.record({ kind: 'attach', instanceId, deviceIndex, refused: code });
      return ec2Error(code, status);
    };
    const instance = this.instances[instanceId];
    if (input.NetworkInterfaceId !== ENI) throw refuse('InvalidNetworkInterfaceID.NotFound');
    if (!instance) throw refuse('InvalidInstanceID.NotFound');
    // The agent's IAM policy allows the attach only to an instance with the pair tag; a DryRun says so first.
    if (!instance.tagged && this.actor !== 'human') throw refuse('UnauthorizedOperation', 403);
    if (input.DryRun) throw ec2Error('DryRunOperation', 412);
    if (['stopping', 'shutting-down', 'terminated'].includes(instance.state)) throw refuse('IncorrectInstanceState');
    if (this.attachment) throw refuse('InvalidNetworkInterface.InUse');
    const limit = INTERFACE_LIMITS[instance.type];
    if ((input.NetworkCardIndex ?? 0) !== 0 || deviceIndex < 1 || deviceIndex >= limit) throw refuse('InvalidParameterValue');
    if (instance.ownInterfaces.some((own) => own.deviceIndex === deviceIndex)) throw refuse('InvalidParameterValue');
    // AWS ENI guide: after a forced detach, the instance may refuse an interface at that index until it is stopped and started.
    if (instance.lockedIndexes.has(deviceIndex)) throw refuse('InvalidParameterValue');
    if (instance.ownInterfaces.length + 1 > limit) throw refuse('AttachmentLimitExceeded');
    const attachment: ModelAttachment = { attachmentId: this.nextAttachmentId(), instanceId, deviceIndex, attachTime: this.now, status: 'attaching', hung: false, forced: false };
    this.attachment = attachment;
    this.attachedTo.set(attachment.attachmentId, instanceId);
    this.record({ kind: 'attach', instanceId, deviceIndex });
    this.changed();
    this.after(this.params.attachDelayMs, () => {
      if (this.attachment === attachment && attachment.status === 'attaching') {
        attachment.status = 'attached';
        this.log(`interface attached to ${instance.label}`);
      }
    });
    return { AttachmentId: attachment.attachmentId };
  }

  private detach(input: DetachNetworkInterfaceCommandInput) {
    const attachment = this.attachment;
    const force = input.Force === true;
    if (attachment === undefined || attachment.attachmentId !== input.AttachmentId) {
      this.record({ kind: 'detach', instanceId: this.attachedTo.get(input.AttachmentId!) ?? '-', force, refused: 'InvalidAttachmentID.NotFound' });
      throw ec2Error('InvalidAttachmentID.NotFound');
    }
    const instance = this.instances[attachment.instanceId];
    const holding = attachment.status !== 'detaching';
    this.record({ kind: 'detach', instanceId: instance.id, deviceIndex: attachment.deviceIndex, force, holding, holderHealthySince: instance.healthySince });
    if (!holding && !(force && attachment.hung)) throw ec2Error('IncorrectState');
    attachment.status = 'detaching';
    attachment.forced = force;
    attachment.hung = !force && instance.state === 'running' && instance.impaired !== undefined;
    if (force && (instance.state === 'running' || instance.state === 'pending')) instance.lockedIndexes.add(attachment.deviceIndex);
    this.after(force ? this.params.forcedDetachDelayMs : this.params.detachDelayMs, () => this.completeDetach(attachment.attachmentId));
    this.changed();
    return {};
  }

  private createTags(input: CreateTagsCommandInput) {
    for (const { Key: key, Value: value } of input.Tags ?? []) {
      const show = () => {
        this.tags[key!] = value!;
      };
      if (this.params.tagLagMs === 0) show();
      else this.after(this.params.tagLagMs, show);
    }
    this.changed();
    return {};
  }

  /** Answers the call, or fails it with a transient error (after applying it, for a lost response). */
  private transient<T>(mutating: boolean, answer: () => T): T {
    if (this.transientInARow >= 3 || this.random() * 100 >= this.params.transientPercent) {
      this.transientInARow = 0;
      return answer();
    }
    this.transientInARow++;
    if (mutating && this.random() < 0.5) {
      answer();
      this.log('the response of that call is lost (ECONNRESET)');
      throw Object.assign(new Error('socket hang up (simulated)'), { code: 'ECONNRESET' });
    }
    throw ec2Error('RequestLimitExceeded', 503);
  }

  private record(call: Omit<MutatingCall, 'time' | 'actor'>): void {
    this.calls.push({ time: this.now, actor: this.actor, ...call });
    const target = this.labelOf(call.instanceId);
    const what = call.kind === 'attach' ? `attach to ${target} at index ${call.deviceIndex}` : `${call.force ? 'forced ' : ''}detach from ${target}`;
    this.log(`${this.actor}: ${what}${call.refused ? ` refused (${call.refused})` : ''}`);
  }
}

/** The agent's clock: reads the world's time, and a sleep lets the world's time pass (at once, in real time). */
export class ModelClock implements Clock {
  /** The time Lambda kills the invocation at; the system sets it. */
  deadline = Infinity;

  constructor(private readonly world: ModelEc2) {}

  now = (): number => this.world.now;
  random = (): number => 0.5;
  sleep = async (ms: number): Promise<void> => {
    if (!(ms >= 0)) throw new Error(`the agent slept ${ms} ms`);
    if (this.world.now + ms > this.deadline) {
      this.world.advanceTo(this.deadline);
      throw new LambdaTimeout(`Task timed out at ${at(this.deadline)}`);
    }
    this.world.advanceTo(this.world.now + ms);
  };
}

/** Lambda killed the invocation at its timeout. */
export class LambdaTimeout extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LambdaTimeout';
  }
}
