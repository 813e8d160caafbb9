// The SDK is bundled into the agent by esbuild at package time: a devDependency, not one of the library's.
// eslint-disable-next-line import/no-extraneous-dependencies
import {
  AttachNetworkInterfaceCommand,
  CreateTagsCommand,
  DescribeInstancesCommand,
  DescribeInstanceStatusCommand,
  DescribeInstanceTypesCommand,
  DescribeNetworkInterfacesCommand,
  DetachNetworkInterfaceCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { Clock } from './clock';
import { Logger } from './log';
import { errorCode, withRetry } from './retry';
import { MarkerTag } from '../../marker-tags';

/** Tag the agent writes on the interface after each move (same key as `LAST_FAILOVER_TAG` of the construct). */
export const LAST_FAILOVER_TAG = MarkerTag.lastFailover;

/** The interface's attachment, as EC2 reports it. */
export interface Attachment {
  readonly attachmentId?: string;
  readonly instanceId?: string;
  readonly deviceIndex?: number;
  readonly networkCardIndex?: number;
  /** attaching | attached | detaching | detached */
  readonly status?: string;
  /** When the attachment was made, ms since the epoch. */
  readonly attachTime?: number;
}

export interface InterfaceState {
  /** available | in-use | attaching | detaching | associated */
  readonly status?: string;
  readonly attachment?: Attachment;
  /** Value of the `nic-patterns:last-failover` tag, when present. */
  readonly lastFailover?: string;
}

export interface InstanceHealth {
  readonly instanceId: string;
  /** pending | running | stopping | stopped | shutting-down | terminated, or not-found */
  readonly state: string;
  /** ok | impaired | initializing | insufficient-data | not-applicable */
  readonly instanceStatus: string;
  readonly systemStatus: string;
}

/** Impaired status checks: the instance runs but cannot be trusted with traffic (or to release the interface). */
export function isImpaired(health: InstanceHealth): boolean {
  return health.instanceStatus === 'impaired' || health.systemStatus === 'impaired';
}

/** Running and not impaired: it can keep the interface it holds (a failure event about it is stale). */
export function isHealthy(health: InstanceHealth): boolean {
  return health.state === 'running' && !isImpaired(health);
}

/**
 * Running with both status checks passed: it can take the interface. `initializing` is not enough:
 * the instance runs, but its application may not serve yet.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/monitoring-system-instance-status-check.html
 */
export function isReady(health: InstanceHealth): boolean {
  return health.state === 'running' && health.instanceStatus === 'ok' && health.systemStatus === 'ok';
}

/** Still booting or just started: worth waiting for, unlike a stopped, terminated or impaired instance. */
export function mayBecomeReady(health: InstanceHealth): boolean {
  return (health.state === 'pending' || health.state === 'running') && !isImpaired(health);
}

/** What an instance already has attached, and its type, to tell whether it can take one more interface. */
export interface InstanceSlots {
  readonly instanceType?: string;
  /** Interfaces attached (or attaching) to it, with their device and network card indexes. */
  readonly interfaces: ReadonlyArray<{ readonly networkInterfaceId?: string; readonly deviceIndex?: number; readonly networkCardIndex: number }>;
}

/** An instance type's interface limits: in all, and per network card. */
export interface InterfaceLimits {
  readonly maximumNetworkInterfaces?: number;
  readonly perCard: ReadonlyMap<number, number>;
}

/**
 * Detach errors that mean "the attachment is already going or gone": the agent keeps waiting for the
 * interface to become available instead of failing (a rerun, or a detach already started by EC2 when
 * the instance terminated).
 */
const DETACH_IN_PROGRESS_CODES = new Set(['IncorrectState', 'InvalidNetworkInterface.InUse', 'InvalidAttachmentID.NotFound']);

function attachInput(networkInterfaceId: string, instanceId: string, deviceIndex: number, networkCardIndex: number) {
  return {
    NetworkInterfaceId: networkInterfaceId,
    InstanceId: instanceId,
    DeviceIndex: deviceIndex,
    // Card 0 is EC2's default; leaving it out keeps the request valid on types with a single card.
    NetworkCardIndex: networkCardIndex === 0 ? undefined : networkCardIndex,
  };
}

/** The EC2 calls of the agent, each retried on throttling and transient errors. */
export class Ec2Api {
  constructor(private readonly client: EC2Client, private readonly clock: Clock, private readonly log: Logger) {}

  async describeInterface(networkInterfaceId: string): Promise<InterfaceState> {
    const output = await this.call('DescribeNetworkInterfaces', () =>
      this.client.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [networkInterfaceId] })));
    const eni = output.NetworkInterfaces?.[0];
    if (!eni) {
      throw new Error(`network interface ${networkInterfaceId} was not returned by DescribeNetworkInterfaces`);
    }
    const attachment = eni.Attachment;
    return {
      status: eni.Status,
      attachment: attachment && {
        attachmentId: attachment.AttachmentId,
        instanceId: attachment.InstanceId,
        deviceIndex: attachment.DeviceIndex,
        networkCardIndex: attachment.NetworkCardIndex,
        status: attachment.Status,
        attachTime: attachment.AttachTime?.getTime(),
      },
      lastFailover: eni.TagSet?.find((tag) => tag.Key === LAST_FAILOVER_TAG)?.Value,
    };
  }

  async instanceHealth(instanceId: string): Promise<InstanceHealth> {
    try {
      const output = await this.call('DescribeInstanceStatus', () =>
        this.client.send(new DescribeInstanceStatusCommand({ InstanceIds: [instanceId], IncludeAllInstances: true })));
      const status = output.InstanceStatuses?.[0];
      return {
        instanceId,
        state: status?.InstanceState?.Name ?? 'not-found',
        instanceStatus: status?.InstanceStatus?.Status ?? 'not-applicable',
        systemStatus: status?.SystemStatus?.Status ?? 'not-applicable',
      };
    } catch (error) {
      if (errorCode(error) === 'InvalidInstanceID.NotFound') {
        return { instanceId, state: 'not-found', instanceStatus: 'not-applicable', systemStatus: 'not-applicable' };
      }
      throw error;
    }
  }

  /** Starts the detach; returns the error code when EC2 says the attachment is already detaching or gone. */
  async detach(attachmentId: string, force: boolean): Promise<string | undefined> {
    try {
      await this.call('DetachNetworkInterface', () =>
        this.client.send(new DetachNetworkInterfaceCommand({ AttachmentId: attachmentId, Force: force })));
      return undefined;
    } catch (error) {
      const code = errorCode(error);
      if (code !== undefined && DETACH_IN_PROGRESS_CODES.has(code)) {
        return code;
      }
      throw error;
    }
  }

  async instanceSlots(instanceId: string): Promise<InstanceSlots> {
    const output = await this.call('DescribeInstances', () =>
      this.client.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })));
    const instance = output.Reservations?.[0]?.Instances?.[0];
    return {
      instanceType: instance?.InstanceType,
      interfaces: (instance?.NetworkInterfaces ?? []).map((eni) => ({
        networkInterfaceId: eni.NetworkInterfaceId,
        deviceIndex: eni.Attachment?.DeviceIndex,
        networkCardIndex: eni.Attachment?.NetworkCardIndex ?? 0,
      })),
    };
  }

  async interfaceLimits(instanceType: string): Promise<InterfaceLimits> {
    const output = await this.call('DescribeInstanceTypes', () =>
      this.client.send(new DescribeInstanceTypesCommand({ InstanceTypes: [instanceType as never] })));
    const network = output.InstanceTypes?.[0]?.NetworkInfo;
    const perCard = new Map<number, number>();
    for (const card of network?.NetworkCards ?? []) {
      if (card.NetworkCardIndex !== undefined && card.MaximumNetworkInterfaces !== undefined) {
        perCard.set(card.NetworkCardIndex, card.MaximumNetworkInterfaces);
      }
    }
    return { maximumNetworkInterfaces: network?.MaximumNetworkInterfaces, perCard };
  }

  /**
   * Asks EC2 whether this attach is authorized, without making it: the error code when it is not
   * (`UnauthorizedOperation` when the target lacks the pair tag), else undefined.
   */
  async attachRefusal(networkInterfaceId: string, instanceId: string, deviceIndex: number, networkCardIndex: number): Promise<string | undefined> {
    try {
      await this.call('AttachNetworkInterface', () => this.client.send(new AttachNetworkInterfaceCommand({
        ...attachInput(networkInterfaceId, instanceId, deviceIndex, networkCardIndex),
        DryRun: true,
      })));
      return undefined;
    } catch (error) {
      const code = errorCode(error);
      return code === 'DryRunOperation' ? undefined : code ?? String(error);
    }
  }

  async attach(networkInterfaceId: string, instanceId: string, deviceIndex: number, networkCardIndex: number): Promise<void> {
    await this.call('AttachNetworkInterface', () =>
      this.client.send(new AttachNetworkInterfaceCommand(attachInput(networkInterfaceId, instanceId, deviceIndex, networkCardIndex))));
  }

  async recordFailover(networkInterfaceId: string, isoTime: string): Promise<void> {
    await this.call('CreateTags', () => this.client.send(new CreateTagsCommand({
      Resources: [networkInterfaceId],
      Tags: [{ Key: LAST_FAILOVER_TAG, Value: isoTime }],
    })));
  }

  private call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    return withRetry(send, this.clock, {
      onRetry: ({ attempt, delayMs, error }) => this.log.warn('retrying after a transient error', { operation, attempt, delayMs, error }),
    });
  }
}
