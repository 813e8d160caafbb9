import { alarm, PRIMARY, stateChange } from './fake-ec2';
import { classifyEvent, FAILED_STATES } from '../../../../lib/aws/failover/agent/events';

describe('classifyEvent', () => {
  test.each(FAILED_STATES)('GIVEN an instance that is %s THEN it is a failure of that instance', (state) => {
    expect(classifyEvent(stateChange(PRIMARY, state))).toEqual({ kind: 'instance-state', instanceId: PRIMARY, state, time: Date.parse('2026-03-01T12:00:00Z') });
  });

  test.each(['pending', 'running'])('GIVEN an instance that is %s THEN the event is ignored', (state) => {
    expect(classifyEvent(stateChange(PRIMARY, state))).toMatchObject({ kind: 'ignored' });
  });

  test('GIVEN a status-check alarm in ALARM THEN the instance comes from the metric dimensions', () => {
    expect(classifyEvent(alarm(PRIMARY))).toEqual({
      kind: 'alarm', instanceId: PRIMARY, alarmName: 'nic-failover-web-primary-status-check', time: Date.parse('2026-03-01T12:00:00Z'),
    });
  });

  test('GIVEN a metric-math alarm over one instance THEN its several metrics name that instance once', () => {
    const event = alarm(PRIMARY) as any;
    event.detail.configuration.metrics.push(
      { id: 'm2', metricStat: { metric: { namespace: 'AWS/EC2', name: 'StatusCheckFailed_System', dimensions: { InstanceId: PRIMARY } } } },
      { id: 'e1', expression: 'MAX([m1, m2])' },
    );

    expect(classifyEvent(event)).toMatchObject({ kind: 'alarm', instanceId: PRIMARY });
  });

  test.each([
    ['no InstanceId dimension', { AutoScalingGroupName: 'web' }],
    ['no dimensions at all', undefined],
  ])('GIVEN an alarm with %s THEN it is ignored', (_, dimensions) => {
    const event = alarm(PRIMARY) as any;
    event.detail.configuration.metrics[0].metricStat.metric.dimensions = dimensions;

    expect(classifyEvent(event)).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('no InstanceId') });
  });

  test('GIVEN an alarm over two instances THEN it is ignored (which one failed is unknown)', () => {
    const event = alarm(PRIMARY) as any;
    event.detail.configuration.metrics.push({ id: 'm2', metricStat: { metric: { dimensions: { InstanceId: 'i-0bbbbbbbbbbbbbbb2' } } } });

    expect(classifyEvent(event)).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('several') });
  });

  test.each([
    ['null', null],
    ['an array', [stateChange(PRIMARY, 'stopped')]],
    ['a state change without detail', { 'source': 'aws.ec2', 'detail-type': 'EC2 Instance State-change Notification' }],
    ['an unknown action', { action: 'reboot', instanceId: PRIMARY }],
  ])('GIVEN %s THEN the event is ignored', (_, event) => {
    expect(classifyEvent(event)).toMatchObject({ kind: 'ignored' });
  });

  test('GIVEN a place action THEN it names the instance', () => {
    expect(classifyEvent({ action: 'place', instanceId: PRIMARY, tf: { action: 'create' } })).toEqual({ kind: 'place', instanceId: PRIMARY });
    expect(classifyEvent({ action: 'place', side: 'standby', tf: { action: 'create' } })).toEqual({ kind: 'place', side: 'standby' });
  });
});
