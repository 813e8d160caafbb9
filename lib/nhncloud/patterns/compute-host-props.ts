import { ComputeInstanceReference } from '../compute-instance-reference';

/**
 * Where an NHN Cloud pattern puts its ports: on an instance it launches (give `flavorId` and
 * `imageId`) or on one that already exists (give `existingInstance`), never both.
 */
export interface ComputeHostProps {
  /**
   * Flavor id of the instance the pattern launches (`nhncloud_compute_instance_v2.flavor_id`).
   * @default - no instance is launched: `existingInstance` is required
   * @see https://registry.terraform.io/providers/nhn-cloud/nhncloud/1.0.7/docs/resources/compute_instance_v2
   */
  readonly flavorId?: string;

  /**
   * Image id of the instance the pattern launches.
   * @default - no instance is launched: `existingInstance` is required
   */
  readonly imageId?: string;

  /**
   * Key pair of the launched instance. The patterns never open SSH to the internet.
   * @default - no key pair
   */
  readonly keyPairName?: string;

  /**
   * Availability zone of the launched instance.
   * @default - NHN Cloud chooses
   */
  readonly availabilityZone?: string;

  /**
   * User data of the launched instance; a pattern that needs first-boot lines of its own appends
   * them, so it must then be a shell script (`#!`).
   * @default - no user data
   */
  readonly userData?: string;

  /**
   * Name of the launched instance (the provider requires one).
   * @default - the pattern's construct path, with `-` for `/`
   */
  readonly instanceName?: string;

  /**
   * An instance that already exists: the pattern launches none and attaches every port it creates
   * to this one with `nhncloud_compute_interface_attach_v2`.
   * @default - the pattern launches an instance from `flavorId` and `imageId`
   * @see https://registry.terraform.io/providers/nhn-cloud/nhncloud/1.0.7/docs/resources/compute_interface_attach_v2
   */
  readonly existingInstance?: ComputeInstanceReference;
}
