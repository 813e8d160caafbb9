import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Route } from '@cdktf/provider-aws/lib/route';
import { dependable } from 'cdktf';
import { Construct } from 'constructs';
import { patternVpcId } from './pattern-host';
import { KeepalivedNodeSettings, keepalivedUserData } from './virtual-ip/keepalived-config';
import { VirtualIpMode } from './virtual-ip/vip-mode';
import { virtualIpPolicyStatements } from './virtual-ip/vip-policy';
import { cidrContains, parseCidr } from '../../core/cidr';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { joinIds } from '../../core/interface-subnets';
import { checkProps } from '../../core/prop-checks';
import { requireShellScript } from '../../core/shell-user-data';
import { isUnresolved, literal } from '../../core/tokens';
import { isListToken } from '../../os/list-template';
import { checkCidr, checkCount, checkNoDuplicates, checkPrivateIpv4 } from '../address-checks';
import { DocUrl } from '../doc-url';
import { ElasticIp } from '../elastic-ip';
import { policyDocument } from '../failover/agent-policy';
import { claimPairName, defaultPairName, PairKind } from '../failover/pair-name';
import { partitionOf, regionalIamName } from '../iam-scope';
import { Instance } from '../instance';
import { Ipv4Assignment } from '../ipv4-assignment';
import { MarkerRole, MarkerTag } from '../marker-tags';
import { NetworkInterface } from '../network-interface';
import { VIRTUAL_IP_NODE, VIRTUAL_IP_PAIR_PROPS } from '../prop-specs';
import { Peer } from '../security/peer';
import { Port } from '../security/port';
import { SecurityGroup } from '../security/security-group';
import { SubnetReference } from '../subnet-reference';

/** IP protocol number of VRRP. */
const VRRP_PROTOCOL = 112;
const DEFAULT_ACTIVE_PRIORITY = 150;
const DEFAULT_STANDBY_PRIORITY = 100;
const DEFAULT_OWNERSHIP_CHECK_SECONDS = 10;
const KEEPALIVED_DOC_URL = 'https://keepalived.readthedocs.io/en/latest/configuration_synopsis.html';

/** One of the two instances of a `VirtualIpPair`. */
export interface VirtualIpNode {
  /**
   * Subnet of the node's interface. SECONDARY_IP: the virtual IP's subnet, the same for both nodes.
   * OVERLAY_ROUTE: any subnet of the VPC, in any Availability Zone.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/MultipleIP.html
   */
  readonly subnet: SubnetReference;

  /**
   * Fixed primary private IPv4 address of the node's interface. keepalived's unicast peers and the
   * VRRP security group rules name it, so it is fixed rather than picked by AWS.
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
   */
  readonly privateIp: string;

  /**
   * VRRP priority (1-254): the running node with the higher priority holds the virtual IP.
   * Changing it replaces the node (it lives in the node's user data).
   * @default 150 for the active node, 100 for the standby
   * @see https://keepalived.readthedocs.io/en/latest/configuration_synopsis.html
   */
  readonly priority?: number;

  /**
   * AMI id of this node, to roll a new image out one node at a time: change the standby's, apply,
   * check that it runs keepalived as BACKUP, then the active's. A new AMI replaces the node.
   * @default - the pair's `ami`
   */
  readonly ami?: string;

  /**
   * This node's own user data: a script starting with `#!`, run as its own program at first boot,
   * before keepalived is installed and started (so a node whose script fails never takes the
   * virtual IP). The keepalived setup and this script together must fit EC2's 16 KB. Changing it
   * replaces the node: roll changes out one node at a time, the standby first.
   * @default - only the keepalived setup
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html
   */
  readonly userData?: string;
}

/** Props of a `VirtualIpPair`. */
export interface VirtualIpPairProps {
  /**
   * Name of the pair: VRRP instance, IAM role and instance profile, tags (letters, digits, `-`, `_`,
   * at most 40), unique among the app's virtual IP pairs.
   * @default - the construct's id and a hash of its construct path (`web-pair-1a2b3c4d`), unique in the app
   */
  readonly pairName?: string;

  /** How the virtual IP moves: as a secondary private IP, or as the target of overlay routes. */
  readonly mode: VirtualIpMode;

  /**
   * The virtual IPv4 address. SECONDARY_IP: an address of the shared subnet, neither reserved nor
   * either node's primary address. OVERLAY_ROUTE: an address outside every CIDR block of the VPC.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/MultipleIP.html
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html
   */
  readonly virtualIp: string;

  /** The node that holds the virtual IP when the pair is created, with the higher priority. */
  readonly active: VirtualIpNode;

  /** The node that takes the virtual IP over when the active one stops advertising. */
  readonly standby: VirtualIpNode;

  /**
   * Instance type of both nodes; in SECONDARY_IP mode the holder's interface carries two private IPv4
   * addresses, which every instance type allows.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
   */
  readonly instanceType: string;

  /**
   * AMI id of the nodes that set none of their own: Amazon Linux 2023 or Ubuntu (the user data
   * installs keepalived with dnf or apt). Changing it replaces both nodes in one apply, leaving no
   * node to hold the virtual IP meanwhile: to roll a new image out, set each node's `ami` instead,
   * the standby's first.
   */
  readonly ami: string;

  /**
   * EC2 key pair of both nodes. No SSH rule is added: reach the nodes through SSM Session Manager, or
   * add a rule from your admin range to `securityGroupIds`.
   * @default - no key pair
   */
  readonly keyName?: string;

  /**
   * VPC of the pair's security group.
   * @default - the VPC of the active node's subnet (known for subnets from `SubnetReference.fromSubnet`)
   */
  readonly vpcId?: string;

  /**
   * OVERLAY_ROUTE: every IPv4 CIDR block of the VPC; the virtual IP must lie outside all of them,
   * or the VPC's local route would win over the /32 route.
   * @default - none; required in OVERLAY_ROUTE mode
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html
   */
  readonly vpcCidrBlocks?: string[];

  /**
   * OVERLAY_ROUTE: route tables that get a /32 route to the virtual IP, pointing at the active
   * node's interface; the notify script moves them with ReplaceRoute.
   * @default - none; at least one is required in OVERLAY_ROUTE mode
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html
   */
  readonly routeTableIds?: string[];

  /**
   * SECONDARY_IP: allocate an Elastic IP mapped to the virtual IP; the notify script re-maps it to
   * the new holder's interface (AssociateAddress with AllowReassociation).
   * @default false
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
   */
  readonly elasticIp?: boolean;

  /**
   * Client ranges allowed to reach the virtual IP on `clientPorts`. A rule that references a
   * security group matches its members' private addresses, which a moving virtual IP does not
   * follow, so clients are allowed by CIDR, never by group.
   * @default - none
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html#security-group-referencing
   */
  readonly clientCidrs?: string[];

  /**
   * Ports the clients reach the virtual IP on (SSH and RDP from the internet are refused).
   * @default - none
   */
  readonly clientPorts?: Port[];

  /**
   * More security groups of both interfaces (administration access, for example).
   * @default - only the pair's own group
   */
  readonly securityGroupIds?: string[];

  /**
   * VRRP virtual router id (1-255), unique among the VRRP pairs that can hear each other.
   * @default 51
   * @see https://keepalived.readthedocs.io/en/latest/configuration_synopsis.html
   */
  readonly virtualRouterId?: number;

  /**
   * Seconds between VRRP advertisements (1-255); the standby takes over after about three missed ones.
   * @default 1
   */
  readonly advertisementIntervalSeconds?: number;

  /**
   * Seconds (5-3600) between two checks, on the MASTER, that EC2 still delivers the virtual IP to it
   * (instance metadata in SECONDARY_IP mode, DescribeRouteTables in OVERLAY_ROUTE mode); when it
   * does not (the other node was MASTER for a moment and took it, or the takeover failed), the
   * MASTER takes it over again.
   * @default 10
   */
  readonly ownershipCheckIntervalSeconds?: number;

  /**
   * VRRP simple password (1-8 letters, digits, `.`, `_`, `-`), readable in the user data: it only
   * guards against another VRRP pair on the same router id, the security group does the rest.
   * @default - no VRRP authentication
   */
  readonly vrrpPassword?: string;

  /**
   * AWS partition of the ARNs in the instances' policy (`aws`, `aws-cn`, `aws-us-gov`).
   * @default - the partition of the provider's region (`data.aws_partition`)
   */
  readonly partition?: string;

  /**
   * Tags of every resource of the pair.
   * @default - only the library's marker tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * Two instances sharing a virtual IP with keepalived: unicast VRRP between the nodes elects the
 * holder, whose notify script moves the virtual IP to its own interface through the EC2 API with the
 * instances' least-privilege role.
 *
 * Terraform places the virtual IP once, on the active node, when the pair is created, and never
 * again: the interfaces ignore changes to their private IP lists, the Elastic IP to its
 * association and the overlay routes to their target, so a plan after a failover is empty.
 *
 * keepalived's VRRP events reach one reader in order (a notify FIFO); the MASTER checks every
 * `ownershipCheckIntervalSeconds` that EC2 delivers the virtual IP to it and takes it over again
 * when not. keepalived's configuration lives in the user data, which runs at first boot only, so
 * a change to it replaces the node (`user_data_replace_on_change`) rather than restarting it with
 * the old configuration. Terraform replaces every changed node in the same apply: change one node
 * at a time (its `ami`, `userData` or `priority`), the standby first; for a change of the pair's
 * own settings, apply the standby's instance alone first (`terraform apply -target=...`).
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
 */
export class VirtualIpPair extends Construct {
  /** Tag that both interfaces of a pair carry, with the pair's name. */
  public static readonly PAIR_TAG = MarkerTag.virtualIpPair;

  /** Name of the pair. */
  public readonly pairName: string;
  /** How the virtual IP moves. */
  public readonly mode: VirtualIpMode;
  /** The virtual IP. */
  public readonly virtualIp: string;
  /** The active node's interface (its primary interface). */
  public readonly activeInterface: NetworkInterface;
  /** The standby node's interface (its primary interface). */
  public readonly standbyInterface: NetworkInterface;
  /** The active node. */
  public readonly activeInstance: Instance;
  /** The standby node. */
  public readonly standbyInstance: Instance;
  /** The pair's security group: VRRP between the nodes, clients by CIDR. */
  public readonly securityGroup: SecurityGroup;
  /** The instances' role. */
  public readonly role: IamRole;
  /** The role's inline policy. */
  public readonly policy: IamRolePolicy;
  /** The instances' profile. */
  public readonly instanceProfile: IamInstanceProfile;
  /** The Elastic IP mapped to the virtual IP (SECONDARY_IP with `elasticIp`). */
  public readonly elasticIp?: ElasticIp;
  /** The /32 routes to the virtual IP (OVERLAY_ROUTE). */
  public readonly routes: Route[];

  constructor(scope: Construct, id: string, props: VirtualIpPairProps) {
    super(scope, id);
    checkProps(this, props, VIRTUAL_IP_PAIR_PROPS);
    checkProps(this, props.active, VIRTUAL_IP_NODE, 'props.active');
    checkProps(this, props.standby, VIRTUAL_IP_NODE, 'props.standby');
    this.pairName = props.pairName ?? defaultPairName(this);
    this.mode = props.mode;
    this.virtualIp = props.virtualIp;
    const secondary = props.mode === VirtualIpMode.SECONDARY_IP;
    const routeTableIds = props.routeTableIds ?? [];
    const priorities = {
      active: props.active.priority ?? DEFAULT_ACTIVE_PRIORITY,
      standby: props.standby.priority ?? DEFAULT_STANDBY_PRIORITY,
    };
    this.validate(props, priorities);
    const tags = { ...props.tags, [VirtualIpPair.PAIR_TAG]: this.pairName };

    this.securityGroup = this.pairSecurityGroup(props, tags);
    const securityGroupIds = joinIds([this.securityGroup.securityGroupId], props.securityGroupIds);
    // The virtual IP starts on the active interface: it must be there before an Elastic IP can map to it.
    this.activeInterface = this.nodeInterface('Active', props.active, secondary ? [props.virtualIp] : [], securityGroupIds, tags);
    this.standbyInterface = this.nodeInterface('Standby', props.standby, [], securityGroupIds, tags);

    if (secondary && props.elasticIp) {
      this.elasticIp = new ElasticIp(this, 'ElasticIp', { tags });
      // On the aws_eip itself, not an aws_eip_association: each AssociateAddress by the notify script
      // makes a new association id, and Terraform would recreate a vanished association, taking the
      // address back. The allocation stays, and the ignored attributes are the ones keepalived owns.
      this.elasticIp.resource.networkInterface = this.activeInterface.networkInterfaceId;
      this.elasticIp.resource.associateWithPrivateIp = props.virtualIp;
      this.elasticIp.resource.lifecycle = { ignoreChanges: ['network_interface', 'associate_with_private_ip', 'instance'] };
    }
    this.routes = secondary ? [] : routeTableIds.map((routeTableId, i) => new Route(
      this, isUnresolved(routeTableId) ? `Route${i}` : `Route-${routeTableId}`, {
        routeTableId,
        destinationCidrBlock: `${props.virtualIp}/32`,
        networkInterfaceId: this.activeInterface.networkInterfaceId,
        // keepalived moves the target with ReplaceRoute; the route itself (table + destination) stays.
        lifecycle: { ignoreChanges: ['network_interface_id'] },
      }));

    const iamName = regionalIamName(this, `nic-vip-${this.pairName}`);
    this.role = new IamRole(this, 'Role', {
      name: iamName,
      description: `Moves the virtual IP of pair ${this.pairName} between its two interfaces`,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
      tags,
    });
    this.policy = new IamRolePolicy(this, 'Policy', {
      role: this.role.id,
      name: 'move-virtual-ip',
      policy: policyDocument(virtualIpPolicyStatements({
        partition: partitionOf(this, props.partition),
        mode: props.mode,
        networkInterfaceIds: [this.activeInterface.networkInterfaceId, this.standbyInterface.networkInterfaceId],
        routeTableIds,
        elasticIpAllocationId: this.elasticIp?.allocationId,
      })),
    });
    this.instanceProfile = new IamInstanceProfile(this, 'InstanceProfile', { name: iamName, role: this.role.name, tags });

    this.activeInstance = this.launchNode('active', this.activeInterface, props.active, props.standby, priorities.active, props);
    this.standbyInstance = this.launchNode('standby', this.standbyInterface, props.standby, props.active, priorities.standby, props);
  }

  /** One node: an instance on its interface whose user data runs keepalived with its side of the pair. */
  private launchNode(
    nodeName: string, own: NetworkInterface, self: VirtualIpNode, peer: VirtualIpNode, priority: number, props: VirtualIpPairProps,
  ): Instance {
    const secondary = props.mode === VirtualIpMode.SECONDARY_IP;
    const settings: KeepalivedNodeSettings = {
      pairName: this.pairName,
      nodeName,
      initiallyMaster: nodeName === 'active',
      mode: props.mode,
      virtualIp: props.virtualIp,
      virtualIpPrefixLength: secondary ? parseCidr(literal(self.subnet.ipv4CidrBlock))?.prefix ?? 32 : 32,
      ownAddress: self.privateIp,
      peerAddress: peer.privateIp,
      networkInterfaceId: own.networkInterfaceId,
      priority,
      virtualRouterId: props.virtualRouterId ?? 51,
      advertisementIntervalSeconds: props.advertisementIntervalSeconds ?? 1,
      ownershipCheckIntervalSeconds: props.ownershipCheckIntervalSeconds ?? DEFAULT_OWNERSHIP_CHECK_SECONDS,
      authPassword: props.vrrpPassword,
      routeTableIds: props.routeTableIds ?? [],
      elasticIp: this.elasticIp === undefined ? undefined : { allocationId: this.elasticIp.allocationId, publicIp: this.elasticIp.publicIp },
    };
    const instance = new Instance(this, `${nodeName === 'active' ? 'Active' : 'Standby'}Instance`, {
      instanceType: props.instanceType,
      ami: self.ami ?? props.ami,
      primaryInterface: own,
      keyName: props.keyName,
      userData: keepalivedUserData(settings, self.userData),
      iamInstanceProfile: this.instanceProfile.name,
      tags: { ...props.tags, [VirtualIpPair.PAIR_TAG]: this.pairName, Name: `${this.pairName}-${nodeName}` },
    });
    // keepalived's first MASTER transition at boot needs the policy, not only the profile.
    instance.resource.dependsOn = [dependable(this.policy)];
    // The user data runs at first boot only: changed in place, the node would restart with the
    // keepalived configuration it already had.
    instance.resource.userDataReplaceOnChange = true;
    return instance;
  }

  /** The pair's group: VRRP from each node's /32 only, and the clients by CIDR on their ports. */
  private pairSecurityGroup(props: VirtualIpPairProps, tags: Record<string, string>): SecurityGroup {
    const group = new SecurityGroup(this, 'SecurityGroup', {
      vpcId: patternVpcId(this, props.active.subnet, props.vpcId),
      description: `VRRP between the nodes of virtual IP pair ${this.pairName}, and its clients`,
      tags,
    });
    for (const [nodeName, node] of [['active', props.active], ['standby', props.standby]] as const) {
      group.addIngressRule(Peer.ipv4(`${node.privateIp}/32`), Port.ipProtocol(VRRP_PROTOCOL), {
        description: `VRRP from the ${nodeName} node`,
        id: `Vrrp-${nodeName}`,
      });
    }
    for (const cidr of props.clientCidrs ?? []) {
      for (const port of props.clientPorts ?? []) {
        group.addIngressRule(Peer.ipv4(cidr), port, { description: `Clients of virtual IP ${props.virtualIp}` });
      }
    }
    return group;
  }

  private nodeInterface(
    id: string, node: VirtualIpNode, secondaryAddresses: string[], securityGroupIds: string[], tags: Record<string, string>,
  ): NetworkInterface {
    const secondary = this.mode === VirtualIpMode.SECONDARY_IP;
    const nic = new NetworkInterface(this, `${id}Interface`, {
      subnet: node.subnet,
      privateIpv4: Ipv4Assignment.addresses(node.privateIp, ...secondaryAddresses),
      securityGroupIds,
      // Overlay traffic is addressed to the virtual IP, which is no address of the interface.
      sourceDestCheck: secondary,
      description: `${id.toLowerCase()} node of virtual IP pair ${this.pairName}`,
      tags: {
        ...tags,
        [MarkerTag.role]: MarkerRole.virtualIp,
        // NIC050 checks the subnet of the virtual IPs listed here; an overlay virtual IP is in none.
        ...secondary ? { [MarkerTag.virtualIps]: this.virtualIp } : {},
      },
    });
    if (secondary) {
      // The notify script moves the virtual IP between the interfaces; Terraform placed it once.
      nic.resource.lifecycle = { ignoreChanges: ['private_ip_list', 'private_ips', 'private_ips_count'] };
    }
    return nic;
  }

  private validate(props: VirtualIpPairProps, priorities: { active: number; standby: number }): void {
    claimPairName(this, PairKind.VIRTUAL_IP, this.pairName);
    checkPrivateIpv4(this, 'the virtual IP', props.virtualIp);
    this.validateVrrp(props, priorities);
    this.validateClients(props);
    this.validateMemberUserData('active', props.active.userData);
    this.validateMemberUserData('standby', props.standby.userData);
    if (props.mode === VirtualIpMode.SECONDARY_IP) this.validateSecondaryIp(props);
    else this.validateOverlay(props);
  }

  private validateVrrp(props: VirtualIpPairProps, priorities: { active: number; standby: number }): void {
    checkCount(this, 'virtualRouterId', props.virtualRouterId ?? 51, 1, 255);
    checkCount(this, 'advertisementIntervalSeconds', props.advertisementIntervalSeconds ?? 1, 1, 255);
    checkCount(this, 'ownershipCheckIntervalSeconds', props.ownershipCheckIntervalSeconds ?? DEFAULT_OWNERSHIP_CHECK_SECONDS, 5, 3600);
    checkCount(this, 'the active node\'s priority', priorities.active, 1, 254);
    checkCount(this, 'the standby node\'s priority', priorities.standby, 1, 254);
    if (!isUnresolved(priorities.active) && !isUnresolved(priorities.standby) && priorities.active <= priorities.standby) {
      throw new NetworkConstraintError({
        code: ErrorCode.VrrpPrioritiesNotOrdered,
        scope: this,
        problem: 'the active node must have the higher VRRP priority, or the standby takes the virtual IP at boot',
        received: `active ${priorities.active}, standby ${priorities.standby}`,
        allowed: 'an active priority greater than the standby\'s',
        docUrl: KEEPALIVED_DOC_URL,
      });
    }
    const password = props.vrrpPassword;
    if (password !== undefined && !isUnresolved(password) && !/^[A-Za-z0-9._-]{1,8}$/.test(password)) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidVrrpPassword,
        scope: this,
        problem: 'a VRRP simple password holds at most 8 characters and is written into a shell script',
        received: `${password.length} characters`,
        allowed: '1 to 8 letters, digits, ".", "_" or "-"',
        docUrl: KEEPALIVED_DOC_URL,
      });
    }
  }

  private validateClients(props: VirtualIpPairProps): void {
    const cidrs = props.clientCidrs ?? [];
    const ports = props.clientPorts ?? [];
    cidrs.forEach((cidr) => checkCidr(this, 'a client CIDR', cidr));
    if ((cidrs.length === 0) === (ports.length === 0)) return;
    throw new NetworkConstraintError({
      code: ErrorCode.IncompleteClientIngress,
      scope: this,
      problem: 'clients of the virtual IP need both their CIDR blocks and the ports they reach',
      received: cidrs.length === 0 ? `${ports.length} client ports and no client CIDR` : `${cidrs.length} client CIDRs and no client port`,
      allowed: 'clientCidrs and clientPorts together, or neither',
      docUrl: DocUrl.securityGroupRules,
    });
  }

  private validateSecondaryIp(props: VirtualIpPairProps): void {
    this.refuseProps(props, ['routeTableIds', 'vpcCidrBlocks'], 'OVERLAY_ROUTE');
    const [active, standby] = [props.active.subnet, props.standby.subnet];
    // Two references to one subnet are distinct tokens: compare what is known literally, and leave
    // subnets known only by reference to NIC050, which compares the resources at synth.
    const differ = (a?: string, b?: string) => a !== undefined && b !== undefined && !isUnresolved(a) && !isUnresolved(b) && a !== b;
    if (differ(active.subnetId, standby.subnetId) || differ(active.ipv4CidrBlock, standby.ipv4CidrBlock)
      || differ(active.availabilityZone, standby.availabilityZone)) {
      throw new NetworkConstraintError({
        code: ErrorCode.VirtualIpSubnetMismatch,
        scope: this,
        problem: 'a secondary private IP only moves between interfaces of one subnet, so both nodes must be in the virtual IP\'s subnet',
        received: `active in ${active.ipv4CidrBlock ?? active.subnetId}, standby in ${standby.ipv4CidrBlock ?? standby.subnetId}`,
        allowed: 'both nodes in one subnet',
        fix: 'Put both nodes in one subnet, or use VirtualIpMode.OVERLAY_ROUTE to span subnets and Availability Zones',
        docUrl: DocUrl.multipleIp,
      });
    }
    checkPrivateIpv4(this, 'the virtual IP', props.virtualIp, active.ipv4CidrBlock);
    checkNoDuplicates(this, 'the virtual IP and the nodes\' primary addresses', [props.virtualIp, props.active.privateIp, props.standby.privateIp]);
  }

  private validateOverlay(props: VirtualIpPairProps): void {
    this.refuseProps(props, ['elasticIp'], 'SECONDARY_IP');
    checkNoDuplicates(this, 'the nodes\' primary addresses', [props.active.privateIp, props.standby.privateIp]);
    const tables = props.routeTableIds ?? [];
    // One aws_route per table: a list whose length is only known at deploy time cannot be iterated.
    if (tables.length === 0 || isListToken(tables)) {
      throw new NetworkConstraintError({
        code: ErrorCode.MissingRouteTables,
        scope: this,
        problem: 'an overlay virtual IP is reached through /32 routes, one per route table, so the tables must be listed',
        received: tables.length === 0 ? 'no route table' : 'a list of route tables known only at deploy time',
        allowed: 'a list of at least one route table id (each id may be a reference)',
        docUrl: DocUrl.routeTables,
      });
    }
    const literalTables = tables.filter((t) => !isUnresolved(t));
    const duplicate = literalTables.find((t, i) => literalTables.indexOf(t) !== i);
    if (duplicate !== undefined) {
      throw new NetworkConstraintError({
        code: ErrorCode.DuplicateRouteTable,
        scope: this,
        problem: 'a route table holds one route per destination',
        received: `${duplicate} twice`,
        allowed: 'each route table once',
        docUrl: DocUrl.routeTables,
      });
    }
    const vpcCidrs = props.vpcCidrBlocks ?? [];
    if (isListToken(vpcCidrs)) return;
    if (vpcCidrs.length === 0) {
      throw new NetworkConstraintError({
        code: ErrorCode.MissingVpcCidrBlocks,
        scope: this,
        problem: 'an overlay virtual IP must lie outside the VPC, whose CIDR blocks are needed to check it',
        received: 'no vpcCidrBlocks',
        allowed: 'every IPv4 CIDR block of the VPC',
        docUrl: DocUrl.routeTables,
      });
    }
    for (const cidr of vpcCidrs) {
      checkCidr(this, 'a VPC CIDR block', cidr);
      if (isUnresolved(cidr) || isUnresolved(props.virtualIp) || !cidrContains(cidr, props.virtualIp)) continue;
      throw new NetworkConstraintError({
        code: ErrorCode.VirtualIpInsideVpc,
        scope: this,
        problem: 'an overlay virtual IP must lie outside every CIDR block of the VPC: the local route of the VPC wins over a /32 route into it',
        received: `${props.virtualIp} (VPC block ${cidr})`,
        allowed: 'an address outside every VPC CIDR block, such as one of 192.168.255.0/24 in a 10.0.0.0/16 VPC',
        fix: 'Pick an address outside the VPC, or use VirtualIpMode.SECONDARY_IP for an address of a subnet',
        docUrl: DocUrl.routeTables,
      });
    }
  }

  /** A node's own user data runs as a program of its own, so it names its interpreter. */
  private validateMemberUserData(nodeName: string, userData: string | undefined): void {
    requireShellScript(this, userData, {
      problem: `the ${nodeName} node's user data runs as a program of its own before keepalived starts, so it must name its interpreter`,
      fix: 'Start the user data with a "#!" line; cloud-config and MIME multipart user data are not supported here',
      docUrl: DocUrl.userData,
    });
  }


  /** Refuses props of the other mode, which would be silently ignored. */
  private refuseProps(props: VirtualIpPairProps, names: Array<keyof VirtualIpPairProps>, otherMode: string): void {
    const given = names.filter((name) => props[name] !== undefined && props[name] !== false);
    if (given.length === 0) return;
    throw new NetworkConstraintError({
      code: ErrorCode.ConflictingProps,
      scope: this,
      problem: `${given.join(' and ')} only apply in ${otherMode} mode`,
      received: `${given.join(', ')} with mode ${props.mode}`,
      allowed: `${names.join(' and ')} only with VirtualIpMode.${otherMode}`,
    });
  }
}
