import {
  AttachNetworkInterfaceCommand,
  CreateTagsCommand,
  DescribeInstanceStatusCommand,
  DescribeNetworkInterfacesCommand,
  DetachNetworkInterfaceCommand,
} from '@aws-sdk/client-ec2';
import { alarm, ec2Error, ENI, harness, OUTSIDER, PAIR, place, PRIMARY, STANDBY, START, stateChange } from './fake-ec2';

const GAVE_UP = `NicPatterns/Failover FailoverGaveUp=1 Pair=${PAIR}`;
const FAILED = `NicPatterns/Failover FailoverFailed=1 Pair=${PAIR}`;
const SUCCEEDED = `NicPatterns/Failover FailoverSucceeded=1 Pair=${PAIR}`;

/** An ISO time `seconds` before the fake clock's start. */
function secondsAgo(seconds: number): string {
  return new Date(START - seconds * 1000).toISOString();
}

describe('failover agent', () => {
  test('GIVEN the primary holds the interface WHEN it stops THEN the interface moves to the standby at the same indexes', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY, 2, 1);

    const result = await h.invoke(stateChange(PRIMARY, 'stopped'), { awsRequestId: 'req-1' });

    expect(result).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
    expect(h.ec2.mutatingCalls()).toEqual(['DetachNetworkInterfaceCommand', 'AttachNetworkInterfaceCommand', 'CreateTagsCommand']);
    expect(h.ec2.mock.commandCalls(DetachNetworkInterfaceCommand)[0].args[0].input).toEqual({ AttachmentId: 'eni-attach-01', Force: false });
    expect(h.ec2.mock.commandCalls(AttachNetworkInterfaceCommand)[0].args[0].input).toEqual({
      NetworkInterfaceId: ENI, InstanceId: STANDBY, DeviceIndex: 2, NetworkCardIndex: 1,
    });
    expect(h.ec2.attachment).toMatchObject({ InstanceId: STANDBY, Status: 'attached' });
    // The move is recorded for the cooldown at the time it completed.
    expect(Date.parse(h.ec2.tags['nic-patterns:last-failover'])).toBe(h.clock.now());
    expect(h.metrics()).toEqual([SUCCEEDED]);
    expect(h.lines.every((line) => line.requestId === 'req-1' && line.pair === PAIR)).toBe(true);
  });

  test('GIVEN the standby holds the interface WHEN it terminates THEN the interface goes back to the primary', async () => {
    const h = harness();
    h.ec2.attachedTo(STANDBY);

    expect(await h.invoke(stateChange(STANDBY, 'terminated'))).toEqual({ outcome: 'moved', from: STANDBY, to: PRIMARY });
  });

  test('GIVEN the interface already moved to the standby WHEN the primary event arrives again THEN nothing changes', async () => {
    const h = harness();
    h.ec2.attachedTo(STANDBY);

    const result = await h.invoke(stateChange(PRIMARY, 'stopped'));

    expect(result).toMatchObject({ outcome: 'noop', to: STANDBY });
    expect(h.ec2.mutatingCalls()).toEqual([]);
    expect(h.ec2.mock.commandCalls(DescribeInstanceStatusCommand)).toHaveLength(0);
    expect(h.metrics()).toEqual([]);
  });

  test('GIVEN a completed failover WHEN the same event is delivered twice THEN the second run is a noop', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY);
    await h.invoke(stateChange(PRIMARY, 'stopping'));
    h.ec2.mock.resetHistory();

    expect(await h.invoke(stateChange(PRIMARY, 'stopping'))).toMatchObject({ outcome: 'noop' });
    expect(h.ec2.mutatingCalls()).toEqual([]);
  });

  test('GIVEN throttling on describe and on attach WHEN the primary stops THEN the calls are retried with backoff and the move succeeds', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY)
      .failNext(DescribeNetworkInterfacesCommand, ec2Error('RequestLimitExceeded', 503), ec2Error('Throttling'))
      .failNext(AttachNetworkInterfaceCommand, ec2Error('InternalError', 500));

    const result = await h.invoke(stateChange(PRIMARY, 'stopped'));

    expect(result).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
    expect(h.ec2.mock.commandCalls(AttachNetworkInterfaceCommand)).toHaveLength(2);
    // Full jitter with random() = 0.5: half of 250 ms, then half of 500 ms; the attach retry is its first.
    const retries = h.lines.filter((line) => line.msg === 'retrying after a transient error');
    expect(retries.map((line) => [line.operation, line.delayMs, line.error.code])).toEqual([
      ['DescribeNetworkInterfaces', 125, 'RequestLimitExceeded'],
      ['DescribeNetworkInterfaces', 250, 'Throttling'],
      ['AttachNetworkInterface', 125, 'InternalError'],
    ]);
    expect(h.clock.sleeps.slice(0, 2)).toEqual([125, 250]);
  });

  test('fails when an error a retry cannot fix occurs: no retry, FailoverFailed, and the invocation throws', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY).failNext(DetachNetworkInterfaceCommand, ec2Error('UnauthorizedOperation', 403));

    await expect(h.invoke(stateChange(PRIMARY, 'stopped'))).rejects.toThrow(/UnauthorizedOperation/);

    expect(h.ec2.mock.commandCalls(DetachNetworkInterfaceCommand)).toHaveLength(1);
    expect(h.metrics()).toEqual([FAILED]);
    expect(h.lines.some((line) => line.level === 'error' && line.msg.startsWith('failover failed: UnauthorizedOperation'))).toBe(true);
  });

  test.each(['IncorrectState', 'InvalidNetworkInterface.InUse', 'InvalidAttachmentID.NotFound'])(
    'GIVEN a detach already in progress WHEN DetachNetworkInterface answers %s THEN the agent waits and completes the move',
    async (code) => {
      const h = harness();
      // Another actor (EC2 itself, when an instance terminates) starts detaching between describe and detach.
      h.ec2.attachedTo(PRIMARY).detachRacedBy(code);

      const result = await h.invoke(stateChange(PRIMARY, 'shutting-down'));

      expect(result).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
      expect(h.ec2.attachment).toMatchObject({ InstanceId: STANDBY, Status: 'attached' });
      expect(h.metrics()).toEqual([SUCCEEDED]);
    },
  );

  test('fails when the interface never becomes available: gives up at the timeout, FailoverFailed, throws, no attach', async () => {
    const h = harness({ ATTACH_TIMEOUT_SECONDS: '30' });
    h.ec2.attachedTo(PRIMARY);
    h.ec2.detachAfterDescribes = Infinity;

    await expect(h.invoke(stateChange(PRIMARY, 'stopped'))).rejects.toThrow(/was not available within 30 s \(status in-use, attachment detaching/);

    expect(h.ec2.mutatingCalls()).toEqual(['DetachNetworkInterfaceCommand']);
    expect(h.metrics()).toEqual([FAILED]);
    // Polled with growing waits, and stopped at the deadline rather than after it.
    expect(h.clock.sleeps).toEqual([1000, 2000, 4000, 5000, 5000, 5000, 5000, 3000]);
    expect(h.clock.now() - START).toBe(30_000);
  });

  test('fails when the attachment is never confirmed: FailoverFailed and the invocation throws', async () => {
    const h = harness({ ATTACH_TIMEOUT_SECONDS: '10' });
    h.ec2.attachedTo(PRIMARY);
    h.ec2.attachAfterDescribes = Infinity;

    await expect(h.invoke(stateChange(PRIMARY, 'stopped'))).rejects.toThrow(`was not attached to ${STANDBY} within 10 s`);
    expect(h.metrics()).toEqual([FAILED]);
  });

  test.each([
    ['stopped', { state: 'stopped' }],
    ['running with impaired status checks', { state: 'running', instanceStatus: 'impaired', systemStatus: 'ok' }],
    ['unknown to EC2', undefined],
  ])('GIVEN the standby is %s WHEN the primary stops THEN the agent gives up without touching the interface', async (_, standby) => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY);
    if (standby) {
      h.ec2.instances[STANDBY] = standby;
    } else {
      delete h.ec2.instances[STANDBY];
    }

    const result = await h.invoke(stateChange(PRIMARY, 'stopped'));

    expect(result).toMatchObject({ outcome: 'gave-up', from: PRIMARY, to: STANDBY });
    expect(h.ec2.mutatingCalls()).toEqual([]);
    expect(h.metrics()).toEqual([GAVE_UP]);
    expect(h.lines).toContainEqual(expect.objectContaining({ level: 'error', msg: expect.stringMatching(`^failover gave up: standby ${STANDBY} is not healthy`) }));
  });

  test('GIVEN a move 2 minutes ago WHEN the new holder fails too THEN the agent refuses to move the interface back (no flapping)', async () => {
    const h = harness({ COOLDOWN_SECONDS: '600' });
    h.ec2.attachedTo(STANDBY);
    h.ec2.tags['nic-patterns:last-failover'] = secondsAgo(120);

    const result = await h.invoke(stateChange(STANDBY, 'stopped'));

    expect(result).toMatchObject({ outcome: 'gave-up', from: STANDBY, to: PRIMARY, reason: expect.stringContaining('within the 600 s cooldown') });
    expect(h.ec2.mutatingCalls()).toEqual([]);
    expect(h.metrics()).toEqual([GAVE_UP]);
  });

  test('GIVEN a failover back and forth WHEN events keep coming THEN the interface moves once and then stays', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY);

    expect(await h.invoke(stateChange(PRIMARY, 'stopped'))).toMatchObject({ outcome: 'moved' });
    h.ec2.instances[PRIMARY] = { state: 'running', instanceStatus: 'ok', systemStatus: 'ok' };
    expect(await h.invoke(alarm(STANDBY))).toMatchObject({ outcome: 'gave-up' });
    expect(h.ec2.attachment?.InstanceId).toBe(STANDBY);
  });

  test('GIVEN a move longer ago than the cooldown WHEN the holder fails THEN the interface moves', async () => {
    const h = harness({ COOLDOWN_SECONDS: '600' });
    h.ec2.attachedTo(STANDBY);
    h.ec2.tags['nic-patterns:last-failover'] = secondsAgo(601);

    expect(await h.invoke(stateChange(STANDBY, 'stopped'))).toEqual({ outcome: 'moved', from: STANDBY, to: PRIMARY });
  });

  test('GIVEN the agent died between detach and attach WHEN the event is retried THEN the rerun attaches the interface', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY, 2);
    // The first run detaches, then "dies": its attach call never succeeds.
    h.ec2.failNext(AttachNetworkInterfaceCommand, new Error('Task timed out after 300.00 seconds'));
    await expect(h.invoke(stateChange(PRIMARY, 'stopped'))).rejects.toThrow('Task timed out');
    expect(h.ec2.attachment).toBeUndefined();
    // A recent move must not block the completion: attaching a free interface cannot flap.
    h.ec2.tags['nic-patterns:last-failover'] = secondsAgo(10);
    h.ec2.mock.resetHistory();

    const result = await h.invoke(stateChange(PRIMARY, 'stopped'));

    expect(result).toEqual({ outcome: 'moved', to: STANDBY });
    expect(h.ec2.mutatingCalls()).toEqual(['AttachNetworkInterfaceCommand', 'CreateTagsCommand']);
    // Nothing remembers the old device index once the interface is free: DEVICE_INDEX applies.
    expect(h.ec2.attachment).toMatchObject({ InstanceId: STANDBY, DeviceIndex: 1, Status: 'attached' });
  });

  test('GIVEN the holder terminated and EC2 is detaching the interface WHEN the event arrives THEN the agent waits and attaches', async () => {
    const h = harness();
    h.ec2.detachingFrom(PRIMARY, 3);

    expect(await h.invoke(stateChange(PRIMARY, 'terminated'))).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
    expect(h.ec2.mutatingCalls()).toEqual(['AttachNetworkInterfaceCommand', 'CreateTagsCommand']);
    expect(h.ec2.attachment).toMatchObject({ InstanceId: STANDBY, DeviceIndex: 3 });
  });

  test('GIVEN a status-check alarm on the holder WHEN it fires THEN the detach is forced', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY);

    expect(await h.invoke(alarm(PRIMARY))).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
    expect(h.ec2.mock.commandCalls(DetachNetworkInterfaceCommand)[0].args[0].input.Force).toBe(true);
  });

  test('GIVEN an impaired holder WHEN its state-change event arrives THEN the detach is forced', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY);
    h.ec2.instances[PRIMARY] = { state: 'stopping', instanceStatus: 'impaired', systemStatus: 'ok' };

    await h.invoke(stateChange(PRIMARY, 'stopping'));

    expect(h.ec2.mock.commandCalls(DetachNetworkInterfaceCommand)[0].args[0].input.Force).toBe(true);
  });

  test('GIVEN the interface is the primary interface of the holder WHEN it stops THEN the agent gives up (eth0 cannot be detached)', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY, 0);

    expect(await h.invoke(stateChange(PRIMARY, 'stopped'))).toMatchObject({ outcome: 'gave-up', reason: expect.stringContaining('device index 0') });
    expect(h.ec2.mutatingCalls()).toEqual([]);
  });

  test('GIVEN a tag write failure WHEN the move succeeds THEN the outcome is still moved, with a warning', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY).failNext(CreateTagsCommand, ec2Error('UnauthorizedOperation', 403));

    expect(await h.invoke(stateChange(PRIMARY, 'stopped'))).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
    expect(h.metrics()).toEqual([SUCCEEDED]);
    expect(h.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: expect.stringContaining('last-failover tag') }));
  });

  describe('place action (Terraform aws_lambda_invocation)', () => {
    test('GIVEN the interface on the primary WHEN placed on the standby THEN it moves, even within the cooldown', async () => {
      const h = harness();
      h.ec2.attachedTo(PRIMARY);
      h.ec2.tags['nic-patterns:last-failover'] = secondsAgo(5);

      expect(await h.invoke(place(STANDBY))).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
      expect(h.ec2.mock.commandCalls(DetachNetworkInterfaceCommand)[0].args[0].input.Force).toBe(false);
    });

    test('GIVEN the interface already on the instance WHEN placed there THEN nothing changes', async () => {
      const h = harness();
      h.ec2.attachedTo(STANDBY);

      expect(await h.invoke(place(STANDBY))).toMatchObject({ outcome: 'noop', to: STANDBY });
      expect(h.ec2.mutatingCalls()).toEqual([]);
    });

    test('GIVEN a free interface WHEN placed THEN it is attached at DEVICE_INDEX', async () => {
      const h = harness({ DEVICE_INDEX: '2' });

      expect(await h.invoke(place(PRIMARY))).toEqual({ outcome: 'moved', to: PRIMARY });
      expect(h.ec2.attachment).toMatchObject({ InstanceId: PRIMARY, DeviceIndex: 2 });
    });

    test('GIVEN a stopped target WHEN placed there THEN the agent refuses and keeps the interface where it is', async () => {
      const h = harness();
      h.ec2.attachedTo(PRIMARY);
      h.ec2.instances[STANDBY] = { state: 'stopped' };

      expect(await h.invoke(place(STANDBY))).toMatchObject({ outcome: 'gave-up', from: PRIMARY, to: STANDBY });
      expect(h.ec2.mutatingCalls()).toEqual([]);
      expect(h.metrics()).toEqual([GAVE_UP]);
    });

    test('GIVEN the interface held outside the pair WHEN placed THEN the agent gives up without detaching it', async () => {
      const h = harness();
      h.ec2.attachedTo(OUTSIDER);

      expect(await h.invoke(place(STANDBY))).toMatchObject({ outcome: 'gave-up', reason: expect.stringContaining(`held by ${OUTSIDER}`) });
      expect(h.ec2.mutatingCalls()).toEqual([]);
    });

    test('fails when the instance is not a member of the pair', async () => {
      const h = harness();

      await expect(h.invoke(place(OUTSIDER))).rejects.toThrow(`instance ${OUTSIDER} is not in pair ${PAIR}`);
      expect(h.ec2.mock.calls()).toHaveLength(0);
    });

    test('fails when the instanceId is missing', async () => {
      const h = harness();

      await expect(h.invoke({ action: 'place' })).rejects.toThrow('the place action needs an instanceId');
    });
  });

  test.each([
    ['an S3 event', { 'source': 'aws.s3', 'detail-type': 'Object Created', 'detail': {} }],
    ['an instance that started', stateChange(PRIMARY, 'running')],
    ['an alarm back to OK', alarm(PRIMARY, 'OK')],
    ['an instance outside the pair', stateChange(OUTSIDER, 'stopped')],
    ['a Terraform destroy of the invocation', { action: 'place', instanceId: STANDBY, tf: { action: 'delete' } }],
    ['a string', 'hello'],
  ])('GIVEN %s WHEN invoked THEN the event is ignored without any EC2 call', async (_, event) => {
    const h = harness();

    const result = await h.invoke(event);

    expect(result).toMatchObject({ outcome: 'ignored', reason: expect.any(String) });
    expect(h.ec2.mock.calls()).toHaveLength(0);
    expect(h.lines).toContainEqual(expect.objectContaining({ level: 'info', msg: 'event ignored' }));
  });

  test('GIVEN the interface held outside the pair WHEN a member stops THEN nothing happens', async () => {
    const h = harness();
    h.ec2.attachedTo(OUTSIDER);

    expect(await h.invoke(stateChange(PRIMARY, 'stopped'))).toMatchObject({ outcome: 'noop' });
    expect(h.ec2.mutatingCalls()).toEqual([]);
  });
});
