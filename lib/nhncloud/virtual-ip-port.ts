import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { NhnDocUrl } from './doc-url';
import { FixedIpAssignment } from './fixed-ip-assignment';
import { FloatingIp } from './floating-ip';
import { Port } from './port';
import { PortCore } from './port-core';
import { VIRTUAL_IP_PORT_PROPS } from './prop-specs';
import { NHN_VIRTUAL_IP_DEVICE, NhnMarkerTag } from './rules/marker-tags';
import { VpcSubnetReference } from './vpc-subnet-reference';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { checkInstanceOf, checkProps } from '../core/prop-checks';
import { isUnresolved } from '../core/tokens';

/** Props of a `VirtualIpPort`. */
export interface VirtualIpPortProps {
  /**
   * The subnet of the virtual IP, which the ports that carry it share (constraints.md B3).
   * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
   */
  readonly subnet: VpcSubnetReference;

  /**
   * The virtual IP address.
   * @default - an address picked by NHN Cloud
   */
  readonly address?: string;

  /**
   * Pool of a floating IP to associate with the virtual IP, so that it is reachable from the
   * internet at whichever instance holds it.
   * @default - no floating IP
   * @see https://docs.nhncloud.com/en/Network/Floating%20IP/en/console-guide/
   */
  readonly floatingIpPool?: string;

  /**
   * Name of the port.
   * @default - no name
   */
  readonly name?: string;

  /**
   * Description of the port.
   * @default - no description
   */
  readonly description?: string;

  /**
   * Tags of the port; the virtual-IP marker tag is added after them.
   * @default - no tags but the marker
   */
  readonly tags?: string[];
}

/**
 * A virtual IP: a port of its own (`nhncloud_networking_port_v2` with `device_id =
 * "network:virtual_ip"`, as NHN Cloud's API guide marks one) that reserves the address and is never
 * attached to an instance (constraints.md B1, B2). The instances that hold the address carry it
 * on their own ports: `allow(port)` adds it to a port's allowed address pairs. The guest moves the
 * address itself (keepalived or the like).
 *
 * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
 */
export class VirtualIpPort extends Construct {
  /** The port id, usable as a route gateway in the console (routing tables take no routes in Terraform). */
  public readonly portId: string;
  /** The subnet of the virtual IP. */
  public readonly subnet: VpcSubnetReference;
  /** The virtual IP address: the one given, else the one NHN Cloud picked (a token). */
  public readonly address: string;
  /**
   * The floating IP of the virtual IP.
   * @default - none, unless `floatingIpPool` is given
   */
  public readonly floatingIp?: FloatingIp;
  /** The underlying `nhncloud_networking_port_v2` resource. */
  public readonly resource: TerraformResource;
  /** @internal what the port shares with an instance's port */
  public readonly _core: PortCore;

  constructor(scope: Construct, id: string, props: VirtualIpPortProps) {
    super(scope, id);
    checkProps(this, props, VIRTUAL_IP_PORT_PROPS);
    this.subnet = props.subnet;
    this._core = new PortCore(this, {
      subnet: props.subnet,
      fixedIps: props.address === undefined ? FixedIpAssignment.automatic() : FixedIpAssignment.addresses(props.address),
      name: props.name,
      description: props.description,
      tags: [...(props.tags ?? []), NhnMarkerTag.virtualIp],
      config: { deviceId: NHN_VIRTUAL_IP_DEVICE },
    });
    this.resource = this._core.resource;
    this.portId = this._core.resource.id;
    this.address = this._core.fixedIpAt(0);
    if (props.floatingIpPool !== undefined) {
      this.floatingIp = new FloatingIp(this, 'FloatingIp', { pool: props.floatingIpPool });
      this.floatingIp.associateWith(this);
    }
  }

  /**
   * Lets the instance behind `port` hold the virtual IP: with port security on, the address joins
   * the port's allowed address pairs (else anti-spoofing drops what the instance sends from it,
   * constraints.md B4); with port security off the port sends from any address already. Either way
   * the port gets the carrier marker tag.
   *
   * @throws NetworkConstraintError `VirtualIpNotAttachable` (a virtual IP port given as the carrier),
   * `VirtualIpSubnetMismatch`, `DuplicateAddress`
   */
  public allow(port: Port): void {
    if (port instanceof VirtualIpPort) {
      throw new NetworkConstraintError({
        code: ErrorCode.VirtualIpNotAttachable,
        scope: this,
        problem: `${(port as VirtualIpPort).node.path} is a virtual IP port, which no instance uses directly, so it cannot carry a virtual IP`,
        received: 'a VirtualIpPort',
        allowed: 'a Port of the instance that holds the virtual IP',
        docUrl: NhnDocUrl.networkInterface,
      });
    }
    checkInstanceOf(this, port, Port, 'port');
    const [mine, theirs] = [this.subnet.subnetId, port.subnet.subnetId];
    if (!isUnresolved(mine) && !isUnresolved(theirs) && mine !== theirs) {
      throw new NetworkConstraintError({
        code: ErrorCode.VirtualIpSubnetMismatch,
        scope: this,
        problem: 'a virtual IP and the ports that use it are in the same subnet',
        received: `virtual IP in ${mine}, ${port.node.path} in ${theirs}`,
        allowed: `a port of ${mine}`,
        docUrl: NhnDocUrl.networkInterface,
      });
    }
    port._carryVirtualIp(this, this.address);
  }
}
