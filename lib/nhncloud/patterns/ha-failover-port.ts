import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { checkComputeHostProps, ComputeHost } from './compute-host';
import { ComputeHostProps } from './compute-host-props';
import { HA_FAILOVER_PORT_MEMBER_PROPS, HA_FAILOVER_PORT_PROPS } from './virtual-ip/prop-specs';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { HaActiveSide } from '../../core/ha-active-side';
import { checkProps } from '../../core/prop-checks';
import { literal } from '../../core/tokens';
import { ComputeInstanceReference } from '../compute-instance-reference';
import { NhnDocUrl } from '../doc-url';
import { FixedIpAssignment } from '../fixed-ip-assignment';
import { FloatingIp } from '../floating-ip';
import { Port } from '../port';
import { PortRole } from '../port-role';
import { PortSecurity } from '../port-security';
import { NhnMarkerTag } from '../rules/marker-tags';
import { VpcSubnetReference } from '../vpc-subnet-reference';

/**
 * One of the two instances of a `HaFailoverPort`: launched (`flavorId`, `imageId`) with a primary
 * port of its own, or existing (`existingInstance`).
 */
export interface HaFailoverPortMember extends ComputeHostProps {
  /**
   * Subnet of the launched instance's own primary port (a standalone port, so it outlives the
   * instance too). Refused with `existingInstance`, which has its primary port already.
   * @default - the failover port's subnet
   */
  readonly primaryPortSubnet?: VpcSubnetReference;

  /**
   * Port security of the launched instance's own primary port. Refused with `existingInstance`.
   * @default - the failover port's `portSecurity`
   */
  readonly primaryPortSecurity?: PortSecurity;
}

/** Props of a `HaFailoverPort`. */
export interface HaFailoverPortProps {
  /**
   * The subnet of the failover port; both members must be able to take a port of it (same VPC).
   * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
   */
  readonly subnet: VpcSubnetReference;

  /**
   * Port security of the failover port: its security groups go with it from one member to the other.
   * @see https://docs.nhncloud.com/en/Network/VPC/en/public-api-compat/
   */
  readonly portSecurity: PortSecurity;

  /** The member that holds the failover port when the stack is created. */
  readonly primary: HaFailoverPortMember;

  /** The member that takes the failover port when `active` is switched to `HaActiveSide.STANDBY`. */
  readonly standby: HaFailoverPortMember;

  /**
   * Which member the failover port is attached to. Switching it and applying replaces only the
   * `nhncloud_compute_interface_attach_v2` (detach, then attach): the port, its fixed IPs and its
   * floating IP stay as they are.
   */
  readonly active: HaActiveSide;

  /**
   * Fixed IPs of the failover port, which move with it.
   * @default FixedIpAssignment.automatic() - one address picked by NHN Cloud
   */
  readonly fixedIps?: FixedIpAssignment;

  /**
   * Pool of a floating IP on the failover port's first fixed IP; it follows the port. The subnet
   * must be in a routing table with an internet gateway (constraints.md B14); on a member's second
   * NIC the guest needs policy routing (B15; NHN Cloud's images since 2018-12-27 set it up).
   * @default - no floating IP
   * @see https://docs.nhncloud.com/en/Network/Floating%20IP/en/console-guide/
   */
  readonly floatingIpPool?: string;

  /**
   * Terraform `prevent_destroy` on the failover port (and its floating IP): a plan that would
   * delete the address clients use fails instead.
   * @default false
   * @see https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle
   */
  readonly preventDestroy?: boolean;

  /**
   * Name of the failover port.
   * @default - no name
   */
  readonly name?: string;

  /**
   * Description of the failover port.
   * @default - no description
   */
  readonly description?: string;

  /**
   * Tags of the ports and the launched instances; the marker tags are added after them.
   * @default - none but the marker tags
   */
  readonly tags?: string[];
}

/**
 * A standalone failover port moved between two instances by Terraform. NHN Cloud's Network
 * Interface guide: a port the instance creates is deleted with it, while an existing port given to
 * an instance "is not deleted together" and "can later be attached to another instance" (seed 000,
 * constraints.md B12). So the failover port is an `nhncloud_networking_port_v2` of its own, tagged
 * `NhnMarkerTag.failover` (as are the launched members, which rule NHN050 reads), attached to the
 * `active` member with an `nhncloud_compute_interface_attach_v2`, never in an instance's `network`
 * block: moving it then replaces the attachment only, not an instance.
 *
 * Failover is a Terraform apply: set `active` to the other side and apply. NHN Cloud's provider has
 * no function service to run a failover agent in, so nothing moves the port on its own; watch the
 * primary and apply from your pipeline. The port keeps its fixed IPs, MAC address, security groups
 * and floating IP throughout.
 *
 * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
 */
export class HaFailoverPort extends Construct {
  /** The failover port. */
  public readonly port: Port;
  /** The member the port is attached to. */
  public readonly active: HaActiveSide;
  /** The primary member's instance, launched or existing. */
  public readonly primaryInstance: ComputeInstanceReference;
  /** The standby member's instance, launched or existing. */
  public readonly standbyInstance: ComputeInstanceReference;
  /** The `nhncloud_compute_interface_attach_v2` that puts the port on the active member. */
  public readonly attachment: TerraformResource;
  /**
   * The floating IP on the failover port.
   * @default - none, unless `floatingIpPool` is given
   */
  public readonly floatingIp?: FloatingIp;
  /**
   * The primary member's own primary port, when it is launched.
   * @default - none: the member is an existing instance
   */
  public readonly primaryHostPort?: Port;
  /**
   * The standby member's own primary port, when it is launched.
   * @default - none: the member is an existing instance
   */
  public readonly standbyHostPort?: Port;

  constructor(scope: Construct, id: string, props: HaFailoverPortProps) {
    super(scope, id);
    checkProps(this, props, HA_FAILOVER_PORT_PROPS);
    checkProps(this, props.primary, HA_FAILOVER_PORT_MEMBER_PROPS, 'props.primary');
    checkProps(this, props.standby, HA_FAILOVER_PORT_MEMBER_PROPS, 'props.standby');
    this.validate(props);
    this.active = props.active;

    this.port = new Port(this, 'Port', {
      subnet: props.subnet,
      portSecurity: props.portSecurity,
      fixedIps: props.fixedIps,
      role: PortRole.FAILOVER,
      name: props.name,
      description: props.description,
      tags: props.tags,
    });
    if (props.floatingIpPool !== undefined) {
      this.floatingIp = new FloatingIp(this, 'FloatingIp', { pool: props.floatingIpPool, tags: props.tags });
      this.floatingIp.associateWith(this.port);
    }
    if (props.preventDestroy) {
      for (const resource of [this.port.resource, this.floatingIp?.resource]) resource?.addOverride('lifecycle.prevent_destroy', true);
    }

    const primary = this.member('primary', props.primary, props);
    const standby = this.member('standby', props.standby, props);
    this.primaryInstance = primary.instance;
    this.primaryHostPort = primary.hostPort;
    this.standbyInstance = standby.instance;
    this.standbyHostPort = standby.hostPort;
    // One construct id whichever side holds the port: switching sides changes the attachment's
    // instance_id (ForceNew), so Terraform detaches and attaches the same port, and nothing else moves.
    this.attachment = this.port.attachTo(this.active === HaActiveSide.PRIMARY ? this.primaryInstance : this.standbyInstance);
  }

  /** A launched member gets a standalone primary port and the failover marker tag; an existing one is taken as it is. */
  private member(name: 'primary' | 'standby', member: HaFailoverPortMember, props: HaFailoverPortProps): {
    instance: ComputeInstanceReference; hostPort?: Port;
  } {
    if (member.existingInstance !== undefined) return { instance: member.existingInstance };
    const id = name === 'primary' ? 'Primary' : 'Standby';
    const { primaryPortSubnet, primaryPortSecurity, ...host } = member;
    const hostPort = new Port(this, `${id}HostPort`, {
      subnet: primaryPortSubnet ?? props.subnet,
      portSecurity: primaryPortSecurity ?? props.portSecurity,
      description: `primary port of the ${name} member`,
      tags: props.tags,
    });
    const launched = ComputeHost.create(this, `${id}Instance`, host, {
      ports: [hostPort],
      tags: props.tags,
      markerTags: [NhnMarkerTag.failover],
    });
    return { instance: launched.instance, hostPort };
  }

  private validate(props: HaFailoverPortProps): void {
    for (const name of ['primary', 'standby'] as const) {
      const member = props[name];
      checkComputeHostProps(this, member);
      const ownPort = (['primaryPortSubnet', 'primaryPortSecurity'] as const).filter((p) => member[p] !== undefined);
      if (member.existingInstance !== undefined && ownPort.length > 0) {
        throw new NetworkConstraintError({
          code: ErrorCode.ConflictingInstanceProps,
          scope: this,
          problem: `the ${name} member is an existing instance, which has its primary port already`,
          received: `existingInstance and ${ownPort.join(', ')}`,
          allowed: `${ownPort.join(', ')} only for a member the pattern launches`,
          fix: `Drop ${ownPort.join(' and ')}`,
          docUrl: NhnDocUrl.interfaceAttachResource,
        });
      }
    }
    const [primary, standby] = [props.primary.existingInstance?.instanceId, props.standby.existingInstance?.instanceId];
    if (literal(primary) !== undefined && primary === standby) {
      throw new NetworkConstraintError({
        code: ErrorCode.SameInstanceTwice,
        scope: this,
        problem: 'the primary and the standby member are the same instance, so the port could not fail over',
        received: `${primary} twice`,
        allowed: 'two different instances',
      });
    }
  }
}
