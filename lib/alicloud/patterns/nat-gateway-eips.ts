import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { checkDistinct, checkIpv4Cidr, checkRange } from './pattern-checks';
import { NAT_GATEWAY_EIPS_PROPS, SNAT_SOURCE_PROPS } from './prop-specs';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkProps } from '../../core/prop-checks';
import { isUnresolved } from '../../core/tokens';
import { EipAddress } from '../bindings/eip-address';
import { EipAssociation } from '../bindings/eip-association';
import { NatGateway } from '../bindings/nat-gateway';
import { SnatEntry } from '../bindings/snat-entry';
import { AliDocUrl } from '../doc-url';

/** EIPs one Internet NAT gateway takes (ALI040). */
const MAX_EIPS = 20;
const DEFAULT_EIP_BANDWIDTH_MBPS = 5;

/** How a NAT gateway's EIPs are bound (`eip_bind_mode`). */
export enum NatEipBindMode {
  /** EIP normal mode, compatible with an IPv4 gateway. */
  NAT = 'NAT',
  /**
   * Multi-EIP-to-ENI visible mode: each EIP uses a private address of the gateway's vSwitch.
   * A gateway can go from MULTI_BINDED to NAT later, never back.
   */
  MULTI_BINDED = 'MULTI_BINDED',
}

/** Private traffic that leaves through the NAT gateway's EIPs: one SNAT entry. */
export interface NatGatewaySnatSource {
  /**
   * A vSwitch whose instances go out through the EIPs. Exactly one of `sourceVswitchId` and `sourceCidr`.
   * @default - none: `sourceCidr` is required
   */
  readonly sourceVswitchId?: string;

  /**
   * A CIDR block of the VPC whose addresses go out through the EIPs. Exactly one of
   * `sourceVswitchId` and `sourceCidr`.
   * @default - none: `sourceVswitchId` is required
   */
  readonly sourceCidr?: string;

  /**
   * Name of the SNAT entry.
   * @default - no name
   */
  readonly name?: string;
}

/** Props of a `NatGatewayEips`. */
export interface NatGatewayEipsProps {
  /**
   * Name of the NAT gateway and the prefix of its EIPs' names.
   * @default - the construct's id
   */
  readonly natGatewayName?: string;

  /** VPC of the NAT gateway. */
  readonly vpcId: string;

  /**
   * vSwitch of the NAT gateway (an enhanced NAT gateway needs one).
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/nat_gateway
   */
  readonly vswitchId: string;

  /**
   * How many EIPs to allocate and associate with the gateway (1-20: an Internet NAT gateway takes 20).
   * Every SNAT entry uses all of them.
   * @default 1
   * @see https://www.alibabacloud.com/help/en/eip/associate-an-eip-with-a-cloud-instance
   */
  readonly eipCount?: number;

  /**
   * How the EIPs are bound to the gateway.
   * @default NatEipBindMode.NAT
   */
  readonly eipBindMode?: NatEipBindMode;

  /**
   * Peak bandwidth of each EIP in Mbit/s (1-200 for pay-by-traffic).
   * @default 5
   */
  readonly eipBandwidthMbps?: number;

  /**
   * The private traffic that goes out through the EIPs, one SNAT entry each.
   * @default - none (add your own `alicloud_snat_entry` on `snatTableId`)
   */
  readonly snatSources?: NatGatewaySnatSource[];

  /**
   * Tags of the gateway and the EIPs.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * An enhanced Internet NAT gateway with its EIPs (at most 20), their associations (`instance_type`
 * `Nat`) and SNAT entries that send the given vSwitches or CIDR blocks out through all the EIPs.
 *
 * @see https://www.alibabacloud.com/help/en/eip/associate-an-eip-with-a-cloud-instance
 */
export class NatGatewayEips extends Construct {
  /** Id of the NAT gateway. */
  public readonly natGatewayId: string;
  /** Id of the gateway's SNAT table, for more SNAT entries. */
  public readonly snatTableId: string;
  /** Allocation ids of the EIPs, in order. */
  public readonly eipAllocationIds: string[];
  /** Public addresses of the EIPs, in order. */
  public readonly eipAddresses: string[];
  /** The `alicloud_nat_gateway`, for escape hatches. */
  public readonly natGatewayResource: TerraformResource;
  /** The `alicloud_eip_address` resources, for escape hatches. */
  public readonly eipResources: TerraformResource[];
  /** The `alicloud_snat_entry` resources, in the order of `snatSources`. */
  public readonly snatEntryResources: TerraformResource[];

  constructor(scope: Construct, id: string, props: NatGatewayEipsProps) {
    super(scope, id);
    checkProps(this, props, NAT_GATEWAY_EIPS_PROPS);
    const sources = props.snatSources ?? [];
    if (!isUnresolved(sources)) sources.forEach((source, i) => checkProps(this, source, SNAT_SOURCE_PROPS, `props.snatSources[${i}]`));
    const eipCount = props.eipCount ?? 1;
    this.validate(props, eipCount, sources);
    const name = props.natGatewayName ?? id;

    const gateway = new NatGateway(this, 'NatGateway', {
      natGatewayName: name,
      vpcId: props.vpcId,
      vswitchId: props.vswitchId,
      natType: 'Enhanced',
      networkType: 'internet',
      paymentType: 'PayAsYouGo',
      internetChargeType: 'PayByLcu',
      eipBindMode: props.eipBindMode ?? NatEipBindMode.NAT,
      description: `Internet NAT gateway ${name} with ${eipCount} EIPs`,
      tags: props.tags,
    });
    this.natGatewayResource = gateway;
    this.natGatewayId = gateway.id;
    // An enhanced gateway has a single SNAT table.
    this.snatTableId = gateway.snatTableIds;

    const eips = Array.from({ length: eipCount }, (_, i) => new EipAddress(this, `Eip${i}`, {
      addressName: `${name}-${i}`,
      bandwidth: String(props.eipBandwidthMbps ?? DEFAULT_EIP_BANDWIDTH_MBPS),
      internetChargeType: 'PayByTraffic',
      description: `EIP ${i} of NAT gateway ${name}`,
      tags: props.tags,
    }));
    const associations = eips.map((eip, i) => new EipAssociation(this, `EipAssociation${i}`, {
      allocationId: eip.id, instanceId: gateway.id, instanceType: 'Nat',
    }));
    this.eipResources = eips;
    this.eipAllocationIds = eips.map((eip) => eip.id);
    this.eipAddresses = eips.map((eip) => eip.ipAddress);

    this.snatEntryResources = sources.map((source, i) => new SnatEntry(this, `Snat${i}`, {
      snatTableId: this.snatTableId,
      snatIp: this.eipAddresses.join(','),
      sourceVswitchId: source.sourceVswitchId,
      sourceCidr: source.sourceCidr,
      snatEntryName: source.name,
      // An EIP serves SNAT only once it is associated with the gateway.
      dependsOn: associations,
    }));
  }

  private validate(props: NatGatewayEipsProps, eipCount: number, sources: NatGatewaySnatSource[]): void {
    checkRange(this, 'eipCount', eipCount, 1, Number.MAX_SAFE_INTEGER);
    checkRange(this, 'eipCount', eipCount, 1, MAX_EIPS, ErrorCode.TooManyNatGatewayEips, AliDocUrl.associateEip);
    if (props.eipBandwidthMbps !== undefined) checkRange(this, 'eipBandwidthMbps', props.eipBandwidthMbps, 1, 200);
    if (isUnresolved(sources)) {
      throw new NetworkConstraintError({
        code: ErrorCode.ListLengthUnknown,
        scope: this,
        problem: 'snatSources makes one SNAT entry per element, so its length must be known at synth',
        received: 'a list known only at deploy time',
        allowed: 'a list of NatGatewaySnatSource (each id may be a reference)',
      });
    }
    sources.forEach((source, i) => {
      if ((source.sourceVswitchId === undefined) === (source.sourceCidr === undefined)) {
        throw new NetworkConstraintError({
          code: ErrorCode.InvalidSnatSource,
          scope: this,
          problem: `snatSources[${i}] must name its traffic by a vSwitch or by a CIDR block: an SNAT entry takes one of them, never both`,
          received: source.sourceVswitchId === undefined ? 'neither sourceVswitchId nor sourceCidr' : 'both sourceVswitchId and sourceCidr',
          allowed: 'exactly one of sourceVswitchId and sourceCidr',
          docUrl: AliDocUrl.snatEntryResource,
        });
      }
      if (source.sourceCidr !== undefined) checkIpv4Cidr(this, `snatSources[${i}].sourceCidr`, source.sourceCidr);
    });
    checkDistinct(this, 'the SNAT sources', sources.map((source) => source.sourceVswitchId ?? source.sourceCidr!), ErrorCode.DuplicateRule);
  }
}
