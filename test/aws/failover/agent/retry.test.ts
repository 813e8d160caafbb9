import fc from 'fast-check';
import { ec2Error, FakeClock } from './fake-ec2';
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryable, RetryPolicy, withRetry } from '../../../../lib/aws/failover/agent/retry';

const POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('backoffDelay', () => {
  test('GIVEN any attempt and random value THEN the wait lies in [0, min(cap, base * 2^attempt))', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
      const delay = backoffDelay(attempt, POLICY, () => random);
      const ceiling = Math.min(POLICY.maxDelayMs, POLICY.baseDelayMs * 2 ** attempt);
      return Number.isInteger(delay) && delay >= 0 && delay < ceiling;
    }));
  });

  test('GIVEN the largest random value THEN the ceiling doubles per attempt until the cap', () => {
    const almostOne = () => 1 - Number.EPSILON;
    expect([0, 1, 2, 3, 4, 5, 30].map((attempt) => backoffDelay(attempt, POLICY, almostOne))).toEqual([99, 199, 399, 799, 999, 999, 999]);
  });

  test('GIVEN random() = 0 THEN there is no wait (full jitter starts at zero)', () => {
    expect(backoffDelay(5, POLICY, () => 0)).toBe(0);
  });
});

describe('isRetryable', () => {
  test.each([
    ['Throttling', ec2Error('Throttling')],
    ['RequestLimitExceeded', ec2Error('RequestLimitExceeded')],
    ['ServiceUnavailable', ec2Error('ServiceUnavailable', 503)],
    ['InternalError', ec2Error('InternalError', 500)],
    ['any 5xx', ec2Error('Whatever', 502)],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['an SDK timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
  ])('retries %s', (_, error) => {
    expect(isRetryable(error)).toBe(true);
  });

  test.each([
    ['UnauthorizedOperation', ec2Error('UnauthorizedOperation', 403)],
    ['InvalidParameterValue', ec2Error('InvalidParameterValue')],
    ['IncorrectState', ec2Error('IncorrectState')],
    ['a plain Error', new Error('boom')],
    ['a string', 'Throttling'],
  ])('does not retry %s', (_, error) => {
    expect(isRetryable(error)).toBe(false);
  });
});

describe('withRetry', () => {
  test('GIVEN two throttling errors WHEN called THEN it waits with growing jittered delays and returns the result', async () => {
    const clock = new FakeClock(0.5);
    const operation = jest.fn()
      .mockRejectedValueOnce(ec2Error('Throttling'))
      .mockRejectedValueOnce(ec2Error('Throttling'))
      .mockResolvedValue('done');
    const onRetry = jest.fn();

    await expect(withRetry(operation, clock, { policy: POLICY, onRetry })).resolves.toBe('done');

    expect(clock.sleeps).toEqual([50, 100]);
    expect(onRetry.mock.calls.map(([info]) => [info.attempt, info.delayMs])).toEqual([[1, 50], [2, 100]]);
  });

  test('fails after maxAttempts calls with the last error', async () => {
    const clock = new FakeClock();
    const last = ec2Error('RequestLimitExceeded');
    const operation = jest.fn().mockRejectedValueOnce(ec2Error('Throttling')).mockRejectedValue(last);

    await expect(withRetry(operation, clock, { policy: POLICY })).rejects.toBe(last);
    expect(operation).toHaveBeenCalledTimes(POLICY.maxAttempts);
    expect(clock.sleeps).toHaveLength(POLICY.maxAttempts - 1);
  });

  test('fails at once on an error a retry cannot fix', async () => {
    const clock = new FakeClock();
    const operation = jest.fn().mockRejectedValue(ec2Error('InvalidNetworkInterfaceID.NotFound'));

    await expect(withRetry(operation, clock)).rejects.toThrow('InvalidNetworkInterfaceID.NotFound');
    expect(operation).toHaveBeenCalledTimes(1);
    expect(clock.sleeps).toEqual([]);
  });

  test('GIVEN the default policy THEN the total wait of a persistent throttle stays under the cap times the retries', async () => {
    const clock = new FakeClock(1 - Number.EPSILON);
    await expect(withRetry(() => Promise.reject(ec2Error('Throttling')), clock)).rejects.toThrow('Throttling');

    expect(clock.sleeps).toEqual([249, 499, 999, 1999, 3999]);
    expect(clock.sleeps.every((ms) => ms < DEFAULT_RETRY_POLICY.maxDelayMs)).toBe(true);
  });
});
