import { InterfaceAttachment } from './aws-index';
import { TfObject, TfResource, TfValue } from '../../checks/tf-value';

/** How many addresses an interface gets, or the value that hides it. */
export interface AddressCount {
  /** Where the addresses are declared (the interface, the instance for its own primary, or the launch template). */
  readonly owner: TfResource;
  /** The count, when every value it depends on is known. */
  readonly count?: number;
  /** Otherwise, the first value only known at deploy time. */
  readonly unknown?: TfValue;
}

type Part = number | TfValue;

/** A list's length, a literal number, 0 when absent; otherwise the value itself (unknown). */
function partOf(value: TfValue): Part {
  if (value.isAbsent) return 0;
  const list = value.asList();
  if (list) return list.length;
  return value.follow().asNumber() ?? value;
}

function combine(owner: TfResource, parts: Part[], total: (numbers: number[]) => number): AddressCount {
  const unknown = parts.find((p): p is TfValue => typeof p !== 'number');
  return unknown ? { owner, unknown } : { owner, count: total(parts as number[]) };
}

/** The object that declares the interface's addresses, and the resource to report on. */
function declaration(attachment: InterfaceAttachment): { object: TfObject; owner: TfResource; kind: 'eni' | 'instance' | 'template' } | TfValue {
  if (attachment.eniResource) return { object: attachment.eniResource, owner: attachment.eniResource, kind: 'eni' };
  if (attachment.kind === 'primary') return { object: attachment.source, owner: attachment.source, kind: 'instance' };
  if (attachment.block && attachment.eni.isAbsent) return { object: attachment.block, owner: attachment.source, kind: 'template' };
  return attachment.eni;
}

/**
 * Private IPv4 addresses of an attached interface, primary included
 * (`private_ips` / `private_ip_list` / `private_ips_count` on an interface, `secondary_private_ips`
 * on an instance, `ipv4_addresses` / `ipv4_address_count` in a launch template).
 */
export function privateIpv4Count(attachment: InterfaceAttachment): AddressCount {
  const declared = declaration(attachment);
  if (declared instanceof TfValue) return { owner: attachment.source, unknown: declared };
  const { object, owner, kind } = declared;
  if (kind === 'instance') return combine(owner, [partOf(object.attr('secondary_private_ips'))], ([secondary]) => 1 + secondary);
  if (kind === 'template') {
    return combine(owner, [partOf(object.attr('ipv4_addresses')), partOf(object.attr('ipv4_address_count'))],
      ([listed, secondary]) => Math.max(1 + secondary, listed));
  }
  const listEnabled = object.attr('private_ip_list_enabled').asBoolean() === true;
  const listed = listEnabled
    ? [partOf(object.attr('private_ip_list'))]
    : [partOf(object.attr('private_ips')), partOf(object.attr('private_ip'))];
  // Both forms together are ambiguous in the provider; the larger reading never invents a violation.
  return combine(owner, [...listed, partOf(object.attr('private_ips_count'))],
    (numbers) => Math.max(1, ...numbers.slice(0, -1), 1 + numbers[numbers.length - 1]));
}

/** IPv6 addresses of an attached interface (`ipv6_addresses` / `ipv6_address_list` / `ipv6_address_count`). */
export function ipv6Count(attachment: InterfaceAttachment): AddressCount {
  const declared = declaration(attachment);
  if (declared instanceof TfValue) return { owner: attachment.source, unknown: declared };
  const { object, owner } = declared;
  const listEnabled = object.attr('ipv6_address_list_enabled').asBoolean() === true;
  const listed = partOf(object.attr(listEnabled ? 'ipv6_address_list' : 'ipv6_addresses'));
  return combine(owner, [listed, partOf(object.attr('ipv6_address_count'))], (numbers) => Math.max(...numbers));
}
