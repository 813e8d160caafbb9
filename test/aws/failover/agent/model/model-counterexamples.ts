import { Deliver, Impair, Live, Place, Stop, Step } from './model-commands';
import { WorldParams } from './model-ec2';
import { PropertyId } from './model-system';

/** A plain world: the primary holds the interface at device index 1, EC2 answers at once and consistently. */
export const PLAIN_WORLD: WorldParams = {
  holder: 'primary',
  deviceIndex: 1,
  types: { primary: 't3.small', standby: 't3.small' },
  extraInterface: { primary: false, standby: false },
  standbyTagged: true,
  maxLagMs: 0,
  tagLagMs: 0,
  attachDelayMs: 1000,
  detachDelayMs: 1000,
  forcedDetachDelayMs: 1000,
  transientPercent: 0,
  seed: 1,
};

/** A sequence the model found breaking a property (shrunk, then written out), kept as a regression case. */
export interface Counterexample {
  /** GIVEN / WHEN / THEN. */
  readonly name: string;
  readonly property: PropertyId;
  readonly params: WorldParams;
  readonly steps: readonly Step[];
}

export const COUNTEREXAMPLES: readonly Counterexample[] = [
  {
    name: 'GIVEN the standby holds the interface at device index 2 (where a forced detach left it) and the primary has an interface of its own at index 2 '
      + 'WHEN the standby stops THEN the interface moves to a free index of the primary',
    property: 'P3',
    params: { ...PLAIN_WORLD, holder: 'standby', deviceIndex: 2, extraInterface: { primary: true, standby: false } },
    steps: [new Stop('standby', 5), new Live(60)],
  },
  {
    name: 'GIVEN a switchover to the primary under way WHEN the standby hangs during its graceful detach THEN the detach is forced and the interface reaches the primary',
    property: 'P3',
    params: { ...PLAIN_WORLD, holder: 'standby', detachDelayMs: 20_000 },
    steps: [new Impair('standby', 'instance', undefined, 5), new Place('primary')],
  },
  {
    name: 'GIVEN the primary impaired while the standby initializes WHEN the primary recovers during the wait for the standby '
      + 'THEN the alarm does not move the interface off the recovered primary',
    property: 'P2',
    params: PLAIN_WORLD,
    steps: [new Stop('standby', 5, { pendingSeconds: 5, initializingSeconds: 200 }), new Impair('primary', 'instance', 200), new Live(400)],
  },
  {
    name: 'GIVEN a move that just ended and its last-failover tag not visible yet (eventual consistency) WHEN the new holder fails '
      + 'THEN the cooldown still holds the interface',
    property: 'P4',
    params: { ...PLAIN_WORLD, tagLagMs: 3000 },
    steps: [new Stop('primary', 1, { pendingSeconds: 5, initializingSeconds: 10 }), new Live(1), new Stop('standby', 20), new Deliver(0)],
  },
];
