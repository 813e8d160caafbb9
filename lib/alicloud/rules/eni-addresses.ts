import { AliType } from './ali-index';
import { TfResource, TfValue } from '../../checks/tf-value';

/** The private IPv4 addresses of one ENI, as far as synth time knows them. */
export interface EniAddresses {
  /** The resource that declares them: the ENI, or the instance for the primary ENI it creates. */
  readonly owner: TfResource;
  /** Secondary addresses, when their number is known. */
  readonly secondary?: number;
  /** When it is not: the value that hides it. */
  readonly unknownCount?: TfValue;
  /** The primary address, when it is written literally. */
  readonly primary?: string;
  /** Addresses written literally, the primary first when it is written. */
  readonly fixed: readonly string[];
  /**
   * The first value that keeps some address from synth time: a deploy-time value, or an attribute
   * that lets Alibaba Cloud pick (no primary written, a count of secondaries).
   */
  readonly hiddenBy?: TfValue;
}

// Current attribute first, its deprecated twin second: the schema lets only one of them be set.
const ENI_ATTRIBUTES = { primary: ['primary_ip_address', 'private_ip'], list: ['private_ip_addresses', 'private_ips'], count: ['secondary_private_ip_address_count', 'private_ips_count'] };
const INSTANCE_ATTRIBUTES = { primary: ['private_ip'], list: ['secondary_private_ips'], count: ['secondary_private_ip_address_count'] };

/**
 * The private IPv4 addresses of an ENI resource (`primary_ip_address`, `private_ip_addresses`,
 * `secondary_private_ip_address_count` and their deprecated twins) or of the primary ENI an
 * `alicloud_instance` creates (`private_ip`, `secondary_private_ips`, `secondary_private_ip_address_count`).
 */
export function eniAddresses(owner: TfResource): EniAddresses {
  const names = (AliType.enis as readonly string[]).includes(owner.type) ? ENI_ATTRIBUTES : INSTANCE_ATTRIBUTES;
  const read = (attributes: string[]) => attributes.map((a) => owner.attr(a)).find((v) => !v.isAbsent) ?? TfValue.ABSENT;
  const primary = read(names.primary);
  const list = read(names.list);
  const count = read(names.count);
  const elements = list.asList();
  const countValue = count.isAbsent ? 0 : count.follow().asNumber();
  const primaryIp = primary.follow().asString();
  const listed = (elements ?? []).map((e) => e.follow().asString()).filter((ip): ip is string => ip !== undefined);
  const unknownCount = elements === undefined ? list : countValue === undefined ? count : undefined;
  const hiddenBy = [
    primaryIp === undefined ? primary : undefined,
    elements === undefined ? list : elements.find((e) => e.follow().asString() === undefined),
    countValue === 0 ? undefined : count,
  ].find((v): v is TfValue => v !== undefined);
  return {
    owner,
    secondary: unknownCount ? undefined : elements!.length + countValue!,
    unknownCount,
    primary: primaryIp,
    fixed: primaryIp === undefined ? listed : [primaryIp, ...listed.filter((ip) => ip !== primaryIp)],
    hiddenBy,
  };
}
