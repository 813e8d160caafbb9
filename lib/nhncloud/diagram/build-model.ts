import { TfResource, TfValue } from '../../checks/tf-value';
import { DEPLOY_TIME, DiagramLegendRow, DiagramModel, shown } from '../../diagram/diagram-model';
import { DiagramModelBuilder, groupName as namedGroup, repeated } from '../../diagram/model-builder';
import { hasMarker, isVirtualIp, NhnMarkerTag } from '../rules/marker-tags';
import { FloatingIpAssociation, Host, InstanceNic, NhnIndex, NhnType, PortAttachment } from '../rules/nhn-index';
import { portSecurity } from '../rules/port-security';

/** How the diagram shows a value NHN Cloud picks at deploy time (a port's address). */
export const NHN_PICKED = 'NHN-picked';

// The rules read no VPC, so the index names no type for it.
const VPC_TYPE = 'nhncloud_networking_vpc_v2';

/** What the boxes and edges of an NHN Cloud stack's diagram mean. */
const NHN_LEGEND: readonly DiagramLegendRow[] = [
  { drawn: 'large boxes', means: 'VPC (CIDR) holding subnets (CIDR)' },
  { drawn: 'rectangle', means: 'instance, with its flavor' },
  { drawn: 'rounded box', means: 'port (a NIC an instance creates from a `network` block included): fixed IPs, allowed address pairs, security groups, port security off' },
  { drawn: 'flag', means: 'floating IP, arrow labelled with the fixed IP it maps to' },
  { drawn: 'hexagon', means: 'virtual IP port (`network:virtual_ip`), in its subnet' },
  { drawn: 'solid arrow', means: 'port of the instance from its creation (`network` block), labelled with the block\'s position' },
  { drawn: 'dashed arrow', means: 'port attached after creation (`nhncloud_compute_interface_attach_v2`, or the port\'s `device_id`)' },
  { drawn: 'thick green arrow', means: 'failover port (tag `nic-patterns:role=failover`) on the instance it is attached to (active)' },
  { drawn: 'dotted grey arrow', means: 'standby: the other failover instance a failover port moves to, or a port whose allowed address pairs hold the virtual IP (keepalived decides which one carries it)' },
  { drawn: 'grey dashed box', means: 'not in this stack: a literal id or a value only known at deploy time' },
  { drawn: '`(deploy-time)` / `NHN-picked`', means: 'known only once deployed / assigned by NHN Cloud' },
];

/**
 * Reads what the diagram shows from a stack's NHN Cloud resources: VPCs, subnets, instances, ports
 * (virtual IP ports apart), their attachments, allowed address pairs and floating IPs.
 */
export function buildNhnDiagramModel(index: NhnIndex, stackName: string): DiagramModel {
  return new NhnModelBuilder(index).build(stackName);
}

class NhnModelBuilder extends DiagramModelBuilder {
  constructor(private readonly index: NhnIndex) {
    super(NHN_LEGEND);
  }

  public build(stackName: string): DiagramModel {
    for (const vpc of this.index.resources(VPC_TYPE)) {
      this.add({ key: vpc.address, kind: 'vpc', title: `VPC ${vpc.path}`, details: [shown(vpc.attr('cidrv4'), DEPLOY_TIME), ...repeated(vpc)], external: false });
    }
    for (const subnet of this.index.resources(NhnType.subnet)) {
      this.add({
        key: subnet.address,
        kind: 'subnet',
        title: `subnet ${subnet.path}`,
        details: [shown(subnet.attr('cidr'), DEPLOY_TIME), ...repeated(subnet)],
        external: false,
        parent: this.vpcKey(subnet.attr('vpc_id')),
      });
    }
    for (const port of this.index.resources(NhnType.port)) this.addPort(port);
    for (const host of this.index.hosts) this.addHost(host);
    for (const attachment of this.index.portAttachments) this.attach(attachment);
    for (const vip of this.index.virtualIps) {
      for (const carrier of this.index.carriersOf(vip)) this.link(vip.address, carrier.address, 'vip-standby', 'allowed address pair');
    }
    this.addFailoverStandbys();
    this.addFloatingIps();
    for (const host of this.index.hosts) this.placeHost(host);
    return this.model(stackName);
  }

  private vpcKey(vpcId: TfValue): string | undefined {
    if (vpcId.isAbsent) return undefined;
    return this.index.refersTo(vpcId, VPC_TYPE)?.address ?? this.placeholder('vpc', 'VPC', vpcId);
  }

  private subnetKey(subnetId: TfValue): string | undefined {
    if (subnetId.isAbsent) return undefined;
    return this.index.refersTo(subnetId, NhnType.subnet)?.address ?? this.placeholder('subnet', 'subnet', subnetId);
  }

  /** A port in the subnet of its first fixed IP; without one, in its network (the VPC). */
  private addPort(port: TfResource): void {
    const vip = isVirtualIp(port);
    const title = `${vip ? 'virtual IP port' : 'port'} ${port.path}`;
    const details = [
      portAddressLine(port),
      ...this.allowedPairsLine(port),
      ...this.portGroupLines(title, port),
      ...repeated(port),
    ];
    const [subnet] = this.index.subnetsOf(port);
    const parent = (subnet && this.subnetKey(subnet)) ?? this.vpcKey(port.attr('network_id'));
    this.add({ key: port.address, kind: vip ? 'vip' : 'interface', title, details, external: false, parent });
  }

  /**
   * `allowed 192.168.0.100`: the addresses a port's allowed address pairs let it send and receive,
   * a virtual IP of this stack by its address (written as an expression over the VIP port's attributes).
   */
  private allowedPairsLine(port: TfResource): string[] {
    const addresses = this.index.allowedAddresses(port);
    if (!Array.isArray(addresses)) return [`allowed ${DEPLOY_TIME}`];
    const shownAddress = (address: TfValue) => {
      const [vip] = this.index.virtualIpsNamedBy(address);
      const vipAddress = vip?.blocks('fixed_ip').items[0]?.attr('ip_address');
      return vip && !address.isLiteral ? shown(vipAddress ?? TfValue.ABSENT, `virtual IP ${vip.path}`) : shown(address, '?');
    };
    return addresses.length === 0 ? [] : [`allowed ${addresses.map(shownAddress).join(', ')}`];
  }

  /** `port security off`, or the port's groups (`SG web, admin`, `SG default`) and the row of the Markdown table. */
  private portGroupLines(title: string, port: TfResource): string[] {
    const security = portSecurity(port);
    if (security === false) return ['port security off'];
    const written = port.attr('security_group_ids');
    const added = this.index.resources(NhnType.portSecurityGroups)
      .filter((association) => this.index.refersTo(association.attr('port_id'), NhnType.port) === port)
      .map((association) => association.attr('security_group_ids'));
    const listsNone = written.isAbsent && added.length === 0;
    // NHN Cloud's guide: a virtual IP belongs to no security group.
    if (listsNone && isVirtualIp(port)) return [];
    const none = port.attr('no_security_groups').follow().asBoolean() === true;
    if (listsNone && none) return this.groupLines(title, [], ['none (`no_security_groups`)'], ['no security groups']);
    const lines = this.listedGroupLines(title, [written, ...added], listsNone);
    return security === true ? lines : [...lines, `port security ${DEPLOY_TIME}`];
  }

  /**
   * The label line and table row of the groups some lists name; `projectDefault` when none is listed
   * and Neutron gives the port the project's `default` group.
   */
  private listedGroupLines(title: string, groupLists: TfValue[], projectDefault: boolean): string[] {
    const lists = groupLists.map((groups) => groups.asList());
    const groups = lists.flatMap((list) => list ?? []);
    const unknown = lists.some((list) => list === undefined) ? [DEPLOY_TIME] : [];
    if (projectDefault && groups.length === 0 && unknown.length === 0) {
      return this.groupLines(title, [], ['the project\'s default group'], ['SG default']);
    }
    const names = (withPath: boolean) => [...groups.map((group) => this.groupName(group, withPath)), ...unknown];
    return this.groupLines(title, names(false), names(true));
  }

  /** A group as written, or the group of this stack it names (instances name groups by their name). */
  private groupName(group: TfValue, withPath = false): string {
    const [resource] = this.index.securityGroupsNamed([group]);
    const named = resource ? TfValue.of(`\${${resource.address}.id}`, this.index) : group;
    return namedGroup(named, NhnType.securityGroup, 'name', withPath);
  }

  private addHost(host: Host): void {
    const resource = host.resource;
    const flavor = resource.attr('flavor_name').isAbsent ? resource.attr('flavor_id') : resource.attr('flavor_name');
    const details = [shown(flavor, '?'), ...repeated(resource)];
    if (host.unknownNics) details.push(`more ports ${DEPLOY_TIME}`);
    this.add({ key: resource.address, kind: 'instance', title: `instance ${resource.path}`, details, external: false });
    // A `network` block without `port` is a NIC the instance creates: it carries the instance's own groups.
    const groups = resource.attr('security_groups');
    for (const nic of host.nics) {
      const key = nic.port.isAbsent ? this.addInstanceNic(resource, nic, groups) : this.portKey(nic.port);
      this.link(key, resource.address, 'launch', `network ${nic.position}`);
    }
  }

  private addInstanceNic(instance: TfResource, nic: InstanceNic, groups: TfValue): string {
    const title = `port ${nic.position + 1} of ${instance.path}`;
    const uuid = nic.block.attr('uuid');
    return this.add({
      key: nicKey(instance, nic),
      kind: 'interface',
      title,
      details: [`IPv4 ${NHN_PICKED}`, ...this.listedGroupLines(title, [groups], groups.isAbsent)],
      external: false,
      parent: this.index.refersTo(uuid, NhnType.subnet)?.address ?? this.vpcKey(uuid),
    }).key;
  }

  /** An attachment after creation (a failover port's is the active one); `network` blocks are drawn with their instance. */
  private attach(attachment: PortAttachment): void {
    if (attachment.kind === 'network-block') return;
    const host = attachment.hostResource?.address ?? this.placeholder('instance', 'instance', attachment.host);
    const port = this.index.refersTo(attachment.port, NhnType.port);
    const label = attachment.kind === 'device-id' ? 'device_id' : 'interface attach';
    if (port && hasMarker(port, NhnMarkerTag.failover)) this.link(port.address, host, 'active', `${label}, active`);
    else this.link(this.portKey(attachment.port), host, 'attached', label);
  }

  /**
   * The instances marked failover that a failover port is not attached to: where it moves on failure.
   * The mark does not say which pair an instance belongs to, so only a stack with one failover port tells.
   */
  private addFailoverStandbys(): void {
    const ports = this.index.resources(NhnType.port).filter((port) => hasMarker(port, NhnMarkerTag.failover));
    if (ports.length !== 1) return;
    const [port] = ports;
    const active = new Set(this.index.attachmentsOf(port).map((attachment) => attachment.hostResource));
    for (const { resource } of this.index.hosts) {
      if (hasMarker(resource, NhnMarkerTag.failover) && !active.has(resource)) this.link(port.address, resource.address, 'standby', 'standby');
    }
  }

  private portKey(value: TfValue): string {
    return this.index.refersTo(value, NhnType.port)?.address ?? this.placeholder('interface', 'port', value);
  }

  private addFloatingIps(): void {
    const associated = new Set<TfResource>();
    for (const association of this.index.floatingIpAssociations) {
      const fip = this.index.refersTo(association.floatingIp, NhnType.floatingIp);
      if (fip) associated.add(fip);
      const fipKey = fip ? this.addFloatingIp(fip) : this.placeholder('eip', 'floating IP', association.floatingIp);
      this.link(fipKey, this.associationTarget(association), 'eip', `maps to ${shown(association.fixedIp, 'the port\'s first fixed IP')}`);
    }
    // A `network` block may name the floating IP of the NIC it creates or attaches.
    for (const host of this.index.hosts) {
      for (const nic of host.nics) {
        const value = nic.block.attr('floating_ip');
        if (value.isAbsent) continue;
        const fip = this.index.refersTo(value, NhnType.floatingIp);
        if (fip) associated.add(fip);
        const target = nic.port.isAbsent ? nicKey(host.resource, nic) : this.portKey(nic.port);
        this.link(fip ? this.addFloatingIp(fip) : this.placeholder('eip', 'floating IP', value), target, 'eip', 'network block');
      }
    }
    for (const fip of this.index.resources(NhnType.floatingIp)) {
      if (!associated.has(fip)) this.nodes.get(this.addFloatingIp(fip))!.details.push('not associated');
    }
  }

  /** The port a floating IP maps to; for `nhncloud_compute_floatingip_associate_v2`, the instance. */
  private associationTarget(association: FloatingIpAssociation): string {
    if (!association.port.isAbsent) return this.portKey(association.port);
    const instance = association.source.attr('instance_id');
    return this.index.refersTo(instance, NhnType.instance)?.address ?? this.placeholder('instance', 'instance', instance);
  }

  private addFloatingIp(fip: TfResource): string {
    const pool = fip.attr('pool');
    return this.add({
      key: fip.address,
      kind: 'eip',
      title: `floating IP ${fip.path}`,
      details: [`public ${shown(fip.attr('address'), DEPLOY_TIME)}`, ...(pool.isAbsent ? [] : [`pool ${shown(pool, '?')}`]), ...repeated(fip)],
      external: false,
    }).key;
  }

  /** Draws an instance in the VPC of its first port. */
  private placeHost(host: Host): void {
    const node = this.nodes.get(host.resource.address);
    const [first] = host.nics;
    const attached = this.index.portAttachments.find((attachment) => attachment.hostResource === host.resource)?.port;
    const portKey = first?.port.isAbsent ? nicKey(host.resource, first) : (first?.port ?? attached)?.referenceTo(NhnType.port)?.address;
    let container = this.nodes.get(this.nodes.get(portKey ?? '')?.parent ?? '');
    if (container?.kind === 'subnet') container = this.nodes.get(container.parent ?? '');
    if (node && container?.kind === 'vpc') this.nodes.set(node.key, { ...node, parent: container.key });
  }
}

/** The key of the NIC an instance creates from a `network` block. */
function nicKey(instance: TfResource, nic: InstanceNic): string {
  return `${instance.address}#network-${nic.position}`;
}

/** `IPv4 192.168.0.10, 192.168.0.11`: each fixed IP of a port, `NHN-picked` where it names none. */
function portAddressLine(port: TfResource): string {
  const blocks = port.blocks('fixed_ip');
  if (blocks.unknown) return `IPv4 ${DEPLOY_TIME}`;
  if (blocks.items.length === 0) return `IPv4 ${NHN_PICKED}`;
  return `IPv4 ${blocks.items.map((block) => shown(block.attr('ip_address'), NHN_PICKED)).join(', ')}`;
}

