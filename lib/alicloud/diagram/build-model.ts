import { TfResource, TfValue } from '../../checks/tf-value';
import { DEPLOY_TIME, DiagramLegendRow, DiagramModel, DiagramNodeKind, shown } from '../../diagram/diagram-model';
import { DiagramModelBuilder, groupName as namedGroup, repeated } from '../../diagram/model-builder';
import { AliIndex, AliType, EipAssociation, EniAttachment, Host, Target, TargetKind } from '../rules/ali-index';
import { modeOf, targetKindOf } from '../rules/eip-associations';
import { eniAddresses } from '../rules/eni-addresses';
import { EniSecurityGroups, eniSecurityGroups } from '../rules/eni-security-groups';

/** How the diagram shows a value Alibaba Cloud picks at deploy time (an address). */
export const ALI_PICKED = 'Alibaba-picked';

const EIP_TYPES = ['alicloud_eip_address', 'alicloud_eip'];

/** What the boxes and edges of an Alibaba Cloud stack's diagram mean. */
const ALI_LEGEND: readonly DiagramLegendRow[] = [
  { drawn: 'large boxes', means: 'VPC (CIDR) holding vSwitches (CIDR, zone)' },
  { drawn: 'rectangle', means: 'ECS instance, with its instance type; NAT gateway, with its type' },
  { drawn: 'rounded box', means: 'ENI (an instance\'s primary one included): private addresses (primary first), security groups' },
  { drawn: 'flag', means: 'EIP, arrow labelled with its association mode (NAT, BINDED, MULTI_BINDED) and the private IP it maps to' },
  { drawn: 'hexagon', means: 'HaVip, in its vSwitch' },
  { drawn: 'solid arrow', means: 'ENI of the instance from its creation (primary, or `network_interfaces` block)' },
  { drawn: 'dashed arrow', means: 'ENI attached after creation (`alicloud_ecs_network_interface_attachment`, `alicloud_network_interface_attachment`)' },
  { drawn: 'dotted grey arrow', means: 'an instance or ENI attached to the HaVip: keepalived decides which one holds it' },
  { drawn: 'grey dashed box', means: 'not in this stack: a literal id or a value only known at deploy time' },
  { drawn: '`(deploy-time)` / `Alibaba-picked`', means: 'known only once deployed / assigned by Alibaba Cloud' },
];

/** The box a kind of association target is drawn as when it is not a resource of this stack. */
const PLACEHOLDERS: Readonly<Record<TargetKind, { readonly kind: DiagramNodeKind; readonly noun: string }>> = {
  EcsInstance: { kind: 'instance', noun: 'instance' },
  NetworkInterface: { kind: 'interface', noun: 'eni' },
  HaVip: { kind: 'vip', noun: 'HaVip' },
  Nat: { kind: 'instance', noun: 'NAT gateway' },
  SlbInstance: { kind: 'instance', noun: 'load balancer' },
  IpAddress: { kind: 'instance', noun: 'IP address' },
};

/**
 * Reads what the diagram shows from a stack's Alibaba Cloud resources: VPCs, vSwitches, ECS
 * instances, ENIs, EIPs and their associations, HaVips and NAT gateways.
 */
export function buildAliDiagramModel(index: AliIndex, stackName: string): DiagramModel {
  return new AliModelBuilder(index).build(stackName);
}

class AliModelBuilder extends DiagramModelBuilder {
  private readonly groupsByLabel = new Map<string, EniSecurityGroups>();

  constructor(private readonly index: AliIndex) {
    super(ALI_LEGEND);
    for (const entry of eniSecurityGroups(index)) this.groupsByLabel.set(entry.label, entry);
  }

  public build(stackName: string): DiagramModel {
    for (const vpc of this.index.resources(AliType.vpc)) {
      this.add({ key: vpc.address, kind: 'vpc', title: `VPC ${vpc.path}`, details: [shown(vpc.attr('cidr_block'), DEPLOY_TIME), ...repeated(vpc)], external: false });
    }
    for (const vswitch of this.index.resources(AliType.vswitch)) {
      this.add({
        key: vswitch.address,
        kind: 'subnet',
        title: `vSwitch ${vswitch.path}`,
        details: [shown(vswitch.attr('cidr_block'), DEPLOY_TIME), `zone ${shown(vswitch.attr('zone_id'), DEPLOY_TIME)}`, ...repeated(vswitch)],
        external: false,
        parent: this.vpcKey(vswitch.attr('vpc_id')),
      });
    }
    for (const eni of this.index.resources(AliType.enis)) this.addEni(eni.address, `eni ${eni.path}`, eni, eni.label, eni.attr('vswitch_id'), [addressLine(eni)]);
    for (const host of this.index.hosts) this.addHost(host);
    for (const attachment of this.index.unresolvedAttachments) {
      this.attach(this.placeholder('instance', 'instance', attachment.host), attachment, this.eniKeyOf(attachment));
    }
    for (const haVip of this.index.resources(AliType.haVips)) {
      this.add({
        key: haVip.address,
        kind: 'vip',
        title: `HaVip ${haVip.path}`,
        details: [`IPv4 ${shown(haVip.attr('ip_address'), ALI_PICKED)}`, ...repeated(haVip)],
        external: false,
        parent: this.vswitchKey(haVip.attr('vswitch_id')),
      });
    }
    for (const gateway of this.index.resources(AliType.natGateway)) {
      const vswitch = this.vswitchKey(gateway.attr('vswitch_id'));
      this.add({
        key: gateway.address,
        kind: 'instance',
        title: `NAT gateway ${gateway.path}`,
        details: [`${shown(gateway.attr('nat_type'), 'Enhanced')}, ${shown(gateway.attr('network_type'), 'internet')}`, ...repeated(gateway)],
        external: false,
        parent: vswitch ?? this.vpcKey(gateway.attr('vpc_id')),
      });
    }
    for (const attachment of this.index.haVipAttachments) {
      const declared = attachment.instanceType.follow().asString();
      const kind = attachment.target.kind ?? (declared === 'NetworkInterface' ? 'NetworkInterface' : 'EcsInstance');
      // keepalived decides which member holds the HaVip: every attached one may.
      this.link(this.targetKey(attachment.haVip, 'HaVip'), this.targetKey(attachment.target, kind), 'vip-standby', 'may hold');
    }
    this.addElasticIps();
    for (const host of this.index.hosts) this.placeHost(host);
    return this.model(stackName);
  }

  private vpcKey(vpcId: TfValue): string | undefined {
    if (vpcId.isAbsent) return undefined;
    return this.index.refersTo(vpcId, AliType.vpc)?.address ?? this.placeholder('vpc', 'VPC', vpcId);
  }

  private vswitchKey(vswitchId: TfValue): string | undefined {
    if (vswitchId.isAbsent) return undefined;
    return this.index.vswitch(vswitchId)?.address ?? this.placeholder('subnet', 'vSwitch', vswitchId);
  }

  /** An ENI box: an ENI resource, or one an instance creates (`owner` declares it, `addresses` are its address lines). */
  private addEni(key: string, title: string, owner: TfResource, groupsLabel: string, vswitchId: TfValue, addresses: string[]): string {
    const details = [
      ...addresses,
      ...this.eniGroupLines(title, this.groupsByLabel.get(groupsLabel)),
      ...(owner.attr('source_dest_check').asBoolean() === false ? ['source/dest check off'] : []),
      ...repeated(owner),
    ];
    return this.add({ key, kind: 'interface', title, details, external: false, parent: this.vswitchKey(vswitchId) }).key;
  }

  /** `SG web, admin`, and the row of the Markdown table. */
  private eniGroupLines(title: string, entry: EniSecurityGroups | undefined): string[] {
    if (!entry) return [];
    const unknown = entry.unknown ? [DEPLOY_TIME] : [];
    const names = [...entry.groups.map((group) => groupName(group)), ...unknown];
    return this.groupLines(title, names, [...entry.groups.map((group) => groupName(group, true)), ...unknown]);
  }

  private addHost(host: Host): void {
    const resource = host.resource;
    const details = [shown(host.instanceType, '?'), ...repeated(resource)];
    if (host.unknownInterfaces) details.push(`more ENIs ${DEPLOY_TIME}`);
    this.add({ key: resource.address, kind: 'instance', title: `instance ${resource.path}`, details, external: false });
    for (const attachment of host.attachments) this.attach(resource.address, attachment, this.eniKeyOf(attachment));
  }

  /** The ENI box of an attachment, created for the ENIs an instance creates itself. */
  private eniKeyOf(attachment: EniAttachment): string {
    if (attachment.eniResource) return attachment.eniResource.address;
    const { source, block } = attachment;
    if (attachment.kind === 'primary') {
      return this.addEni(`${source.address}#primary`, `primary eni of ${source.path}`, source, attachment.label, source.attr('vswitch_id'), [addressLine(source)]);
    }
    if (block && attachment.eni.isAbsent) {
      const position = source.blocks('network_interfaces').items.findIndex((item) => item.raw === block.raw);
      return this.addEni(`${source.address}#interface-${position}`, `eni ${position + 1} of ${source.path}`, source, attachment.label, block.attr('vswitch_id'), []);
    }
    return this.placeholder('interface', 'eni', attachment.eni);
  }

  private attach(hostKey: string, attachment: EniAttachment, eniKey: string): void {
    const primary = attachment.kind === 'primary' || attachment.kind === 'primary-eni';
    this.link(eniKey, hostKey, attachment.kind === 'attachment-resource' ? 'attached' : 'launch', primary ? 'primary' : 'secondary');
  }

  /** The box a target names: a resource of this stack (an instance's primary ENI included), or a placeholder. */
  private targetKey(target: Target, kind: TargetKind | undefined): string {
    if (target.eni) return target.eni.type === AliType.instance ? `${target.eni.address}#primary` : target.eni.address;
    const placeholder = PLACEHOLDERS[kind ?? 'EcsInstance'];
    const noun = kind ? placeholder.noun : 'target';
    const resource = target.resource;
    // A resource of this stack the diagram draws no box for (a load balancer, ...) gets one here.
    if (resource) return this.add({ key: resource.address, kind: placeholder.kind, title: `${noun} ${resource.path}`, details: repeated(resource), external: false }).key;
    return this.placeholder(placeholder.kind, noun, target.value);
  }

  private addElasticIps(): void {
    const associated = new Set<TfResource>();
    for (const association of this.index.eipAssociations) {
      const eip = this.index.refersTo(association.eip, EIP_TYPES);
      if (eip) associated.add(eip);
      const eipKey = eip ? this.addElasticIp(eip) : this.placeholder('eip', 'EIP', association.eip);
      const kind = targetKindOf(association);
      this.link(eipKey, this.targetKey(association.target, kind), 'eip', associationLabel(association, kind));
    }
    for (const eip of this.index.resources(EIP_TYPES)) {
      if (!associated.has(eip)) this.nodes.get(this.addElasticIp(eip))!.details.push('not associated');
    }
  }

  private addElasticIp(eip: TfResource): string {
    return this.add({
      key: eip.address,
      kind: 'eip',
      title: `EIP ${eip.path}`,
      details: [`public ${shown(eip.attr('ip_address'), DEPLOY_TIME)}`, ...repeated(eip)],
      external: false,
    }).key;
  }

  /** Draws an instance in the VPC of its primary ENI. */
  private placeHost(host: Host): void {
    const node = this.nodes.get(host.resource.address);
    const primary = host.attachments[0];
    const eni = primary.eniResource?.address ?? `${host.resource.address}#primary`;
    const vswitch = this.nodes.get(this.nodes.get(eni)?.parent ?? '');
    if (node && vswitch?.parent !== undefined) this.nodes.set(node.key, { ...node, parent: vswitch.parent });
  }
}

/** `IPv4 10.0.1.10 (primary), 10.0.1.11 + 2 more`: what synth time knows of an ENI's private addresses. */
function addressLine(owner: TfResource): string {
  const addresses = eniAddresses(owner);
  const [first, ...rest] = addresses.primary === undefined
    // Without a literal primary, the first value that hides an address is the primary itself.
    ? [`${addresses.hiddenBy?.isAbsent ? ALI_PICKED : DEPLOY_TIME} (primary)`, ...addresses.fixed]
    : [`${addresses.primary} (primary)`, ...addresses.fixed.slice(1)];
  const known = addresses.fixed.length - (addresses.primary === undefined ? 0 : 1);
  const more = addresses.secondary === undefined ? ` + ${DEPLOY_TIME} more` : addresses.secondary > known ? ` + ${addresses.secondary - known} more` : '';
  return `IPv4 ${[first, ...rest].join(', ')}${more}`;
}

/** `NAT, maps to 10.0.1.11` for an ENI; what the EIP stands for otherwise. */
function associationLabel(association: EipAssociation, kind: TargetKind | undefined): string {
  const mode = modeOf(association);
  const modeText = typeof mode === 'string' ? mode : shown(mode, 'NAT');
  if (kind === 'NetworkInterface') {
    return `${modeText}, maps to ${association.privateIp.isAbsent ? 'primary IP' : shown(association.privateIp, '?')}`;
  }
  if (kind === 'EcsInstance') return 'maps to primary IP';
  if (kind === 'HaVip') return 'follows the HaVip';
  if (kind === 'Nat') return 'NAT gateway address';
  return `instance_type ${shown(association.instanceType, DEPLOY_TIME)}`;
}

function groupName(group: TfValue, withPath = false): string {
  return namedGroup(group, AliType.securityGroup, 'security_group_name', withPath);
}
