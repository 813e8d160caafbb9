import { TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { EcsHost, checkOnePlacement } from './ecs-host';
import { EcsHostProps } from './ecs-host-props';
import { checkRoutedHost, routedUserData, standaloneEniRouting } from './ecs-host-routing';
import { EcsOsNetworkConfig } from './ecs-os-network-config';
import { checkRange } from './pattern-checks';
import { MULTI_EIP_INSTANCE_PROPS } from './prop-specs';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkProps } from '../../core/prop-checks';
import { markSuppressed } from '../../core/suppression-marks';
import { isUnresolved } from '../../core/tokens';
import { renderIproute2Script } from '../../os/iproute2-script';
import { AliDocUrl } from '../doc-url';
import { EcsNetworkInterface } from '../ecs-network-interface';
import { EipAddress } from '../eip-address';
import { EipAssociationMode } from '../eip-association-mode';
import { EipAssociationTarget } from '../eip-association-target';
import { EniIpv4Assignment } from '../eni-ipv4-assignment';
import { Peer } from '../security/peer';
import { Port } from '../security/port';
import { SecurityGroup } from '../security/security-group';
import { VswitchReference } from '../vswitch-reference';

const DEFAULT_EIP_BANDWIDTH_MBPS = 5;
/**
 * Alibaba Cloud documents no cap on the EIPs of one ENI in MULTI_BINDED mode; a new ENI takes at
 * most 50 private IPv4 addresses (CreateNetworkInterface), which bounds the count so that a typo
 * does not allocate thousands of EIPs.
 */
const MAX_MULTI_BINDED_EIPS = 50;
/** ALI035 (BINDED cuts the ENI off from 100.64.0.0/10), which the pattern answers by design. */
const CARRIER_GRADE_NAT_RULE_ID = 'ALI035';

/** Props of a `MultiEipInstance`. */
export interface MultiEipInstanceProps extends EcsHostProps {
  /**
   * vSwitch of the secondary ENI that carries the EIPs. Its CIDR block (`cidrBlock` of the
   * reference) is needed in NAT mode for the guest's policy routing and checks the private IPs.
   * @see https://www.alibabacloud.com/help/en/elastic-compute-service/latest/createnetworkinterface
   */
  readonly vswitch: VswitchReference;

  /**
   * How the EIPs reach the ENI.
   *
   * - `EipAssociationMode.NAT`: one EIP per private IP of the ENI (`privateIpAddresses`); the
   *   guest sees only the private IPs and the pattern renders its policy routing.
   * - `EipAssociationMode.BINDED` (cut-through): one EIP, which replaces the ENI's private IP and
   *   is visible in the guest (DHCP); more than one is refused (`TooManyEips`). 100.64.0.0/10 is no
   *   longer reached through the ENI (ALI035): the pattern records why that is fine, the instance's
   *   default route staying on its primary ENI.
   * - `EipAssociationMode.MULTI_BINDED` (multi-EIP-to-ENI): `publicAddressCount` EIPs visible on
   *   the ENI. Alibaba Cloud no longer grants this mode to new accounts, so NetworkRules warns
   *   (ALI034) on every association, and the apply fails in an account without it. In an account
   *   that has it, suppress the warning with the reason on the pattern:
   *   `NetworkSuppressions.addSuppressions(pattern, [{ id: 'ALI034', reason: 'account allow-listed for multi-EIP-to-ENI mode' }])`.
   *
   * The EIPs of BINDED and MULTI_BINDED mode are associated before the ENI is attached, as Alibaba
   * Cloud requires.
   * @default EipAssociationMode.NAT
   * @see https://www.alibabacloud.com/help/en/eip/associate-an-eip-with-a-cloud-instance
   * @see https://www.alibabacloud.com/help/doc-detail/98641.htm
   * @see https://www.alibabacloud.com/help/en/elastic-ip-address/latest/associate-eips-with-secondary-enis-in-multi-eip-to-eni-mode
   */
  readonly mode?: EipAssociationMode;

  /**
   * NAT mode only: the fixed private IPs of the ENI, one per EIP, in the vSwitch. EIP number i maps
   * to address number i; the first one is the ENI's primary private IP, the others its secondary
   * ones. At most the instance type's private IPv4 addresses per ENI (50 at creation).
   * @default - none: required in NAT mode, refused in the other modes
   * @see https://www.alibabacloud.com/help/en/eip/use-cases/associate-multiple-eips-with-a-secondary-eni-in-nat-mode
   */
  readonly privateIpAddresses?: string[];

  /**
   * Number of EIPs. In NAT mode it must equal the number of `privateIpAddresses`; in BINDED mode
   * it is 1; in MULTI_BINDED mode from 1 to 50.
   * @default - the number of `privateIpAddresses` in NAT mode, 1 otherwise
   */
  readonly publicAddressCount?: number;

  /**
   * Ports every EIP accepts from the whole internet (rules of the ENI's own security group). SSH
   * and RDP are refused here: add a rule from your admin range to a group of `securityGroupIds`.
   * @default - none
   */
  readonly publicIngressPorts?: Port[];

  /**
   * More security groups of the ENI, of its VPC.
   * @default - only the pattern's own group
   */
  readonly securityGroupIds?: string[];

  /**
   * vSwitch of the launched instance's primary ENI, which takes no EIP, in the zone and VPC of
   * `vswitch`.
   * @default - `vswitch`
   */
  readonly instanceVswitch?: VswitchReference;

  /**
   * VPC of the pattern's security groups.
   * @default - the VPC of `vswitch` (its reference's `vpcId`)
   */
  readonly vpcId?: string;

  /**
   * NAT mode: how the launched instance's user data sets up the ENI's policy routing (each private
   * IP gets a source rule into the ENI's route table 101, whose default route goes through the
   * vSwitch's gateway). `userData`, when given, must then be a shell script (`#!`); the routing is
   * appended to it. Not with `existingInstance`, whose user data has run already: run
   * `policyRoutingScript` on it instead. Not in BINDED and MULTI_BINDED mode, where the guest gets
   * the EIPs by DHCP on the ENI and Alibaba Cloud adds their route.
   * @default - EcsOsNetworkConfig.iproute2Script() when the pattern launches the instance in NAT mode, else none
   * @see https://www.alibabacloud.com/help/en/ecs/user-guide/configure-nic-routing
   */
  readonly osNetworkConfig?: EcsOsNetworkConfig;

  /**
   * Peak bandwidth of each EIP in Mbit/s (1-200 for pay-by-traffic).
   * @default 5
   */
  readonly eipBandwidthMbps?: number;

  /**
   * Tags of the ENI, the security groups and the EIPs.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * Several public addresses on one ECS instance: an ECS instance takes one EIP of its own, so the
 * pattern puts a secondary ENI on it and associates the EIPs with that ENI.
 *
 * In NAT mode (the default) the ENI has one fixed private IP per EIP and each EIP maps to one of
 * them; the launched instance's user data gives the ENI its own route table and one source rule
 * per private IP, so that replies leave by the address the request came to. BINDED mode makes one
 * EIP visible on the ENI; MULTI_BINDED mode several, in allow-listed accounts only.
 *
 * It launches its instance (IMDSv2 only, with a primary ENI of its own that takes no EIP) or
 * attaches the ENI to an existing one. The ENI is standalone (`delete_on_release` false), so it
 * and its EIPs outlive a replaced instance.
 *
 * @see https://www.alibabacloud.com/help/en/eip/associate-an-eip-with-a-cloud-instance
 * @see https://www.alibabacloud.com/help/en/eip/use-cases/associate-multiple-eips-with-a-secondary-eni-in-nat-mode
 */
export class MultiEipInstance extends Construct {
  /** How the EIPs reach the ENI. */
  public readonly mode: EipAssociationMode;
  /** The secondary ENI that carries the EIPs. */
  public readonly networkInterface: EcsNetworkInterface;
  /** The ENI's security group (`publicIngressPorts`). */
  public readonly securityGroup: SecurityGroup;
  /** The EIPs, in the order of `privateIpAddresses` in NAT mode. */
  public readonly eips: EipAddress[];
  /** The public addresses of `eips`, in the same order. */
  public readonly publicAddresses: string[];
  /** The `alicloud_ecs_network_interface_attachment` of the ENI. */
  public readonly attachment: TerraformResource;
  /** Id of the instance the ENI is attached to: the launched or the existing one. */
  public readonly instanceId: string;
  /**
   * NAT mode: a POSIX shell script that sets up the ENI's policy routing in the guest (iproute2
   * only), for an existing instance or a user data of your own.
   * @default - none in BINDED and MULTI_BINDED mode, or when the vSwitch's CIDR block is unknown
   */
  public readonly policyRoutingScript?: string;
  /**
   * The launched `alicloud_instance`, for escape hatches.
   * @default - none: the ENI was attached to `existingInstance`
   */
  public readonly instanceResource?: TerraformResource;
  /**
   * Security group of the launched instance's primary ENI (no inbound rule).
   * @default - none: the ENI was attached to `existingInstance`
   */
  public readonly primarySecurityGroup?: SecurityGroup;

  constructor(scope: Construct, id: string, props: MultiEipInstanceProps) {
    super(scope, id);
    checkProps(this, props, MULTI_EIP_INSTANCE_PROPS);
    this.mode = props.mode ?? EipAssociationMode.NAT;
    const nat = this.mode === EipAssociationMode.NAT;
    // Checked first, before anything is created; the host that launches is made once the user data is known.
    const checkedHost = new EcsHost(this, props);
    const addresses = this.checkAddresses(props, nat);
    const count = nat ? addresses.length : this.visibleCount(props);
    if (props.eipBandwidthMbps !== undefined) checkRange(this, 'eipBandwidthMbps', props.eipBandwidthMbps, 1, 200);
    const vpcId = this.vpcIdOf(props);
    const instanceVswitch = props.instanceVswitch ?? props.vswitch;
    if (checkedHost.launches) {
      checkOnePlacement(this, [{ role: 'primary', vswitch: instanceVswitch }, { role: 'EIP', vswitch: props.vswitch }], vpcId);
    }
    const osConfig = this.osConfigOf(props, nat, checkedHost.launches);

    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      vpcId, description: 'Public addresses (EIPs) of an ECS instance', tags: props.tags,
    });
    for (const port of props.publicIngressPorts ?? []) this.securityGroup.addIngressRule(Peer.anyIpv4(), port, { description: 'Public service' });
    this.networkInterface = new EcsNetworkInterface(this, 'Eni', {
      vswitch: props.vswitch,
      securityGroupIds: [this.securityGroup.securityGroupId, ...props.securityGroupIds ?? []],
      privateIpv4: nat ? EniIpv4Assignment.addresses(addresses[0], ...addresses.slice(1)) : EniIpv4Assignment.automatic(),
      description: `Carries the public addresses (EIPs, ${this.mode} mode) of an ECS instance`,
      tags: props.tags,
    });
    this.eips = [...Array(count).keys()].map((i) => new EipAddress(this, `Eip${i + 1}`, {
      associateWith: EipAssociationTarget.networkInterface(this.networkInterface, nat ? addresses[i] : undefined),
      mode: this.mode,
      bandwidth: String(props.eipBandwidthMbps ?? DEFAULT_EIP_BANDWIDTH_MBPS),
      internetChargeType: 'PayByTraffic',
      description: `EIP ${i + 1} of ${this.node.path}`,
      tags: props.tags,
    }));
    this.publicAddresses = this.eips.map((eip) => eip.ipAddress);
    if (this.mode === EipAssociationMode.BINDED) {
      markSuppressed(this, {
        id: CARRIER_GRADE_NAT_RULE_ID,
        reason: 'by design: the instance\'s default route stays on its primary ENI (Alibaba Cloud gives the cut-through ENI\'s route '
          + 'a lower priority), so 100.64.0.0/10 is reached through the primary ENI',
      });
    }

    // Without a vSwitch CIDR block there is no routing to offer, which is only an error when the user data must hold it.
    const routing = nat && (osConfig !== undefined || props.vswitch.cidrBlock !== undefined)
      ? standaloneEniRouting(this, this.networkInterface, 1) : undefined;
    this.policyRoutingScript = routing && renderIproute2Script([routing]);
    const host = checkedHost.launches
      ? new EcsHost(this, { ...props, userData: routedUserData(this, osConfig, routing ? [routing] : [], props.userData) })
      : checkedHost;
    if (host.launches) {
      this.primarySecurityGroup = new SecurityGroup(this, 'PrimarySecurityGroup', {
        vpcId, description: 'Primary ENI of an ECS instance with several public addresses', tags: props.tags,
      });
      this.instanceResource = host.launch({ vswitch: instanceVswitch, securityGroupIds: [this.primarySecurityGroup.securityGroupId], vpcId });
    }
    this.attachment = host.attach(this.networkInterface);
    this.instanceId = host.reference.instanceId;
  }

  /** NAT mode: a literal list of private IPs, one per EIP. Other modes: none (the EIPs are the ENI's visible addresses). */
  private checkAddresses(props: MultiEipInstanceProps, nat: boolean): string[] {
    const listed = props.privateIpAddresses;
    if (!nat) {
      if (listed === undefined) return [];
      throw new NetworkConstraintError({
        code: ErrorCode.ConflictingProps,
        scope: this,
        problem: `in ${this.mode} mode the EIPs are visible on the ENI itself, not mapped to its private IPs`,
        received: `privateIpAddresses with mode ${this.mode}`,
        allowed: 'privateIpAddresses in NAT mode only',
        fix: 'Drop privateIpAddresses, or use EipAssociationMode.NAT to map one EIP to each private IP',
        docUrl: AliDocUrl.associateEip,
      });
    }
    // A list token has no length known at synth time; a literal list of tokens has one.
    if (listed === undefined || Token.isUnresolved(listed) || listed.length === 0) {
      throw new NetworkConstraintError({
        code: listed === undefined ? ErrorCode.MissingRequiredProp : ErrorCode.InvalidCount,
        scope: this,
        problem: 'in NAT mode each EIP maps to a private IP of the ENI, so the pattern needs those addresses, one per EIP, at synth time',
        received: listed === undefined ? 'no privateIpAddresses' : Token.isUnresolved(listed) ? 'a list only known at deploy time' : 'an empty list',
        allowed: 'a literal list of 1 to 50 private IPs of the vSwitch (its elements may be tokens)',
        docUrl: AliDocUrl.associateEip,
      });
    }
    const count = props.publicAddressCount;
    if (count !== undefined && !isUnresolved(count) && count !== listed.length) {
      throw new NetworkConstraintError({
        code: ErrorCode.AddressCountMismatch,
        scope: this,
        problem: 'publicAddressCount and the number of privateIpAddresses differ, and NAT mode maps one EIP to each private IP',
        received: `publicAddressCount ${count}, ${listed.length} privateIpAddresses`,
        allowed: 'one private IP per EIP',
        fix: 'Drop publicAddressCount: the list gives the count',
        docUrl: AliDocUrl.associateEip,
      });
    }
    return listed;
  }

  /** BINDED: one EIP; MULTI_BINDED: 1 to 50. */
  private visibleCount(props: MultiEipInstanceProps): number {
    const count = props.publicAddressCount ?? 1;
    if (isUnresolved(count)) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidCount,
        scope: this,
        problem: 'the number of EIPs must be known at synth time, since each one is its own resource',
        received: 'a value only known at deploy time',
        allowed: 'a literal publicAddressCount',
      });
    }
    if (this.mode === EipAssociationMode.BINDED && count !== 1) {
      throw new NetworkConstraintError({
        code: Number.isInteger(count) && count > 1 ? ErrorCode.TooManyEips : ErrorCode.InvalidCount,
        scope: this,
        problem: 'in BINDED (cut-through) mode a secondary ENI takes exactly one EIP',
        received: `publicAddressCount ${count}`,
        allowed: '1',
        fix: 'Use EipAssociationMode.NAT (one EIP per private IP of the ENI), or one MultiEipInstance per visible EIP',
        docUrl: AliDocUrl.cutThroughMode,
      });
    }
    checkRange(this, 'publicAddressCount', count, 1, MAX_MULTI_BINDED_EIPS, ErrorCode.InvalidCount, AliDocUrl.multiEipToEniMode);
    return count;
  }

  private vpcIdOf(props: MultiEipInstanceProps): string {
    const vpcId = props.vpcId ?? props.vswitch.vpcId;
    if (vpcId !== undefined) return vpcId;
    throw new NetworkConstraintError({
      code: ErrorCode.MissingVpcId,
      scope: this,
      problem: 'the VPC of the pattern\'s security groups is unknown',
      received: `no vpcId, and vSwitch ${props.vswitch.vswitchId} was referenced without its VPC`,
      allowed: 'a vpcId prop, or a vSwitch from VswitchReference.fromVswitchId(id, { vpcId })',
    });
  }

  /** The guest routing to write into the launched instance's user data, if any. */
  private osConfigOf(props: MultiEipInstanceProps, nat: boolean, launches: boolean): EcsOsNetworkConfig | undefined {
    const given = props.osNetworkConfig;
    if (given === undefined) return nat && launches ? EcsOsNetworkConfig.iproute2Script() : undefined;
    if (!nat) {
      throw new NetworkConstraintError({
        code: ErrorCode.ConflictingProps,
        scope: this,
        problem: `in ${this.mode} mode the guest gets the EIPs by DHCP on the ENI and Alibaba Cloud adds their route, so there is no policy routing to write`,
        received: `osNetworkConfig ${given.name} with mode ${this.mode}`,
        allowed: 'osNetworkConfig in NAT mode only',
        docUrl: AliDocUrl.cutThroughMode,
      });
    }
    checkRoutedHost(this, given, launches);
    return given;
  }
}
