import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { NetworkingFloatingipAssociateV2 } from './bindings/networking-floatingip-associate-v2';
import { NetworkingFloatingipV2 } from './bindings/networking-floatingip-v2';
import { NhnDocUrl } from './doc-url';
import type { Port } from './port';
import { FLOATING_IP_ASSOCIATION_OPTIONS, FLOATING_IP_PROPS } from './prop-specs';
import type { VirtualIpPort } from './virtual-ip-port';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { checkProps } from '../core/prop-checks';

/** Props of a `FloatingIp`. */
export interface FloatingIpProps {
  /**
   * The IP pool the address comes from (the console's `Create Floating IP` dialog lists them). The
   * provider documents it as required and fails without it (constraints.md B22).
   * @see https://registry.terraform.io/providers/nhn-cloud/nhncloud/1.0.7/docs/resources/networking_floatingip_v2
   */
  readonly pool: string;

  /**
   * Description of the floating IP.
   * @default - no description
   */
  readonly description?: string;

  /**
   * Tags of the floating IP.
   * @default - no tags
   */
  readonly tags?: string[];
}

/** Options of `FloatingIp.associateWith`. */
export interface FloatingIpAssociationOptions {
  /**
   * The fixed IP of the port the floating IP maps to; required when the port has several fixed IPs
   * (`port.fixedIpAt(index)` gives one NHN Cloud picked).
   * @default - the port's only fixed IP
   * @see https://docs.nhncloud.com/en/Network/Floating%20IP/en/console-guide/
   */
  readonly fixedIp?: string;
}

/**
 * A floating IP (`nhncloud_networking_floatingip_v2`), associated with one fixed IP of a port or a
 * virtual IP through a separate `nhncloud_networking_floatingip_associate_v2`: one floating IP per
 * fixed IP and one fixed IP per floating IP (constraints.md B13). The port's subnet must be in a
 * routing table with an internet gateway (B14).
 *
 * @see https://docs.nhncloud.com/en/Network/Floating%20IP/en/console-guide/
 */
export class FloatingIp extends Construct {
  /** The floating IP id. */
  public readonly floatingIpId: string;
  /** The public address. */
  public readonly address: string;
  /** The underlying `nhncloud_networking_floatingip_v2` resource. */
  public readonly resource: TerraformResource;
  private association?: { readonly resource: TerraformResource; readonly target: string };

  constructor(scope: Construct, id: string, props: FloatingIpProps) {
    super(scope, id);
    checkProps(this, props, FLOATING_IP_PROPS);
    const floatingIp = new NetworkingFloatingipV2(this, 'Resource', {
      pool: props.pool,
      description: props.description,
      tags: props.tags,
    });
    this.resource = floatingIp;
    this.floatingIpId = floatingIp.id;
    this.address = floatingIp.address;
  }

  /**
   * Associates the floating IP with a fixed IP of `port` (an instance's port or a virtual IP).
   * @returns the association resource
   * @throws NetworkConstraintError `ElasticIpAlreadyAssociated`, `FloatingIpNeedsFixedIp`,
   * `ElasticIpAddressNotOnInterface`, `ElasticIpAddressAlreadyTaken`, `InvalidIpv4Address`
   */
  public associateWith(port: Port | VirtualIpPort, options: FloatingIpAssociationOptions = {}): TerraformResource {
    checkProps(this, options, FLOATING_IP_ASSOCIATION_OPTIONS, 'options');
    // Both kinds of port hold a PortCore; a plain object (JavaScript) has none.
    const core = (port as Partial<Port> | undefined)?._core;
    if (core === undefined) {
      throw new NetworkConstraintError({
        code: port === undefined ? ErrorCode.MissingRequiredProp : ErrorCode.InvalidPropType,
        scope: this,
        problem: 'port is not a Port or a VirtualIpPort',
        received: port === undefined ? 'nothing (undefined)' : typeof port,
        allowed: 'a Port or a VirtualIpPort',
      });
    }
    if (this.association) {
      throw new NetworkConstraintError({
        code: ErrorCode.ElasticIpAlreadyAssociated,
        scope: this,
        problem: 'a floating IP is associated with one fixed IP at a time',
        received: `a second association, with ${port.node.path}`,
        allowed: `one association (it is associated with ${this.association.target})`,
        fix: 'Create another floating IP for the second port',
        docUrl: NhnDocUrl.floatingIp,
      });
    }
    const fixedIp = core.claimFloatingIp(this, options.fixedIp);
    const resource = new NetworkingFloatingipAssociateV2(this, 'Association', {
      floatingIp: this.address,
      portId: core.resource.id,
      fixedIp,
    });
    this.association = { resource, target: port.node.path };
    return resource;
  }
}
