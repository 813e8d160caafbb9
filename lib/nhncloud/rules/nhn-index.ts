import { TerraformStack } from 'cdktf';
import { hasMarker, isVirtualIp, NhnMarkerTag } from './marker-tags';
import { NHN_NOUNS } from './nhn-nouns';
import { RuleIndex } from '../../checks/rule-index';
import { identity } from '../../checks/same-value';
import { ResourceLookup, TfObject, TfResource, TfValue } from '../../checks/tf-value';

/** The Terraform types the NHN Cloud rules read (provider nhn-cloud/nhncloud 1.0.7). */
export const NhnType = {
  instance: 'nhncloud_compute_instance_v2',
  interfaceAttach: 'nhncloud_compute_interface_attach_v2',
  computeFloatingIpAssociate: 'nhncloud_compute_floatingip_associate_v2',
  port: 'nhncloud_networking_port_v2',
  portSecurityGroups: 'nhncloud_networking_port_secgroup_associate_v2',
  floatingIp: 'nhncloud_networking_floatingip_v2',
  floatingIpAssociate: 'nhncloud_networking_floatingip_associate_v2',
  subnet: 'nhncloud_networking_vpcsubnet_v2',
  routingTable: 'nhncloud_networking_routingtable_v2',
  gatewayAttach: 'nhncloud_networking_routingtable_attach_gateway_v2',
  securityGroup: 'nhncloud_networking_secgroup_v2',
  securityGroupRule: 'nhncloud_networking_secgroup_rule_v2',
} as const;

/** Where a port is attached to an instance. */
export type PortAttachmentKind =
  /** a `network` block of `nhncloud_compute_instance_v2` naming the port (`port`) */
  | 'network-block'
  /** an `nhncloud_compute_interface_attach_v2` (`port_id`) */
  | 'interface-attach'
  /** the port's own `device_id` naming an instance of the stack */
  | 'device-id';

/** One port attached to one instance, wherever it is written. */
export interface PortAttachment {
  readonly kind: PortAttachmentKind;
  /** The resource that declares the attachment: findings about it go there. */
  readonly source: TfResource;
  /** The instance as written. */
  readonly host: TfValue;
  /** The instance, when `host` refers to one of this stack. */
  readonly hostResource?: TfResource;
  /** The port id as written. */
  readonly port: TfValue;
}

/** One `network` block of an instance: a NIC the instance creates itself (`uuid`, `name`) or an existing port (`port`). */
export interface InstanceNic {
  readonly block: TfObject;
  /** Its position among the instance's `network` blocks. */
  readonly position: number;
  /** `port` as written: absent when the instance creates the NIC, which is then deleted with it. */
  readonly port: TfValue;
}

/** An instance with its `network` blocks. */
export interface Host {
  readonly resource: TfResource;
  readonly nics: InstanceNic[];
  /** Set when the `network` blocks are only known at deploy time (dynamic block): the value that hides them. */
  readonly unknownNics?: TfValue;
}

/** A floating IP associated with a port (or an instance), wherever it is written. */
export interface FloatingIpAssociation {
  /** The resource that declares the association: findings about it go there. */
  readonly source: TfResource;
  /** The floating IP as written (`floating_ip`; for an `nhncloud_networking_floatingip_v2` with `port_id`, itself). */
  readonly floatingIp: TfValue;
  /** Equal keys name the same floating IP; undefined when synth time cannot tell. */
  readonly key?: string;
  /** How messages name the floating IP. */
  readonly label: string;
  /** `port_id` as written; absent for an association with an instance. */
  readonly port: TfValue;
  /** The port, when `port` refers to one of this stack. */
  readonly portResource?: TfResource;
  /** `fixed_ip` as written (absent: NHN Cloud picks the port's address). */
  readonly fixedIp: TfValue;
  /** Declared on a `count`/`for_each` resource: may stand for several associations. */
  readonly repeated: boolean;
}

const PORT_MENTION = new RegExp(`${NhnType.port}\\.([A-Za-z_][\\w-]*)\\.`, 'g');

/**
 * What the NHN Cloud rules read: the stack's resources (a `RuleIndex`) with the relations they need
 * (port -> attachments, instance -> NICs, virtual IP -> the ports that carry it, floating IP
 * associations, security group -> who uses it). Built once per stack and check, in time linear in
 * the resources; rules never walk the construct tree.
 */
export class NhnIndex implements ResourceLookup {
  /** The index of a stack on its own, from its Terraform JSON (resolved from the stack when not given). */
  public static build(stack: TerraformStack, terraformJson: Record<string, unknown> = stack.toTerraform()): NhnIndex {
    return new NhnIndex(new RuleIndex(stack, terraformJson, (type) => NHN_NOUNS[type]));
  }

  private readonly attachmentsByPort = new Map<TfResource, PortAttachment[]>();

  /** Instances with their `network` blocks. */
  public readonly hosts: Host[];
  /** Every attachment of a port to an instance, the port of this stack or not. */
  public readonly portAttachments: PortAttachment[] = [];
  /** Ports that are virtual IPs (`isVirtualIp`). */
  public readonly virtualIps: TfResource[];
  public readonly floatingIpAssociations: FloatingIpAssociation[];

  constructor(private readonly base: RuleIndex) {
    this.hosts = this.resources(NhnType.instance).map((resource) => {
      const blocks = resource.blocks('network');
      return {
        resource,
        nics: blocks.items.map((block, position) => ({ block, position, port: block.attr('port') })),
        unknownNics: blocks.unknown,
      };
    });
    this.indexAttachments();
    this.virtualIps = this.resources(NhnType.port).filter(isVirtualIp);
    this.floatingIpAssociations = this.indexFloatingIps();
  }

  /** The resource at a Terraform address (`nhncloud_networking_port_v2.vip`). */
  public instancesOf(blockAddress: string): TfResource[] {
    return this.base.instancesOf(blockAddress);
  }

  public resourceAt(address: string): TfResource | undefined {
    return this.base.resourceAt(address);
  }

  /** Every resource of a type, in the order of the Terraform JSON. */
  public resources(type: string): TfResource[] {
    return this.base.resources(type);
  }

  /** The resource of `type` a value refers to (through other resources' literal attributes too), if it is one of this stack. */
  public refersTo(value: TfValue, type: string): TfResource | undefined {
    return value.referenceTo(type) ?? value.follow().referenceTo(type);
  }

  /** Every attachment of a port of the stack to an instance, whichever resource declares it. */
  public attachmentsOf(port: TfResource): PortAttachment[] {
    return this.attachmentsByPort.get(port) ?? [];
  }

  /** The `subnet_id` of each `fixed_ip` block of a port, as written (empty when NHN Cloud picks the subnet). */
  public subnetsOf(port: TfResource): TfValue[] {
    return port.blocks('fixed_ip').items.map((block) => block.attr('subnet_id'));
  }

  /**
   * The virtual IPs of the stack that an address names: an expression over the VIP port's
   * attributes (`${nhncloud_networking_port_v2.vip.all_fixed_ips[0]}`), or a literal equal to one of
   * its literal `fixed_ip.ip_address` (a `/32` too).
   */
  public virtualIpsNamedBy(address: TfValue): TfResource[] {
    if (typeof address.raw !== 'string') return [];
    const text = address.raw;
    if (!address.isLiteral) {
      const names = new Set([...text.matchAll(PORT_MENTION)].map((m) => m[1]));
      return this.virtualIps.filter((vip) => names.has(vip.name));
    }
    const ip = text.replace(/\/32$/, '');
    return this.virtualIps.filter((vip) => vip.blocks('fixed_ip').items.some((block) => block.attr('ip_address').asString() === ip));
  }

  /** The addresses of a port's `allowed_address_pairs`, or the value that hides them (a dynamic block). */
  public allowedAddresses(port: TfResource): TfValue[] | TfValue {
    const pairs = port.blocks('allowed_address_pairs');
    return pairs.unknown ?? pairs.items.map((pair) => pair.attr('ip_address'));
  }

  /**
   * The ports of the stack that carry a virtual IP: those whose `allowed_address_pairs` name it and,
   * when the stack declares a single virtual IP, those marked `NhnMarkerTag.carriesVirtualIp` (a mark
   * alone does not say which VIP, so with several VIPs only the pairs tell).
   */
  public carriersOf(vip: TfResource): TfResource[] {
    return this.resources(NhnType.port).filter((port) => {
      if (port === vip || isVirtualIp(port)) return false;
      const addresses = this.allowedAddresses(port);
      if (Array.isArray(addresses) && addresses.some((a) => this.virtualIpsNamedBy(a).includes(vip))) return true;
      return this.virtualIps.length === 1 && hasMarker(port, NhnMarkerTag.carriesVirtualIp);
    });
  }

  /**
   * The security group resources a list of groups names: by reference (`.id` or `.name`) or by a
   * literal name (instances list groups by name). Values only known at deploy time name none.
   */
  public securityGroupsNamed(groups: TfValue[]): TfResource[] {
    return groups.flatMap((group) => {
      const resource = this.refersTo(group, NhnType.securityGroup);
      if (resource) return [resource];
      const name = group.asString();
      return name === undefined ? [] : this.resources(NhnType.securityGroup).filter((sg) => sg.attr('name').follow().asString() === name);
    });
  }

  /** The security groups of a port: its `security_group_ids` and those an `nhncloud_networking_port_secgroup_associate_v2` adds. */
  public securityGroupsOfPort(port: TfResource): TfResource[] {
    const added = this.resources(NhnType.portSecurityGroups)
      .filter((association) => this.refersTo(association.attr('port_id'), NhnType.port) === port)
      .flatMap((association) => association.attr('security_group_ids').asList() ?? []);
    return this.securityGroupsNamed([...(port.attr('security_group_ids').asList() ?? []), ...added]);
  }

  /**
   * Who uses each security group of the stack, as messages name them: the ports that `includePort`
   * accepts and, with `includeInstances`, the instances that list it in `security_groups`.
   */
  public securityGroupUsers(includePort: (port: TfResource) => boolean, includeInstances: boolean): Map<TfResource, string[]> {
    const users = new Map<TfResource, string[]>();
    const add = (groups: TfResource[], label: string) => groups.forEach((group) => users.set(group, [...(users.get(group) ?? []), label]));
    for (const port of this.resources(NhnType.port)) {
      if (includePort(port)) add(this.securityGroupsOfPort(port), port.label);
    }
    if (includeInstances) {
      for (const { resource } of this.hosts) add(this.securityGroupsNamed(resource.attr('security_groups').asList() ?? []), resource.label);
    }
    return users;
  }

  private indexAttachments(): void {
    const link = (attachment: PortAttachment) => {
      this.portAttachments.push(attachment);
      const port = this.refersTo(attachment.port, NhnType.port);
      if (port) this.attachmentsByPort.set(port, [...this.attachmentsOf(port), attachment]);
    };
    for (const { resource, nics } of this.hosts) {
      const host = TfValue.of(`\${${resource.address}.id}`, this);
      nics.filter((nic) => !nic.port.isAbsent).forEach((nic) => link({ kind: 'network-block', source: resource, host, hostResource: resource, port: nic.port }));
    }
    for (const source of this.resources(NhnType.interfaceAttach)) {
      const host = source.attr('instance_id');
      link({ kind: 'interface-attach', source, host, hostResource: this.refersTo(host, NhnType.instance), port: source.attr('port_id') });
    }
    for (const port of this.resources(NhnType.port)) {
      const device = port.attr('device_id');
      const hostResource = this.refersTo(device, NhnType.instance);
      if (hostResource) link({ kind: 'device-id', source: port, host: device, hostResource, port: TfValue.of(`\${${port.address}.id}`, this) });
    }
  }

  private indexFloatingIps(): FloatingIpAssociation[] {
    const association = (source: TfResource, floatingIp: TfValue, port: TfValue): FloatingIpAssociation => {
      const fip = this.refersTo(floatingIp, NhnType.floatingIp);
      return {
        source,
        floatingIp,
        key: identity(floatingIp),
        label: fip?.label ?? `floating ip ${floatingIp.display}`,
        port,
        portResource: this.refersTo(port, NhnType.port),
        fixedIp: source.attr('fixed_ip'),
        repeated: source.repeated || floatingIp.indexed || (fip?.repeated ?? false),
      };
    };
    return [
      // A floating IP that names its port itself is associated at creation.
      ...this.resources(NhnType.floatingIp).filter((fip) => !fip.attr('port_id').isAbsent)
        .map((fip) => association(fip, TfValue.of(`\${${fip.address}.address}`, this), fip.attr('port_id'))),
      ...this.resources(NhnType.floatingIpAssociate).map((source) => association(source, source.attr('floating_ip'), source.attr('port_id'))),
      ...this.resources(NhnType.computeFloatingIpAssociate).map((source) => association(source, source.attr('floating_ip'), TfValue.ABSENT)),
    ];
  }
}
