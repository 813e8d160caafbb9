import { AwsIndex } from './aws-index';
import { TfObject, TfResource, TfValue } from '../../checks/tf-value';

/** One private IPv4 address as written, and the attribute it is written in. */
export interface DeclaredAddress {
  readonly attribute: string;
  readonly value: TfValue;
}

/** The private IPv4 addresses written for one interface, with the subnet it is created in. */
export interface PrivateIpDeclaration {
  /** The resource the addresses are written on: findings go there. */
  readonly owner: TfResource;
  /** How messages name the interface. */
  readonly label: string;
  /** `subnet_id` as written. */
  readonly subnetId: TfValue;
  /** Every address listed, each once (`private_ip` often repeats one of `private_ips`). */
  readonly addresses: DeclaredAddress[];
}

/** Where the addresses of an interface are written, per resource type. */
const ADDRESS_ATTRIBUTES = {
  eni: ['private_ip', 'private_ips', 'private_ip_list'],
  instance: ['private_ip', 'secondary_private_ips'],
  launchTemplate: ['private_ip_address', 'ipv4_addresses'],
};

function addressesOf(object: TfObject, attributes: string[]): DeclaredAddress[] {
  const seen = new Set<string>();
  const addresses: DeclaredAddress[] = [];
  for (const attribute of attributes) {
    const declared = object.attr(attribute);
    for (const value of declared.asList() ?? [declared]) {
      const key = value.isLiteral ? `literal:${value.asString()}` : `${attribute}:${String(value.raw)}`;
      if (value.isAbsent || seen.has(key)) continue;
      seen.add(key);
      addresses.push({ attribute, value });
    }
  }
  return addresses;
}

function declaration(owner: TfResource, label: string, object: TfObject, attributes: string[], subnetId: TfValue): PrivateIpDeclaration[] {
  const addresses = addressesOf(object, attributes);
  return addresses.length > 0 ? [{ owner, label, subnetId, addresses }] : [];
}

function launchTemplateBlockLabel(block: TfObject, declaredOn: TfResource): string {
  return `the interface at device index ${block.attr('device_index').display} of ${declaredOn.label}`;
}

/**
 * Every interface of the stack written with private IPv4 addresses: `aws_network_interface`
 * (`private_ip`, `private_ips`, `private_ip_list`), the primary interface of `aws_instance`
 * (`private_ip`, `secondary_private_ips`) and the `network_interfaces` blocks of
 * `aws_launch_template` (`private_ip_address`, `ipv4_addresses`).
 *
 * @param perLaunch list a launch template's interfaces once per instance of this stack launched from
 * it (each instance claims the addresses again), rather than once per template
 */
export function privateIpDeclarations(index: AwsIndex, perLaunch = false): PrivateIpDeclaration[] {
  const declarations: PrivateIpDeclaration[] = [];
  for (const eni of index.resources('aws_network_interface')) {
    declarations.push(...declaration(eni, eni.label, eni, ADDRESS_ATTRIBUTES.eni, eni.attr('subnet_id')));
  }
  const launched = new Set<TfResource>();
  for (const host of index.hosts) {
    const instance = host.resource;
    if (instance.type !== 'aws_instance') continue;
    declarations.push(...declaration(instance, `the primary interface of ${instance.label}`, instance,
      ADDRESS_ATTRIBUTES.instance, instance.attr('subnet_id')));
    if (!perLaunch || !host.launchTemplate) continue;
    for (const attachment of host.attachments) {
      if (attachment.kind !== 'launch-template-block' || !attachment.block) continue;
      launched.add(host.launchTemplate);
      const label = `${launchTemplateBlockLabel(attachment.block, instance)} (from ${host.launchTemplate.label})`;
      declarations.push(...declaration(instance, label, attachment.block, ADDRESS_ATTRIBUTES.launchTemplate, attachment.block.attr('subnet_id')));
    }
  }
  for (const template of index.resources('aws_launch_template')) {
    if (launched.has(template)) continue;
    for (const block of template.blocks('network_interfaces').items) {
      declarations.push(...declaration(template, launchTemplateBlockLabel(block, template), block,
        ADDRESS_ATTRIBUTES.launchTemplate, block.attr('subnet_id')));
    }
  }
  return declarations;
}
