import { Clock } from './clock';

/** An exponential backoff: waits grow from `baseDelayMs`, doubling, up to `maxDelayMs`. */
export interface Backoff {
  readonly baseDelayMs: number;
  /** No single wait is longer than this. */
  readonly maxDelayMs: number;
}

/** How `withRetry` retries; the defaults suit EC2's request-rate throttling. */
export interface RetryPolicy extends Backoff {
  /** Calls in all, the first included. */
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 8_000 };

/** Told before each wait, so the caller can log it. */
export type RetryListener = (info: { attempt: number; delayMs: number; error: unknown }) => void;

/**
 * Capped exponential backoff with full jitter: a uniform wait in [0, min(cap, base * 2^attempt)).
 * Full jitter spreads retries of concurrent callers instead of synchronizing them.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffDelay(attempt: number, policy: Backoff, random: () => number): number {
  return Math.floor(random() * backoffCeiling(attempt, policy));
}

/** The longest wait before retry number `attempt + 1`: exponential, capped. */
export function backoffCeiling(attempt: number, policy: Backoff): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
}

/** Error codes EC2 returns for request-rate limits and server-side trouble: safe to call again. */
const RETRYABLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'ServiceUnavailable',
  'Unavailable',
  'InternalError',
  'InternalFailure',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);

/** Socket-level failures from Node.js: the request may not have reached AWS. */
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

/** The service error code of an SDK v3 error (its `name`), or of a plain `{ Code }` / `{ code }`. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const { name, Code, code } = error as { name?: unknown; Code?: unknown; code?: unknown };
  const found = [Code, code, name].find((value) => typeof value === 'string' && value !== 'Error');
  return found as string | undefined;
}

/** True for throttling, 5xx and network errors; false for everything a retry cannot fix. */
export function isRetryable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const { name, code, Code, $metadata } = error as { name?: string; code?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  if ([name, code, Code].some((value) => value !== undefined && (RETRYABLE_CODES.has(value) || NETWORK_CODES.has(value)))) {
    return true;
  }
  return ($metadata?.httpStatusCode ?? 0) >= 500;
}

/** Calls `operation` until it succeeds, retrying only retryable errors, at most `policy.maxAttempts` times. */
export async function withRetry<T>(
  operation: () => Promise<T>,
  clock: Clock,
  options: { policy?: RetryPolicy; onRetry?: RetryListener } = {},
): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt + 1 >= policy.maxAttempts || !isRetryable(error)) {
        throw error;
      }
      const delayMs = backoffDelay(attempt, policy, clock.random);
      options.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await clock.sleep(delayMs);
    }
  }
}
