import { EipAssociation, InterfaceAttachment, AwsIndex } from './aws-index';
import { isDeterministic } from '../../checks/same-value';
import { TfResource, TfValue } from '../../checks/tf-value';

/** The interface an Elastic IP association maps to. */
export interface EipTarget {
  readonly association: EipAssociation;
  /** How messages name the interface. */
  readonly label: string;
  /** Equal keys mean the same interface; undefined when synth time cannot tell which interface it is. */
  readonly key?: string;
  /** The resource that declares the interface's addresses: an `aws_network_interface`, or an `aws_instance` for its own primary interface. */
  readonly owner?: TfResource;
  /** When `owner` is unknown: the value that names the interface. */
  readonly hiddenBy?: TfValue;
}

/** The private IPv4 addresses of an interface, as far as synth time knows them. */
export interface InterfaceAddresses {
  /** Addresses written literally. */
  readonly fixed: string[];
  /** The primary address, when it is written literally and certain to be the primary. */
  readonly primary?: string;
  /** A value that hides some of the addresses. */
  readonly unknown?: TfValue;
  /** Why AWS picks some of the addresses, when it does (`private_ips_count = 2`). */
  readonly picked?: string;
}

/** The interface each Elastic IP association of the stack maps to (by interface id, or by instance id: its primary interface). */
export function eipTargets(index: AwsIndex): EipTarget[] {
  return index.eipAssociations.map((association) => association.eni.isAbsent
    ? instancePrimary(index, association, association.instance)
    : networkInterface(index, association, association.eni));
}

function networkInterface(index: AwsIndex, association: EipAssociation, value: TfValue): EipTarget {
  const eni = value.referenceTo('aws_network_interface');
  if (eni && value.attribute === 'id') return { association, label: eni.label, key: identity(value), owner: eni };
  const instance = value.referenceTo('aws_instance');
  if (instance && value.attribute === 'primary_network_interface_id') return instancePrimary(index, association, value);
  return { association, label: `interface ${value.display}`, key: identity(value), hiddenBy: value };
}

function instancePrimary(index: AwsIndex, association: EipAssociation, value: TfValue): EipTarget {
  const instance = value.referenceTo('aws_instance');
  if (!instance) {
    return { association, label: `the primary interface of instance ${value.display}`, key: keyed('primary of', identity(value)), hiddenBy: value };
  }
  const primary = index.hostOf(instance)?.attachments.find(isPrimary);
  if (primary?.eniResource) return { association, label: primary.eniResource.label, key: primary.eniResource.address, owner: primary.eniResource };
  const label = `the primary interface of ${instance.label}`;
  const key = keyed('primary of', value.indexed ? identity(value) : instance.address);
  // Launched from a launch template block: its addresses are declared on the template.
  if (primary && primary.kind !== 'primary') {
    return { association, label, key, hiddenBy: instance.blocks('launch_template').items[0]?.attr('id') ?? primary.deviceIndex };
  }
  return { association, label, key, owner: instance };
}

function isPrimary(attachment: InterfaceAttachment): boolean {
  const card = attachment.networkCardIndex.follow().asNumber() ?? 0;
  return attachment.deviceIndex.follow().asNumber() === 0 && card === 0
    && ['primary', 'instance-block', 'launch-template-block'].includes(attachment.kind);
}

/** A key that names the same interface wherever it is written, or undefined. */
function identity(value: TfValue): string | undefined {
  if (value.isAbsent || !isDeterministic(value)) return undefined;
  if (value.isReference && !value.indexed) return value.target!.address;
  return JSON.stringify(value.raw);
}

function keyed(prefix: string, key: string | undefined): string | undefined {
  return key === undefined ? undefined : `${prefix} ${key}`;
}

/** The private IPv4 addresses of an interface (`aws_network_interface`) or of an instance's own primary interface. */
export function interfaceAddresses(owner: TfResource): InterfaceAddresses {
  if (owner.type === 'aws_instance') {
    const primary = owner.attr('private_ip').follow();
    const secondary = owner.attr('secondary_private_ips');
    return summarize(primary.asString() ?? (primary.isAbsent ? undefined : primary), secondary,
      primary.isAbsent ? 'private_ip is not set: AWS picks the primary address' : undefined);
  }
  const listEnabled = owner.attr('private_ip_list_enabled').asBoolean() === true;
  const count = owner.attr('private_ips_count');
  const countValue = count.follow().asNumber();
  const picked = count.isAbsent || countValue === 0 ? undefined : `private_ips_count = ${count.display}`;
  if (listEnabled) {
    const list = owner.attr('private_ip_list');
    const first = list.asList()?.[0]?.follow();
    return summarize(first?.asString(), list, picked, true);
  }
  const single = owner.attr('private_ip').follow();
  const set = owner.attr('private_ips');
  const setList = set.asList();
  // private_ips is a set: its only element is the primary, otherwise private_ip says which one is.
  const primary = single.asString() ?? (setList?.length === 1 ? setList[0].follow().asString() : undefined);
  const summary = summarize(primary, set, picked);
  // private_ip_list without private_ip_list_enabled: counted too, so that no address the user listed is reported missing.
  const listed = summarize(undefined, owner.attr('private_ip_list'), undefined);
  const fixed = [...summary.fixed, ...listed.fixed.filter((a) => !summary.fixed.includes(a))];
  const unknown = summary.unknown ?? listed.unknown ?? (single.isLiteral || single.isAbsent ? undefined : single);
  return { ...summary, fixed, unknown, picked: fixed.length > 0 || unknown ? picked : summary.picked };
}

function summarize(primary: string | TfValue | undefined, list: TfValue, picked: string | undefined, primaryIsFirst = false): InterfaceAddresses {
  const elements = list.asList();
  const fixed = (elements ?? []).map((e) => e.follow().asString()).filter((e): e is string => e !== undefined);
  const unknownElement = elements === undefined ? list : elements.find((e) => e.follow().asString() === undefined);
  const primaryValue = typeof primary === 'string' ? primary : undefined;
  const all = primaryValue && !primaryIsFirst && !fixed.includes(primaryValue) ? [primaryValue, ...fixed] : fixed;
  const unknown = unknownElement ?? (primary instanceof TfValue ? primary : undefined);
  const noneFixed = all.length === 0 && unknown === undefined ? 'no private IP is fixed: AWS picks them' : undefined;
  return { fixed: all, primary: primaryValue, unknown, picked: picked ?? noneFixed };
}
