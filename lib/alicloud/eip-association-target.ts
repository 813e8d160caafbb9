import type { EcsInstanceReference } from './ecs-instance-reference';
import type { EcsNetworkInterface } from './ecs-network-interface';

/**
 * What an EIP is associated with, and so the `instance_type` of its `alicloud_eip_association`.
 * The type is always written: the provider infers only ECS instances, NAT gateways and load
 * balancers from the id, and an ENI or HaVip left to inference fails at apply (ALI030).
 *
 * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/eip_association
 */
export class EipAssociationTarget {
  /**
   * An ECS instance itself (NAT mode). An instance takes one EIP, and only with no public IP
   * (`internet_max_bandwidth_out` unset or 0).
   */
  public static ecsInstance(instance: EcsInstanceReference): EipAssociationTarget {
    return new EipAssociationTarget('EcsInstance', instance.instanceId, undefined, { instance });
  }

  /**
   * An ENI of this app. In NAT mode the EIP maps to `privateIpAddress`, one of the ENI's
   * addresses that no other EIP takes; in BINDED and MULTI_BINDED mode to the whole ENI.
   * @param privateIpAddress the private IP in NAT mode (by default the ENI's primary private IP)
   */
  public static networkInterface(networkInterface: EcsNetworkInterface, privateIpAddress?: string): EipAssociationTarget {
    return new EipAssociationTarget('NetworkInterface', networkInterface.networkInterfaceId, privateIpAddress, { networkInterface });
  }

  /**
   * An ENI created elsewhere, by id (`eni-...`); its addresses are not checked.
   * @param privateIpAddress the private IP in NAT mode (by default the ENI's primary private IP)
   */
  public static networkInterfaceId(networkInterfaceId: string, privateIpAddress?: string): EipAssociationTarget {
    return new EipAssociationTarget('NetworkInterface', networkInterfaceId, privateIpAddress, {});
  }

  /** A high-availability virtual IP (`havip-...`), which takes one EIP. */
  public static haVip(haVipId: string): EipAssociationTarget {
    return new EipAssociationTarget('HaVip', haVipId, undefined, {});
  }

  /** An Internet NAT gateway (`ngw-...`), which takes up to 20 EIPs. */
  public static natGateway(natGatewayId: string): EipAssociationTarget {
    return new EipAssociationTarget('Nat', natGatewayId, undefined, {});
  }

  /** The value of `instance_type`: `EcsInstance`, `NetworkInterface`, `HaVip` or `Nat`. */
  public readonly instanceType: string;
  /** The id of the target (may be a token). */
  public readonly instanceId: string;
  /**
   * The private IP the EIP maps to in NAT mode.
   * @default - the target's primary private IP
   */
  public readonly privateIpAddress?: string;
  /** @internal */
  public readonly _instance?: EcsInstanceReference;
  /** @internal */
  public readonly _networkInterface?: EcsNetworkInterface;

  private constructor(
    instanceType: string,
    instanceId: string,
    privateIpAddress: string | undefined,
    refs: { instance?: EcsInstanceReference; networkInterface?: EcsNetworkInterface },
  ) {
    this.instanceType = instanceType;
    this.instanceId = instanceId;
    this.privateIpAddress = privateIpAddress;
    this._instance = refs.instance;
    this._networkInterface = refs.networkInterface;
  }

  /** Readable name of the target, for errors. */
  public toString(): string {
    return this._networkInterface?.node.path ?? `${this.instanceType} ${this.instanceId}`;
  }
}
