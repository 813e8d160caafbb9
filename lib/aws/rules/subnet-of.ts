import { AwsIndex } from './aws-index';
import { TfResource, TfValue } from '../../checks/tf-value';

/** The IPv4 CIDR of a subnet of this stack, or the value that hides it until deploy time. */
export type SubnetCidr =
  | { readonly subnet: TfResource; readonly cidr: string }
  | { readonly unknown: TfValue; readonly what: string };

/** The literal IPv4 CIDR of the subnet `subnetId` names, or what keeps it unknown at synth time. */
export function subnetCidr(index: AwsIndex, subnetId: TfValue): SubnetCidr {
  const subnet = index.subnet(subnetId);
  if (!subnet) return { unknown: subnetId, what: 'subnet_id' };
  const declared = subnet.attr('cidr_block');
  const cidr = declared.follow().asString();
  if (cidr !== undefined) return { subnet, cidr };
  // A subnet without cidr_block gets one from IPAM: AWS computes it at deploy time.
  const unknown = declared.isAbsent ? TfValue.of(`\${${subnet.address}.cidr_block}`, index) : declared;
  return { unknown, what: `cidr_block of ${subnet.label}` };
}

/** Which subnet a `subnet_id` names, comparable with `===`. */
export interface SubnetKey {
  /** Equal keys name the same subnet. */
  readonly key: string;
  /** `resource`: a subnet of this stack; `id`: a literal subnet id. Keys of different kinds cannot be compared. */
  readonly kind: 'resource' | 'id';
  /** How messages name the subnet. */
  readonly name: string;
}

/** The subnet a `subnet_id` names, or undefined when that is only known at deploy time. */
export function subnetKey(index: AwsIndex, subnetId: TfValue): SubnetKey | undefined {
  const subnet = index.subnet(subnetId);
  if (subnet) {
    // `aws_subnet.app[0]` and `aws_subnet.app[1]` are different subnets.
    const key = subnetId.indexed ? String(subnetId.raw) : subnet.address;
    return { key, kind: 'resource', name: subnet.label };
  }
  const id = subnetId.asString();
  return id === undefined ? undefined : { key: id, kind: 'id', name: `subnet "${id}"` };
}
