import {
  AttachNetworkInterfaceCommand,
  CreateTagsCommand,
  DescribeInstanceStatusCommand,
  DescribeNetworkInterfacesCommand,
  DetachNetworkInterfaceCommand,
} from '@aws-sdk/client-ec2';
import { alarm, ec2Error, ENI, harness, MAX_INTERFACES, OUTSIDER, PAIR, place, placeInstance, PRIMARY, STANDBY, START, stateChange } from './fake-ec2';

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
    h.ec2.attachedTo(PRIMARY, 2, 1).setState(PRIMARY, 'stopped');

    const result = await h.invoke(stateChange(PRIMARY, 'stopped'), { awsRequestId: 'req-1' });

    expect(result).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
    expect(h.ec2.mutatingCalls()).toEqual(['DetachNetworkInterfaceCommand', 'AttachNetworkInterfaceCommand', 'CreateTagsCommand']);
    expect(h.ec2.mock.commandCalls(DetachNetworkInterfaceCommand)[0].args[0].input).toEqual({ AttachmentId: 'eni-attach-01', Force: false });
    expect(h.ec2.attachInputs()).toEqual([{ NetworkInterfaceId: ENI, InstanceId: STANDBY, DeviceIndex: 2, NetworkCardIndex: 1 }]);
    expect(h.ec2.attachment).toMatchObject({ InstanceId: STANDBY, Status: 'attached' });
    // The move is recorded for the cooldown at the time it completed.
    expect(Date.parse(h.ec2.tags['nic-patterns:last-failover'])).toBe(h.clock.now());
    expect(h.metrics()).toEqual([SUCCEEDED]);
    expect(h.lines.every((line) => line.requestId === 'req-1' && line.pair === PAIR)).toBe(true);
  });

  test('GIVEN the standby holds the interface WHEN it terminates THEN the interface goes back to the primary', async () => {
    const h = harness();
    h.ec2.attachedTo(STANDBY).setState(STANDBY, 'terminated');

    expect(await h.invoke(stateChange(STANDBY, 'terminated'))).toEqual({ outcome: 'moved', from: STANDBY, to: PRIMARY });
  });

  test('GIVEN the interface already moved to the standby WHEN the primary event arrives again THEN nothing changes', async () => {
    const h = harness();
    h.ec2.attachedTo(STANDBY).setState(PRIMARY, 'stopped');

    const result = await h.invoke(stateChange(PRIMARY, 'stopped'));

    expect(result).toMatchObject({ outcome: 'noop', to: STANDBY });
    expect(h.ec2.mutatingCalls()).toEqual([]);
    expect(h.ec2.mock.commandCalls(DescribeInstanceStatusCommand)).toHaveLength(0);
    expect(h.metrics()).toEqual([]);
  });

  test('GIVEN a completed failover WHEN the same event is delivered twice THEN the second run is a noop', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopping');
    await h.invoke(stateChange(PRIMARY, 'stopping'));
    h.ec2.mock.resetHistory();

    expect(await h.invoke(stateChange(PRIMARY, 'stopping'))).toMatchObject({ outcome: 'noop' });
    expect(h.ec2.mutatingCalls()).toEqual([]);
  });

  test('GIVEN throttling on describe and on attach WHEN the primary stops THEN the calls are retried with backoff and the move succeeds', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped')
      .failNext(DescribeNetworkInterfacesCommand, ec2Error('RequestLimitExceeded', 503), ec2Error('Throttling'))
      .failNext(AttachNetworkInterfaceCommand, ec2Error('InternalError', 500));

    const result = await h.invoke(stateChange(PRIMARY, 'stopped'));

    expect(result).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
    // The dry run meets the InternalError and is retried; the real attach then succeeds at once.
    expect(h.ec2.attachInputs()).toHaveLength(1);
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
    h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped').failNext(DetachNetworkInterfaceCommand, ec2Error('InvalidParameterValue', 400));

    await expect(h.invoke(stateChange(PRIMARY, 'stopped'))).rejects.toThrow(/InvalidParameterValue/);

    expect(h.ec2.mock.commandCalls(DetachNetworkInterfaceCommand)).toHaveLength(1);
    expect(h.metrics()).toEqual([FAILED]);
    expect(h.lines.some((line) => line.level === 'error' && line.msg.startsWith('failover failed: InvalidParameterValue'))).toBe(true);
  });

  test.each(['IncorrectState', 'InvalidNetworkInterface.InUse', 'InvalidAttachmentID.NotFound'])(
    'GIVEN a detach already in progress WHEN DetachNetworkInterface answers %s THEN the agent waits and completes the move',
    async (code) => {
      const h = harness();
      // Another actor (EC2 itself, when an instance terminates) starts detaching between describe and detach.
      h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'shutting-down').detachRacedBy(code);

      const result = await h.invoke(stateChange(PRIMARY, 'shutting-down'));

      expect(result).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
      expect(h.ec2.attachment).toMatchObject({ InstanceId: STANDBY, Status: 'attached' });
      expect(h.metrics()).toEqual([SUCCEEDED]);
    },
  );

  test('fails when the interface never becomes available: gives up at the timeout, FailoverFailed, throws, no attach', async () => {
    const h = harness({ ATTACH_TIMEOUT_SECONDS: '30' });
    h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped');
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
    h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped');
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
    h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped');
    if (standby) {
      h.ec2.instances[STANDBY] = standby;
    } else {
      delete h.ec2.instances[STANDBY];
    }

    const result = await h.invoke(stateChange(PRIMARY, 'stopped'));

    expect(result).toMatchObject({ outcome: 'gave-up', from: PRIMARY, to: STANDBY });
    expect(h.ec2.mutatingCalls()).toEqual([]);
    expect(h.metrics()).toEqual([GAVE_UP]);
    expect(h.lines).toContainEqual(expect.objectContaining({ level: 'error', msg: expect.stringMatching(`^failover gave up: standby ${STANDBY} is not ready`) }));
  });

  test('GIVEN the primary is the target WHEN it is not ready THEN the message names the primary, not the standby', async () => {
    const h = harness();
    h.ec2.attachedTo(STANDBY).setState(STANDBY, 'stopped').setState(PRIMARY, 'stopped');

    expect(await h.invoke(stateChange(STANDBY, 'stopped'))).toMatchObject({ reason: expect.stringMatching(`^primary ${PRIMARY} is not ready`) });
  });

  test('GIVEN a move 2 minutes ago WHEN the new holder fails too THEN the agent refuses to move the interface back (no flapping)', async () => {
    const h = harness({ COOLDOWN_SECONDS: '600' });
    h.ec2.attachedTo(STANDBY).setState(STANDBY, 'stopped');
    h.ec2.tags['nic-patterns:last-failover'] = secondsAgo(120);

    const result = await h.invoke(stateChange(STANDBY, 'stopped'));

    expect(result).toMatchObject({ outcome: 'gave-up', from: STANDBY, to: PRIMARY, reason: expect.stringContaining('within the 600 s cooldown') });
    expect(h.ec2.mutatingCalls()).toEqual([]);
    expect(h.metrics()).toEqual([GAVE_UP]);
  });

  test('GIVEN a failover back and forth WHEN events keep coming THEN the interface moves once and then stays', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped');

    expect(await h.invoke(stateChange(PRIMARY, 'stopped'))).toMatchObject({ outcome: 'moved' });
    h.ec2.setStatus(PRIMARY, 'ok').setStatus(STANDBY, 'impaired');
    expect(await h.invoke(alarm(STANDBY))).toMatchObject({ outcome: 'gave-up' });
    expect(h.ec2.attachment?.InstanceId).toBe(STANDBY);
  });

  test('GIVEN a move longer ago than the cooldown WHEN the holder fails THEN the interface moves', async () => {
    const h = harness({ COOLDOWN_SECONDS: '600' });
    h.ec2.attachedTo(STANDBY).setState(STANDBY, 'stopped');
    h.ec2.tags['nic-patterns:last-failover'] = secondsAgo(601);

    expect(await h.invoke(stateChange(STANDBY, 'stopped'))).toEqual({ outcome: 'moved', from: STANDBY, to: PRIMARY });
  });

  test('GIVEN the agent died between detach and attach WHEN the event is retried THEN the rerun attaches the interface', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY, 2).setState(PRIMARY, 'stopped');
    // The first run detaches, then "dies": its attach call never succeeds (the dry run passes first).
    h.ec2.failNext(AttachNetworkInterfaceCommand, ec2Error('DryRunOperation', 412), new Error('Task timed out after 300.00 seconds'));
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
    h.ec2.detachingFrom(PRIMARY, 2).setState(PRIMARY, 'terminated');

    expect(await h.invoke(stateChange(PRIMARY, 'terminated'))).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
    expect(h.ec2.mutatingCalls()).toEqual(['AttachNetworkInterfaceCommand', 'CreateTagsCommand']);
    expect(h.ec2.attachment).toMatchObject({ InstanceId: STANDBY, DeviceIndex: 2 });
  });

  describe('stale events (defect 3: they moved the interface off a healthy holder)', () => {
    test('GIVEN the holder runs with passing checks WHEN a stop event about it arrives THEN nothing moves', async () => {
      // GIVEN: the primary was stopped and started again before the event was handled.
      const h = harness();
      h.ec2.attachedTo(PRIMARY);

      // WHEN
      const result = await h.invoke(stateChange(PRIMARY, 'stopped'));

      // THEN
      expect(result).toMatchObject({ outcome: 'noop', reason: expect.stringContaining(`primary ${PRIMARY} holds the interface and is healthy now`) });
      expect(h.ec2.mutatingCalls()).toEqual([]);
    });

    test('GIVEN the holder recovered WHEN its status-check alarm is delivered THEN nothing moves', async () => {
      const h = harness();
      h.ec2.attachedTo(PRIMARY);

      expect(await h.invoke(alarm(PRIMARY))).toMatchObject({ outcome: 'noop' });
      expect(h.ec2.mutatingCalls()).toEqual([]);
    });

    test('GIVEN an event older than MAX_EVENT_AGE_SECONDS WHEN it arrives THEN it is dropped without any EC2 call', async () => {
      const h = harness({ MAX_EVENT_AGE_SECONDS: '300' });
      h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped');

      const result = await h.invoke(stateChange(PRIMARY, 'stopped', secondsAgo(301)));

      expect(result).toMatchObject({ outcome: 'ignored', reason: expect.stringContaining('301 s old, beyond the 300 s maximum event age') });
      expect(h.ec2.mock.calls()).toHaveLength(0);
    });

    test('GIVEN an event within the maximum age WHEN it arrives THEN it is acted on', async () => {
      const h = harness({ MAX_EVENT_AGE_SECONDS: '300' });
      h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped');

      expect(await h.invoke(stateChange(PRIMARY, 'stopped', secondsAgo(299)))).toMatchObject({ outcome: 'moved' });
    });
  });

  describe('forced detach (defect 2: every alarm forced it)', () => {
    test('GIVEN an impaired holder WHEN its status-check alarm fires THEN the detach is forced', async () => {
      const h = harness();
      h.ec2.attachedTo(PRIMARY).setStatus(PRIMARY, 'impaired');

      expect(await h.invoke(alarm(PRIMARY))).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
      expect(h.ec2.mock.commandCalls(DetachNetworkInterfaceCommand)[0].args[0].input.Force).toBe(true);
    });

    test('GIVEN a stopping holder that is not impaired WHEN its event arrives THEN the detach is graceful', async () => {
      const h = harness();
      h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopping');

      await h.invoke(stateChange(PRIMARY, 'stopping'));

      expect(h.ec2.mock.commandCalls(DetachNetworkInterfaceCommand)[0].args[0].input.Force).toBe(false);
    });
  });

  describe('the target is checked before anything is detached (defect 2)', () => {
    test('GIVEN the standby has another interface at the device index WHEN the primary stops THEN the interface goes to the lowest free index', async () => {
      const h = harness();
      h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped');
      h.ec2.instances[STANDBY].otherInterfaces = [{ id: 'eni-0fffffffffffffff1', deviceIndex: 1 }];

      const result = await h.invoke(stateChange(PRIMARY, 'stopped'));

      // Index 0 is the standby's own interface, 1 the other one: the model test found that giving up
      // here stranded the interface for good once a forced detach had moved it off its usual index.
      expect(result).toMatchObject({ outcome: 'moved', to: STANDBY });
      expect(h.ec2.attachInputs()).toEqual([expect.objectContaining({ InstanceId: STANDBY, DeviceIndex: 2 })]);
    });

    test('GIVEN the standby has as many interfaces as its type takes WHEN the primary stops THEN the agent gives up and detaches nothing', async () => {
      const h = harness();
      h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped');
      h.ec2.instances[STANDBY].otherInterfaces = [{ id: 'eni-0fffffffffffffff1', deviceIndex: 2 }, { id: 'eni-0fffffffffffffff2', deviceIndex: 3 }];

      const result = await h.invoke(stateChange(PRIMARY, 'stopped'));

      expect(result).toMatchObject({ outcome: 'gave-up', reason: expect.stringContaining(`already has ${MAX_INTERFACES} interfaces on network card 0, its maximum`) });
      expect(h.ec2.mutatingCalls()).toEqual([]);
    });

    test('GIVEN the standby lacks the pair tag WHEN the primary stops THEN the dry run refuses and nothing is detached', async () => {
      const h = harness();
      h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped');
      h.ec2.instances[STANDBY].untagged = true;

      const result = await h.invoke(stateChange(PRIMARY, 'stopped'));

      expect(result).toMatchObject({ outcome: 'gave-up', reason: expect.stringContaining('UnauthorizedOperation') });
      expect(h.ec2.mock.commandCalls(AttachNetworkInterfaceCommand)[0].args[0].input.DryRun).toBe(true);
      expect(h.ec2.mutatingCalls()).toEqual([]);
    });

    test('GIVEN EC2 refuses the device index WHEN attaching THEN the interface is attached at the next free index', async () => {
      const h = harness();
      h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped')
        .failNext(AttachNetworkInterfaceCommand, ec2Error('DryRunOperation', 412), ec2Error('InvalidParameterValue'));

      expect(await h.invoke(stateChange(PRIMARY, 'stopped'))).toMatchObject({ outcome: 'moved', to: STANDBY });
      expect(h.ec2.attachment).toMatchObject({ InstanceId: STANDBY, DeviceIndex: 2 });
    });

    test('fails when the attach to a healthy target is refused: the interface goes back to its healthy holder and the request fails', async () => {
      // GIVEN: an operator moves the interface off a healthy primary; EC2 refuses both indexes of the standby.
      const h = harness();
      h.ec2.attachedTo(PRIMARY, 1)
        .failNext(AttachNetworkInterfaceCommand, ec2Error('DryRunOperation', 412), ec2Error('AttachmentLimitExceeded'));

      // WHEN / THEN
      await expect(h.invoke(place('standby'))).rejects.toThrow(`EC2 refused to attach the interface to standby ${STANDBY} (AttachmentLimitExceeded); the interface is back on primary ${PRIMARY}`);
      expect(h.ec2.attachment).toMatchObject({ InstanceId: PRIMARY, DeviceIndex: 1, Status: 'attached' });
      expect(h.metrics()).toEqual([FAILED]);
    });

    test('fails when the attach is refused after the holder failed: no way back, and the error says the interface is on nothing', async () => {
      const h = harness();
      h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped')
        .failNext(AttachNetworkInterfaceCommand, ec2Error('DryRunOperation', 412), ec2Error('IncorrectInstanceState'));

      await expect(h.invoke(stateChange(PRIMARY, 'stopped'))).rejects.toThrow('the interface is attached to nothing');
      // Another device index cannot cure a target that is stopping: no second attempt.
      expect(h.ec2.attachInputs()).toHaveLength(1);
    });
  });

  describe('readiness of the target (defect 7: an initializing instance took the interface)', () => {
    test('GIVEN the target is still initializing WHEN asked to place THEN the agent waits for its status checks, then attaches', async () => {
      const h = harness({ READY_TIMEOUT_SECONDS: '300' });
      h.ec2.setStatus(PRIMARY, 'initializing');
      let polls = 0;
      h.ec2.mock.on(DescribeInstanceStatusCommand).callsFake(() => {
        if (++polls === 3) h.ec2.setStatus(PRIMARY, 'ok');
        const instance = h.ec2.instances[PRIMARY];
        return {
          InstanceStatuses: [{
            InstanceId: PRIMARY,
            InstanceState: { Name: instance.state },
            InstanceStatus: { Status: instance.instanceStatus },
            SystemStatus: { Status: instance.systemStatus },
          }],
        };
      });

      expect(await h.invoke(place('primary'))).toEqual({ outcome: 'moved', to: PRIMARY });
      expect(h.clock.sleeps.slice(0, 2)).toEqual([5000, 10000]);
    });

    test('fails when the target never passes its status checks within READY_TIMEOUT_SECONDS: nothing moves and the request fails', async () => {
      const h = harness({ READY_TIMEOUT_SECONDS: '60' });
      h.ec2.attachedTo(STANDBY).setStatus(PRIMARY, 'initializing');

      await expect(h.invoke(place('primary'))).rejects.toThrow(`could not place ${ENI} on ${PRIMARY}: primary ${PRIMARY} is not ready to take the interface (state running, instance status initializing`);
      expect(h.ec2.mutatingCalls()).toEqual([]);
      expect(h.clock.now() - START).toBe(60_000);
    });
  });

  test('GIVEN the answer to a successful attach is lost WHEN the retry meets InvalidNetworkInterface.InUse THEN the move still succeeds', async () => {
    // GIVEN
    const h = harness();
    h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped').loseNextAttachAnswer();

    // WHEN
    const result = await h.invoke(stateChange(PRIMARY, 'stopped'));

    // THEN: no refusal, no rollback, no second index
    expect(result).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
    expect(h.ec2.attachInputs()).toHaveLength(2);
    expect(h.ec2.attachment).toMatchObject({ InstanceId: STANDBY, DeviceIndex: 1, Status: 'attached' });
  });

  test('GIVEN the interface is the primary interface of the holder WHEN it stops THEN the agent gives up (eth0 cannot be detached)', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY, 0).setState(PRIMARY, 'stopped');

    expect(await h.invoke(stateChange(PRIMARY, 'stopped'))).toMatchObject({ outcome: 'gave-up', reason: expect.stringContaining('device index 0') });
    expect(h.ec2.mutatingCalls()).toEqual([]);
  });

  test('GIVEN a tag write failure WHEN the move succeeds THEN the outcome is still moved, with a warning', async () => {
    const h = harness();
    h.ec2.attachedTo(PRIMARY).setState(PRIMARY, 'stopped').failNext(CreateTagsCommand, ec2Error('UnauthorizedOperation', 403));

    expect(await h.invoke(stateChange(PRIMARY, 'stopped'))).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
    expect(h.metrics()).toEqual([SUCCEEDED]);
    expect(h.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: expect.stringContaining('last-failover tag') }));
  });

  describe('place action (Terraform aws_lambda_invocation)', () => {
    test('GIVEN the interface on a healthy primary WHEN placed on the standby THEN it moves gracefully, even within the cooldown', async () => {
      const h = harness();
      h.ec2.attachedTo(PRIMARY);
      h.ec2.tags['nic-patterns:last-failover'] = secondsAgo(5);

      expect(await h.invoke(place('standby'))).toEqual({ outcome: 'moved', from: PRIMARY, to: STANDBY });
      expect(h.ec2.mock.commandCalls(DetachNetworkInterfaceCommand)[0].args[0].input.Force).toBe(false);
    });

    test('GIVEN the interface already on the side WHEN placed there THEN nothing changes', async () => {
      const h = harness();
      h.ec2.attachedTo(STANDBY);

      expect(await h.invoke(place('standby'))).toMatchObject({ outcome: 'noop', to: STANDBY });
      expect(h.ec2.mutatingCalls()).toEqual([]);
    });

    test('GIVEN a free interface WHEN placed by instance id THEN it is attached at DEVICE_INDEX', async () => {
      const h = harness({ DEVICE_INDEX: '2' });

      expect(await h.invoke(placeInstance(PRIMARY))).toEqual({ outcome: 'moved', to: PRIMARY });
      expect(h.ec2.attachment).toMatchObject({ InstanceId: PRIMARY, DeviceIndex: 2 });
    });

    test('fails when the target is stopped: the request fails, with the reason, and the interface stays where it is (defect 4)', async () => {
      const h = harness();
      h.ec2.attachedTo(PRIMARY).setState(STANDBY, 'stopped');

      await expect(h.invoke(place('standby'))).rejects.toThrow(`could not place ${ENI} on ${STANDBY}: standby ${STANDBY} is not ready to take the interface (state stopped`);
      expect(h.ec2.mutatingCalls()).toEqual([]);
      expect(h.metrics()).toEqual([GAVE_UP]);
    });

    test('fails when the interface is held outside the pair: the request fails and the interface is not detached', async () => {
      const h = harness();
      h.ec2.attachedTo(OUTSIDER);

      await expect(h.invoke(place('standby'))).rejects.toThrow(`held by ${OUTSIDER}`);
      expect(h.ec2.mutatingCalls()).toEqual([]);
    });

    test('fails when the interface is a primary interface: the request fails', async () => {
      const h = harness();
      h.ec2.attachedTo(PRIMARY, 0);

      await expect(h.invoke(place('standby'))).rejects.toThrow('device index 0');
    });

    test('fails when the instance is not a member of the pair', async () => {
      const h = harness();

      await expect(h.invoke(placeInstance(OUTSIDER))).rejects.toThrow(`instance ${OUTSIDER} is not in pair ${PAIR}`);
      expect(h.ec2.mock.calls()).toHaveLength(0);
    });

    test.each([
      [{ action: 'place' }, 'needs a side ("primary" or "standby") or an instanceId'],
      [{ action: 'place', side: 'left' }, 'side must be "primary" or "standby" (got "left")'],
    ])('fails when the request is malformed: %j', async (event, message) => {
      const h = harness();

      await expect(h.invoke(event)).rejects.toThrow(message);
    });
  });

  test.each([
    ['an S3 event', { 'source': 'aws.s3', 'detail-type': 'Object Created', 'detail': {} }],
    ['an instance that started', stateChange(PRIMARY, 'running')],
    ['an alarm back to OK', alarm(PRIMARY, 'OK')],
    ['an instance outside the pair', stateChange(OUTSIDER, 'stopped')],
    ['a Terraform destroy of the invocation', { action: 'place', side: 'standby', tf: { action: 'delete' } }],
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
    h.ec2.attachedTo(OUTSIDER).setState(PRIMARY, 'stopped');

    expect(await h.invoke(stateChange(PRIMARY, 'stopped'))).toMatchObject({ outcome: 'noop' });
    expect(h.ec2.mutatingCalls()).toEqual([]);
  });
});
