import { TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { EipAddress as EipAddressResource } from './bindings/eip-address';
import { EipAssociation } from './bindings/eip-association';
import { AliDocUrl } from './doc-url';
import { EipAssociationMode } from './eip-association-mode';
import { EipAssociationTarget } from './eip-association-target';
import { EIP_ADDRESS_PROPS, EIP_ASSOCIATION_OPTIONS } from './prop-specs';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { checkInstanceOf, checkProps } from '../core/prop-checks';
import { isUnresolved } from '../core/tokens';

/** EIPs one target of each shared kind takes (a HaVip one, an Internet NAT gateway 20). */
const EIPS_PER_TARGET: Readonly<Record<string, number>> = { HaVip: 1, Nat: 20 };

// Per app (keyed by the construct tree's root), the EIPs counted on each HaVip and NAT gateway id.
const eipsByApp = new WeakMap<IConstruct, Map<string, number>>();

/** Options of `EipAddress.associateWith`. */
export interface EipAssociationOptions {
  /**
   * How the EIP reaches an ENI; other targets take only NAT.
   * @default EipAssociationMode.NAT
   */
  readonly mode?: EipAssociationMode;
}

/** Props of an `EipAddress`. */
export interface EipAddressProps {
  /**
   * What to associate the address with.
   * @default - not associated; call `associateWith` later
   */
  readonly associateWith?: EipAssociationTarget;

  /**
   * The association's mode; refused without `associateWith`.
   * @default EipAssociationMode.NAT
   */
  readonly mode?: EipAssociationMode;

  /**
   * Peak bandwidth in Mbit/s, as a string (`"5"`).
   * @default - the provider's default (5)
   */
  readonly bandwidth?: string;

  /**
   * `PayByTraffic` or `PayByBandwidth`.
   * @default - the provider's default (PayByBandwidth)
   */
  readonly internetChargeType?: string;

  /**
   * Name of the address.
   * @default - no name
   */
  readonly addressName?: string;

  /**
   * Description of the address.
   * @default - no description
   */
  readonly description?: string;

  /**
   * Tags of the address.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * An Elastic IP address (`alicloud_eip_address`), optionally associated with an ECS instance, an
 * ENI, a HaVip or a NAT gateway through a separate `alicloud_eip_association` that always names
 * the target's `instance_type`.
 *
 * @see https://www.alibabacloud.com/help/en/eip/associate-an-eip-with-a-cloud-instance
 */
export class EipAddress extends Construct {
  /** The allocation id (`eip-...`). */
  public readonly allocationId: string;
  /** The underlying `alicloud_eip_address` resource. */
  public readonly resource: TerraformResource;
  private readonly address: EipAddressResource;
  private association?: EipAssociation;

  constructor(scope: Construct, id: string, props: EipAddressProps = {}) {
    super(scope, id);
    checkProps(this, props, EIP_ADDRESS_PROPS);
    if (props.mode !== undefined && props.associateWith === undefined) {
      throw new NetworkConstraintError({
        code: ErrorCode.ConflictingProps,
        scope: this,
        problem: 'mode only applies to the association with associateWith, which is not given',
        received: `mode ${props.mode} without associateWith`,
        allowed: 'mode only with associateWith',
        fix: 'Pass associateWith, or drop mode and call associateWith(target, { mode }) later',
        docUrl: AliDocUrl.eipAssociationResource,
      });
    }
    this.address = new EipAddressResource(this, 'Resource', {
      bandwidth: props.bandwidth,
      internetChargeType: props.internetChargeType,
      addressName: props.addressName,
      description: props.description,
      tags: props.tags,
    });
    this.resource = this.address;
    this.allocationId = this.address.id;
    if (props.associateWith) this.associateWith(props.associateWith, { mode: props.mode });
  }

  /** The public IP address. */
  public get ipAddress(): string {
    return this.address.ipAddress;
  }

  /**
   * Associates the address with `target` through an `alicloud_eip_association`, with the
   * target's `instance_type` and, for an ENI, the mode.
   *
   * @returns the association resource
   * @throws NetworkConstraintError `ElasticIpAlreadyAssociated`, `EipModeNotForTarget`,
   * `TooManyEips`, `ElasticIpAddressNotOnInterface`, `ElasticIpAddressAlreadyTaken`, `ConflictingProps`
   */
  public associateWith(target: EipAssociationTarget, options: EipAssociationOptions = {}): TerraformResource {
    checkInstanceOf(this, target, EipAssociationTarget, 'target');
    checkProps(this, options, EIP_ASSOCIATION_OPTIONS, 'options');
    if (this.association) {
      throw new NetworkConstraintError({
        code: ErrorCode.ElasticIpAlreadyAssociated,
        scope: this,
        problem: 'an EIP is associated with one target at a time',
        received: `a second association, with ${target}`,
        allowed: 'one association per EIP',
        fix: 'Allocate another EIP for the second target',
        docUrl: AliDocUrl.associateEip,
      });
    }
    const mode = (options.mode ?? EipAssociationMode.NAT).value;
    const eni = target._networkInterface;
    if (mode !== 'NAT' && target.instanceType !== 'NetworkInterface') {
      throw new NetworkConstraintError({
        code: ErrorCode.EipModeNotForTarget,
        scope: this,
        problem: `mode ${mode} makes the EIP visible on a secondary ENI, and the target is no ENI`,
        received: `mode ${mode} for ${target}`,
        allowed: 'mode NAT for an ECS instance, a HaVip or a NAT gateway; BINDED and MULTI_BINDED for a secondary ENI',
        fix: 'Drop mode, or associate the EIP with a secondary ENI',
        docUrl: AliDocUrl.cutThroughMode,
      });
    }
    const privateIp = eni ? eni._claimEip(this, mode, target.privateIpAddress) : this.checkForeignTarget(target, mode);
    target._instance?._claimEip(this);
    this.claimSharedTarget(target);
    this.association = new EipAssociation(this, 'Association', {
      allocationId: this.allocationId,
      instanceId: target.instanceId,
      instanceType: target.instanceType,
      mode: target.instanceType === 'NetworkInterface' ? mode : undefined,
      privateIpAddress: privateIp,
    });
    if (eni && mode !== 'NAT') eni._orderBefore(this.association, mode);
    return this.association;
  }

  /** Refuses a private IP with a visible mode on an ENI the library does not know. */
  private checkForeignTarget(target: EipAssociationTarget, mode: string): string | undefined {
    if (mode === 'NAT' || target.privateIpAddress === undefined) return target.privateIpAddress;
    throw new NetworkConstraintError({
      code: ErrorCode.ConflictingProps,
      scope: this,
      problem: `an EIP in ${mode} mode is visible on the whole ENI, not mapped to one of its private IPs`,
      received: `privateIpAddress ${target.privateIpAddress} with mode ${mode}`,
      allowed: 'no privateIpAddress in BINDED and MULTI_BINDED mode',
      fix: 'Drop privateIpAddress, or use NAT mode to map the EIP to that private IP',
      docUrl: AliDocUrl.associateEip,
    });
  }

  /** A HaVip takes one EIP, an Internet NAT gateway 20; targets known only by a token are not counted. */
  private claimSharedTarget(target: EipAssociationTarget): void {
    const limit = EIPS_PER_TARGET[target.instanceType];
    if (limit === undefined || isUnresolved(target.instanceId)) return;
    let counts = eipsByApp.get(this.node.root);
    if (!counts) eipsByApp.set(this.node.root, counts = new Map());
    const key = `${target.instanceType} ${target.instanceId}`;
    const count = counts.get(key) ?? 0;
    if (count >= limit) {
      throw new NetworkConstraintError({
        code: ErrorCode.TooManyEips,
        scope: this,
        problem: `${target} takes ${limit === 1 ? 'one EIP' : `at most ${limit} EIPs`} and has ${count} already`,
        received: `EIP #${count + 1} on ${target}`,
        allowed: `at most ${limit} per ${target.instanceType === 'HaVip' ? 'HaVip' : 'Internet NAT gateway'}`,
        docUrl: AliDocUrl.associateEip,
      });
    }
    counts.set(key, count + 1);
  }
}
