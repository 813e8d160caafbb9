import { EcsInstanceReference } from '../ecs-instance-reference';

/**
 * Where an Alibaba Cloud pattern puts its ENIs: on an ECS instance it launches (give
 * `instanceType` and `imageId`) or on one that already exists (give `existingInstance`), never both.
 */
export interface EcsHostProps {
  /**
   * Instance type of the ECS instance the pattern launches (`ecs.g7.large`); it bounds the ENIs
   * and the private IPv4 addresses per ENI.
   * @default - no instance is launched: `existingInstance` is required
   * @see https://www.alibabacloud.com/help/en/ecs/user-guide/overview-of-instance-families
   */
  readonly instanceType?: string;

  /**
   * Image id of the instance the pattern launches.
   * @default - no instance is launched: `existingInstance` is required
   */
  readonly imageId?: string;

  /**
   * System disk category of the launched instance; recent instance families take only ESSDs.
   * @default 'cloud_essd'
   */
  readonly systemDiskCategory?: string;

  /**
   * SSH key pair of the launched instance. The patterns never open SSH to the internet.
   * @default - no key pair
   */
  readonly keyName?: string;

  /**
   * User data of the launched instance. It runs at first boot only and `alicloud_instance` would
   * change it in place (with a reboot that does not run it again), so the instance is replaced
   * when its user data changes; the pattern's standalone ENIs are kept and attached to the new one.
   * @default - no user data
   */
  readonly userData?: string;

  /**
   * Name of the launched instance.
   * @default - no name
   */
  readonly instanceName?: string;

  /**
   * Tags of the launched instance.
   * @default - no tags
   */
  readonly instanceTags?: { [key: string]: string };

  /**
   * An ECS instance that already exists: the pattern launches none and attaches its ENIs to this
   * one as secondary ENIs (the primary ENI of an instance comes with it). Give its instance type,
   * zone and VPC so that limits and placement are checked at synth time.
   * @default - the pattern launches an instance from `instanceType` and `imageId`
   * @see https://www.alibabacloud.com/help/en/doc-detail/58515.htm
   */
  readonly existingInstance?: EcsInstanceReference;
}
