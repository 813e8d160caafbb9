import { TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { EcsNetworkInterface as EcsNetworkInterfaceResource } from './bindings/ecs-network-interface';
import { EcsNetworkInterfaceAttachment } from './bindings/ecs-network-interface-attachment';
import { AliDocUrl } from './doc-url';
import { EcsInstanceReference } from './ecs-instance-reference';
import { EniIpv4Assignment } from './eni-ipv4-assignment';
import { aliInstanceNetworkLimits } from './limits/instance-network-limits';
import { ECS_NETWORK_INTERFACE_PROPS, ENI_ATTACHMENT_OPTIONS } from './prop-specs';
import { VswitchReference } from './vswitch-reference';
import { cidrContains, parseCidr } from '../core/cidr';
import { claimChildId } from '../core/construct-ids';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { isIpv6 } from '../core/ipv6';
import { checkProps } from '../core/prop-checks';
import { isUnresolved } from '../core/tokens';

/** An ENI joins at least one and, whatever the account's quota, at most 10 security groups. */
const MAX_SECURITY_GROUPS = 10;
/** `ipv6_address_count` takes 1 to 10, `ipv6_addresses` at most 10 items. */
const MAX_IPV6_ADDRESSES = 10;

/** Props of an `EcsNetworkInterface`. */
export interface EcsNetworkInterfaceProps {
  /**
   * The vSwitch the ENI lives in; it fixes the ENI's VPC and zone for life.
   * @see https://www.alibabacloud.com/help/en/elastic-compute-service/latest/createnetworkinterface
   */
  readonly vswitch: VswitchReference;

  /**
   * Security groups of the ENI, all of its VPC: at least one, at most 10 (ALI012 warns above the
   * account's cap, 5 by default).
   * @see https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules
   */
  readonly securityGroupIds: string[];

  /**
   * Private IPv4 addresses.
   * @default EniIpv4Assignment.automatic() - one primary address picked by Alibaba Cloud
   */
  readonly privateIpv4?: EniIpv4Assignment;

  /**
   * Number of IPv6 addresses Alibaba Cloud assigns, 1 to 10; not with `ipv6Addresses`.
   * @default - none, unless `ipv6Addresses` is given
   */
  readonly ipv6AddressCount?: number;

  /**
   * Fixed IPv6 addresses, at most 10; not with `ipv6AddressCount`.
   * @default - none, unless `ipv6AddressCount` is given
   */
  readonly ipv6Addresses?: string[];

  /**
   * Whether Alibaba Cloud drops traffic whose source or destination is not an address of the ENI.
   * The provider leaves it off; Alibaba Cloud advises turning it on. Turn it off on ENIs that
   * forward traffic (NAT, routers, HaVip members).
   * @default true
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/ecs_network_interface
   */
  readonly sourceDestCheck?: boolean;

  /**
   * Whether the ENI is released with the instance it is attached to. An ENI of its own is meant to
   * outlive its instance, so the default keeps it.
   * @default false
   * @see https://www.alibabacloud.com/help/doc-detail/2938787.html
   */
  readonly deleteOnRelease?: boolean;

  /**
   * Name of the ENI.
   * @default - no name
   */
  readonly networkInterfaceName?: string;

  /**
   * Description of the ENI.
   * @default - no description
   */
  readonly description?: string;

  /**
   * Tags of the ENI.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/** Options of `EcsNetworkInterface.attachTo`. */
export interface EniAttachmentOptions {
  /**
   * Construct id of the attachment resource, a child of the ENI.
   * @default 'Attachment'
   */
  readonly id?: string;
}

/** Modes in which an EIP is visible on the ENI itself, which must be unattached when associated. */
const VISIBLE_MODES = ['BINDED', 'MULTI_BINDED'];

/**
 * A secondary elastic network interface (`alicloud_ecs_network_interface`) that outlives any
 * instance it is attached to (`alicloud_ecs_network_interface_attachment`), with its addresses,
 * security groups and attachment checked at synth time.
 *
 * @see https://www.alibabacloud.com/help/en/elastic-compute-service/latest/createnetworkinterface
 */
export class EcsNetworkInterface extends Construct {
  /** The ENI id (`eni-...`). */
  public readonly networkInterfaceId: string;
  /** The vSwitch the ENI lives in. */
  public readonly vswitch: VswitchReference;
  /** How the private IPv4 addresses are assigned. */
  public readonly privateIpv4: EniIpv4Assignment;
  /** The underlying `alicloud_ecs_network_interface` resource, for properties this construct does not cover. */
  public readonly resource: TerraformResource;
  private readonly eni: EcsNetworkInterfaceResource;
  private readonly ipv6Count?: number;
  private attachment?: EcsNetworkInterfaceAttachment;
  private attachedTo?: EcsInstanceReference;
  /** Private IPs that carry an EIP in NAT mode (`primary` when the primary is not fixed). */
  private readonly natAddresses = new Set<string>();
  /** EIP associations in a visible mode, with the mode, which the attachment must wait for. */
  private readonly visibleAssociations: Array<{ readonly resource: TerraformResource; readonly mode: string }> = [];
  private eipCount = 0;

  constructor(scope: Construct, id: string, props: EcsNetworkInterfaceProps) {
    super(scope, id);
    checkProps(this, props, ECS_NETWORK_INTERFACE_PROPS);
    this.vswitch = props.vswitch;
    this.privateIpv4 = props.privateIpv4 ?? EniIpv4Assignment.automatic();
    this.validate(props);
    this.ipv6Count = props.ipv6Addresses && !isUnresolved(props.ipv6Addresses) ? props.ipv6Addresses.length : props.ipv6AddressCount;

    const [primary, ...secondary] = this.privateIpv4.fixedAddresses ?? [];
    const count = this.privateIpv4.secondaryCount;
    this.eni = new EcsNetworkInterfaceResource(this, 'Resource', {
      vswitchId: this.vswitch.vswitchId,
      securityGroupIds: props.securityGroupIds,
      primaryIpAddress: primary,
      privateIpAddresses: secondary.length > 0 ? secondary : undefined,
      secondaryPrivateIpAddressCount: primary === undefined && (isUnresolved(count) || count > 0) ? count : undefined,
      ipv6AddressCount: props.ipv6AddressCount,
      ipv6Addresses: props.ipv6Addresses,
      sourceDestCheck: props.sourceDestCheck ?? true,
      deleteOnRelease: props.deleteOnRelease ?? false,
      networkInterfaceName: props.networkInterfaceName,
      description: props.description,
      tags: props.tags,
    });
    this.resource = this.eni;
    this.networkInterfaceId = this.eni.id;
  }

  /** The primary private IPv4 address. */
  public get primaryIpAddress(): string {
    return this.eni.primaryIpAddress;
  }

  /** The ENI's MAC address, which it keeps wherever it is attached. */
  public get macAddress(): string {
    return this.eni.mac;
  }

  /**
   * Attaches the ENI to an instance as a secondary ENI with an
   * `alicloud_ecs_network_interface_attachment`, which waits for any EIP associated in BINDED or
   * MULTI_BINDED mode (those need the ENI unattached).
   *
   * @returns the attachment resource
   * @throws NetworkConstraintError `EniAlreadyAttached`, `AvailabilityZoneMismatch`, `VpcMismatch`,
   * `TooManyPrivateIpv4Addresses`, `TooManyIpv6Addresses`, `TooManyInterfaces`, `ConstructIdInUse`
   */
  public attachTo(instance: EcsInstanceReference, options: EniAttachmentOptions = {}): TerraformResource {
    checkProps(this, options, ENI_ATTACHMENT_OPTIONS, 'options');
    if (this.attachedTo) {
      throw new NetworkConstraintError({
        code: ErrorCode.EniAlreadyAttached,
        scope: this,
        problem: 'an ENI is attached to one instance at a time and this one is attached already',
        received: `a second attachment, to ${instance}`,
        allowed: `one attachment (it is attached to ${this.attachedTo})`,
        fix: 'Create another ENI for the second instance',
        docUrl: AliDocUrl.attachNetworkInterface,
      });
    }
    this.checkSamePlace(instance);
    this.checkAddressLimits(instance);
    const id = claimChildId(this, options.id ?? 'Attachment', 'the attachment');
    instance._claimEni(this);
    this.attachedTo = instance;
    this.attachment = new EcsNetworkInterfaceAttachment(this, id, {
      instanceId: instance.instanceId,
      networkInterfaceId: this.networkInterfaceId,
    });
    this.visibleAssociations.forEach((association) => this.waitFor(association.resource));
    return this.attachment;
  }

  /**
   * Checks an EIP association with this ENI and records it: in NAT mode one EIP per private IP of
   * the ENI, in BINDED mode one EIP for the whole ENI. Returns the private IP to write.
   * @internal
   */
  public _claimEip(eip: IConstruct, mode: string, privateIp: string | undefined): string | undefined {
    const binded = this.visibleAssociations.find((association) => association.mode === 'BINDED');
    if (binded || (mode === 'BINDED' && this.eipCount > 0)) {
      throw new NetworkConstraintError({
        code: ErrorCode.TooManyEips,
        scope: eip,
        problem: `${this.node.path} would have a second EIP, but an ENI in BINDED (cut-through) mode takes one`,
        received: `an EIP in ${mode} mode on an ENI that has ${this.eipCount} already`,
        allowed: 'one EIP per ENI in BINDED mode',
        fix: 'Give each EIP its own secondary ENI, or use NAT mode (one EIP per private IP)',
        docUrl: AliDocUrl.cutThroughMode,
      });
    }
    if (VISIBLE_MODES.includes(mode)) {
      this.refusePrivateIp(eip, mode, privateIp);
      this.eipCount += 1;
      return undefined;
    }
    const target = this.claimNatAddress(eip, privateIp);
    this.eipCount += 1;
    return target;
  }

  /**
   * Makes the attachment, now or later, wait for an association in a visible mode.
   * @internal
   */
  public _orderBefore(association: TerraformResource, mode: string): void {
    this.visibleAssociations.push({ resource: association, mode });
    if (this.attachment) this.waitFor(association);
  }

  private waitFor(association: TerraformResource): void {
    const attachment = this.attachment!;
    // A plain address: terraform validate refuses the `${...}` form fqn gives ("a single static variable reference is required").
    attachment.dependsOn = [...(attachment.dependsOn ?? []), `${association.terraformResourceType}.${association.friendlyUniqueId}`];
  }

  private refusePrivateIp(eip: IConstruct, mode: string, privateIp: string | undefined): void {
    if (privateIp === undefined) return;
    throw new NetworkConstraintError({
      code: ErrorCode.ConflictingProps,
      scope: eip,
      problem: `an EIP in ${mode} mode is visible on the whole ENI, not mapped to one of its private IPs`,
      received: `privateIpAddress ${privateIp} with mode ${mode}`,
      allowed: 'no privateIpAddress in BINDED and MULTI_BINDED mode',
      fix: 'Drop privateIpAddress, or use NAT mode to map the EIP to that private IP',
      docUrl: AliDocUrl.associateEip,
    });
  }

  /** NAT mode: the EIP maps to one private IP of the ENI that no other EIP takes. */
  private claimNatAddress(eip: IConstruct, privateIp: string | undefined): string | undefined {
    const fixed = this.privateIpv4.fixedAddresses;
    if (privateIp !== undefined && isUnresolved(privateIp)) return privateIp;
    if (privateIp !== undefined && (fixed === undefined || (!isUnresolved(fixed) && !fixed.includes(privateIp)))) {
      throw new NetworkConstraintError({
        code: ErrorCode.ElasticIpAddressNotOnInterface,
        scope: eip,
        problem: `the EIP is mapped to a private IP that ${this.node.path} does not have`,
        received: privateIp,
        allowed: fixed === undefined ? 'no fixed address: Alibaba Cloud picks the ENI\'s addresses' : `one of ${fixed.join(', ')}`,
        fix: fixed === undefined
          ? 'Give the ENI fixed addresses with EniIpv4Assignment.addresses(...), or omit the private IP to use the primary one'
          : 'Add the address to the ENI or pick one of its addresses',
        docUrl: AliDocUrl.associateEip,
      });
    }
    const key = privateIp ?? fixed?.[0] ?? 'the primary private IP';
    if (this.natAddresses.has(key)) {
      throw new NetworkConstraintError({
        code: ErrorCode.ElasticIpAddressAlreadyTaken,
        scope: eip,
        problem: `in NAT mode each EIP maps to a private IP of its own, and ${key} of ${this.node.path} has one already`,
        received: key,
        allowed: 'one EIP per private IPv4 address of the ENI',
        fix: 'Add a secondary private IP to the ENI and map the next EIP to it',
        docUrl: AliDocUrl.associateEip,
      });
    }
    this.natAddresses.add(key);
    return privateIp;
  }

  private validate(props: EcsNetworkInterfaceProps): void {
    const cidr = this.vswitch.cidrBlock;
    if (cidr !== undefined && !parseCidr(cidr)) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidCidr,
        scope: this,
        problem: 'the vSwitch\'s CIDR block is not an IPv4 CIDR block',
        received: JSON.stringify(cidr),
        allowed: 'a block such as 10.0.1.0/24',
      });
    }
    const fixed = this.privateIpv4.fixedAddresses ?? [];
    fixed.forEach((address, i) => {
      if (isUnresolved(address) || cidr === undefined || cidrContains(cidr, address)) return;
      throw new NetworkConstraintError({
        code: ErrorCode.AddressOutsideSubnet,
        scope: this,
        problem: `${i === 0 ? 'the primary private IPv4 address' : `secondary private IPv4 address #${i}`} is outside the vSwitch`,
        received: `${address} (vSwitch ${cidr})`,
        allowed: `an address of ${cidr}`,
        docUrl: AliDocUrl.createNetworkInterface,
      });
    });
    checkNoDuplicates(this, 'the private IPv4 addresses', fixed);
    this.checkSecurityGroups(props.securityGroupIds);
    this.checkIpv6(props);
  }

  private checkSecurityGroups(ids: string[]): void {
    if (isUnresolved(ids) && !Array.isArray(ids)) return;
    const literalCount = ids.length;
    if (literalCount >= 1 && literalCount <= MAX_SECURITY_GROUPS) return;
    throw new NetworkConstraintError({
      code: literalCount === 0 ? ErrorCode.InvalidCount : ErrorCode.TooManySecurityGroups,
      scope: this,
      problem: literalCount === 0 ? 'an ENI joins at least one security group' : `an ENI joins at most ${MAX_SECURITY_GROUPS} security groups`,
      received: `${literalCount} security groups`,
      allowed: `1 to ${MAX_SECURITY_GROUPS} (5 under the default quota)`,
      fix: literalCount === 0 ? 'Pass the id of a security group of the ENI\'s VPC' : 'Merge rules into fewer groups',
      docUrl: AliDocUrl.securityGroupRules,
    });
  }

  private checkIpv6(props: EcsNetworkInterfaceProps): void {
    const { ipv6AddressCount: count, ipv6Addresses: addresses } = props;
    if (count !== undefined && addresses !== undefined) {
      throw new NetworkConstraintError({
        code: ErrorCode.ConflictingProps,
        scope: this,
        problem: 'ipv6AddressCount and ipv6Addresses both set the ENI\'s IPv6 addresses',
        received: 'both ipv6AddressCount and ipv6Addresses',
        allowed: 'one of them',
        docUrl: AliDocUrl.ecsNetworkInterfaceResource,
      });
    }
    if (count !== undefined && !isUnresolved(count) && !(Number.isInteger(count) && count >= 1 && count <= MAX_IPV6_ADDRESSES)) {
      throw new NetworkConstraintError({
        code: count > MAX_IPV6_ADDRESSES ? ErrorCode.TooManyIpv6Addresses : ErrorCode.InvalidCount,
        scope: this,
        problem: 'ipv6AddressCount is out of range',
        received: String(count),
        allowed: `a whole number from 1 to ${MAX_IPV6_ADDRESSES}`,
        docUrl: AliDocUrl.ecsNetworkInterfaceResource,
      });
    }
    if (addresses === undefined || (isUnresolved(addresses) && !Array.isArray(addresses))) return;
    addresses.forEach((address, i) => {
      if (isUnresolved(address) || isIpv6(address)) return;
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidIpv6Address,
        scope: this,
        problem: `IPv6 address #${i + 1} is not an IPv6 address`,
        received: JSON.stringify(address),
        allowed: 'an IPv6 address such as 2408:4005:3a1::10',
      });
    });
    if (addresses.length > MAX_IPV6_ADDRESSES) {
      throw new NetworkConstraintError({
        code: ErrorCode.TooManyIpv6Addresses,
        scope: this,
        problem: `an ENI takes at most ${MAX_IPV6_ADDRESSES} fixed IPv6 addresses`,
        received: `${addresses.length} addresses`,
        allowed: `at most ${MAX_IPV6_ADDRESSES}`,
        docUrl: AliDocUrl.ecsNetworkInterfaceResource,
      });
    }
    checkNoDuplicates(this, 'the IPv6 addresses', addresses);
  }

  /** An ENI and its instance share a zone and a VPC. */
  private checkSamePlace(instance: EcsInstanceReference): void {
    const [eniZone, eniVpc] = [this.vswitch.zoneId, this.vswitch.vpcId];
    if (eniZone !== undefined && instance.zoneId !== undefined && eniZone !== instance.zoneId) {
      throw new NetworkConstraintError({
        code: ErrorCode.AvailabilityZoneMismatch,
        scope: this,
        problem: 'an ENI can only be attached to an instance in its own zone',
        received: `ENI in ${eniZone}, ${instance} in ${instance.zoneId}`,
        allowed: `an instance in ${eniZone}`,
        fix: 'Create the ENI in a vSwitch of the instance\'s zone',
        docUrl: AliDocUrl.attachNetworkInterface,
      });
    }
    if (eniVpc !== undefined && instance.vpcId !== undefined && eniVpc !== instance.vpcId) {
      throw new NetworkConstraintError({
        code: ErrorCode.VpcMismatch,
        scope: this,
        problem: 'an ENI can only be attached to an instance of its own VPC',
        received: `ENI in ${eniVpc}, ${instance} in ${instance.vpcId}`,
        allowed: `an instance in ${eniVpc}`,
        fix: 'Create the ENI in a vSwitch of the instance\'s VPC',
        docUrl: AliDocUrl.attachNetworkInterface,
      });
    }
  }

  /** The ENI's addresses fit the per-ENI limits of the instance type. */
  private checkAddressLimits(instance: EcsInstanceReference): void {
    const limits = instance.instanceType === undefined ? undefined : aliInstanceNetworkLimits(instance.instanceType);
    const ipv4 = this.privateIpv4.totalAddresses;
    if (limits?.privateIpv4PerEni !== undefined && ipv4 !== undefined && ipv4 > limits.privateIpv4PerEni) {
      throw new NetworkConstraintError({
        code: ErrorCode.TooManyPrivateIpv4Addresses,
        scope: this,
        problem: `${instance.instanceType} takes fewer private IPv4 addresses per ENI than the ENI has`,
        received: `${ipv4} private IPv4 addresses (the primary included)`,
        allowed: `at most ${limits.privateIpv4PerEni} per ENI on ${instance.instanceType}`,
        fix: 'Choose a larger instance type, or spread the addresses over several ENIs',
        docUrl: AliDocUrl.instanceFamilies,
      });
    }
    const ipv6 = this.ipv6Count;
    if (limits?.ipv6PerEni !== undefined && ipv6 !== undefined && !isUnresolved(ipv6) && ipv6 > limits.ipv6PerEni) {
      throw new NetworkConstraintError({
        code: ErrorCode.TooManyIpv6Addresses,
        scope: this,
        problem: `${instance.instanceType} takes fewer IPv6 addresses per ENI than the ENI has`,
        received: `${ipv6} IPv6 addresses`,
        allowed: `at most ${limits.ipv6PerEni} per ENI on ${instance.instanceType}`,
        docUrl: AliDocUrl.instanceFamilies,
      });
    }
  }
}

/** Refuses a literal address given twice (tokens are skipped). */
function checkNoDuplicates(scope: IConstruct, what: string, addresses: readonly string[]): void {
  const seen = new Set<string>();
  for (const address of addresses) {
    if (isUnresolved(address)) continue;
    const key = address.toLowerCase();
    if (seen.has(key)) {
      throw new NetworkConstraintError({
        code: ErrorCode.DuplicateAddress,
        scope,
        problem: `${what} list an address twice`,
        received: address,
        allowed: 'each address once',
      });
    }
    seen.add(key);
  }
}
