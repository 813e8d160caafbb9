import { Instance } from '@cdktf/provider-aws/lib/instance';
import { IConstruct } from 'constructs';
import { DocUrl } from './doc-url';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { isUnresolved, literal } from '../core/tokens';
import { InstanceNetworkLimits } from './limits/instance-network-limits';

/** What the library may know about an instance besides its id. */
export interface InstanceAttributes {
  /**
   * The instance type, used to check address and network card limits.
   * @default - limits are not checked
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
   */
  readonly instanceType?: string;
  /**
   * The instance's Availability Zone, used to check that attached interfaces share it.
   * @default - the Availability Zone is not checked
   */
  readonly availabilityZone?: string;
}

/** The interfaces the library has put on one instance so far, its primary one included. */
interface AttachedInterfaces {
  /** Device indexes taken on each network card. */
  readonly deviceIndexes: Map<number, Set<number>>;
  count: number;
}

// Per app (keyed by the construct tree's root), then per instance: the `aws_instance` resource
// when the reference came from one, else the instance id, so that two references to one instance
// share the count.
const attachedByApp = new WeakMap<IConstruct, Map<unknown, AttachedInterfaces>>();

function attachedTo(root: IConstruct, identity: unknown): AttachedInterfaces {
  let byInstance = attachedByApp.get(root);
  if (!byInstance) attachedByApp.set(root, byInstance = new Map());
  let attached = byInstance.get(identity);
  if (!attached) byInstance.set(identity, attached = { deviceIndexes: new Map([[0, new Set([0])]]), count: 1 });
  return attached;
}

/** An EC2 instance that interfaces attach to: its id plus whatever is known about it. */
export class InstanceReference {
  /** Refers to an `aws_instance` declared in this app; its type and zone are read from it. */
  public static fromInstance(instance: Instance): InstanceReference {
    return new InstanceReference(instance.id, {
      instanceType: instance.instanceTypeInput,
      availabilityZone: instance.availabilityZoneInput,
    }, instance, instance.node.path);
  }

  /** Refers to an instance by id (for example one created elsewhere), with what is known about it. */
  public static fromInstanceId(instanceId: string, attributes: InstanceAttributes = {}): InstanceReference {
    return new InstanceReference(instanceId, attributes, instanceId, isUnresolved(instanceId) ? 'the instance' : `instance ${instanceId}`);
  }

  /**
   * Refers to the `aws_instance` of a construct that wraps it, named by the construct's path.
   * @internal
   */
  public static _fromWrappedInstance(resource: Instance, attributes: InstanceAttributes, name: string): InstanceReference {
    return new InstanceReference(resource.id, attributes, resource, name);
  }

  /** The instance id (may be a token). */
  public readonly instanceId: string;
  /**
   * The instance type when known at synth time.
   * @default - unknown
   */
  public readonly instanceType?: string;
  /**
   * The Availability Zone when known at synth time.
   * @default - unknown
   */
  public readonly availabilityZone?: string;
  private readonly identity: unknown;
  private readonly name: string;

  private constructor(instanceId: string, attributes: InstanceAttributes, identity: unknown, name: string) {
    this.instanceId = instanceId;
    this.instanceType = literal(attributes.instanceType);
    this.availabilityZone = literal(attributes.availabilityZone);
    this.identity = identity;
    this.name = name;
  }

  /**
   * Counts one more interface on the instance, at `deviceIndex` of network card `networkCardIndex`,
   * refusing a device index already taken on that card through the library and more interfaces
   * than the instance type takes (the largest instance type's maximum when the type is unknown).
   * The primary interface holds device index 0 of card 0.
   * @internal
   */
  public _claimAttachment(networkInterface: IConstruct, deviceIndex: number, networkCardIndex: number = 0): void {
    const attached = attachedTo(networkInterface.node.root, this.identity);
    const literalIndex = !isUnresolved(deviceIndex) && !isUnresolved(networkCardIndex);
    const taken = attached.deviceIndexes.get(networkCardIndex) ?? new Set<number>();
    if (literalIndex && taken.has(deviceIndex)) {
      const card = networkCardIndex === 0 ? '' : ` on network card ${networkCardIndex}`;
      throw new NetworkConstraintError({
        code: ErrorCode.DeviceIndexInUse,
        scope: networkInterface,
        problem: `device index ${deviceIndex}${card} of ${this.name} already has an interface`,
        received: `deviceIndex ${deviceIndex}`,
        allowed: `a device index not in ${[...taken].sort((a, b) => a - b).join(', ')}${card}`,
        docUrl: DocUrl.attachEni,
      });
    }
    const limits = this.instanceType === undefined ? undefined : InstanceNetworkLimits.of(this.instanceType);
    const max = limits?.maxNetworkInterfaces ?? InstanceNetworkLimits.maxima().maxNetworkInterfaces;
    if (attached.count + 1 > max) {
      const type = limits ? this.instanceType : 'any instance type';
      throw new NetworkConstraintError({
        code: ErrorCode.TooManyInterfaces,
        scope: networkInterface,
        problem: `${this.name} would have more interfaces than ${type} takes`,
        received: `${attached.count + 1} interfaces (the primary one included)`,
        allowed: `at most ${max} on ${type}`,
        fix: 'Choose a larger instance type, or carry extra addresses as secondary IPs of an existing interface',
        docUrl: DocUrl.ipPerEni,
      });
    }
    attached.count += 1;
    if (literalIndex) attached.deviceIndexes.set(networkCardIndex, taken.add(deviceIndex));
  }
}
