import { FailoverRoles, failoverRoles } from './failover-roles';
import { addressLines, AWS_PICKED, instancePrimaryAddresses, interfaceAddresses, launchTemplateAddresses } from './interface-addresses';
import { virtualIpCarriers } from './virtual-ips';
import { TfResource, TfValue } from '../../checks/tf-value';
import { DEPLOY_TIME, DiagramLegendRow, DiagramModel, shown } from '../../diagram/diagram-model';
import { DiagramModelBuilder, groupName as namedGroup, repeated } from '../../diagram/model-builder';
import { MarkerRole, MarkerTag } from '../marker-tags';
import { Host, InterfaceAttachment, AwsIndex } from '../rules/aws-index';
import { InterfaceSecurityGroups, interfaceSecurityGroups } from '../rules/interface-security-groups';
import { hasRole, tagValue } from '../rules/marker-tag-values';

const LAUNCH_KINDS = new Set(['primary', 'instance-block', 'launch-template-block']);

/** What the boxes and edges of an AWS stack's diagram mean. */
const AWS_LEGEND: readonly DiagramLegendRow[] = [
  { drawn: 'large boxes', means: 'VPC (CIDR) holding subnets (CIDR, Availability Zone)' },
  { drawn: 'rectangle / parallelogram', means: 'instance / launch template, with its instance type' },
  { drawn: 'rounded box', means: 'network interface: private addresses (primary first), security groups' },
  { drawn: 'flag', means: 'Elastic IP, arrow labelled with the private IP it maps to' },
  { drawn: 'hexagon', means: 'virtual IP: held as a secondary IP, or sent to an interface by a /32 route outside the VPC' },
  { drawn: 'solid arrow', means: 'interface attached at launch, labelled with its device index' },
  { drawn: 'dashed arrow', means: 'interface attached after launch (`aws_network_interface_attachment`, `attachment` block)' },
  { drawn: 'thick green arrow', means: 'failover interface on the instance that holds it (active)' },
  { drawn: 'dotted grey arrow', means: 'standby: the other member of a failover pair, or of a virtual IP pair' },
  { drawn: 'grey dashed box', means: 'not in this stack: a literal id or a value only known at deploy time' },
  { drawn: '`(deploy-time)` / `AWS-picked`', means: 'known only once deployed / assigned by AWS' },
];

/** Reads what the diagram shows from a stack's index: VPCs, subnets, hosts, interfaces, Elastic IPs, virtual IPs. */
export function buildDiagramModel(index: AwsIndex, stackName: string): DiagramModel {
  return new ModelBuilder(index).build(stackName);
}

class ModelBuilder extends DiagramModelBuilder {
  /** The interface at device index 0 of each host, once its attachments are read. */
  private readonly primaryInterfaces = new Map<TfResource, string>();
  /** The first interface attached to each host, where a host without a primary is drawn. */
  private readonly firstInterfaces = new Map<TfResource, string>();
  private readonly groupsByOwner = new Map<TfResource, InterfaceSecurityGroups[]>();
  private readonly roles: FailoverRoles;

  constructor(private readonly index: AwsIndex) {
    super(AWS_LEGEND);
    this.roles = failoverRoles(index);
    for (const entry of interfaceSecurityGroups(index)) {
      const list = this.groupsByOwner.get(entry.owner) ?? [];
      list.push(entry);
      this.groupsByOwner.set(entry.owner, list);
    }
  }

  public build(stackName: string): DiagramModel {
    for (const vpc of this.index.resources('aws_vpc')) {
      this.add({ key: vpc.address, kind: 'vpc', title: `VPC ${vpc.path}`, details: [shown(vpc.attr('cidr_block'), DEPLOY_TIME), ...repeated(vpc)], external: false });
    }
    for (const subnet of this.index.resources('aws_subnet')) this.addSubnet(subnet);
    for (const eni of this.index.resources('aws_network_interface')) this.addInterface(eni);
    const templatesInUse = new Set(this.index.hosts.map((host) => host.launchTemplate));
    for (const host of this.index.hosts) {
      if (host.resource.type === 'aws_launch_template' && templatesInUse.has(host.resource)) continue;
      this.addHost(host);
    }
    for (const attachment of this.index.unresolvedAttachments) {
      this.attach(this.placeholder('instance', 'instance', attachment.host), attachment, this.attachedInterface(attachment, attachment.source, -1));
    }
    this.addFailoverMembers();
    this.addElasticIps();
    this.addVirtualIps();
    for (const host of this.index.hosts) this.placeHost(host);
    return this.model(stackName);
  }

  private addSubnet(subnet: TfResource): void {
    const zone = subnet.attr('availability_zone').isAbsent ? subnet.attr('availability_zone_id') : subnet.attr('availability_zone');
    this.add({
      key: subnet.address,
      kind: 'subnet',
      title: `subnet ${subnet.path}`,
      details: [shown(subnet.attr('cidr_block'), DEPLOY_TIME), `AZ ${shown(zone, AWS_PICKED)}`, ...repeated(subnet)],
      external: false,
      parent: this.vpcKey(subnet.attr('vpc_id')),
    });
  }

  private vpcKey(vpcId: TfValue): string | undefined {
    if (vpcId.isAbsent) return undefined;
    return vpcId.referenceTo('aws_vpc')?.address ?? this.placeholder('vpc', 'VPC', vpcId);
  }

  /** The subnet box an interface is drawn in; undefined when AWS picks the subnet. */
  private subnetKey(subnetId: TfValue): string | undefined {
    if (subnetId.isAbsent) return undefined;
    return this.index.subnet(subnetId)?.address ?? this.placeholder('subnet', 'subnet', subnetId);
  }

  private addInterface(eni: TfResource): void {
    const details = [...addressLines(interfaceAddresses(eni)), ...this.interfaceGroupLines(`eni ${eni.path}`, this.groupsByOwner.get(eni)?.[0])];
    if (hasRole(this.index, eni, MarkerRole.failover) === true) {
      const pair = tagValue(this.index, eni, MarkerTag.failoverPair);
      details.push(pair.isAbsent ? 'failover interface' : `failover interface, pair ${shown(pair, '?')}`);
    }
    if (hasRole(this.index, eni, MarkerRole.virtualIp) === true) details.push('virtual IP carrier');
    if (eni.attr('source_dest_check').asBoolean() === false) details.push('source/dest check off');
    this.add({
      key: eni.address,
      kind: 'interface',
      title: `eni ${eni.path}`,
      details: [...details, ...repeated(eni)],
      external: false,
      parent: this.subnetKey(eni.attr('subnet_id')),
    });
  }

  /** `SG web-sg, admin`, and the row of the Markdown table; an interface naming no group has the VPC's default one. */
  private interfaceGroupLines(title: string, entry: InterfaceSecurityGroups | undefined): string[] {
    if (!entry) return [];
    const table = [...entry.groups.map((g) => groupName(g.group, true)), ...entry.unknown.map(() => DEPLOY_TIME)];
    const names = [...entry.groups.map((g) => groupName(g.group)), ...(entry.unknown.length > 0 ? [DEPLOY_TIME] : [])];
    return this.groupLines(title, names, table.length > 0 ? table : ['the VPC\'s default group'], ['SG VPC default']);
  }

  private addHost(host: Host): void {
    const resource = host.resource;
    const isInstance = resource.type === 'aws_instance';
    const details = [shown(host.instanceType, '?'), ...repeated(resource)];
    if (host.unknownInterfaces) details.push(`more interfaces ${DEPLOY_TIME}`);
    this.add({
      key: resource.address,
      kind: isInstance ? 'instance' : 'launch-template',
      title: `${isInstance ? 'instance' : 'launch template'} ${resource.path}`,
      details,
      external: false,
    });
    host.attachments.forEach((attachment, position) => {
      const eni = this.attachedInterface(attachment, resource, position);
      this.attach(resource.address, attachment, eni);
      if (!this.firstInterfaces.has(resource)) this.firstInterfaces.set(resource, eni);
      const device = attachment.deviceIndex.asNumber() ?? attachment.deviceIndex.follow().asNumber();
      if (device === 0 && (attachment.networkCardIndex.follow().asNumber() ?? 0) === 0) this.primaryInterfaces.set(resource, eni);
    });
  }

  /** The interface box of an attachment, created for interfaces the instance or launch template creates itself. */
  private attachedInterface(attachment: InterfaceAttachment, host: TfResource, position: number): string {
    if (attachment.eniResource) return attachment.eniResource.address;
    if (attachment.kind === 'primary') {
      const title = `primary eni of ${host.path}`;
      return this.add({
        key: `${host.address}#primary`,
        kind: 'interface',
        title,
        details: [...addressLines(instancePrimaryAddresses(host)), ...this.interfaceGroupLines(title, this.primaryGroups(host))],
        external: false,
        parent: this.subnetKey(host.attr('subnet_id')),
      }).key;
    }
    if (attachment.block && attachment.eni.isAbsent) {
      const title = `eni at device ${shown(attachment.deviceIndex, '?')} of ${host.path}`;
      return this.add({
        key: `${host.address}#interface-${position}`,
        kind: 'interface',
        title,
        details: [
          ...addressLines(launchTemplateAddresses(attachment.block)),
          ...this.interfaceGroupLines(title, this.templateGroups(host, attachment)),
        ],
        external: false,
        parent: this.subnetKey(attachment.block.attr('subnet_id')),
      }).key;
    }
    return this.interfaceKey(attachment.eni);
  }

  private primaryGroups(instance: TfResource): InterfaceSecurityGroups | undefined {
    const template = this.index.hostOf(instance)?.launchTemplate;
    return this.groupsByOwner.get(instance)?.[0] ?? (template ? this.groupsByOwner.get(template)?.[0] : undefined);
  }

  private templateGroups(host: TfResource, attachment: InterfaceAttachment): InterfaceSecurityGroups | undefined {
    const template = host.type === 'aws_launch_template' ? host : this.index.hostOf(host)?.launchTemplate;
    if (!template) return undefined;
    const position = template.blocks('network_interfaces').items.findIndex((block) => block.raw === attachment.block?.raw);
    return this.groupsByOwner.get(template)?.[position];
  }

  private attach(hostKey: string, attachment: InterfaceAttachment, eniKey: string): void {
    const card = attachment.networkCardIndex.isAbsent || attachment.networkCardIndex.follow().asNumber() === 0
      ? '' : `, card ${shown(attachment.networkCardIndex, '?')}`;
    const device = `device ${shown(attachment.deviceIndex, '?')}${card}`;
    if (attachment.eniResource && this.roles.interfaces.has(attachment.eniResource)) {
      this.link(eniKey, hostKey, 'active', `${device}, active`);
    } else {
      this.link(eniKey, hostKey, LAUNCH_KINDS.has(attachment.kind) ? 'launch' : 'attached', device);
    }
  }

  /** The interface box a value names: an interface of this stack, an instance's primary interface, or a placeholder. */
  private interfaceKey(value: TfValue): string {
    const eni = value.referenceTo('aws_network_interface');
    if (eni) return eni.address;
    const instance = value.referenceTo('aws_instance');
    if (instance && value.attribute === 'primary_network_interface_id') return this.primaryInterfaces.get(instance) ?? instance.address;
    return this.placeholder('interface', 'eni', value);
  }

  private instanceKey(value: TfValue): string {
    return value.referenceTo('aws_instance')?.address ?? this.placeholder('instance', 'instance', value);
  }

  private addFailoverMembers(): void {
    const holders = new Map<TfResource, Set<TfResource>>();
    const held = (eni: TfResource) => holders.get(eni) ?? holders.set(eni, new Set()).get(eni)!;
    for (const eni of this.roles.interfaces) {
      for (const attachment of this.index.attachmentsOf(eni)) {
        if (attachment.hostResource) held(eni).add(attachment.hostResource);
      }
    }
    for (const placement of this.roles.placements) {
      if (placement.instance) held(placement.eni).add(placement.instance);
      this.link(placement.eni.address, this.instanceKey(placement.instanceId), 'active',
        `device ${shown(placement.deviceIndex, '?')}, active (placed by the failover agent)`);
    }
    for (const [eni, members] of this.roles.members) {
      const active = held(eni);
      for (const member of members) {
        if (!active.has(member)) this.link(eni.address, member.address, 'standby', active.size > 0 ? 'standby' : 'pair member, not attached');
      }
    }
  }

  private addElasticIps(): void {
    const associated = new Set<TfResource>();
    for (const association of this.index.eipAssociations) {
      const eip = association.eipResource;
      if (eip) associated.add(eip);
      const eipKey = eip ? this.addElasticIp(eip) : this.placeholder('eip', 'EIP', association.eip);
      const instance = association.instance.referenceTo('aws_instance');
      const target = !association.eni.isAbsent ? this.interfaceKey(association.eni)
        : (instance && this.primaryInterfaces.get(instance)) ?? this.instanceKey(association.instance);
      const privateIp = association.privateIp.isAbsent ? 'primary IP' : shown(association.privateIp, '?');
      this.link(eipKey, target, 'eip', `maps to ${privateIp}`);
    }
    for (const eip of this.index.resources('aws_eip')) {
      if (!associated.has(eip)) this.nodes.get(this.addElasticIp(eip))!.details.push('not associated');
    }
  }

  private addElasticIp(eip: TfResource): string {
    return this.add({
      key: eip.address,
      kind: 'eip',
      title: `EIP ${eip.path}`,
      details: [`public ${shown(eip.attr('address'), DEPLOY_TIME)}`, ...repeated(eip)],
      external: false,
    }).key;
  }

  private addVirtualIps(): void {
    const { carriers, unknownTags } = virtualIpCarriers(this.index);
    for (const eni of unknownTags) this.nodes.get(eni.address)?.details.push(`virtual IPs ${DEPLOY_TIME}`);
    for (const carrier of carriers) {
      const mode = carrier.overlay ? 'overlay route' : 'secondary IP';
      const node = this.add({ key: `vip:${carrier.vip}`, kind: 'vip', title: `VIP ${carrier.vip}`, details: [], external: false });
      if (!node.details.includes(mode)) node.details.push(mode);
      const eni = this.interfaceKey(carrier.eni);
      if (carrier.kind === 'route') this.link(node.key, eni, 'vip-route', `/32 route ${carrier.route!.path}`);
      else if (carrier.kind === 'holder') this.link(node.key, eni, 'vip-holder', 'holds');
      else this.link(node.key, eni, 'vip-standby', 'standby');
    }
    for (const node of this.nodes.values()) if (node.kind === 'vip') node.details.sort();
  }

  /** Draws an instance in the VPC of its primary interface (or of its first one). */
  private placeHost(host: Host): void {
    const node = this.nodes.get(host.resource.address);
    if (!node) return;
    const eni = this.primaryInterfaces.get(host.resource) ?? this.firstInterfaces.get(host.resource);
    const subnet = eni === undefined ? undefined : this.nodes.get(this.nodes.get(eni)?.parent ?? '');
    if (subnet?.parent !== undefined) this.nodes.set(node.key, { ...node, parent: subnet.parent });
  }
}

function groupName(group: TfValue, withPath = false): string {
  return namedGroup(group, 'aws_security_group', 'name', withPath);
}
