import { Instance } from '@cdktf/provider-aws/lib/instance';
import { literal } from '../core/tokens';

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

/** An EC2 instance that interfaces attach to: its id plus whatever is known about it. */
export class InstanceReference {
  /** Refers to an `aws_instance` declared in this app; its type and zone are read from it. */
  public static fromInstance(instance: Instance): InstanceReference {
    return new InstanceReference(instance.id, {
      instanceType: instance.instanceTypeInput,
      availabilityZone: instance.availabilityZoneInput,
    });
  }

  /** Refers to an instance by id (for example one created elsewhere), with what is known about it. */
  public static fromInstanceId(instanceId: string, attributes: InstanceAttributes = {}): InstanceReference {
    return new InstanceReference(instanceId, attributes);
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

  private constructor(instanceId: string, attributes: InstanceAttributes) {
    this.instanceId = instanceId;
    this.instanceType = literal(attributes.instanceType);
    this.availabilityZone = literal(attributes.availabilityZone);
  }
}
