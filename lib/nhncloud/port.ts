import { TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ComputeInterfaceAttachV2 } from './bindings/compute-interface-attach-v2';
import { ComputeInstanceReference } from './compute-instance-reference';
import { NhnDocUrl } from './doc-url';
import { FixedIpAssignment } from './fixed-ip-assignment';
import { PortCore } from './port-core';
import { PortRole } from './port-role';
import { PortSecurity } from './port-security';
import { PORT_ATTACHMENT_OPTIONS, PORT_PROPS } from './prop-specs';
import { NhnMarkerTag } from './rules/marker-tags';
import { VpcSubnetReference } from './vpc-subnet-reference';
import { parseCidr } from '../core/cidr';
import { claimChildId } from '../core/construct-ids';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { isIpv4 } from '../core/ipv4';
import { checkInstanceOf, checkProps } from '../core/prop-checks';
import { isUnresolved } from '../core/tokens';

/** Props of a `Port`. */
export interface PortProps {
  /**
   * The subnet the port lives in; its VPC is the port's `network_id`. A port keeps both for life.
   * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
   */
  readonly subnet: VpcSubnetReference;

  /**
   * Security groups with anti-spoofing, or port security off for a guest with its own firewall.
   * @see https://docs.nhncloud.com/en/Network/VPC/en/public-api-compat/
   */
  readonly portSecurity: PortSecurity;

  /**
   * The port's fixed IPv4 addresses.
   * @default FixedIpAssignment.automatic() - one address picked by NHN Cloud
   */
  readonly fixedIps?: FixedIpAssignment;

  /**
   * Addresses or CIDR blocks the port may send from besides its own (allowed address pairs), for
   * addresses that move between instances; `VirtualIpPort.allow` adds a virtual IP here. Refused
   * with port security off, which lets every address through anyway.
   * @default - none
   * @see https://docs.nhncloud.com/en/Network/VPC/en/public-api-compat/
   */
  readonly allowedAddresses?: string[];

  /**
   * What the port is for, as a marker tag the rules read: a failover or a management port.
   * @default - a service port, no marker
   */
  readonly role?: PortRole;

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
   * Tags of the port (NHN Cloud tags are plain strings); marker tags are added after them.
   * @default - no tags but the markers
   */
  readonly tags?: string[];
}

/** Options of `Port.attachTo`. */
export interface PortAttachmentOptions {
  /**
   * Construct id of the attachment resource, a child of the port.
   * @default 'Attachment'
   */
  readonly id?: string;
}

/**
 * A standalone network interface (`nhncloud_networking_port_v2`) that outlives any instance it is
 * attached to (`nhncloud_compute_interface_attach_v2`), with its fixed IPs, port security and
 * allowed addresses checked at synth time. A port the instance creates inline is deleted with the
 * instance; this one is not, which is what a failover or management port needs (constraints.md B12).
 *
 * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
 */
export class Port extends Construct {
  /** The port id. */
  public readonly portId: string;
  /** The subnet the port lives in. */
  public readonly subnet: VpcSubnetReference;
  /** How the fixed IPs are assigned. */
  public readonly fixedIps: FixedIpAssignment;
  /** The port's security. */
  public readonly portSecurity: PortSecurity;
  /** The underlying `nhncloud_networking_port_v2` resource, for properties this construct does not cover. */
  public readonly resource: TerraformResource;
  /** @internal what the port shares with a virtual IP port */
  public readonly _core: PortCore;
  private readonly allowed: string[] = [];
  private attachedTo?: ComputeInstanceReference;

  constructor(scope: Construct, id: string, props: PortProps) {
    super(scope, id);
    checkProps(this, props, PORT_PROPS);
    this.subnet = props.subnet;
    this.portSecurity = props.portSecurity;
    this.fixedIps = props.fixedIps ?? FixedIpAssignment.automatic();
    const security = this.portSecurity;
    const markers = [
      ...(props.role ? [props.role.tag] : []),
      ...(security.isEnabled ? [] : [NhnMarkerTag.guestFirewall]),
    ];
    this._core = new PortCore(this, {
      subnet: this.subnet,
      fixedIps: this.fixedIps,
      name: props.name,
      description: props.description,
      tags: [...(props.tags ?? []), ...markers],
      // Off writes no_security_groups as well: without it NHN Cloud applies the default group, which
      // a port without port security refuses (constraints.md B5, B8).
      config: security.isEnabled
        ? { portSecurityEnabled: true, securityGroupIds: security.securityGroupIds }
        : { portSecurityEnabled: false, noSecurityGroups: true },
    });
    this.resource = this._core.resource;
    this.portId = this._core.resource.id;
    (props.allowedAddresses ?? []).forEach((address) => this.allowAddress(address));
  }

  /** The port's first fixed IP: the address given when fixed, else the one NHN Cloud picked (a token). */
  public get firstFixedIp(): string {
    return this._core.fixedIpAt(0);
  }

  /** The port's MAC address, which it keeps wherever it is attached. */
  public get macAddress(): string {
    return this._core.resource.macAddress;
  }

  /**
   * The port's fixed IP at `index` in the order NHN Cloud returns them (0 is the first): the
   * address given when fixed, else a token; for `FloatingIp.associateWith` on a port with several.
   */
  public fixedIpAt(index: number): string {
    return this._core.fixedIpAt(index);
  }

  /**
   * Lets the port send from `address` (an IPv4 address or CIDR block) as an allowed address pair.
   * @throws NetworkConstraintError `PortSecurityDisabled`, `InvalidIpv4Address`, `DuplicateAddress`
   */
  public allowAddress(address: string): void {
    if (!this.portSecurity.isEnabled) {
      throw new NetworkConstraintError({
        code: ErrorCode.PortSecurityDisabled,
        scope: this,
        problem: 'allowed address pairs are only settable while port security is on; with it off the port sends from any address already',
        received: `allowed address ${address} on a port with PortSecurity.disabledWithGuestFirewall()`,
        allowed: 'no allowed addresses with port security off',
        fix: 'Drop the allowed address, or turn port security on with PortSecurity.withSecurityGroups(...)',
        docUrl: NhnDocUrl.vpcApi,
      });
    }
    if (!isUnresolved(address) && !isIpv4(address) && parseCidr(address)?.family !== 4) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidIpv4Address,
        scope: this,
        problem: 'an allowed address is neither an IPv4 address nor an IPv4 CIDR block',
        received: JSON.stringify(address),
        allowed: 'an address such as 192.168.0.100 or a block such as 192.168.0.0/28',
        docUrl: NhnDocUrl.vpcApi,
      });
    }
    if (!isUnresolved(address) && this.allowed.includes(address)) {
      throw new NetworkConstraintError({
        code: ErrorCode.DuplicateAddress,
        scope: this,
        problem: 'the same allowed address is added twice',
        received: address,
        allowed: 'each allowed address once',
      });
    }
    this.allowed.push(address);
    this._core.resource.putAllowedAddressPairs(this.allowed.map((ipAddress) => ({ ipAddress })));
  }

  /**
   * Attaches the port to an instance with an `nhncloud_compute_interface_attach_v2` that names the
   * port only (`port_id` conflicts with `network_id` and `fixed_ip`, constraints.md B18). The port's
   * security groups are its own: an instance's `security_groups` never reach an existing port (B16).
   *
   * @returns the attachment resource
   * @throws NetworkConstraintError `EniAlreadyAttached`, `ConstructIdInUse`
   */
  public attachTo(instance: ComputeInstanceReference, options: PortAttachmentOptions = {}): TerraformResource {
    checkInstanceOf(this, instance, ComputeInstanceReference, 'instance');
    checkProps(this, options, PORT_ATTACHMENT_OPTIONS, 'options');
    if (this.attachedTo) {
      throw new NetworkConstraintError({
        code: ErrorCode.EniAlreadyAttached,
        scope: this,
        problem: 'a port is attached to one instance at a time and this one is attached already',
        received: `a second attachment, to ${instance}`,
        allowed: `one attachment (it is attached to ${this.attachedTo})`,
        fix: 'Create another port for the second instance',
        docUrl: NhnDocUrl.interfaceAttachResource,
      });
    }
    const id = claimChildId(this, options.id ?? 'Attachment', 'the attachment');
    this.attachedTo = instance;
    return new ComputeInterfaceAttachV2(this, id, { instanceId: instance.instanceId, portId: this.portId });
  }

  /**
   * Records that the port carries a virtual IP: with port security on the address joins its allowed
   * address pairs, with it off the port sends from any address already. Either way the port gets
   * the carrier marker tag.
   * @internal
   */
  public _carryVirtualIp(virtualIp: IConstruct, address: string): void {
    if (this.portSecurity.isEnabled) {
      if (!isUnresolved(address) && this.allowed.includes(address)) {
        throw new NetworkConstraintError({
          code: ErrorCode.DuplicateAddress,
          scope: virtualIp,
          problem: `${this.node.path} carries the virtual IP already`,
          received: address,
          allowed: 'each virtual IP allowed once per port',
        });
      }
      this.allowAddress(address);
    }
    this._core.addTag(NhnMarkerTag.carriesVirtualIp);
  }
}
