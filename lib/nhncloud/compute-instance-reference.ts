import { isUnresolved } from '../core/tokens';

/** An NHN Cloud instance (`nhncloud_compute_instance_v2`) that ports are attached to. */
export class ComputeInstanceReference {
  /** Refers to an instance by id; for an `nhncloud_compute_instance_v2` of this app pass its `id`. */
  public static fromInstanceId(instanceId: string): ComputeInstanceReference {
    return new ComputeInstanceReference(instanceId);
  }

  /** The instance id (may be a token). */
  public readonly instanceId: string;

  private constructor(instanceId: string) {
    this.instanceId = instanceId;
  }

  /** Readable name of the instance, for errors. */
  public toString(): string {
    return isUnresolved(this.instanceId) ? 'the instance' : `instance ${this.instanceId}`;
  }
}
