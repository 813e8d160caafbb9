import { DataResource, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { haVipEniRoutingLines } from './havip/eni-routing';
import { haVipKeepalivedUserData } from './havip/keepalived-user-data';
import { checkDistinct, checkIpv4Cidr, checkIpv4InVswitch, checkRange } from './pattern-checks';
import { HAVIP_PAIR_MEMBER_PROPS, HAVIP_PAIR_PROPS } from './prop-specs';
import { ADMIN_PORTS } from '../../core/admin-ports';
import { parseCidr } from '../../core/cidr';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkProps } from '../../core/prop-checks';
import { requireShellScript } from '../../core/shell-user-data';
import { isUnresolved, literal } from '../../core/tokens';
import { checkVrrpSettings } from '../../core/vrrp-checks';
import { KeepalivedNode } from '../../os/keepalived-node';
import { EipAddress } from '../bindings/eip-address';
import { EipAssociation } from '../bindings/eip-association';
import { Havip } from '../bindings/havip';
import { HavipAttachment } from '../bindings/havip-attachment';
import { Instance } from '../bindings/instance';
import { SecurityGroup } from '../bindings/security-group';
import { SecurityGroupRule } from '../bindings/security-group-rule';
import { AliDocUrl } from '../doc-url';
import { EcsInstanceReference } from '../ecs-instance-reference';
import { EcsNetworkInterface } from '../ecs-network-interface';
import { EniIpv4Assignment } from '../eni-ipv4-assignment';
import { VswitchReference } from '../vswitch-reference';

const DEFAULT_ACTIVE_PRIORITY = 150;
const DEFAULT_STANDBY_PRIORITY = 100;
const DEFAULT_VIRTUAL_ROUTER_ID = 51;
const DEFAULT_EIP_BANDWIDTH_MBPS = 5;
const PAIR_NAME = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * What a `HaVipPair` attaches to its HaVip (`alicloud_havip_attachment.instance_type`): both members
 * the same way, since a HaVip never takes ECS instances and ENIs at once (ALI052).
 * @see https://www.alibabacloud.com/help/en/vpc/api-associatehavip
 */
export class HaVipMemberAttachment {
  /**
   * Each ECS instance itself (`EcsInstance`): the member's fixed address is its instance's primary
   * private IP, in the HaVip's vSwitch.
   */
  public static readonly INSTANCE = new HaVipMemberAttachment('EcsInstance');

  /**
   * A standalone ENI per member (`NetworkInterface`), in the HaVip's vSwitch with the member's fixed
   * address, attached to the member's instance, whose primary ENI sits in `instanceVswitchId`.
   * keepalived runs on the ENI's device, and the user data gives the ENI its own route table so
   * that replies from the member's address and the HaVip leave by it. The ENI outlives its
   * instance: a replaced member keeps its address.
   */
  public static readonly NETWORK_INTERFACE = new HaVipMemberAttachment('NetworkInterface');

  /** The value of `instance_type`: `EcsInstance` or `NetworkInterface`. */
  public readonly instanceType: string;

  private constructor(instanceType: string) {
    this.instanceType = instanceType;
  }

  /** The value of `instance_type`. */
  public toString(): string {
    return this.instanceType;
  }
}

/** One of the two ECS instances of a `HaVipPair`. */
export interface HaVipPairMember {
  /**
   * Fixed private IPv4 address of the instance, in the pair's vSwitch. keepalived's unicast peers
   * and the VRRP security group rules name it, so it is fixed rather than picked by Alibaba Cloud.
   */
  readonly privateIp: string;

  /**
   * VRRP priority (1-254): the running member with the higher priority holds the HaVip.
   * Changing it replaces the instance (it lives in the user data).
   * @default 150 for the active member, 100 for the standby
   * @see https://keepalived.readthedocs.io/en/latest/configuration_synopsis.html
   */
  readonly priority?: number;

  /**
   * Image id of this member, to roll a new image out one member at a time, the standby first.
   * @default - the pair's `imageId`
   */
  readonly imageId?: string;

  /**
   * This member's own user data: a script starting with `#!`, run as its own program at first
   * boot, before keepalived is installed and started (a member whose script fails never takes the
   * HaVip). Changing it replaces the instance: roll changes out one member at a time, the standby first.
   * @default - only the keepalived setup
   */
  readonly userData?: string;
}

/** Props of a `HaVipPair`. */
export interface HaVipPairProps {
  /**
   * Name of the pair: the VRRP instance, the HaVip, the security group and the instances' names
   * (letters, digits, `-`, `_`, at most 40).
   * @default - the construct's id and a hash of its construct path
   */
  readonly pairName?: string;

  /** VPC of the pair's security group: the VPC of `vswitchId`. */
  readonly vpcId: string;

  /**
   * vSwitch of the HaVip and of the members' fixed addresses (their instances, or their ENIs with
   * `HaVipMemberAttachment.NETWORK_INTERFACE`): a HaVip only answers for hosts of its own vSwitch.
   * @see https://www.alibabacloud.com/help/en/vpc/api-associatehavip
   */
  readonly vswitchId: string;

  /**
   * CIDR block of `vswitchId`, when known: the HaVip and the members' addresses are checked
   * against it at construction, and keepalived adds the HaVip with its prefix length. Required, as
   * a literal, with `HaVipMemberAttachment.NETWORK_INTERFACE`: the ENI's route table derives from it.
   * @default - unknown: the addresses are checked by Alibaba Cloud at apply, the HaVip added as a /32
   */
  readonly vswitchCidr?: string;

  /**
   * How the members are attached to the HaVip: their ECS instances, or an ENI each.
   * @default HaVipMemberAttachment.INSTANCE
   * @see https://www.alibabacloud.com/help/en/vpc/api-associatehavip
   */
  readonly memberAttachment?: HaVipMemberAttachment;

  /**
   * With `HaVipMemberAttachment.NETWORK_INTERFACE`: the vSwitch of the instances' primary ENIs, in
   * the zone of `vswitchId` (an ENI attaches only to an instance of its zone). Refused otherwise.
   * @default - `vswitchId`
   * @see https://www.alibabacloud.com/help/en/doc-detail/58515.htm
   */
  readonly instanceVswitchId?: string;

  /**
   * The HaVip's address, in the vSwitch.
   * @default - picked by Alibaba Cloud from the vSwitch (known after apply)
   */
  readonly haVipAddress?: string;

  /** The member that holds the HaVip when the pair is created, with the higher priority. */
  readonly active: HaVipPairMember;

  /** The member that takes the HaVip over when the active one stops advertising. */
  readonly standby: HaVipPairMember;

  /** ECS instance type of both members (`ecs.g7.large`). */
  readonly instanceType: string;

  /**
   * Image id of the members that set none of their own: Alibaba Cloud Linux, CentOS, Ubuntu or
   * Debian (the user data installs keepalived with dnf, yum or apt). Changing it replaces both
   * members in one apply: to roll a new image out, set each member's `imageId`, the standby's first.
   */
  readonly imageId: string;

  /**
   * System disk category of both instances; recent instance families take only ESSDs.
   * @default 'cloud_essd'
   */
  readonly systemDiskCategory?: string;

  /**
   * SSH key pair of both instances. No SSH rule is added: add a rule from your admin range to a
   * group of `securityGroupIds`.
   * @default - no key pair
   */
  readonly keyName?: string;

  /**
   * More security groups of both instances (administration access, for example); with
   * `HaVipMemberAttachment.NETWORK_INTERFACE`, of their primary ENIs.
   * @default - only the pair's own group
   */
  readonly securityGroupIds?: string[];

  /**
   * Client ranges allowed to reach the HaVip on `clientTcpPorts` and `clientUdpPorts`. Clients
   * are allowed by CIDR: a rule naming a security group matches its members' own addresses, which
   * the HaVip is not.
   * @default - none
   */
  readonly clientCidrs?: string[];

  /**
   * TCP ports the clients reach the HaVip on (SSH and RDP from the whole internet are refused).
   * @default - none
   */
  readonly clientTcpPorts?: number[];

  /**
   * UDP ports the clients reach the HaVip on.
   * @default - none
   */
  readonly clientUdpPorts?: number[];

  /**
   * Associate an EIP with the HaVip (one at most: a HaVip takes a single EIP). The EIP follows
   * the HaVip to whichever member holds it.
   * @default false
   * @see https://www.alibabacloud.com/help/en/eip/associate-an-eip-with-a-cloud-instance
   */
  readonly eip?: boolean;

  /**
   * Peak bandwidth of the EIP in Mbit/s (1-200 for pay-by-traffic).
   * @default 5
   */
  readonly eipBandwidthMbps?: number;

  /**
   * VRRP virtual router id (1-255), unique among the VRRP pairs of the vSwitch.
   * @default 51
   */
  readonly virtualRouterId?: number;

  /**
   * Seconds between VRRP advertisements (1-255); the standby takes over after about three missed ones.
   * @default 1
   */
  readonly advertisementIntervalSeconds?: number;

  /**
   * VRRP simple password (1-8 letters, digits, `.`, `_`, `-`), readable in the user data: it only
   * guards against another VRRP pair on the same router id; the security group does the rest.
   * @default - no VRRP authentication
   */
  readonly vrrpPassword?: string;

  /**
   * Tags of every resource of the pair.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * Two ECS instances sharing an Alibaba Cloud HaVip with keepalived: unicast VRRP between their fixed
 * addresses elects the holder, which adds the HaVip on its device and announces it with gratuitous
 * ARP; the vSwitch then delivers the HaVip (and its EIP, if any) there. No API call, no credentials
 * on the instances. The HaVip is attached to the two instances, or (`memberAttachment`) to a
 * standalone ENI on each, which keeps the member's address when its instance is replaced.
 *
 * The pair's security group admits VRRP from the two members' /32s only. Alibaba Cloud security
 * group rules take `tcp`, `udp`, `icmp`, `icmpv6`, `gre` or `all`, not IP protocol 112 (VRRP), so
 * the rules allow `all` from the peer's single address: nothing else than the other member gets in
 * through them.
 *
 * keepalived's configuration lives in the user data, which runs at first boot only, and
 * `alicloud_instance` changes `user_data` in place (with a reboot that does not run it again): each
 * instance is therefore replaced when its user data changes (`replace_triggered_by` a
 * `terraform_data` holding it). Change one member at a time (its `imageId`, `userData` or
 * `priority`), the standby first.
 *
 * @see https://www.alibabacloud.com/help/en/vpc/api-associatehavip
 */
export class HaVipPair extends Construct {
  /** Name of the pair. */
  public readonly pairName: string;
  /** The HaVip's address: the given one, or a reference to the one Alibaba Cloud picks. */
  public readonly virtualIp: string;
  /** Id of the HaVip. */
  public readonly haVipId: string;
  /** Id of the active member's ECS instance. */
  public readonly activeInstanceId: string;
  /** Id of the standby member's ECS instance. */
  public readonly standbyInstanceId: string;
  /** Id of the pair's security group: VRRP between the members, clients by CIDR. */
  public readonly securityGroupId: string;
  /** Public address of the EIP on the HaVip (with `eip`). */
  public readonly eipAddress?: string;
  /** Allocation id of the EIP on the HaVip (with `eip`). */
  public readonly eipAllocationId?: string;
  /** The `alicloud_havip`, for escape hatches. */
  public readonly haVipResource: TerraformResource;
  /** The active member's `alicloud_instance`, for escape hatches. */
  public readonly activeInstanceResource: TerraformResource;
  /** The standby member's `alicloud_instance`, for escape hatches. */
  public readonly standbyInstanceResource: TerraformResource;
  /** The pair's `alicloud_security_group`, for escape hatches. */
  public readonly securityGroupResource: TerraformResource;
  /** The `alicloud_eip_address` on the HaVip (with `eip`), for escape hatches. */
  public readonly eipResource?: TerraformResource;
  /** How the members are attached to the HaVip. */
  public readonly memberAttachment: HaVipMemberAttachment;
  /**
   * The active member's ENI in the HaVip's vSwitch.
   * @default - none: the instances are attached (`HaVipMemberAttachment.INSTANCE`)
   */
  public readonly activeNetworkInterface?: EcsNetworkInterface;
  /**
   * The standby member's ENI in the HaVip's vSwitch.
   * @default - none: the instances are attached (`HaVipMemberAttachment.INSTANCE`)
   */
  public readonly standbyNetworkInterface?: EcsNetworkInterface;
  /**
   * Security group of the instances' primary ENIs (no inbound rule), with
   * `HaVipMemberAttachment.NETWORK_INTERFACE`; the pair's own group is on the ENIs.
   * @default - none: the instances are attached (`HaVipMemberAttachment.INSTANCE`)
   */
  public readonly instanceSecurityGroupId?: string;

  constructor(scope: Construct, id: string, props: HaVipPairProps) {
    super(scope, id);
    checkProps(this, props, HAVIP_PAIR_PROPS);
    checkProps(this, props.active, HAVIP_PAIR_MEMBER_PROPS, 'props.active');
    checkProps(this, props.standby, HAVIP_PAIR_MEMBER_PROPS, 'props.standby');
    this.pairName = props.pairName ?? `${id.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 31)}-${this.node.addr.slice(0, 8)}`;
    const priorities = {
      active: props.active.priority ?? DEFAULT_ACTIVE_PRIORITY,
      standby: props.standby.priority ?? DEFAULT_STANDBY_PRIORITY,
    };
    this.memberAttachment = props.memberAttachment ?? HaVipMemberAttachment.INSTANCE;
    this.validate(props, priorities);
    const tags = props.tags;

    const haVip = new Havip(this, 'HaVip', {
      haVipName: this.pairName,
      vswitchId: props.vswitchId,
      ipAddress: props.haVipAddress,
      description: `HaVip of pair ${this.pairName}, moved by keepalived`,
      tags,
    });
    this.haVipResource = haVip;
    this.haVipId = haVip.id;
    this.virtualIp = props.haVipAddress ?? haVip.ipAddress;

    const group = this.pairSecurityGroup(props, tags);
    this.securityGroupResource = group;
    this.securityGroupId = group.id;

    if (this.memberAttachment === HaVipMemberAttachment.NETWORK_INTERFACE) {
      this.instanceSecurityGroupId = new SecurityGroup(this, 'InstanceSecurityGroup', {
        securityGroupName: `${this.pairName}-instances`,
        vpcId: props.vpcId,
        description: `Primary ENIs of the members of HaVip pair ${this.pairName}`,
        tags,
      }).id;
      this.activeNetworkInterface = this.memberEni('active', props.active, props);
      this.standbyNetworkInterface = this.memberEni('standby', props.standby, props);
    }
    const active = this.launchMember('active', props.active, props.standby, priorities.active, props, this.activeNetworkInterface);
    const standby = this.launchMember('standby', props.standby, props.active, priorities.standby, props, this.standbyNetworkInterface);
    this.activeInstanceResource = active;
    this.standbyInstanceResource = standby;
    this.activeInstanceId = active.id;
    this.standbyInstanceId = standby.id;

    if (props.eip) {
      const eip = new EipAddress(this, 'Eip', {
        addressName: this.pairName,
        bandwidth: String(props.eipBandwidthMbps ?? DEFAULT_EIP_BANDWIDTH_MBPS),
        internetChargeType: 'PayByTraffic',
        description: `EIP of HaVip pair ${this.pairName}`,
        tags,
      });
      new EipAssociation(this, 'EipAssociation', { allocationId: eip.id, instanceId: haVip.id, instanceType: 'HaVip' });
      this.eipResource = eip;
      this.eipAllocationId = eip.id;
      this.eipAddress = eip.ipAddress;
    }
  }

  /**
   * A member's standalone ENI in the HaVip's vSwitch, with the member's fixed address and the pair's
   * group. Source/destination check off: the ENI answers for the HaVip, an address it does not own.
   */
  private memberEni(name: 'active' | 'standby', self: HaVipPairMember, props: HaVipPairProps): EcsNetworkInterface {
    return new EcsNetworkInterface(this, name === 'active' ? 'ActiveEni' : 'StandbyEni', {
      vswitch: VswitchReference.fromVswitchId(props.vswitchId, { vpcId: props.vpcId, cidrBlock: props.vswitchCidr }),
      securityGroupIds: [this.securityGroupId],
      privateIpv4: EniIpv4Assignment.addresses(self.privateIp),
      sourceDestCheck: false,
      networkInterfaceName: `${this.pairName}-${name}`,
      description: `HaVip ENI of the ${name} member of pair ${this.pairName}`,
      tags: props.tags,
    });
  }

  /**
   * One member: an ECS instance whose user data runs keepalived with its side of the pair, attached
   * to the HaVip itself, or through `eni`.
   */
  private launchMember(
    name: 'active' | 'standby', self: HaVipPairMember, peer: HaVipPairMember, priority: number, props: HaVipPairProps, eni?: EcsNetworkInterface,
  ): Instance {
    const node: KeepalivedNode = {
      pairName: this.pairName,
      nodeName: name,
      initiallyMaster: name === 'active',
      virtualIp: this.virtualIp,
      virtualIpPrefixLength: parseCidr(literal(props.vswitchCidr))?.prefix ?? 32,
      ownAddress: self.privateIp,
      peerAddress: peer.privateIp,
      priority,
      virtualRouterId: props.virtualRouterId ?? DEFAULT_VIRTUAL_ROUTER_ID,
      advertisementIntervalSeconds: props.advertisementIntervalSeconds ?? 1,
      // Only a notify script checks ownership; a HaVip needs none (the vSwitch follows ARP).
      ownershipCheckIntervalSeconds: 0,
      authPassword: props.vrrpPassword,
    };
    const id = name === 'active' ? 'Active' : 'Standby';
    const networkLines = eni && haVipEniRoutingLines({
      macAddress: eni.macAddress, privateIp: self.privateIp, virtualIp: this.virtualIp, vswitchCidr: props.vswitchCidr!,
    });
    const userData = haVipKeepalivedUserData(node, self.userData, networkLines);
    const userDataHolder = new DataResource(this, `${id}UserData`, { input: { user_data: userData } });
    const instance = new Instance(this, `${id}Instance`, {
      instanceName: `${this.pairName}-${name}`,
      instanceType: props.instanceType,
      imageId: self.imageId ?? props.imageId,
      vswitchId: eni ? props.instanceVswitchId ?? props.vswitchId : props.vswitchId,
      privateIp: eni ? undefined : self.privateIp,
      securityGroups: [eni ? this.instanceSecurityGroupId! : this.securityGroupId, ...props.securityGroupIds ?? []],
      systemDiskCategory: props.systemDiskCategory ?? 'cloud_essd',
      keyName: props.keyName,
      userData,
      // IMDSv2 only: a process tricked into fetching a URL cannot read the instance's metadata.
      httpTokens: 'required',
      tags: { ...props.tags, Name: `${this.pairName}-${name}` },
      // The user data runs at first boot only: updated in place, the instance would reboot with the
      // keepalived configuration it already had.
      // A plain address: cdktf writes a resource given here as "${...}", which Terraform refuses in replace_triggered_by.
      lifecycle: { replaceTriggeredBy: [`${userDataHolder.terraformResourceType}.${userDataHolder.friendlyUniqueId}`] },
    });
    eni?.attachTo(EcsInstanceReference.fromInstanceId(instance.id, { instanceType: props.instanceType, vpcId: props.vpcId }));
    new HavipAttachment(this, `${id}Attachment`, {
      haVipId: this.haVipId, instanceId: eni ? eni.networkInterfaceId : instance.id, instanceType: this.memberAttachment.instanceType,
    });
    return instance;
  }

  /** The pair's group: VRRP from each member's /32 only, and the clients by CIDR on their ports. */
  private pairSecurityGroup(props: HaVipPairProps, tags: Record<string, string> | undefined): SecurityGroup {
    const group = new SecurityGroup(this, 'SecurityGroup', {
      securityGroupName: this.pairName,
      vpcId: props.vpcId,
      description: `VRRP between the members of HaVip pair ${this.pairName}, and its clients`,
      tags,
    });
    const rule = (id: string, ipProtocol: string, cidrIp: string, portRange: string, description: string) => new SecurityGroupRule(this, id, {
      securityGroupId: group.id, type: 'ingress', policy: 'accept', nicType: 'intranet', ipProtocol, cidrIp, portRange, description,
    });
    for (const [name, member] of [['active', props.active], ['standby', props.standby]] as const) {
      // No rule takes IP protocol 112 (VRRP): `all` from the member's single address is the narrowest.
      rule(`Vrrp-${name}`, 'all', `${member.privateIp}/32`, '-1/-1', `VRRP from the ${name} member`);
    }
    const ports = [
      ...(props.clientTcpPorts ?? []).map((port) => ({ protocol: 'tcp', port })),
      ...(props.clientUdpPorts ?? []).map((port) => ({ protocol: 'udp', port })),
    ];
    (props.clientCidrs ?? []).forEach((cidr, i) => ports.forEach(({ protocol, port }, j) => rule(
      isUnresolved(cidr) || isUnresolved(port) ? `Client${i}-${j}` : `Client-${cidr}-${protocol}-${port}`,
      protocol, cidr, `${port}/${port}`, `Clients of HaVip pair ${this.pairName}`)));
    return group;
  }

  private validate(props: HaVipPairProps, priorities: { active: number; standby: number }): void {
    if (!isUnresolved(this.pairName) && !PAIR_NAME.test(this.pairName)) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidPairName,
        scope: this,
        problem: 'the pair name names the VRRP instance, the HaVip and the instances',
        received: JSON.stringify(this.pairName),
        allowed: 'letters, digits, "-" and "_", at most 40',
      });
    }
    if (props.vswitchCidr !== undefined) checkIpv4Cidr(this, 'vswitchCidr', props.vswitchCidr);
    const vswitchCidr = props.vswitchCidr;
    if (props.haVipAddress !== undefined) checkIpv4InVswitch(this, 'the HaVip address', props.haVipAddress, vswitchCidr, AliDocUrl.havipResource);
    checkIpv4InVswitch(this, 'the active member\'s private IP', props.active.privateIp, vswitchCidr, AliDocUrl.associateHaVip);
    checkIpv4InVswitch(this, 'the standby member\'s private IP', props.standby.privateIp, vswitchCidr, AliDocUrl.associateHaVip);
    checkDistinct(this, 'the HaVip address and the members\' private IPs',
      [props.active.privateIp, props.standby.privateIp, ...props.haVipAddress === undefined ? [] : [props.haVipAddress]]);
    this.validateVrrp(props, priorities);
    this.validateClients(props);
    this.validateMemberUserData('active', props.active.userData);
    this.validateMemberUserData('standby', props.standby.userData);
    if (props.eipBandwidthMbps !== undefined) checkRange(this, 'eipBandwidthMbps', props.eipBandwidthMbps, 1, 200);
    this.validateMemberAttachment(props);
  }

  /** An ENI per member needs the vSwitch's CIDR block for its route table; `instanceVswitchId` only goes with ENIs. */
  private validateMemberAttachment(props: HaVipPairProps): void {
    if (this.memberAttachment === HaVipMemberAttachment.INSTANCE) {
      if (props.instanceVswitchId === undefined) return;
      throw new NetworkConstraintError({
        code: ErrorCode.ConflictingProps,
        scope: this,
        problem: 'instanceVswitchId places the instances\' primary ENIs when the members are attached by ENI, and they are attached as instances',
        received: 'instanceVswitchId with HaVipMemberAttachment.INSTANCE',
        allowed: 'instanceVswitchId with HaVipMemberAttachment.NETWORK_INTERFACE only',
        fix: 'Drop instanceVswitchId (the instances are then in vswitchId), or set memberAttachment: HaVipMemberAttachment.NETWORK_INTERFACE',
        docUrl: AliDocUrl.associateHaVip,
      });
    }
    const cidr = props.vswitchCidr;
    if (cidr !== undefined && !isUnresolved(cidr)) return;
    throw new NetworkConstraintError({
      code: ErrorCode.SubnetCidrUnknown,
      scope: this,
      problem: 'each member\'s ENI gets its own route table in the guest, whose routes derive from the CIDR block of vswitchId',
      received: cidr === undefined ? 'no vswitchCidr' : 'a vswitchCidr only known at deploy time',
      allowed: 'a literal vswitchCidr such as 10.0.1.0/24',
      docUrl: AliDocUrl.eniRouting,
    });
  }

  private validateVrrp(props: HaVipPairProps, priorities: { active: number; standby: number }): void {
    checkVrrpSettings(this, {
      virtualRouterId: props.virtualRouterId ?? DEFAULT_VIRTUAL_ROUTER_ID,
      advertisementIntervalSeconds: props.advertisementIntervalSeconds ?? 1,
      activePriority: priorities.active,
      standbyPriority: priorities.standby,
      password: props.vrrpPassword,
      address: 'HaVip',
      member: 'member',
    });
  }

  private validateClients(props: HaVipPairProps): void {
    const cidrs = props.clientCidrs ?? [];
    const ports = [...props.clientTcpPorts ?? [], ...props.clientUdpPorts ?? []];
    cidrs.forEach((cidr) => checkIpv4Cidr(this, 'a client CIDR', cidr));
    ports.forEach((port) => checkRange(this, 'a client port', port, 1, 65535, ErrorCode.InvalidPort));
    if ((cidrs.length === 0) !== (ports.length === 0)) {
      throw new NetworkConstraintError({
        code: ErrorCode.IncompleteClientIngress,
        scope: this,
        problem: 'clients of the HaVip need both their CIDR blocks and the ports they reach',
        received: cidrs.length === 0 ? `${ports.length} client ports and no client CIDR` : `${cidrs.length} client CIDRs and no client port`,
        allowed: 'clientCidrs with clientTcpPorts or clientUdpPorts, or neither',
        docUrl: AliDocUrl.securityGroupRules,
      });
    }
    const world = cidrs.find((cidr) => !isUnresolved(cidr) && parseCidr(cidr)?.prefix === 0);
    const admin = ADMIN_PORTS.find((a) => (props.clientTcpPorts ?? []).includes(a.port));
    if (world === undefined || admin === undefined) return;
    throw new NetworkConstraintError({
      code: ErrorCode.AdminPortOpenToInternet,
      scope: this,
      problem: `${admin.name} must not be open to the whole internet`,
      received: `TCP ${admin.port} from ${world}`,
      allowed: 'administration ports only from your admin CIDR, through a group of securityGroupIds',
      docUrl: AliDocUrl.securityGroupRules,
    });
  }

  /** A member's own user data runs as a program of its own, so it names its interpreter. */
  private validateMemberUserData(name: string, userData: string | undefined): void {
    requireShellScript(this, userData, {
      problem: `the ${name} member's user data runs as a program of its own before keepalived starts, so it must name its interpreter`,
      fix: 'Start the user data with a "#!" line; cloud-config and MIME multipart user data are not supported here',
    });
  }

}
