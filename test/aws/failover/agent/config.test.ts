import { agentEnv, ENI, PRIMARY, STANDBY } from './fake-ec2';
import { ConfigError, loadConfig } from '../../../../lib/aws/failover/agent/config';

describe('loadConfig', () => {
  test('GIVEN the required variables WHEN loaded THEN the defaults fill the rest', () => {
    expect(loadConfig(agentEnv())).toEqual({
      networkInterfaceId: ENI,
      primaryInstanceId: PRIMARY,
      standbyInstanceId: STANDBY,
      deviceIndex: 1,
      networkCardIndex: 0,
      metricNamespace: 'NicPatterns/Failover',
      pairName: 'web',
      attachTimeoutSeconds: 120,
      cooldownSeconds: 600,
      readyTimeoutSeconds: 420,
      maxEventAgeSeconds: 300,
    });
  });

  test('GIVEN every optional variable WHEN loaded THEN each is read', () => {
    const config = loadConfig(agentEnv({
      NETWORK_CARD_INDEX: '1',
      METRIC_NAMESPACE: 'Custom/Ns',
      ATTACH_TIMEOUT_SECONDS: '30',
      COOLDOWN_SECONDS: '0',
      DEVICE_INDEX: '3',
      READY_TIMEOUT_SECONDS: '0',
      MAX_EVENT_AGE_SECONDS: '60',
    }));

    expect(config).toMatchObject({
      networkCardIndex: 1,
      metricNamespace: 'Custom/Ns',
      attachTimeoutSeconds: 30,
      cooldownSeconds: 0,
      deviceIndex: 3,
      readyTimeoutSeconds: 0,
      maxEventAgeSeconds: 60,
    });
  });

  test.each([
    ['NETWORK_INTERFACE_ID is missing', { NETWORK_INTERFACE_ID: undefined }, 'NETWORK_INTERFACE_ID is required'],
    ['NETWORK_INTERFACE_ID is not an interface id', { NETWORK_INTERFACE_ID: 'i-0aaaaaaaaaaaaaaa1' }, 'NETWORK_INTERFACE_ID must look like eni-'],
    ['PRIMARY_INSTANCE_ID is blank', { PRIMARY_INSTANCE_ID: '  ' }, 'PRIMARY_INSTANCE_ID is required'],
    ['STANDBY_INSTANCE_ID is not an instance id', { STANDBY_INSTANCE_ID: 'standby' }, 'STANDBY_INSTANCE_ID must look like i-'],
    ['both instances are the same', { STANDBY_INSTANCE_ID: PRIMARY }, 'PRIMARY_INSTANCE_ID and STANDBY_INSTANCE_ID must differ'],
    ['DEVICE_INDEX is missing', { DEVICE_INDEX: undefined }, 'DEVICE_INDEX is required'],
    ['DEVICE_INDEX is 0 (the primary interface)', { DEVICE_INDEX: '0' }, 'DEVICE_INDEX must be an integer >= 1 (got "0")'],
    ['NETWORK_CARD_INDEX is negative', { NETWORK_CARD_INDEX: '-1' }, 'NETWORK_CARD_INDEX must be an integer >= 0'],
    ['ATTACH_TIMEOUT_SECONDS is not a number', { ATTACH_TIMEOUT_SECONDS: 'soon' }, 'ATTACH_TIMEOUT_SECONDS must be an integer >= 1 (got "soon")'],
    ['COOLDOWN_SECONDS is a fraction', { COOLDOWN_SECONDS: '1.5' }, 'COOLDOWN_SECONDS must be an integer >= 0'],
    ['PAIR_NAME is missing', { PAIR_NAME: undefined }, 'PAIR_NAME is required'],
  ])('fails when %s', (_, overrides, message) => {
    expect(() => loadConfig(agentEnv(overrides))).toThrow(message);
  });

  test('fails listing every problem at once', () => {
    try {
      loadConfig({});
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'NETWORK_INTERFACE_ID is required',
        'PRIMARY_INSTANCE_ID is required',
        'STANDBY_INSTANCE_ID is required',
        'DEVICE_INDEX is required',
        'PAIR_NAME is required',
      ]);
    }
  });
});
