import { IConstruct } from 'constructs';
import { AliDocUrl } from './doc-url';
import { aliInstanceNetworkLimits } from './limits/instance-network-limits';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { isUnresolved, literal } from '../core/tokens';

/** What the library may know about an ECS instance besides its id. */
export interface EcsInstanceAttributes {
  /**
   * The instance type (`ecs.g6.large`), used to check the ENIs per instance and the private IPv4
   * addresses per ENI it takes.
   * @default - limits are not checked
   * @see https://www.alibabacloud.com/help/en/ecs/user-guide/overview-of-instance-families
   */
  readonly instanceType?: string;

  /**
   * The instance's zone, compared with the zone of the ENIs attached to it.
   * @default - the zone is not checked
   */
  readonly zoneId?: string;

  /**
   * The id of the instance's VPC, compared with the VPC of the ENIs attached to it.
   * @default - the VPC is not checked
   */
  readonly vpcId?: string;

  /**
   * The vSwitch of the instance's primary ENI.
   * @default - unknown
   */
  readonly vswitchId?: string;
}

/** What the library has put on one instance so far. */
interface InstanceClaims {
  /** ENIs, the primary one included. */
  enis: number;
  /** EIPs associated with the instance itself (`instance_type = EcsInstance`). */
  eips: number;
}

// Per app (keyed by the construct tree's root), then per instance id, so that two references to
// one instance share the counts and two apps in one process do not.
const claimsByApp = new WeakMap<IConstruct, Map<string, InstanceClaims>>();

function claimsOf(root: IConstruct, instanceId: string): InstanceClaims {
  let byInstance = claimsByApp.get(root);
  if (!byInstance) claimsByApp.set(root, byInstance = new Map());
  let claims = byInstance.get(instanceId);
  if (!claims) byInstance.set(instanceId, claims = { enis: 1, eips: 0 });
  return claims;
}

/** An ECS instance that ENIs attach to and EIPs associate with: its id plus whatever is known about it. */
export class EcsInstanceReference {
  /**
   * Refers to an instance by id, with what is known about it. For an `alicloud_instance` of this
   * app pass its `id` and the instance type, zone and vSwitch it was given.
   */
  public static fromInstanceId(instanceId: string, attributes: EcsInstanceAttributes = {}): EcsInstanceReference {
    return new EcsInstanceReference(instanceId, attributes);
  }

  /** The instance id (may be a token). */
  public readonly instanceId: string;
  /**
   * The instance type when known at synth time.
   * @default - unknown
   */
  public readonly instanceType?: string;
  /**
   * The zone when known at synth time.
   * @default - unknown
   */
  public readonly zoneId?: string;
  /**
   * The VPC id when known at synth time.
   * @default - unknown
   */
  public readonly vpcId?: string;
  /**
   * The vSwitch of the primary ENI (may be a token).
   * @default - unknown
   */
  public readonly vswitchId?: string;

  private constructor(instanceId: string, attributes: EcsInstanceAttributes) {
    this.instanceId = instanceId;
    this.instanceType = literal(attributes.instanceType);
    this.zoneId = literal(attributes.zoneId);
    this.vpcId = literal(attributes.vpcId);
    this.vswitchId = attributes.vswitchId;
  }

  /** Readable name of the instance, for errors. */
  public toString(): string {
    return isUnresolved(this.instanceId) ? 'the instance' : `instance ${this.instanceId}`;
  }

  /**
   * Counts one more ENI on the instance, refusing more than its type takes (primary ENI included).
   * An instance known only by a token id is not counted: two references to it cannot be matched.
   * @internal
   */
  public _claimEni(networkInterface: IConstruct): void {
    if (isUnresolved(this.instanceId)) return;
    const claims = claimsOf(networkInterface.node.root, this.instanceId);
    const limit = this.instanceType === undefined ? undefined : aliInstanceNetworkLimits(this.instanceType)?.eniQuantity;
    if (limit !== undefined && claims.enis + 1 > limit) {
      throw new NetworkConstraintError({
        code: ErrorCode.TooManyInterfaces,
        scope: networkInterface,
        problem: `${this} would have more ENIs than ${this.instanceType} takes`,
        received: `${claims.enis + 1} ENIs (the primary one included)`,
        allowed: `at most ${limit} on ${this.instanceType}`,
        fix: 'Choose an instance type with more ENIs, or carry extra addresses as secondary private IPs of an existing ENI',
        docUrl: AliDocUrl.instanceFamilies,
      });
    }
    claims.enis += 1;
  }

  /**
   * Counts an EIP associated with the instance itself, of which an instance takes one.
   * @internal
   */
  public _claimEip(eip: IConstruct): void {
    if (isUnresolved(this.instanceId)) return;
    const claims = claimsOf(eip.node.root, this.instanceId);
    if (claims.eips >= 1) {
      throw new NetworkConstraintError({
        code: ErrorCode.TooManyEips,
        scope: eip,
        problem: `${this} already has an EIP: an ECS instance takes one`,
        received: 'a second EIP associated with the instance',
        allowed: 'one EIP per ECS instance',
        fix: 'Associate further EIPs with private IPs of the instance\'s ENIs in NAT mode (EipAssociationTarget.networkInterface)',
        docUrl: AliDocUrl.associateEip,
      });
    }
    claims.eips += 1;
  }
}
