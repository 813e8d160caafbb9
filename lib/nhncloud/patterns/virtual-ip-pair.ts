import { Token, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { checkComputeHostProps, ComputeHost } from './compute-host';
import { ComputeHostProps } from './compute-host-props';
import { keepalivedSetupFragment, keepalivedSetupScript } from './virtual-ip/keepalived-user-data';
import { VIRTUAL_IP_PAIR_MEMBER_PROPS, VIRTUAL_IP_PAIR_PROPS } from './virtual-ip/prop-specs';
import { parseCidr } from '../../core/cidr';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkProps } from '../../core/prop-checks';
import { isUnresolved, literal } from '../../core/tokens';
import { checkDistinct } from '../../core/value-checks';
import { checkVrrpSettings } from '../../core/vrrp-checks';
import { KeepalivedNode } from '../../os/keepalived-node';
import { NetworkingSecgroupRuleV2 } from '../bindings/networking-secgroup-rule-v2';
import { ComputeInstanceReference } from '../compute-instance-reference';
import { NhnDocUrl } from '../doc-url';
import { FixedIpAssignment } from '../fixed-ip-assignment';
import { FloatingIp } from '../floating-ip';
import { Port } from '../port';
import { PortSecurity } from '../port-security';
import { Peer } from '../security/peer';
import { SecurityGroup } from '../security/security-group';
import { Traffic } from '../security/traffic';
import { VirtualIpPort } from '../virtual-ip-port';
import { VpcSubnetReference } from '../vpc-subnet-reference';

const DEFAULT_ACTIVE_PRIORITY = 150;
const DEFAULT_STANDBY_PRIORITY = 100;
const DEFAULT_VIRTUAL_ROUTER_ID = 51;
const PAIR_NAME = /^[A-Za-z0-9_-]{1,40}$/;
/** IP protocol number of VRRP, as an OpenStack security group rule takes it. */
const VRRP_PROTOCOL = '112';

/**
 * One of the two instances of a `VirtualIpPair`: launched (`flavorId`, `imageId`) or existing
 * (`existingInstance`). Its port in the pair's subnet is a standalone port: a launched instance
 * gets it as its primary port, an existing one gets it attached.
 */
export interface VirtualIpPairMember extends ComputeHostProps {
  /**
   * Fixed address of the member's port in the pair's subnet: keepalived's unicast peer and the
   * VRRP rule of the other member name it.
   * @default - picked by NHN Cloud (keepalived and the rules then refer to it at apply)
   */
  readonly privateIp?: string;

  /**
   * VRRP priority (1-254): the running member with the higher priority holds the virtual IP.
   * @default 150 for the active member, 100 for the standby
   * @see https://keepalived.readthedocs.io/en/latest/configuration_synopsis.html
   */
  readonly priority?: number;
}

/** Props of a `VirtualIpPair`. */
export interface VirtualIpPairProps {
  /**
   * The subnet of the virtual IP and of both members' ports: a virtual IP and the ports that use it
   * are in the same subnet (constraints.md B3).
   * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
   */
  readonly subnet: VpcSubnetReference;

  /**
   * Client ranges that reach the virtual IP on `clientTcpPorts` and `clientUdpPorts`. Clients are
   * allowed by CIDR block: a virtual IP belongs to no security group, so a rule naming a group
   * would not match traffic from it (constraints.md B19). An empty list admits no client.
   * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
   */
  readonly clientCidrs: string[];

  /**
   * TCP ports the clients reach the virtual IP on (SSH and RDP from the whole internet are refused).
   * @default - none
   */
  readonly clientTcpPorts?: number[];

  /**
   * UDP ports the clients reach the virtual IP on.
   * @default - none
   */
  readonly clientUdpPorts?: number[];

  /** The member that holds the virtual IP when the pair starts, with the higher priority. */
  readonly active: VirtualIpPairMember;

  /** The member that takes the virtual IP over when the active one stops advertising. */
  readonly standby: VirtualIpPairMember;

  /**
   * The virtual IP's address, in the subnet.
   * @default - picked by NHN Cloud
   */
  readonly virtualIpAddress?: string;

  /**
   * Name of the pair: the VRRP instance, the security group and the launched instances' default
   * names (letters, digits, `-`, `_`, at most 40).
   * @default - the construct's id and a hash of its construct path
   */
  readonly pairName?: string;

  /**
   * More security groups of both members' ports (administration access, for example).
   * @default - only the pair's own group
   */
  readonly securityGroupIds?: string[];

  /**
   * Pool of a floating IP on the virtual IP, which then reaches whichever member holds it. The
   * subnet must be in a routing table with an internet gateway (constraints.md B14).
   * @default - no floating IP
   * @see https://docs.nhncloud.com/en/Network/Floating%20IP/en/console-guide/
   */
  readonly floatingIpPool?: string;

  /**
   * VRRP virtual router id (1-255), unique among the VRRP pairs of the subnet.
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
   * Tags of the ports, the security group and the launched instances (NHN Cloud tags are plain strings).
   * @default - none but the marker tags
   */
  readonly tags?: string[];
}

/**
 * Two instances sharing an NHN Cloud virtual IP with keepalived. The virtual IP is a port of its own
 * (`VirtualIpPort`, attached to no instance); each member's port in the same subnet lists it as an
 * allowed address, so anti-spoofing lets either member send from it. Unicast VRRP between the two
 * ports' addresses elects the holder, which adds the address on its device and announces it with
 * gratuitous ARP: no API call and no credentials on the instances.
 *
 * The pair's security group, on both members' ports, admits VRRP (IP protocol 112) from the two
 * ports' addresses only, by `remote_ip_prefix` (a rule naming a group would not see traffic from the
 * virtual IP, constraints.md B19), and the clients by CIDR block on their ports.
 *
 * A launched member runs the keepalived setup from its user data at first boot. An existing member's
 * user data has run already: run `activeSetupScript` or `standbySetupScript` on it yourself.
 *
 * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
 */
export class VirtualIpPair extends Construct {
  /** Name of the pair. */
  public readonly pairName: string;
  /** The virtual IP's port. */
  public readonly virtualIp: VirtualIpPort;
  /** The virtual IP's address: the given one, or a reference to the one NHN Cloud picks. */
  public readonly virtualIpAddress: string;
  /** The active member's port in the pair's subnet. */
  public readonly activePort: Port;
  /** The standby member's port in the pair's subnet. */
  public readonly standbyPort: Port;
  /** The active member's instance, launched or existing. */
  public readonly activeInstance: ComputeInstanceReference;
  /** The standby member's instance, launched or existing. */
  public readonly standbyInstance: ComputeInstanceReference;
  /** The pair's security group: VRRP between the members, clients by CIDR. */
  public readonly securityGroup: SecurityGroup;
  /**
   * The floating IP on the virtual IP.
   * @default - none, unless `floatingIpPool` is given
   */
  public readonly floatingIp?: FloatingIp;
  /** Shell script that sets keepalived up on the active member (its user data when launched). */
  public readonly activeSetupScript: string;
  /** Shell script that sets keepalived up on the standby member (its user data when launched). */
  public readonly standbySetupScript: string;

  constructor(scope: Construct, id: string, props: VirtualIpPairProps) {
    super(scope, id);
    checkProps(this, props, VIRTUAL_IP_PAIR_PROPS);
    checkProps(this, props.active, VIRTUAL_IP_PAIR_MEMBER_PROPS, 'props.active');
    checkProps(this, props.standby, VIRTUAL_IP_PAIR_MEMBER_PROPS, 'props.standby');
    this.pairName = props.pairName ?? `${id.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 31)}-${this.node.addr.slice(0, 8)}`;
    this.validate(props);

    this.virtualIp = new VirtualIpPort(this, 'VirtualIp', {
      subnet: props.subnet,
      address: props.virtualIpAddress,
      floatingIpPool: props.floatingIpPool,
      name: `${this.pairName}-vip`,
      description: `virtual IP of pair ${this.pairName}, held by keepalived`,
      tags: props.tags,
    });
    this.virtualIpAddress = this.virtualIp.address;
    this.floatingIp = this.virtualIp.floatingIp;

    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      securityGroupName: this.pairName,
      description: `VRRP between the members of pair ${this.pairName}, and its clients`,
      tags: props.tags,
    });
    this.activePort = this.memberPort('active', props.active, props);
    this.standbyPort = this.memberPort('standby', props.standby, props);
    this.allowVrrp('active', this.activePort);
    this.allowVrrp('standby', this.standbyPort);
    this.allowClients(props);

    const active = this.member('active', props.active, this.activePort, this.standbyPort, props);
    const standby = this.member('standby', props.standby, this.standbyPort, this.activePort, props);
    this.activeInstance = active.instance;
    this.activeSetupScript = active.script;
    this.standbyInstance = standby.instance;
    this.standbySetupScript = standby.script;
  }

  /** A member's standalone port in the subnet, in the pair's group, allowed to send from the virtual IP. */
  private memberPort(name: string, member: VirtualIpPairMember, props: VirtualIpPairProps): Port {
    const port = new Port(this, name === 'active' ? 'ActivePort' : 'StandbyPort', {
      subnet: props.subnet,
      portSecurity: PortSecurity.withSecurityGroups([this.securityGroup.securityGroupId, ...props.securityGroupIds ?? []]),
      fixedIps: member.privateIp === undefined ? undefined : FixedIpAssignment.addresses(member.privateIp),
      name: `${this.pairName}-${name}`,
      description: `${name} member of pair ${this.pairName}`,
      tags: props.tags,
    });
    this.virtualIp.allow(port);
    return port;
  }

  /**
   * VRRP from one member's port address only. The rule is written as a resource of the pair: the
   * group's `Traffic` names TCP, UDP and ICMP, and VRRP is IP protocol 112.
   */
  private allowVrrp(name: string, port: Port): void {
    new NetworkingSecgroupRuleV2(this, name === 'active' ? 'VrrpFromActive' : 'VrrpFromStandby', {
      securityGroupId: this.securityGroup.securityGroupId,
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: VRRP_PROTOCOL,
      remoteIpPrefix: `${port.firstFixedIp}/32`,
      description: `VRRP from the ${name} member of pair ${this.pairName}`,
    });
  }

  private allowClients(props: VirtualIpPairProps): void {
    const traffic = [
      ...(props.clientTcpPorts ?? []).map((port) => Traffic.tcp(port)),
      ...(props.clientUdpPorts ?? []).map((port) => Traffic.udp(port)),
    ];
    for (const cidr of props.clientCidrs) {
      for (const t of traffic) {
        this.securityGroup.addIngressRule(Peer.ipv4(cidr), t, { description: `clients of pair ${this.pairName}` });
      }
    }
  }

  /** The member's instance with its port first, and keepalived set up for its side of the pair. */
  private member(
    name: 'active' | 'standby', member: VirtualIpPairMember, own: Port, peer: Port, props: VirtualIpPairProps,
  ): { instance: ComputeInstanceReference; script: string } {
    const node: KeepalivedNode = {
      pairName: this.pairName,
      nodeName: name,
      initiallyMaster: name === 'active',
      virtualIp: this.virtualIpAddress,
      virtualIpPrefixLength: parseCidr(props.subnet.cidr)?.prefix ?? 32,
      ownAddress: own.firstFixedIp,
      peerAddress: peer.firstFixedIp,
      priority: priorityOf(name, member),
      virtualRouterId: props.virtualRouterId ?? DEFAULT_VIRTUAL_ROUTER_ID,
      advertisementIntervalSeconds: props.advertisementIntervalSeconds ?? 1,
      // Only a notify script checks ownership; allowed address pairs need none (the subnet follows ARP).
      ownershipCheckIntervalSeconds: 0,
      authPassword: props.vrrpPassword,
    };
    const launches = member.existingInstance === undefined;
    const host = ComputeHost.create(this, name === 'active' ? 'ActiveInstance' : 'StandbyInstance', {
      ...member,
      instanceName: launches ? member.instanceName ?? `${this.pairName}-${name}` : undefined,
    }, {
      ports: [own],
      tags: props.tags,
      userData: keepalivedSetupFragment(node),
    });
    return { instance: host.instance, script: keepalivedSetupScript(node) };
  }

  private validate(props: VirtualIpPairProps): void {
    if (!isUnresolved(this.pairName) && !PAIR_NAME.test(this.pairName)) {
      throw new NetworkConstraintError({
        code: ErrorCode.InvalidPairName,
        scope: this,
        problem: 'the pair name names the VRRP instance, the security group and the instances',
        received: JSON.stringify(this.pairName),
        allowed: 'letters, digits, "-" and "_", at most 40',
      });
    }
    checkComputeHostProps(this, props.active);
    checkComputeHostProps(this, props.standby);
    this.checkSameInstanceTwice(props);
    checkDistinct(this, 'the virtual IP address and the members\' private IPs',
      [props.virtualIpAddress, props.active.privateIp, props.standby.privateIp].filter((a): a is string => a !== undefined));
    checkVrrpSettings(this, {
      virtualRouterId: props.virtualRouterId ?? DEFAULT_VIRTUAL_ROUTER_ID,
      advertisementIntervalSeconds: props.advertisementIntervalSeconds ?? 1,
      activePriority: priorityOf('active', props.active),
      standbyPriority: priorityOf('standby', props.standby),
      password: props.vrrpPassword,
      address: 'virtual IP',
      member: 'member',
    });
    if (Token.isUnresolved(props.clientCidrs) || Tokenization.reverseList(props.clientCidrs) !== undefined) {
      throw new NetworkConstraintError({
        code: ErrorCode.ListLengthUnknown,
        scope: this,
        problem: 'clientCidrs makes one security group rule per block and port, so its length must be known at synth',
        received: 'a list known only at deploy time',
        allowed: 'a list of CIDR blocks (each may be a reference)',
      });
    }
    const ports = [...props.clientTcpPorts ?? [], ...props.clientUdpPorts ?? []];
    if ((props.clientCidrs.length === 0) !== (ports.length === 0)) {
      throw new NetworkConstraintError({
        code: ErrorCode.IncompleteClientIngress,
        scope: this,
        problem: 'clients of the virtual IP need both their CIDR blocks and the ports they reach',
        received: ports.length === 0 ? `${props.clientCidrs.length} client CIDRs and no client port` : `${ports.length} client ports and no client CIDR`,
        allowed: 'clientCidrs with clientTcpPorts or clientUdpPorts, or an empty clientCidrs and no port',
        docUrl: NhnDocUrl.networkInterface,
      });
    }
  }

  /** Both members on one existing instance would make it its own VRRP peer. */
  private checkSameInstanceTwice(props: VirtualIpPairProps): void {
    const [active, standby] = [props.active.existingInstance?.instanceId, props.standby.existingInstance?.instanceId];
    if (literal(active) === undefined || active !== standby) return;
    throw new NetworkConstraintError({
      code: ErrorCode.SameInstanceTwice,
      scope: this,
      problem: 'the active and the standby member are the same instance, which cannot fail over to itself',
      received: `${active} twice`,
      allowed: 'two different instances',
    });
  }
}

function priorityOf(name: 'active' | 'standby', member: VirtualIpPairMember): number {
  return member.priority ?? (name === 'active' ? DEFAULT_ACTIVE_PRIORITY : DEFAULT_STANDBY_PRIORITY);
}
