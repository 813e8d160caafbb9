import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { ComputeHostProps } from './compute-host-props';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkLaunchOrExisting } from '../../core/launch-or-existing';
import { appendToShellUserData } from '../../core/shell-user-data';
import { ComputeInstanceV2 } from '../bindings/compute-instance-v2';
import { ComputeInstanceReference } from '../compute-instance-reference';
import { NhnDocUrl } from '../doc-url';
import { Port } from '../port';

// Internal: the instance side shared by the NHN Cloud patterns (not re-exported from lib/nhncloud/index.ts).

const LAUNCH_PROPS = ['flavorId', 'imageId', 'keyPairName', 'availabilityZone', 'userData', 'instanceName'] as const;

/** What a pattern puts on its host. */
export interface HostPorts {
  /** The instance's ports in order; the first is its primary (eth0). Every port is a standalone `Port`. */
  readonly ports: Port[];
  /**
   * `NhnMarkerTag` values put on the launched instance's `tags` (NHN050 reads failover/management there).
   * @default - none
   */
  readonly markerTags?: string[];
  /**
   * Tags of the launched instance, before the marker tags.
   * @default - none
   */
  readonly tags?: string[];
  /**
   * Shell lines the pattern needs at first boot (keepalived, guest routing), appended after the
   * user's user data. Not applied to an existing instance, whose user data has run already: the
   * pattern refuses or documents that case.
   * @default - none
   */
  readonly userData?: string;
}

/**
 * The instance a pattern's ports go on. A launched `nhncloud_compute_instance_v2` takes every port
 * as `network { port = <id> }`, so no port is created inline and deleted with the instance (B12),
 * and it lists no `security_groups`, which would not reach an existing port anyway (B16); one
 * instance per resource, as an existing port allows (B17). An existing instance gets every port
 * through `Port.attachTo` (`nhncloud_compute_interface_attach_v2`).
 */
export class ComputeHost {
  /**
   * Launches the instance, or attaches the ports to `props.existingInstance`.
   * @param id construct id of the launched instance, a child of `scope`
   * @throws NetworkConstraintError `ConflictingInstanceProps`, `MissingInstanceProps`, `TooFewInterfaces`,
   * `UserDataNotShellScript`, and what `Port.attachTo` throws
   */
  public static create(scope: Construct, id: string, props: ComputeHostProps, ports: HostPorts): ComputeHost {
    const launches = checkComputeHostProps(scope, props);
    if (ports.ports.length === 0) {
      throw new NetworkConstraintError({
        code: ErrorCode.TooFewInterfaces,
        scope,
        problem: 'the pattern has no port to put on the instance',
        received: 'no port',
        allowed: 'at least one port',
      });
    }
    if (!launches) {
      const instance = props.existingInstance!;
      return new ComputeHost(instance, undefined, ports.ports.map((port) => port.attachTo(instance)));
    }
    const tags = [...ports.tags ?? [], ...ports.markerTags ?? []];
    const userData = ports.userData === undefined
      ? props.userData
      : appendToShellUserData(scope, props.userData, ports.userData, 'the pattern\'s first-boot setup');
    const resource = new ComputeInstanceV2(scope, id, {
      name: props.instanceName ?? scope.node.path.replace(/\//g, '-'),
      flavorId: props.flavorId,
      imageId: props.imageId,
      keyPair: props.keyPairName,
      availabilityZone: props.availabilityZone,
      userData,
      tags: tags.length > 0 ? tags : undefined,
      network: ports.ports.map((port) => ({ port: port.portId })),
    });
    return new ComputeHost(ComputeInstanceReference.fromInstanceId(resource.id), resource, []);
  }

  /** The launched or existing instance. */
  public readonly instance: ComputeInstanceReference;
  /** The launched instance, when launched. */
  public readonly resource?: TerraformResource;
  /** The `nhncloud_compute_interface_attach_v2` of each port, in order, on an existing instance; none on a launched one. */
  public readonly attachments: TerraformResource[];

  private constructor(instance: ComputeInstanceReference, resource: TerraformResource | undefined, attachments: TerraformResource[]) {
    this.instance = instance;
    this.resource = resource;
    this.attachments = attachments;
  }

  /** Whether the pattern launched the instance. */
  public get launched(): boolean {
    return this.resource !== undefined;
  }
}

/**
 * Refuses launch props mixed with `existingInstance`, or neither.
 * @returns whether the pattern launches the instance
 * @throws NetworkConstraintError `ConflictingInstanceProps`, `MissingInstanceProps`
 */
export function checkComputeHostProps(scope: Construct, props: ComputeHostProps): boolean {
  return checkLaunchOrExisting(scope, props, { launchProps: LAUNCH_PROPS, requiredProps: ['flavorId', 'imageId'], parts: 'ports', docUrl: NhnDocUrl.instanceResource });
}
