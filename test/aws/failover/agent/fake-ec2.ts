import {
  AttachNetworkInterfaceCommand,
  CreateTagsCommand,
  DescribeInstancesCommand,
  DescribeInstanceStatusCommand,
  DescribeInstanceTypesCommand,
  DescribeNetworkInterfacesCommand,
  DetachNetworkInterfaceCommand,
  EC2Client,
  EC2ServiceException,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { AgentHandler, createAgent } from '../../../../lib/aws/failover/agent/agent';
import { Clock } from '../../../../lib/aws/failover/agent/clock';
import { AgentConfig, loadConfig } from '../../../../lib/aws/failover/agent/config';
import { Logger } from '../../../../lib/aws/failover/agent/log';

export const ENI = 'eni-0a1b2c3d4e5f60718';
export const PRIMARY = 'i-0aaaaaaaaaaaaaaa1';
export const STANDBY = 'i-0bbbbbbbbbbbbbbb2';
export const OUTSIDER = 'i-0ccccccccccccccc3';
export const PAIR = 'web';
export const START = Date.parse('2026-03-01T12:00:00.000Z');

/** The environment the construct sets, as strings; tests override single variables. */
export function agentEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    NETWORK_INTERFACE_ID: ENI,
    PRIMARY_INSTANCE_ID: PRIMARY,
    STANDBY_INSTANCE_ID: STANDBY,
    DEVICE_INDEX: '1',
    PAIR_NAME: PAIR,
    ...overrides,
  };
}

const MAX_SLEEPS = 1_000;

/** A clock whose sleeps return at once and advance its time; `random` is fixed for reproducible jitter. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  private time = START;

  constructor(private readonly randomValue = 0.5) {}

  now = (): number => this.time;
  random = (): number => this.randomValue;
  sleep = async (ms: number): Promise<void> => {
    // Sleeps resolve at once, so an unbounded wait would spin forever instead of timing out the test.
    if (ms < 0 || this.sleeps.length >= MAX_SLEEPS) {
      throw new Error(`the agent slept ${ms} ms after ${this.sleeps.length} sleeps: a wait is unbounded`);
    }
    this.sleeps.push(ms);
    this.time += ms;
  };
}

/** An EC2 service error as the SDK raises it (the error code is the `name`). */
export function ec2Error(code: string, httpStatusCode = 400): EC2ServiceException {
  return new EC2ServiceException({
    name: code,
    message: `${code} (simulated)`,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode },
  });
}

interface FakeAttachment {
  AttachmentId: string;
  InstanceId: string;
  DeviceIndex: number;
  NetworkCardIndex: number;
  Status: 'attaching' | 'attached' | 'detaching' | 'detached';
}

interface FakeInstance {
  state: string;
  instanceStatus?: string;
  systemStatus?: string;
  /** Other interfaces attached besides its own primary one (device index 0). */
  otherInterfaces?: Array<{ id: string; deviceIndex: number; networkCardIndex?: number }>;
  /** Lacks the pair tag: a real attach, or a DryRun one, is refused with UnauthorizedOperation. */
  untagged?: boolean;
}

/** Interfaces each of the two network cards of the fake's instance type takes. */
export const MAX_INTERFACES = 3;

type Mutating = typeof DetachNetworkInterfaceCommand | typeof AttachNetworkInterfaceCommand | typeof CreateTagsCommand;
type AnyCommand = Mutating | typeof DescribeNetworkInterfacesCommand | typeof DescribeInstanceStatusCommand
| typeof DescribeInstancesCommand | typeof DescribeInstanceTypesCommand;

/**
 * A small model of the EC2 API behind `aws-sdk-client-mock`: one interface and its attachment, instance
 * statuses, and the asynchronous detach/attach (an attachment changes state after a few describes).
 */
export class FakeEc2 {
  /** The client the agent uses; only this instance is mocked, so tests share no global stub. */
  readonly client = new EC2Client({ region: 'eu-west-1' });
  readonly mock = mockClient(this.client);
  attachment: FakeAttachment | undefined;
  readonly tags: Record<string, string> = {};
  readonly instances: Record<string, FakeInstance> = {
    [PRIMARY]: { state: 'running', instanceStatus: 'ok', systemStatus: 'ok' },
    [STANDBY]: { state: 'running', instanceStatus: 'ok', systemStatus: 'ok' },
  };
  /** Describes after which a detach (or attach) completes; Infinity = never. */
  detachAfterDescribes = 2;
  attachAfterDescribes = 1;
  private countdown = 0;
  private readonly failures = new Map<AnyCommand, unknown[]>();
  private nextAttachment = 1;
  private racedDetach: string | undefined;
  private loseAttachAnswer = false;

  constructor() {
    this.mock.on(DescribeNetworkInterfacesCommand).callsFake(() => this.guard(DescribeNetworkInterfacesCommand, () => this.describe()));
    this.mock.on(DescribeInstanceStatusCommand).callsFake((input) => this.guard(DescribeInstanceStatusCommand, () => this.status(input.InstanceIds)));
    this.mock.on(DescribeInstancesCommand).callsFake((input) => this.guard(DescribeInstancesCommand, () => this.instancesOf(input.InstanceIds)));
    this.mock.on(DescribeInstanceTypesCommand).callsFake(() => this.guard(DescribeInstanceTypesCommand, () => ({
      InstanceTypes: [{
        InstanceType: 'c6in.32xlarge',
        NetworkInfo: {
          MaximumNetworkInterfaces: 2 * MAX_INTERFACES,
          NetworkCards: [0, 1].map((NetworkCardIndex) => ({ NetworkCardIndex, MaximumNetworkInterfaces: MAX_INTERFACES })),
        },
      }],
    })));
    this.mock.on(DetachNetworkInterfaceCommand)
      .callsFake((input) => this.guard(DetachNetworkInterfaceCommand, () => this.detach(input.AttachmentId)));
    this.mock.on(AttachNetworkInterfaceCommand).callsFake((input) => this.guard(AttachNetworkInterfaceCommand, () => this.attach(input)));
    this.mock.on(CreateTagsCommand).callsFake((input) => this.guard(CreateTagsCommand, () => {
      for (const tag of input.Tags) {
        this.tags[tag.Key] = tag.Value;
      }
      return {};
    }));
  }

  /** The interface is attached to `instanceId` at this device/card index (`Status` attached). */
  attachedTo(instanceId: string, deviceIndex = 1, networkCardIndex = 0): this {
    this.attachment = { AttachmentId: `eni-attach-0${this.nextAttachment++}`, InstanceId: instanceId, DeviceIndex: deviceIndex, NetworkCardIndex: networkCardIndex, Status: 'attached' };
    return this;
  }

  /** The instance is in `state` (status checks not applicable), as EC2 reports a stopped or stopping instance. */
  setState(instanceId: string, state: string): this {
    this.instances[instanceId] = { ...this.instances[instanceId], state, instanceStatus: 'not-applicable', systemStatus: 'not-applicable' };
    return this;
  }

  /** The instance runs with these status checks (`ok`, `impaired`, `initializing`). */
  setStatus(instanceId: string, instanceStatus: string, systemStatus = 'ok'): this {
    this.instances[instanceId] = { ...this.instances[instanceId], state: 'running', instanceStatus, systemStatus };
    return this;
  }

  /** EC2 is already detaching the interface from `instanceId` (e.g. the instance is terminating). */
  detachingFrom(instanceId: string, deviceIndex = 1): this {
    this.attachedTo(instanceId, deviceIndex);
    this.startDetach();
    return this;
  }

  /** Something else starts detaching the interface just before the agent's detach call, which then fails with `code`. */
  detachRacedBy(code: string): this {
    this.racedDetach = code;
    return this;
  }

  /** The next real attach succeeds, but its answer is lost on the way back (the connection resets). */
  loseNextAttachAnswer(): this {
    this.loseAttachAnswer = true;
    return this;
  }

  /** The next calls of `command` fail with these errors, in order, before it behaves again. */
  failNext(command: AnyCommand, ...errors: unknown[]): this {
    this.failures.set(command, [...(this.failures.get(command) ?? []), ...errors]);
    return this;
  }

  /** The names of the mutating calls made, in order (a DryRun attach changes nothing and is left out). */
  mutatingCalls(): string[] {
    const mutating: Mutating[] = [DetachNetworkInterfaceCommand, AttachNetworkInterfaceCommand, CreateTagsCommand];
    return this.mock.calls()
      .map((call) => call.args[0])
      .filter((command) => mutating.some((type) => command instanceof type) && !(command.input as { DryRun?: boolean }).DryRun)
      .map((command) => command.constructor.name);
  }

  /** The inputs of the real (not DryRun) attach calls. */
  attachInputs(): unknown[] {
    return this.mock.commandCalls(AttachNetworkInterfaceCommand).map((call) => call.args[0].input).filter((input) => !input.DryRun);
  }

  private guard<T>(command: AnyCommand, behave: () => T): T {
    const queued = this.failures.get(command);
    if (queued && queued.length > 0) {
      throw queued.shift();
    }
    return behave();
  }

  private describe() {
    this.advance();
    return {
      NetworkInterfaces: [{
        NetworkInterfaceId: ENI,
        Status: this.attachment ? 'in-use' : 'available',
        Attachment: this.attachment && { ...this.attachment },
        TagSet: Object.entries(this.tags).map(([Key, Value]) => ({ Key, Value })),
      }],
    };
  }

  /** EC2 finishes a detach or an attach some time after the call: here, after a number of describes. */
  private advance(): void {
    if (this.attachment?.Status !== 'detaching' && this.attachment?.Status !== 'attaching') {
      return;
    }
    if (this.countdown-- > 0) {
      return;
    }
    if (this.attachment.Status === 'detaching') {
      this.attachment = undefined;
    } else {
      this.attachment.Status = 'attached';
    }
  }

  private status(instanceIds: string[]) {
    const [instanceId] = instanceIds;
    const instance = this.instances[instanceId];
    if (!instance) {
      throw ec2Error('InvalidInstanceID.NotFound');
    }
    return {
      InstanceStatuses: [{
        InstanceId: instanceId,
        InstanceState: { Name: instance.state },
        InstanceStatus: { Status: instance.instanceStatus ?? 'not-applicable' },
        SystemStatus: { Status: instance.systemStatus ?? 'not-applicable' },
      }],
    };
  }

  private instancesOf(instanceIds: string[] | undefined) {
    const [instanceId] = instanceIds ?? [];
    const instance = this.instances[instanceId];
    if (!instance) {
      throw ec2Error('InvalidInstanceID.NotFound');
    }
    const attachments = [
      { NetworkInterfaceId: `eni-0${instanceId.slice(-8)}00000000`, Attachment: { DeviceIndex: 0, NetworkCardIndex: 0 } },
      ...(instance.otherInterfaces ?? []).map((eni) => ({
        NetworkInterfaceId: eni.id, Attachment: { DeviceIndex: eni.deviceIndex, NetworkCardIndex: eni.networkCardIndex ?? 0 },
      })),
      ...this.attachment?.InstanceId === instanceId
        ? [{ NetworkInterfaceId: ENI, Attachment: { DeviceIndex: this.attachment.DeviceIndex, NetworkCardIndex: this.attachment.NetworkCardIndex } }]
        : [],
    ];
    return { Reservations: [{ Instances: [{ InstanceId: instanceId, InstanceType: 'c6in.32xlarge', NetworkInterfaces: attachments }] }] };
  }

  private detach(attachmentId: string) {
    if (this.racedDetach) {
      const code = this.racedDetach;
      this.racedDetach = undefined;
      this.startDetach();
      throw ec2Error(code);
    }
    if (!this.attachment || this.attachment.AttachmentId !== attachmentId) {
      throw ec2Error('InvalidAttachmentID.NotFound');
    }
    if (this.attachment.Status === 'detaching') {
      throw ec2Error('IncorrectState');
    }
    this.startDetach();
    return {};
  }

  private startDetach(): void {
    this.attachment!.Status = 'detaching';
    this.countdown = this.detachAfterDescribes;
  }

  private attach(input: { InstanceId: string; DeviceIndex: number; NetworkCardIndex?: number; DryRun?: boolean }) {
    if (this.instances[input.InstanceId]?.untagged) {
      throw ec2Error('UnauthorizedOperation', 403);
    }
    if (input.DryRun) {
      throw ec2Error('DryRunOperation', 412);
    }
    if (this.attachment) {
      throw ec2Error('InvalidNetworkInterface.InUse');
    }
    this.attachedTo(input.InstanceId, input.DeviceIndex, input.NetworkCardIndex ?? 0);
    this.attachment!.Status = 'attaching';
    this.countdown = this.attachAfterDescribes;
    if (this.loseAttachAnswer) {
      this.loseAttachAnswer = false;
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
    return { AttachmentId: this.attachment!.AttachmentId };
  }
}

/** A JSON log line as the agent writes it. */
export type LogLine = Record<string, any> & { level: string; msg: string };

/** The agent wired to a fake EC2, a fake clock and a captured log. */
export interface Harness {
  readonly ec2: FakeEc2;
  readonly clock: FakeClock;
  readonly lines: LogLine[];
  readonly config: AgentConfig;
  readonly invoke: AgentHandler;
  /** The embedded-metric lines, as `name=value Pair=...`. */
  metrics(): string[];
}

export function harness(env: Record<string, string | undefined> = {}, clock = new FakeClock()): Harness {
  const ec2 = new FakeEc2();
  const lines: LogLine[] = [];
  const config = loadConfig(agentEnv(env));
  const logger = new Logger((line) => lines.push(JSON.parse(line)), clock.now, { pair: config.pairName });
  const invoke = createAgent(config, { ec2: ec2.client, clock, logger });
  const metrics = () => lines
    .filter((line) => line._aws)
    .map((line) => {
      const [definition] = line._aws.CloudWatchMetrics;
      const name = definition.Metrics[0].Name;
      return `${definition.Namespace} ${name}=${line[name]} ${definition.Dimensions[0].map((d: string) => `${d}=${line[d]}`).join(' ')}`;
    });
  return { ec2, clock, lines, config, invoke, metrics };
}

export function stateChange(instanceId: string, state: string, time = '2026-03-01T12:00:00Z'): object {
  return {
    'version': '0',
    'id': '7bf73129-1428-4cd3-a780-95db273d1602',
    'detail-type': 'EC2 Instance State-change Notification',
    'source': 'aws.ec2',
    'account': '123456789012',
    time,
    'region': 'eu-west-1',
    'resources': [`arn:aws:ec2:eu-west-1:123456789012:instance/${instanceId}`],
    'detail': { 'instance-id': instanceId, 'state': state },
  };
}

export function alarm(instanceId: string, value = 'ALARM'): object {
  return {
    'version': '0',
    'id': 'c4c1c1c9-6542-e61b-6ef0-8c4d36933a92',
    'detail-type': 'CloudWatch Alarm State Change',
    'source': 'aws.cloudwatch',
    'account': '123456789012',
    'time': '2026-03-01T12:00:00Z',
    'region': 'eu-west-1',
    'resources': ['arn:aws:cloudwatch:eu-west-1:123456789012:alarm:nic-failover-web-primary-status-check'],
    'detail': {
      alarmName: 'nic-failover-web-primary-status-check',
      state: { value, reason: 'Threshold Crossed', timestamp: '2026-03-01T12:00:00.000+0000' },
      previousState: { value: 'OK' },
      configuration: {
        metrics: [{
          id: 'm1',
          metricStat: {
            metric: { namespace: 'AWS/EC2', name: 'StatusCheckFailed', dimensions: { InstanceId: instanceId } },
            period: 60,
            stat: 'Maximum',
          },
          returnData: true,
        }],
      },
    },
  };
}

/** Terraform's request, which names the side (a manual invocation may name the instance). */
export function place(side: 'primary' | 'standby'): object {
  return { action: 'place', side };
}

export function placeInstance(instanceId: string): object {
  return { action: 'place', instanceId };
}
