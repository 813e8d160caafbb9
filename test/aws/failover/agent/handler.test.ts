import { mockClient } from 'aws-sdk-client-mock';
import { agentEnv, ENI, STANDBY, stateChange } from './fake-ec2';
import { DEFAULT_METRIC_NAMESPACE } from '../../../../lib/aws/failover/agent/config';
import { LAST_FAILOVER_TAG } from '../../../../lib/aws/failover/agent/ec2-api';
import { LAST_FAILOVER_TAG as CONSTRUCT_TAG, FAILOVER_METRIC_NAMESPACE } from '../../../../lib/aws/failover/failover-agent';

interface Loaded {
  readonly handler: (event: unknown, context?: object) => Promise<unknown>;
  /** The SDK module of the same fresh module registry (the one the handler's client comes from). */
  readonly sdk: typeof import('@aws-sdk/client-ec2');
}

/** Loads handler.ts afresh, as a Lambda cold start does, with this environment. */
function coldStart(env: Record<string, string | undefined>): Loaded {
  const saved = process.env;
  process.env = { ...env } as NodeJS.ProcessEnv;
  try {
    let loaded: Loaded | undefined;
    jest.isolateModules(() => {
      const sdk = jest.requireActual<Loaded['sdk']>('@aws-sdk/client-ec2');
      const { handler } = jest.requireActual<Pick<Loaded, 'handler'>>('../../../../lib/aws/failover/agent/handler');
      loaded = { sdk, handler };
    });
    return loaded!;
  } finally {
    process.env = saved;
  }
}

describe('handler (Lambda entry point)', () => {
  let stdout: jest.SpyInstance;
  beforeEach(() => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => stdout.mockRestore());

  test('fails at cold start when the configuration is invalid, naming each variable, and logs it as JSON', () => {
    expect(() => coldStart(agentEnv({ DEVICE_INDEX: '0', PAIR_NAME: undefined }))).toThrow(
      'failover agent configuration is invalid: DEVICE_INDEX must be an integer >= 1 (got "0"); PAIR_NAME is required',
    );
    const logged = JSON.parse(String(stdout.mock.calls[0][0]));
    expect(logged).toMatchObject({ level: 'error', problems: ['DEVICE_INDEX must be an integer >= 1 (got "0")', 'PAIR_NAME is required'] });
  });

  test('GIVEN a valid environment WHEN invoked THEN the exported handler serves the event through the SDK client', async () => {
    const { handler, sdk } = coldStart({ ...agentEnv(), AWS_REGION: 'eu-west-1' });
    const ec2 = mockClient(sdk.EC2Client);
    try {
      ec2.on(sdk.DescribeNetworkInterfacesCommand).resolves({
        NetworkInterfaces: [{ NetworkInterfaceId: ENI, Status: 'in-use', Attachment: { InstanceId: STANDBY, Status: 'attached', DeviceIndex: 1 } }],
      });

      // The handler runs on the real clock: the event must be recent, or it is dropped as stale.
      const event = stateChange('i-0aaaaaaaaaaaaaaa1', 'stopped', new Date().toISOString());
      await expect(handler(event, { awsRequestId: 'req-42' })).resolves.toMatchObject({ outcome: 'noop' });
      const lines = stdout.mock.calls.map(([chunk]) => JSON.parse(String(chunk)));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((line) => line.requestId === 'req-42' && line.pair === 'web')).toBe(true);
    } finally {
      ec2.restore();
    }
  });

  test('GIVEN the construct THEN it and the agent agree on the tag key and the metric namespace', () => {
    expect(LAST_FAILOVER_TAG).toBe(CONSTRUCT_TAG);
    expect(DEFAULT_METRIC_NAMESPACE).toBe(FAILOVER_METRIC_NAMESPACE);
  });
});
