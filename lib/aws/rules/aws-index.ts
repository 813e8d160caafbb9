import { TerraformStack } from 'cdktf';
import { AWS_NOUNS } from './aws-nouns';
import { RuleIndex } from '../../checks/rule-index';
import { ResourceLookup, TfObject, TfResource, TfValue } from '../../checks/tf-value';

/** Where an interface attachment is declared. */
export type AttachmentKind =
  /** an `aws_instance` `network_interface` block (attached at launch) */
  | 'instance-block'
  /** the primary interface an `aws_instance` creates itself from `subnet_id` (no `network_interface` block) */
  | 'primary'
  /** an `aws_launch_template` `network_interfaces` block (attached at launch) */
  | 'launch-template-block'
  /** an `aws_network_interface` `attachment` block (attached after launch) */
  | 'eni-attachment-block'
  /** an `aws_network_interface_attachment` resource (attached after launch) */
  | 'attachment-resource';

/** One interface attached to one instance (or declared in a launch template), wherever it is written. */
export interface InterfaceAttachment {
  readonly kind: AttachmentKind;
  /** The resource that declares the attachment: findings about it go there. */
  readonly source: TfResource;
  /** The instance (or launch template) as written. */
  readonly host: TfValue;
  /** The instance (or launch template) when `host` refers to one in this stack. */
  readonly hostResource?: TfResource;
  /** The interface id as written; absent when the instance or launch template creates the interface. */
  readonly eni: TfValue;
  /** The `aws_network_interface` when `eni` refers to one in this stack. */
  readonly eniResource?: TfResource;
  /** The block that describes the interface when the instance or launch template creates it. */
  readonly block?: TfObject;
  readonly deviceIndex: TfValue;
  /** Absent means the default network card. */
  readonly networkCardIndex: TfValue;
  /** Declared on a `count`/`for_each` resource: may stand for several attachments. */
  readonly repeated: boolean;
  /** How messages name the attached interface. */
  readonly label: string;
}

/** An instance or a launch template, with every interface attached to it. */
export interface Host {
  readonly resource: TfResource;
  /** Own `instance_type`, else the one of its launch template. */
  readonly instanceType: TfValue;
  /** The launch template of an instance, when it is in this stack. */
  readonly launchTemplate?: TfResource;
  /** Every attachment, in declaration order. */
  readonly attachments: InterfaceAttachment[];
  /**
   * Set when part of the interface set is only known at deploy time (dynamic `network_interface`
   * blocks, a launch template outside the stack, ...): the expression that hides it.
   */
  readonly unknownInterfaces?: TfValue;
}

/** An Elastic IP associated with an instance or an interface, by `aws_eip` or `aws_eip_association`. */
export interface EipAssociation {
  readonly source: TfResource;
  /** The `aws_eip`, when the association names one of this stack. */
  readonly eipResource?: TfResource;
  /** The EIP as written (`allocation_id` / `public_ip`; for an `aws_eip`, itself). */
  readonly eip: TfValue;
  readonly instance: TfValue;
  readonly eni: TfValue;
  /** `private_ip_address` / `associate_with_private_ip`. */
  readonly privateIp: TfValue;
}

/** A route, from `aws_route` or an inline `route` block of `aws_route_table`. */
export interface RouteEntry {
  readonly source: TfResource;
  readonly routeTable: TfValue;
  /** The destination: CIDR, IPv6 CIDR or prefix list, whichever is set. */
  readonly destination: TfValue;
  readonly networkInterface: TfValue;
}

/** A security group applied to an interface (`security_groups`, `aws_network_interface_sg_attachment`). */
export interface SecurityGroupLink {
  readonly source: TfResource;
  /** The interface (or, for an instance's own primary interface, the instance). */
  readonly target: TfResource;
  readonly group: TfValue;
}

/** An ingress rule, from `aws_security_group` blocks, `aws_security_group_rule` or `aws_vpc_security_group_ingress_rule`. */
export interface IngressRule {
  readonly source: TfResource;
  readonly group: TfValue;
  readonly protocol: TfValue;
  readonly fromPort: TfValue;
  readonly toPort: TfValue;
  /** IPv4 CIDRs; undefined when the list itself is only known at deploy time. */
  readonly ipv4Cidrs: TfValue[] | undefined;
  readonly ipv6Cidrs: TfValue[] | undefined;
  readonly referencedGroups: TfValue[] | undefined;
  /** `self`: the rule allows the members of its own group (absent for `aws_vpc_security_group_ingress_rule`). */
  readonly self: TfValue;
  /** Where the rule is written: the inline `ingress` block, or the rule resource itself (to read a list hidden by a token). */
  readonly declaration: TfObject;
}

/**
 * What the AWS rules read: the stack's resources (a `RuleIndex`) with the relations they need
 * (instance -> interfaces by card and device index, interface -> subnet -> VPC, EIP associations,
 * routes, security groups). Built once per stack and check, in time linear in the number of
 * resources; rules never walk the construct tree.
 */
export class AwsIndex implements ResourceLookup {
  /** The index of a stack on its own, from its Terraform JSON (resolved from the stack when not given). */
  public static build(stack: TerraformStack, terraformJson: Record<string, unknown> = stack.toTerraform()): AwsIndex {
    return new AwsIndex(new RuleIndex(stack, terraformJson, (type) => AWS_NOUNS[type]));
  }

  private readonly attachmentsByEni = new Map<TfResource, InterfaceAttachment[]>();
  private readonly hostsByResource = new Map<TfResource, Host>();
  private readonly groupsByTarget = new Map<TfResource, SecurityGroupLink[]>();

  /** Instances and launch templates with their interfaces. */
  public readonly hosts: Host[] = [];
  /** Attachments whose instance is not a resource of this stack (a literal id or a deploy-time value). */
  public readonly unresolvedAttachments: InterfaceAttachment[] = [];
  public readonly eipAssociations: EipAssociation[] = [];
  public readonly routes: RouteEntry[] = [];
  public readonly securityGroupLinks: SecurityGroupLink[] = [];
  public readonly ingressRules: IngressRule[] = [];

  constructor(private readonly base: RuleIndex) {
    this.indexHosts();
    this.indexEniAttachments();
    this.indexEips();
    this.indexRoutes();
    this.indexSecurityGroups();
  }

  /** The stack the resources belong to. */
  public get stack(): TerraformStack {
    return this.base.stack;
  }

  /** The resource at a Terraform address (`aws_subnet.app`). */
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

  /** The host (instance or launch template) record of a resource. */
  public hostOf(resource: TfResource): Host | undefined {
    return this.hostsByResource.get(resource);
  }

  /** Every attachment of an `aws_network_interface`, whichever resource declares it. */
  public attachmentsOf(eni: TfResource): InterfaceAttachment[] {
    return this.attachmentsByEni.get(eni) ?? [];
  }

  /** Security groups applied to an interface (or to an instance's own primary interface). */
  public securityGroupsOf(target: TfResource): SecurityGroupLink[] {
    return this.groupsByTarget.get(target) ?? [];
  }

  /** The `aws_subnet` a value refers to, if it is one of this stack. */
  public subnet(value: TfValue): TfResource | undefined {
    return value.referenceTo('aws_subnet');
  }

  /** The `aws_vpc` of a subnet (or of anything with `vpc_id`), if it is one of this stack. */
  public vpcOf(resource: TfResource): TfResource | undefined {
    return resource.attr('vpc_id').referenceTo('aws_vpc');
  }

  private indexHosts(): void {
    for (const template of this.resources('aws_launch_template')) {
      const blocks = template.blocks('network_interfaces');
      const host = this.addHost({
        resource: template,
        instanceType: template.attr('instance_type'),
        attachments: blocks.items.map((block) => this.launchBlock('launch-template-block', template, template, block)),
        unknownInterfaces: blocks.unknown,
      });
      host.attachments.forEach((a) => this.linkEni(a));
    }
    for (const instance of this.resources('aws_instance')) {
      const own = instance.blocks('network_interface');
      // hashicorp/aws 6.x: the primary interface in its own block, at device index 0 of card 0.
      const primaryBlocks = instance.blocks('primary_network_interface');
      const templateRef = launchTemplateOf(instance);
      const template = templateRef.referenceTo('aws_launch_template');
      const templateHost = template ? this.hostsByResource.get(template) : undefined;
      let attachments: InterfaceAttachment[];
      let unknownInterfaces: TfValue | undefined;
      if (!own.known || !primaryBlocks.known) {
        attachments = [];
        unknownInterfaces = own.unknown ?? primaryBlocks.unknown;
      } else if (own.items.length > 0 || primaryBlocks.items.length > 0) {
        attachments = [
          ...primaryBlocks.items.map((block) => this.launchBlock('instance-block', instance, instance, block, TfValue.of(0, this))),
          ...own.items.map((block) => this.launchBlock('instance-block', instance, instance, block)),
        ];
      } else if (templateHost && templateHost.attachments.length > 0) {
        attachments = templateHost.attachments.map((a) => this.launchBlock('launch-template-block', instance, a.source, a.block!));
        unknownInterfaces = templateHost.unknownInterfaces;
      } else if (!templateRef.isAbsent && !template) {
        // The launch template lives outside the stack: its interfaces cannot be counted.
        attachments = [];
        unknownInterfaces = templateRef;
      } else {
        attachments = [this.primary(instance)];
      }
      const instanceType = instance.attr('instance_type');
      const host = this.addHost({
        resource: instance,
        instanceType: instanceType.isAbsent && templateHost ? templateHost.instanceType : instanceType,
        launchTemplate: template,
        attachments,
        unknownInterfaces,
      });
      host.attachments.forEach((a) => this.linkEni(a));
    }
  }

  private addHost(host: Host): Host {
    this.hosts.push(host);
    this.hostsByResource.set(host.resource, host);
    return host;
  }

  private primary(instance: TfResource): InterfaceAttachment {
    return {
      kind: 'primary',
      source: instance,
      host: TfValue.of(`\${${instance.address}.id}`, this),
      hostResource: instance,
      eni: TfValue.ABSENT,
      deviceIndex: TfValue.of(0, this),
      networkCardIndex: TfValue.ABSENT,
      repeated: instance.repeated,
      label: `the primary interface of ${instance.label}`,
    };
  }

  /** An interface of a launch block; `primaryDevice` for a block that names no device index because it is the primary one. */
  private launchBlock(kind: AttachmentKind, host: TfResource, declaredOn: TfResource, block: TfObject, primaryDevice?: TfValue): InterfaceAttachment {
    const eni = block.attr('network_interface_id');
    const eniResource = eni.referenceTo('aws_network_interface');
    const deviceIndex = primaryDevice ?? block.attr('device_index');
    return {
      kind,
      source: host,
      host: TfValue.of(`\${${host.address}.id}`, this),
      hostResource: host,
      eni,
      eniResource,
      block,
      deviceIndex,
      networkCardIndex: block.attr('network_card_index'),
      repeated: host.repeated || (eniResource?.repeated ?? false),
      label: eniResource?.label
        ?? (eni.isAbsent ? `the interface at device index ${deviceIndex.display} of ${declaredOn.label}` : `interface ${eni.display}`),
    };
  }

  private indexEniAttachments(): void {
    for (const eni of this.resources('aws_network_interface')) {
      for (const block of eni.blocks('attachment').items) {
        this.attach({
          kind: 'eni-attachment-block',
          source: eni,
          host: block.attr('instance'),
          eni: TfValue.of(`\${${eni.address}.id}`, this),
          eniResource: eni,
          deviceIndex: block.attr('device_index'),
          networkCardIndex: block.attr('network_card_index'),
          repeated: eni.repeated,
          label: eni.label,
        });
      }
    }
    for (const attachment of this.resources('aws_network_interface_attachment')) {
      const eni = attachment.attr('network_interface_id');
      const eniResource = eni.referenceTo('aws_network_interface');
      this.attach({
        kind: 'attachment-resource',
        source: attachment,
        host: attachment.attr('instance_id'),
        eni,
        eniResource,
        deviceIndex: attachment.attr('device_index'),
        networkCardIndex: attachment.attr('network_card_index'),
        repeated: attachment.repeated || (eniResource?.repeated ?? false),
        label: eniResource?.label ?? `interface ${eni.display}`,
      });
    }
  }

  private attach(partial: Omit<InterfaceAttachment, 'hostResource'>): void {
    const hostResource = partial.host.referenceTo('aws_instance');
    const attachment: InterfaceAttachment = {
      ...partial,
      hostResource,
      repeated: partial.repeated || (hostResource?.repeated ?? false) || partial.host.indexed,
    };
    const host = hostResource ? this.hostsByResource.get(hostResource) : undefined;
    if (host) host.attachments.push(attachment);
    else this.unresolvedAttachments.push(attachment);
    this.linkEni(attachment);
  }

  private linkEni(attachment: InterfaceAttachment): void {
    if (!attachment.eniResource) return;
    const list = this.attachmentsByEni.get(attachment.eniResource) ?? [];
    list.push(attachment);
    this.attachmentsByEni.set(attachment.eniResource, list);
  }

  private indexEips(): void {
    for (const eip of this.resources('aws_eip')) {
      const instance = eip.attr('instance');
      const eni = eip.attr('network_interface');
      if (instance.isAbsent && eni.isAbsent) continue;
      this.eipAssociations.push({
        source: eip,
        eipResource: eip,
        eip: TfValue.of(`\${${eip.address}.id}`, this),
        instance,
        eni,
        privateIp: eip.attr('associate_with_private_ip'),
      });
    }
    for (const association of this.resources('aws_eip_association')) {
      const allocation = association.attr('allocation_id');
      const eip = allocation.isAbsent ? association.attr('public_ip') : allocation;
      this.eipAssociations.push({
        source: association,
        eipResource: eip.referenceTo('aws_eip'),
        eip,
        instance: association.attr('instance_id'),
        eni: association.attr('network_interface_id'),
        privateIp: association.attr('private_ip_address'),
      });
    }
  }

  private indexRoutes(): void {
    for (const route of this.resources('aws_route')) {
      this.routes.push({
        source: route,
        routeTable: route.attr('route_table_id'),
        destination: firstPresent(route, ['destination_cidr_block', 'destination_ipv6_cidr_block', 'destination_prefix_list_id']),
        networkInterface: route.attr('network_interface_id'),
      });
    }
    for (const table of this.resources('aws_route_table')) {
      for (const block of table.blocks('route').items) {
        this.routes.push({
          source: table,
          routeTable: TfValue.of(`\${${table.address}.id}`, this),
          destination: firstPresent(block, ['cidr_block', 'ipv6_cidr_block', 'destination_prefix_list_id']),
          networkInterface: block.attr('network_interface_id'),
        });
      }
    }
  }

  private indexSecurityGroups(): void {
    const link = (source: TfResource, target: TfResource, group: TfValue) => {
      const entry = { source, target, group };
      this.securityGroupLinks.push(entry);
      const list = this.groupsByTarget.get(target) ?? [];
      list.push(entry);
      this.groupsByTarget.set(target, list);
    };
    for (const eni of this.resources('aws_network_interface')) {
      for (const group of eni.attr('security_groups').asList() ?? [eni.attr('security_groups')]) link(eni, eni, group);
    }
    for (const instance of this.resources('aws_instance')) {
      for (const group of instance.attr('vpc_security_group_ids').asList() ?? [instance.attr('vpc_security_group_ids')]) link(instance, instance, group);
    }
    for (const attachment of this.resources('aws_network_interface_sg_attachment')) {
      const target = attachment.attr('network_interface_id');
      // `${aws_instance.web.primary_network_interface_id}` names the instance's own primary interface.
      const eni = target.referenceTo('aws_network_interface')
        ?? (target.attribute === 'primary_network_interface_id' ? target.referenceTo('aws_instance') : undefined);
      if (eni) link(attachment, eni, attachment.attr('security_group_id'));
    }
    for (const group of this.resources('aws_security_group')) {
      for (const block of group.blocks('ingress').items) {
        this.ingressRules.push({
          source: group,
          group: TfValue.of(`\${${group.address}.id}`, this),
          protocol: block.attr('protocol'),
          fromPort: block.attr('from_port'),
          toPort: block.attr('to_port'),
          ipv4Cidrs: block.attr('cidr_blocks').asList(),
          ipv6Cidrs: block.attr('ipv6_cidr_blocks').asList(),
          referencedGroups: block.attr('security_groups').asList(),
          self: block.attr('self'),
          declaration: block,
        });
      }
    }
    for (const rule of this.resources('aws_security_group_rule')) {
      if (rule.attr('type').asString() !== 'ingress') continue;
      this.ingressRules.push({
        source: rule,
        group: rule.attr('security_group_id'),
        protocol: rule.attr('protocol'),
        fromPort: rule.attr('from_port'),
        toPort: rule.attr('to_port'),
        ipv4Cidrs: rule.attr('cidr_blocks').asList(),
        ipv6Cidrs: rule.attr('ipv6_cidr_blocks').asList(),
        referencedGroups: listOfOne(rule.attr('source_security_group_id')),
        self: rule.attr('self'),
        declaration: rule,
      });
    }
    for (const rule of this.resources('aws_vpc_security_group_ingress_rule')) {
      this.ingressRules.push({
        source: rule,
        group: rule.attr('security_group_id'),
        protocol: rule.attr('ip_protocol'),
        fromPort: rule.attr('from_port'),
        toPort: rule.attr('to_port'),
        ipv4Cidrs: listOfOne(rule.attr('cidr_ipv4')),
        ipv6Cidrs: listOfOne(rule.attr('cidr_ipv6')),
        referencedGroups: listOfOne(rule.attr('referenced_security_group_id')),
        self: TfValue.ABSENT,
        declaration: rule,
      });
    }
  }
}

/** The launch template an instance names (by id or name), as written. */
function launchTemplateOf(instance: TfResource): TfValue {
  const blocks = instance.blocks('launch_template');
  if (blocks.unknown) return blocks.unknown;
  const block = blocks.items[0];
  if (!block) return TfValue.ABSENT;
  const id = block.attr('id');
  return id.isAbsent ? block.attr('name') : id;
}

function firstPresent(object: TfObject, names: string[]): TfValue {
  for (const name of names) {
    const value = object.attr(name);
    if (!value.isAbsent) return value;
  }
  return TfValue.ABSENT;
}

function listOfOne(value: TfValue): TfValue[] {
  return value.isAbsent ? [] : [value];
}
