import { TfObject, TfValue } from '../../checks/tf-value';
import { DEPLOY_TIME, shown } from '../../diagram/diagram-model';

/** How the diagram shows a value AWS picks at deploy time (an address, a zone). */
export const AWS_PICKED = 'AWS-picked';

/** Where one interface's addresses are written, whichever resource declares the interface. */
export interface AddressDeclaration {
  /** Single values or lists of private IPv4 addresses, in the order AWS reads them. */
  readonly ipv4: TfValue[];
  /** Whether the first address listed is the primary one (otherwise AWS picks it among them). */
  readonly ipv4PrimaryFirst: boolean;
  /** How many more private IPv4 addresses AWS picks. */
  readonly ipv4Count: TfValue;
  readonly ipv6: TfValue[];
  readonly ipv6Count: TfValue;
}

// Beyond this, a label lists the first addresses and how many more there are.
const ADDRESSES_SHOWN = 4;

/** An `aws_network_interface`: `private_ip_list` (ordered) or `private_ip` + `private_ips`, and the counts. */
export function interfaceAddresses(eni: TfObject): AddressDeclaration {
  const ipv4List = eni.attr('private_ip_list_enabled').asBoolean() === true;
  const ipv6List = eni.attr('ipv6_address_list_enabled').asBoolean() === true;
  const privateIp = eni.attr('private_ip');
  return {
    ipv4: ipv4List ? [eni.attr('private_ip_list')] : [privateIp, eni.attr('private_ips')],
    ipv4PrimaryFirst: ipv4List || !privateIp.isAbsent,
    ipv4Count: eni.attr('private_ips_count'),
    ipv6: [eni.attr(ipv6List ? 'ipv6_address_list' : 'ipv6_addresses')],
    ipv6Count: eni.attr('ipv6_address_count'),
  };
}

/** The primary interface an `aws_instance` creates itself: `private_ip` + `secondary_private_ips`. */
export function instancePrimaryAddresses(instance: TfObject): AddressDeclaration {
  const privateIp = instance.attr('private_ip');
  return {
    ipv4: [privateIp, instance.attr('secondary_private_ips')],
    ipv4PrimaryFirst: !privateIp.isAbsent,
    ipv4Count: TfValue.ABSENT,
    ipv6: [instance.attr('ipv6_addresses')],
    ipv6Count: instance.attr('ipv6_address_count'),
  };
}

/** An interface of a launch template's `network_interfaces` block. */
export function launchTemplateAddresses(block: TfObject): AddressDeclaration {
  const privateIp = block.attr('private_ip_address');
  return {
    ipv4: [privateIp, block.attr('ipv4_addresses')],
    ipv4PrimaryFirst: !privateIp.isAbsent,
    ipv4Count: block.attr('ipv4_address_count'),
    ipv6: [block.attr('ipv6_addresses')],
    ipv6Count: block.attr('ipv6_address_count'),
  };
}

/** The addresses written (single values or list elements), each as shown, once, in order. */
export function listedAddresses(values: TfValue[]): string[] {
  const addresses: string[] = [];
  for (const value of values) {
    if (value.isAbsent) continue;
    for (const item of (Array.isArray(value.raw) ? value.asList() : undefined) ?? [value]) {
      const text = shown(item, '');
      if (text !== '' && !addresses.includes(text)) addresses.push(text);
    }
  }
  return addresses;
}

/** `IPv4 10.0.1.10 (primary), 10.0.1.11 + 2 AWS-picked`; `IPv4 AWS-picked` when nothing is written. */
export function addressLines(declaration: AddressDeclaration): string[] {
  const ipv4 = listedAddresses(declaration.ipv4);
  const ipv4Extra = extra(declaration.ipv4Count);
  let ipv4Text: string;
  if (ipv4.length === 0) ipv4Text = ipv4Extra === undefined ? AWS_PICKED : `${AWS_PICKED} (primary)`;
  else if (declaration.ipv4PrimaryFirst || ipv4.length === 1) ipv4Text = abbreviated([`${ipv4[0]} (primary)`, ...ipv4.slice(1)]);
  else ipv4Text = `${abbreviated(ipv4)} (AWS picks the primary)`;
  const lines = [`IPv4 ${ipv4Text}${ipv4Extra ?? ''}`];
  const ipv6 = listedAddresses(declaration.ipv6);
  const ipv6Extra = extra(declaration.ipv6Count);
  if (ipv6.length > 0) lines.push(`IPv6 ${abbreviated(ipv6)}${ipv6Extra ?? ''}`);
  else if (ipv6Extra !== undefined) lines.push(`IPv6${ipv6Extra.replace(/^ \+/, '')}`);
  return lines;
}

/** ` + 2 AWS-picked` for a count of addresses AWS assigns; undefined when there are none. */
function extra(count: TfValue): string | undefined {
  if (count.isAbsent) return undefined;
  const number = count.follow().asNumber();
  if (number === 0) return undefined;
  return ` + ${number ?? DEPLOY_TIME} ${AWS_PICKED}`;
}

function abbreviated(addresses: string[]): string {
  if (addresses.length <= ADDRESSES_SHOWN) return addresses.join(', ');
  return `${addresses.slice(0, ADDRESSES_SHOWN).join(', ')} and ${addresses.length - ADDRESSES_SHOWN} more`;
}
