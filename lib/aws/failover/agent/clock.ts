/**
 * Time and randomness the agent depends on, injected so that tests run instantly and deterministically
 * (a fake clock advances when the agent sleeps) while Lambda uses the real ones.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1), for backoff jitter. */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};
