import { AliIndex, AliType, EniAttachment, Host } from './ali-index';
import { sameValue } from '../../checks/same-value';
import { TfValue } from '../../checks/tf-value';

/** One fact about where a resource is (its vSwitch, zone or VPC), as written, and where it was read. */
export interface Fact {
  readonly value: TfValue;
  /** Where the value comes from, for messages (`zone_id of vswitch "app"`). */
  readonly via: string;
}

/** Where an ENI or an instance is. */
export interface Placement {
  readonly vswitch: Fact;
  readonly zone: Fact;
  readonly vpc: Fact;
}

/** The outcome of comparing two facts: equal, different, or the value that keeps synth time from telling. */
export type Comparison = boolean | Fact;

/** Where a resource created in the vSwitch `vswitchId` is. */
export function vswitchPlacement(index: AliIndex, vswitchId: TfValue, owner: string): Placement {
  const vswitch = index.vswitch(vswitchId);
  const own: Fact = { value: vswitchId, via: `vswitch_id of ${owner}` };
  if (!vswitch) return { vswitch: own, zone: own, vpc: own };
  // zone_id, or its deprecated twin availability_zone: the schema takes exactly one of them.
  const zoneId = vswitch.attr('zone_id');
  const zone = zoneId.isAbsent
    ? { value: vswitch.attr('availability_zone'), via: `availability_zone of ${vswitch.label}` }
    : { value: zoneId, via: `zone_id of ${vswitch.label}` };
  return { vswitch: own, zone, vpc: { value: vswitch.attr('vpc_id'), via: `vpc_id of ${vswitch.label}` } };
}

/**
 * Where an instance is: its own `vswitch_id`, `availability_zone` and `vpc_id` where written,
 * otherwise those of the existing ENI it takes as primary.
 */
export function instancePlacement(index: AliIndex, host: Host): Placement {
  const instance = host.resource;
  const primary = host.attachments[0];
  const vswitchId = instance.attr('vswitch_id');
  const base = vswitchId.isAbsent && primary.kind === 'primary-eni'
    ? attachedPlacement(index, primary)
    : vswitchPlacement(index, vswitchId, instance.label);
  const zone = instance.attr('availability_zone');
  const vpc = instance.attr('vpc_id');
  return {
    vswitch: base.vswitch,
    zone: zone.isAbsent ? base.zone : { value: zone, via: `availability_zone of ${instance.label}` },
    // A vSwitch of this stack says which VPC it is in; otherwise the instance's own vpc_id may.
    vpc: vpc.isAbsent || index.vswitch(base.vswitch.value) ? base.vpc : { value: vpc, via: `vpc_id of ${instance.label}` },
  };
}

/**
 * Where an attached ENI is: in its own vSwitch, in the vSwitch of the `network_interfaces` block that
 * creates it (the instance's when the block names none), where the instance is for the primary ENI
 * it creates, or unknown when it is not of this stack.
 */
export function attachedPlacement(index: AliIndex, attachment: EniAttachment): Placement {
  if (attachment.eniResource) return vswitchPlacement(index, attachment.eniResource.attr('vswitch_id'), attachment.eniResource.label);
  const inlineVswitch = attachment.block && attachment.eni.isAbsent ? attachment.block.attr('vswitch_id') : undefined;
  if (inlineVswitch && !inlineVswitch.isAbsent) return vswitchPlacement(index, inlineVswitch, attachment.label);
  if (inlineVswitch || attachment.kind === 'primary') return instancePlacement(index, index.hostOf(attachment.source)!);
  const unknown: Fact = { value: attachment.eni, via: `the id of ${attachment.label}` };
  return { vswitch: unknown, zone: unknown, vpc: unknown };
}

/** Compares two facts: true or false when synth time can tell, else the fact that hides the answer. */
export function compare(a: Fact, b: Fact): Comparison {
  const same = sameValue(a.value, b.value);
  if (same !== undefined) return same;
  return [a, b].find((fact) => !isKnown(fact.value)) ?? a;
}

/** How messages name a VPC value: the vpc resource, or the value as written. */
export function vpcName(value: TfValue): string {
  const followed = value.follow();
  return followed.referenceTo(AliType.vpc)?.label ?? `VPC ${followed.display}`;
}

/** How messages name a vSwitch value: the vswitch resource, or the value as written. */
export function vswitchName(index: AliIndex, value: TfValue): string {
  return index.vswitch(value)?.label ?? `vswitch ${value.follow().display}`;
}

/** Whether synth time knows the value: a literal, or the id of one resource of this stack. */
function isKnown(value: TfValue): boolean {
  const followed = value.follow();
  return followed.isLiteral || (followed.isReference && followed.attribute === 'id' && !followed.indexed);
}
