import * as fc from 'fast-check';
import { at, INSTANCE_OF, InstanceType, MEMBERS, Side, Who, WorldParams } from './model-ec2';
import { ModelSystem } from './model-system';

type ModelCommand = fc.AsyncCommand<ModelSystem, ModelSystem>;

/** A step of a sequence; `check` reads the live world, since the world's clock moves during the sequence. */
export abstract class Step implements ModelCommand {
  abstract check(system: Readonly<ModelSystem>): boolean;
  abstract toString(): string;

  async run(_model: ModelSystem, system: ModelSystem): Promise<void> {
    system.stats.commands++;
    system.world.trace.push(`${at(system.world.now)} > ${this.toString()}`);
    await this.act(system);
  }

  protected abstract act(system: ModelSystem): Promise<void> | void;
}

abstract class InstanceStep extends Step {
  constructor(readonly who: Who) {
    super();
  }

  protected get id(): string {
    return INSTANCE_OF[this.who];
  }
}

/** A failure of an instance, now or in some seconds (during an invocation, then): re-checked when it happens. */
abstract class FailureStep extends InstanceStep {
  constructor(who: Who, readonly inSeconds: number | undefined) {
    super(who);
  }
  check(system: ModelSystem): boolean {
    return this.inSeconds !== undefined || this.applicable(system);
  }
  act(system: ModelSystem): void {
    if (this.inSeconds === undefined) {
      this.apply(system);
      return;
    }
    system.world.schedule(this.inSeconds * 1000, () => {
      if (this.applicable(system)) this.apply(system);
    });
  }
  toString(): string {
    return `${this.describe()}${this.inSeconds === undefined ? '' : ` in ${this.inSeconds} s`}`;
  }
  abstract applicable(system: ModelSystem): boolean;
  abstract apply(system: ModelSystem): void;
  protected abstract describe(): string;
}

export interface Restart {
  readonly pendingSeconds: number;
  readonly initializingSeconds: number;
}

/** A stop, or with `restart` a stop and a start once stopped. */
export class Stop extends FailureStep {
  constructor(who: Who, readonly stoppingSeconds: number, readonly restart?: Restart, inSeconds?: number) {
    super(who, inSeconds);
  }
  applicable(system: ModelSystem): boolean {
    return ['pending', 'running'].includes(system.world.state(this.id));
  }
  apply(system: ModelSystem): void {
    const restart = this.restart && { pendingMs: this.restart.pendingSeconds * 1000, initializingMs: this.restart.initializingSeconds * 1000 };
    system.world.stop(this.id, this.stoppingSeconds * 1000, restart);
  }
  protected describe(): string {
    const restart = this.restart && `, running ${this.restart.pendingSeconds} s later, checks pass ${this.restart.initializingSeconds} s after that`;
    return `${this.restart ? 'restart' : 'stop'}(${this.who}, stopped after ${this.stoppingSeconds} s${restart ?? ''})`;
  }
}

/** Both members stop and start again, each at its own pace (a patch run, a host maintenance). */
export class RestartPair extends Step {
  constructor(readonly primary: Stop, readonly standby: Stop) {
    super();
  }
  check(system: ModelSystem): boolean {
    return this.primary.applicable(system) && this.standby.applicable(system);
  }
  act(system: ModelSystem): void {
    this.primary.apply(system);
    this.standby.apply(system);
  }
  toString(): string {
    return `restartPair(${this.primary.toString()}, ${this.standby.toString()})`;
  }
}

export class Start extends InstanceStep {
  constructor(who: Who, readonly pendingSeconds: number, readonly initializingSeconds: number) {
    super(who);
  }
  check(system: ModelSystem): boolean {
    return system.world.state(this.id) === 'stopped';
  }
  act(system: ModelSystem): void {
    system.world.start(this.id, this.pendingSeconds * 1000, this.initializingSeconds * 1000);
  }
  toString(): string {
    return `start(${this.who}, running after ${this.pendingSeconds} s, checks pass ${this.initializingSeconds} s later)`;
  }
}

/** Permanent: at most one member is ever terminated, so that a sequence keeps a pair to test. */
export class Terminate extends FailureStep {
  constructor(who: Who, readonly shuttingDownSeconds: number, inSeconds?: number) {
    super(who, inSeconds);
  }
  applicable(system: ModelSystem): boolean {
    const gone = (id: string) => ['shutting-down', 'terminated'].includes(system.world.state(id));
    return !gone(this.id) && (this.who === 'outsider' || !MEMBERS.some(gone));
  }
  apply(system: ModelSystem): void {
    system.world.terminate(this.id, this.shuttingDownSeconds * 1000);
  }
  protected describe(): string {
    return `terminate(${this.who}, terminated after ${this.shuttingDownSeconds} s)`;
  }
}

export class Impair extends FailureStep {
  constructor(who: Who, readonly statusCheck: 'instance' | 'system', readonly recoverAfterSeconds?: number, inSeconds?: number) {
    super(who, inSeconds);
  }
  applicable(system: ModelSystem): boolean {
    return system.world.state(this.id) === 'running' && !system.world.isImpaired(this.id);
  }
  apply(system: ModelSystem): void {
    system.world.impair(this.id, this.statusCheck, this.recoverAfterSeconds === undefined ? undefined : this.recoverAfterSeconds * 1000);
  }
  protected describe(): string {
    return `impair(${this.who}, ${this.statusCheck}${this.recoverAfterSeconds === undefined ? '' : `, recovers after ${this.recoverAfterSeconds} s`})`;
  }
}

export class Recover extends InstanceStep {
  check(system: ModelSystem): boolean {
    return system.world.isImpaired(this.id) && system.world.state(this.id) === 'running';
  }
  act(system: ModelSystem): void {
    system.world.recover(this.id);
  }
  toString(): string {
    return `recover(${this.who})`;
  }
}

export class FinishInitializing extends InstanceStep {
  check(system: ModelSystem): boolean {
    return system.world.state(this.id) === 'running' && system.world.isInitializing(this.id);
  }
  act(system: ModelSystem): void {
    system.world.finishInitializing(this.id);
  }
  toString(): string {
    return `finishInitializing(${this.who})`;
  }
}

export class PassTime extends Step {
  constructor(readonly seconds: number) {
    super();
  }
  check(): boolean {
    return true;
  }
  act(system: ModelSystem): void {
    system.world.advanceTo(system.world.now + this.seconds * 1000);
  }
  toString(): string {
    return `passTime(${this.seconds} s)`;
  }
}

/** Time passes, and EventBridge delivers each event as it comes: the usual life of the pair. */
export class Live extends Step {
  constructor(readonly seconds: number) {
    super();
  }
  check(): boolean {
    return true;
  }
  act(system: ModelSystem): Promise<void> {
    return system.live(system.world.now + this.seconds * 1000);
  }
  toString(): string {
    return `live(${this.seconds} s)`;
  }
}

/** EventBridge delivers one of the events emitted so far, with its own time: the latest, or an older one (late, again, out of order). */
export class Deliver extends Step {
  constructor(readonly fromLatest: number) {
    super();
  }
  check(system: ModelSystem): boolean {
    return system.world.emitted.length > 0;
  }
  async act(system: ModelSystem): Promise<void> {
    const { emitted } = system.world;
    await system.deliver(emitted[Math.max(0, emitted.length - 1 - this.fromLatest)]);
  }
  toString(): string {
    return this.fromLatest === 0 ? 'deliver(latest event)' : `deliver(event ${this.fromLatest} before the latest)`;
  }
}

export class Place extends Step {
  constructor(readonly side: Side) {
    super();
  }
  check(): boolean {
    return true;
  }
  act(system: ModelSystem): Promise<void> {
    return system.place(this.side);
  }
  toString(): string {
    return `place(${this.side})`;
  }
}

/** Someone attaches the free interface to the instance outside the pair, in the console. */
export class HumanAttachToOutsider extends Step {
  check(system: ModelSystem): boolean {
    return system.world.currentAttachment() === undefined && ['running', 'stopped'].includes(system.world.state(INSTANCE_OF.outsider));
  }
  act(system: ModelSystem): void {
    system.world.humanAttach(INSTANCE_OF.outsider);
  }
  toString(): string {
    return 'humanAttachToOutsider()';
  }
}

/** Someone detaches the interface in the console; gracefully only from an instance that answers. */
export class HumanDetach extends Step {
  constructor(readonly force: boolean) {
    super();
  }
  check(system: ModelSystem): boolean {
    const attachment = system.world.currentAttachment();
    return attachment?.status === 'attached' && (this.force || !system.world.isImpaired(attachment.instanceId));
  }
  act(system: ModelSystem): void {
    system.world.humanDetach(this.force);
  }
  toString(): string {
    return `humanDetach(${this.force ? 'forced' : 'graceful'})`;
  }
}

/** Now (mostly), or in up to two minutes: during an invocation, when it runs then. */
const soonOrNow = fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 120 }) });
const anyone = fc.constantFrom<Who>('primary', 'standby', 'primary', 'standby', 'primary', 'standby', 'outsider');
const initializing = fc.oneof(fc.integer({ min: 5, max: 60 }), fc.integer({ min: 60, max: 240 }));
const seconds = (min: number, max: number) => fc.integer({ min, max });

/** The steps of a sequence; repeated entries weigh more (fc.commands picks among the entries evenly). */
export const STEPS: ReadonlyArray<fc.Arbitrary<ModelCommand>> = (() => {
  const fromLatest = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 1 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }) });
  const deliver = fromLatest.map((n) => new Deliver(n));
  const duration = fc.oneof(seconds(1, 30), seconds(30, 300), seconds(300, 1200));
  const passTime = duration.map((s) => new PassTime(s));
  const live = duration.map((s) => new Live(s));
  const restart = fc.record({ pendingSeconds: seconds(5, 30), initializingSeconds: initializing });
  return [
    fc.tuple(anyone, seconds(5, 60), fc.option(restart, { nil: undefined }), soonOrNow).map(([who, s, again, when]) => new Stop(who, s, again, when)),
    fc.tuple(seconds(5, 60), restart, seconds(5, 60), restart)
      .map(([ps, pr, ss, sr]) => new RestartPair(new Stop('primary', ps, pr), new Stop('standby', ss, sr))),
    fc.tuple(anyone, seconds(5, 30), initializing).map(([who, pending, init]) => new Start(who, pending, init)),
    fc.tuple(anyone, seconds(5, 45), soonOrNow).map(([who, s, when]) => new Terminate(who, s, when)),
    fc.tuple(anyone, fc.constantFrom<'instance' | 'system'>('instance', 'system'), fc.option(seconds(20, 600), { nil: undefined }), soonOrNow)
      .map(([who, check, recover, when]) => new Impair(who, check, recover, when)),
    anyone.map((who) => new Recover(who)),
    anyone.map((who) => new FinishInitializing(who)),
    passTime, live, live, live,
    deliver, deliver, deliver, deliver,
    fc.constantFrom<Side>('primary', 'standby').map((side) => new Place(side)),
    fc.constant(new HumanAttachToOutsider()),
    fc.boolean().map((force) => new HumanDetach(force)),
  ];
})();

const instanceType = fc.constantFrom<InstanceType>('t3.small', 't3.small', 't3.micro');

/** The world a sequence starts from. */
export const WORLD_PARAMS: fc.Arbitrary<WorldParams> = fc.record({
  holder: fc.constantFrom<WorldParams['holder']>('primary', 'primary', 'primary', 'standby', 'standby', 'none', 'outsider'),
  deviceIndex: fc.constantFrom(1, 1, 2),
  types: fc.record({ primary: instanceType, standby: instanceType }),
  extraInterface: fc.record({ primary: fc.boolean(), standby: fc.boolean() }),
  standbyTagged: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  lastMoveAgoSeconds: fc.option(seconds(0, 1200), { nil: undefined }),
  maxLagMs: seconds(0, 5000),
  tagLagMs: fc.oneof(fc.constant(0), seconds(1, 5000)),
  attachDelayMs: seconds(500, 10_000),
  detachDelayMs: fc.oneof({ weight: 5, arbitrary: seconds(500, 15_000) }, { weight: 1, arbitrary: seconds(15_000, 90_000) }),
  forcedDetachDelayMs: seconds(500, 5000),
  transientPercent: fc.oneof(fc.constant(0), seconds(1, 10)),
  seed: fc.integer(),
});
