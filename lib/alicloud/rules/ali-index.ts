import { TerraformStack } from 'cdktf';
import { ALI_NOUNS } from './ali-nouns';
import { RuleIndex } from '../../checks/rule-index';
import { identity } from '../../checks/same-value';
import { ResourceLookup, TfObject, TfResource, TfValue } from '../../checks/tf-value';

/**
 * The Terraform types the Alibaba Cloud rules read. A current type and its deprecated twin run the
 * same provider code (`alicloud_ecs_network_interface` and `alicloud_network_interface`,
 * `alicloud_havip` and `alicloud_vpc_ha_vip`, ...), so the rules treat them as one.
 */
export const AliType = {
  instance: 'alicloud_instance',
  enis: ['alicloud_ecs_network_interface', 'alicloud_network_interface'],
  eniAttachments: ['alicloud_ecs_network_interface_attachment', 'alicloud_network_interface_attachment'],
  eipAssociation: 'alicloud_eip_association',
  haVips: ['alicloud_havip', 'alicloud_vpc_ha_vip'],
  haVipAttachment: 'alicloud_havip_attachment',
  natGateway: 'alicloud_nat_gateway',
  securityGroup: 'alicloud_security_group',
  securityGroupRule: 'alicloud_security_group_rule',
  vswitch: 'alicloud_vswitch',
  vpc: 'alicloud_vpc',
} as const;

/** What an EIP association or a HaVip attachment targets: the values of their `instance_type`. */
export type TargetKind = 'EcsInstance' | 'NetworkInterface' | 'HaVip' | 'Nat' | 'SlbInstance' | 'IpAddress';

/** Every `instance_type` value `alicloud_eip_association` accepts (its schema validates none). */
export const EIP_TARGET_KINDS: readonly TargetKind[] = ['EcsInstance', 'NetworkInterface', 'HaVip', 'Nat', 'SlbInstance', 'IpAddress'];

const KIND_BY_TYPE: Readonly<Record<string, TargetKind>> = {
  alicloud_instance: 'EcsInstance',
  alicloud_ecs_network_interface: 'NetworkInterface',
  alicloud_network_interface: 'NetworkInterface',
  alicloud_havip: 'HaVip',
  alicloud_vpc_ha_vip: 'HaVip',
  alicloud_nat_gateway: 'Nat',
  alicloud_slb_load_balancer: 'SlbInstance',
  alicloud_slb: 'SlbInstance',
};

// How Alibaba Cloud ids start, per kind: a literal id says what it names.
const KIND_BY_ID_PREFIX: ReadonlyArray<[string, TargetKind]> = [
  ['i-', 'EcsInstance'], ['eni-', 'NetworkInterface'], ['havip-', 'HaVip'], ['ngw-', 'Nat'], ['lb-', 'SlbInstance'],
];

const KIND_NOUN: Readonly<Record<TargetKind, string>> = {
  EcsInstance: 'instance',
  NetworkInterface: 'eni',
  HaVip: 'havip',
  Nat: 'nat gateway',
  SlbInstance: 'load balancer',
  IpAddress: 'ip address',
};

/** What an `instance_id` names, as far as synth time can tell. */
export interface Target {
  /** The value as written. */
  readonly value: TfValue;
  /** What it is, from the resource it refers to or the prefix of a literal id; undefined when unknown. */
  readonly kind?: TargetKind;
  /** The resource of this stack it names. */
  readonly resource?: TfResource;
  /** For an ENI of this stack: the resource that declares it (the ENI, or the instance for the primary ENI it creates). */
  readonly eni?: TfResource;
  /** Equal keys name the same target; undefined when synth time cannot tell. */
  readonly key?: string;
  /** How messages name it. */
  readonly label: string;
}

/** Where an ENI is attached to an instance. */
export type AttachmentKind =
  /** the primary ENI an `alicloud_instance` creates itself (from `vswitch_id`, `security_groups`, `private_ip`) */
  | 'primary'
  /** an existing ENI that an `alicloud_instance` takes as its primary (`network_interface_id`) */
  | 'primary-eni'
  /** a block of `alicloud_instance.network_interfaces` (attached at creation, created there when it names no ENI) */
  | 'inline'
  /** an `alicloud_ecs_network_interface_attachment` (or `alicloud_network_interface_attachment`) */
  | 'attachment-resource';

/** One ENI attached to one instance, wherever it is written. */
export interface EniAttachment {
  readonly kind: AttachmentKind;
  /** The resource that declares the attachment: findings about it go there. */
  readonly source: TfResource;
  /** The instance as written. */
  readonly host: TfValue;
  /** The instance, when `host` refers to one of this stack. */
  readonly hostResource?: TfResource;
  /** The ENI id as written; absent when the instance creates the ENI. */
  readonly eni: TfValue;
  /** The ENI resource, when `eni` refers to one of this stack. */
  readonly eniResource?: TfResource;
  /** The `network_interfaces` block, for an inline attachment. */
  readonly block?: TfObject;
  /** Declared on a `count`/`for_each` resource: may stand for several attachments. */
  readonly repeated: boolean;
  /** How messages name the attached ENI. */
  readonly label: string;
}

/** An ECS instance with every ENI attached to it, primary first. */
export interface Host {
  readonly resource: TfResource;
  /** `instance_type` as written. */
  readonly instanceType: TfValue;
  readonly attachments: EniAttachment[];
  /** `launch_template_id` or `launch_template_name`, when the instance is launched from a template. */
  readonly launchTemplate?: TfValue;
  /**
   * Set when part of the ENI set is only known at deploy time (dynamic `network_interfaces`, a
   * launch template): the value that hides it.
   */
  readonly unknownInterfaces?: TfValue;
}

/** An `alicloud_eip_association`. */
export interface EipAssociation {
  readonly source: TfResource;
  /** `allocation_id` as written. */
  readonly eip: TfValue;
  /** `instance_id`. */
  readonly target: Target;
  /** `instance_type` as written (absent: the provider infers it from the id). */
  readonly instanceType: TfValue;
  /** `mode` as written (absent: `NAT`). */
  readonly mode: TfValue;
  /** `private_ip_address` as written (absent: the ENI's primary private IP). */
  readonly privateIp: TfValue;
}

/** An `alicloud_havip_attachment`. */
export interface HaVipAttachment {
  readonly source: TfResource;
  /** `ha_vip_id` (or the deprecated `havip_id`) as written. */
  readonly haVip: Target;
  /** `instance_id`. */
  readonly target: Target;
  /** `instance_type` as written (absent: `EcsInstance`). */
  readonly instanceType: TfValue;
}

/**
 * What the Alibaba Cloud rules read: the stack's resources (a `RuleIndex`) with the relations they
 * need (instance -> ENIs, ENI -> attachments, EIP associations and HaVip attachments with their
 * targets, dependencies between resources). Built once per stack and check, in time linear in the
 * resources; rules never walk the construct tree.
 */
export class AliIndex implements ResourceLookup {
  /** The index of a stack on its own, from its Terraform JSON (resolved from the stack when not given). */
  public static build(stack: TerraformStack, terraformJson: Record<string, unknown> = stack.toTerraform()): AliIndex {
    return new AliIndex(new RuleIndex(stack, terraformJson, (type) => ALI_NOUNS[type]));
  }

  private readonly hostsByResource = new Map<TfResource, Host>();
  private readonly attachmentsByEni = new Map<TfResource, EniAttachment[]>();
  private readonly references = new Map<TfResource, TfResource[]>();

  /** ECS instances with their ENIs. */
  public readonly hosts: Host[] = [];
  /** Attachment resources whose instance is not one of this stack (a literal id or a deploy-time value). */
  public readonly unresolvedAttachments: EniAttachment[] = [];
  public readonly eipAssociations: EipAssociation[];
  public readonly haVipAttachments: HaVipAttachment[];

  constructor(private readonly base: RuleIndex) {
    this.indexHosts();
    this.indexAttachmentResources();
    this.eipAssociations = this.resources(AliType.eipAssociation).map((association) => ({
      source: association,
      eip: association.attr('allocation_id'),
      target: this.target(association.attr('instance_id')),
      instanceType: association.attr('instance_type'),
      mode: association.attr('mode'),
      privateIp: association.attr('private_ip_address'),
    }));
    this.haVipAttachments = this.resources(AliType.haVipAttachment).map((attachment) => {
      const current = attachment.attr('ha_vip_id');
      return {
        source: attachment,
        haVip: this.target(current.isAbsent ? attachment.attr('havip_id') : current),
        target: this.target(attachment.attr('instance_id')),
        instanceType: attachment.attr('instance_type'),
      };
    });
  }

  /** The resource at a Terraform address (`alicloud_vswitch.app`). */
  public instancesOf(blockAddress: string): TfResource[] {
    return this.base.instancesOf(blockAddress);
  }

  public resourceAt(address: string): TfResource | undefined {
    return this.base.resourceAt(address);
  }

  /** Every resource of a type, or of several (twins), in the order of the Terraform JSON. */
  public resources(type: string | readonly string[]): TfResource[] {
    return typeof type === 'string' ? this.base.resources(type) : type.flatMap((t) => this.base.resources(t));
  }

  /** The host record of an `alicloud_instance`. */
  public hostOf(instance: TfResource): Host | undefined {
    return this.hostsByResource.get(instance);
  }

  /** Every attachment of an ENI resource, whichever resource declares it. */
  public attachmentsOf(eni: TfResource): EniAttachment[] {
    return this.attachmentsByEni.get(eni) ?? [];
  }

  /** The resource of one of `types` a value refers to, if it is one of this stack. */
  public refersTo(value: TfValue, types: string | readonly string[]): TfResource | undefined {
    const target = value.referenceTo();
    return target && (typeof types === 'string' ? target.type === types : types.includes(target.type)) ? target : undefined;
  }

  /** The `alicloud_vswitch` a value refers to, if it is one of this stack (through `${<eni>.vswitch_id}` too). */
  public vswitch(value: TfValue): TfResource | undefined {
    return this.refersTo(value.follow(), AliType.vswitch);
  }

  /**
   * Whether `from` waits for `to` in Terraform's graph: it refers to it, names it in `depends_on`,
   * or does so through other resources of the stack.
   */
  public dependsOn(from: TfResource, to: TfResource): boolean {
    const seen = new Set<TfResource>([from]);
    const stack = [from];
    while (stack.length > 0) {
      for (const next of this.referencesOf(stack.pop()!)) {
        if (next === to) return true;
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  }

  /** What an `instance_id` (or `ha_vip_id`) names. */
  public target(value: TfValue): Target {
    const resource = value.referenceTo();
    if (resource) {
      if (resource.type === AliType.instance && value.attribute === 'network_interface_id') return this.primaryEniOf(resource, value);
      const kind = KIND_BY_TYPE[resource.type];
      return {
        value,
        kind,
        resource,
        eni: kind === 'NetworkInterface' ? resource : undefined,
        key: identity(value),
        label: value.indexed ? `${resource.label} (${value.display})` : resource.label,
      };
    }
    const id = value.asString();
    if (id !== undefined) {
      const kind = KIND_BY_ID_PREFIX.find(([prefix]) => id.startsWith(prefix))?.[1];
      return { value, kind, key: identity(value), label: `${kind ? KIND_NOUN[kind] : 'resource'} "${id}"` };
    }
    return { value, key: identity(value), label: value.display };
  }

  private primaryEniOf(instance: TfResource, value: TfValue): Target {
    const primary = this.hostOf(instance)?.attachments[0];
    if (primary?.kind === 'primary-eni' && primary.eniResource) {
      const eni = primary.eniResource;
      return { value, kind: 'NetworkInterface', resource: eni, eni, key: eni.address, label: eni.label };
    }
    return {
      value,
      kind: 'NetworkInterface',
      resource: instance,
      eni: primary?.kind === 'primary' ? instance : undefined,
      key: value.indexed ? identity(value) : `primary eni of ${instance.address}`,
      label: `the primary ENI of ${instance.label}`,
    };
  }

  private indexHosts(): void {
    for (const instance of this.resources(AliType.instance)) {
      const primaryId = instance.attr('network_interface_id');
      const primary: EniAttachment = primaryId.isAbsent
        ? { ...this.launched('primary', instance, TfValue.ABSENT), label: `the primary ENI of ${instance.label}` }
        : this.launched('primary-eni', instance, primaryId);
      const blocks = instance.blocks('network_interfaces');
      const inline = blocks.items.map((block, i) => {
        const attachment = this.launched('inline', instance, block.attr('network_interface_id'), block);
        return attachment.eniResource ? attachment : { ...attachment, label: `the ENI in network_interfaces[${i}] of ${instance.label}` };
      });
      const template = ['launch_template_id', 'launch_template_name'].map((name) => instance.attr(name)).find((v) => !v.isAbsent);
      const host: Host = {
        resource: instance,
        instanceType: instance.attr('instance_type'),
        attachments: [primary, ...inline],
        launchTemplate: template,
        // A launch template may add ENIs of its own.
        unknownInterfaces: blocks.unknown ?? template,
      };
      this.hosts.push(host);
      this.hostsByResource.set(instance, host);
      host.attachments.forEach((a) => this.linkEni(a));
    }
  }

  private launched(kind: AttachmentKind, instance: TfResource, eni: TfValue, block?: TfObject): EniAttachment {
    const eniResource = this.refersTo(eni, AliType.enis);
    return {
      kind,
      source: instance,
      host: TfValue.of(`\${${instance.address}.id}`, this),
      hostResource: instance,
      eni,
      eniResource,
      block,
      repeated: instance.repeated || (eniResource?.repeated ?? false) || eni.indexed,
      label: eniResource?.label ?? `eni ${eni.display}`,
    };
  }

  private indexAttachmentResources(): void {
    for (const source of this.resources(AliType.eniAttachments)) {
      const host = source.attr('instance_id');
      const hostResource = this.refersTo(host, AliType.instance);
      const eni = source.attr('network_interface_id');
      const eniResource = this.refersTo(eni, AliType.enis);
      const attachment: EniAttachment = {
        kind: 'attachment-resource',
        source,
        host,
        hostResource,
        eni,
        eniResource,
        repeated: source.repeated || (hostResource?.repeated ?? false) || (eniResource?.repeated ?? false) || host.indexed || eni.indexed,
        label: eniResource?.label ?? `eni ${eni.display}`,
      };
      const record = hostResource ? this.hostsByResource.get(hostResource) : undefined;
      if (record) record.attachments.push(attachment);
      else this.unresolvedAttachments.push(attachment);
      this.linkEni(attachment);
    }
  }

  private linkEni(attachment: EniAttachment): void {
    if (!attachment.eniResource) return;
    const list = this.attachmentsByEni.get(attachment.eniResource) ?? [];
    list.push(attachment);
    this.attachmentsByEni.set(attachment.eniResource, list);
  }

  private referencesOf(resource: TfResource): TfResource[] {
    let found = this.references.get(resource);
    if (!found) {
      const addresses = new Set<string>();
      for (const [name, value] of Object.entries(resource.raw)) {
        // `//` is cdktf's metadata; `depends_on` lists bare addresses (or, written by hand, `${...}`).
        if (name === '//') continue;
        forEachString(value, (text) => {
          if (name === 'depends_on') collectAddresses(text, addresses);
          else for (const match of text.matchAll(/\$\{([^}]*)\}/g)) collectAddresses(match[1], addresses);
        });
      }
      // A bare address names the whole block: every instance of a literal count or for_each.
      found = [...addresses].flatMap((a) => this.base.instancesOf(a)).filter((r) => r !== resource);
      this.references.set(resource, found);
    }
    return found;
  }
}

function collectAddresses(expression: string, into: Set<string>): void {
  for (const match of expression.matchAll(/([A-Za-z][\w-]*)\.([A-Za-z_][\w-]*)/g)) into.add(`${match[1]}.${match[2]}`);
}

function forEachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((v) => forEachString(v, visit));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => forEachString(v, visit));
}
