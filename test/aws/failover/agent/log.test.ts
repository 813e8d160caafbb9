import { ec2Error, START } from './fake-ec2';
import { Logger } from '../../../../lib/aws/failover/agent/log';

function capture(bound = {}) {
  const lines: string[] = [];
  return { lines, logger: new Logger((line) => lines.push(line), () => START, bound) };
}

describe('Logger', () => {
  test('GIVEN bound fields and a request id WHEN logging THEN each call writes one JSON line with time, level, msg and fields', () => {
    const { lines, logger } = capture({ pair: 'web' });

    logger.child({ requestId: 'req-7' }).warn('detaching', { attachmentId: 'eni-attach-01', force: true });

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(JSON.parse(lines[0])).toEqual({
      time: '2026-03-01T12:00:00.000Z', level: 'warn', msg: 'detaching', requestId: 'req-7', pair: 'web', attachmentId: 'eni-attach-01', force: true,
    });
  });

  test.each(['debug', 'info', 'warn', 'error'] as const)('writes level %s', (level) => {
    const { lines, logger } = capture();
    logger[level]('hello');
    expect(JSON.parse(lines[0]).level).toBe(level);
  });

  test('GIVEN a field named like a reserved key WHEN logging THEN the reserved key wins', () => {
    const { lines, logger } = capture();

    logger.info('real message', { msg: 'forged', level: 'debug', time: 'never' });

    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'real message', level: 'info', time: '2026-03-01T12:00:00.000Z' });
  });

  test('GIVEN an error field WHEN logging THEN its code and message are kept (an Error stringifies to {})', () => {
    const { lines, logger } = capture();

    logger.error('failed', { error: ec2Error('UnauthorizedOperation', 403) });

    expect(JSON.parse(lines[0]).error).toEqual({ code: 'UnauthorizedOperation', message: 'UnauthorizedOperation (simulated)' });
  });

  test('GIVEN a metric WHEN logged THEN the line is in CloudWatch embedded metric format', () => {
    const { lines, logger } = capture({ pair: 'web' });

    logger.metric('NicPatterns/Failover', 'FailoverGaveUp', 1, { Pair: 'web' });

    expect(JSON.parse(lines[0])).toEqual({
      time: '2026-03-01T12:00:00.000Z',
      level: 'info',
      msg: 'metric FailoverGaveUp',
      pair: 'web',
      Pair: 'web',
      FailoverGaveUp: 1,
      _aws: {
        Timestamp: START,
        CloudWatchMetrics: [{ Namespace: 'NicPatterns/Failover', Dimensions: [['Pair']], Metrics: [{ Name: 'FailoverGaveUp', Unit: 'Count' }] }],
      },
    });
  });
});
