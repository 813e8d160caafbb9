import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { Construct } from 'constructs';
import { PatternHost, patternVpcId } from './pattern-host';
import { PatternHostProps } from './pattern-host-props';
import { checkDistinctSubnets, checkOneZone } from './subnet-checks';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkInterfaceNames, joinIds } from '../../core/interface-subnets';
import { checkProps } from '../../core/prop-checks';
import { isListToken } from '../../os/list-template';
import { DocUrl } from '../doc-url';
import { Instance } from '../instance';
import { Ipv4Assignment } from '../ipv4-assignment';
import { Ipv6Assignment } from '../ipv6-assignment';
import { NetworkInterface } from '../network-interface';
import { DUAL_HOMED_INSTANCE_PROPS, DUAL_HOMED_INTERFACE_OPTIONS } from '../prop-specs';
import { Peer } from '../security/peer';
import { Port } from '../security/port';
import { SecurityGroup } from '../security/security-group';
import { SubnetReference } from '../subnet-reference';

/** One inbound rule of the security group a `DualHomedInstance` creates for an interface. */
export interface InterfaceIngressRule {
  /** Where the traffic comes from: a CIDR block, a prefix list or a security group. */
  readonly peer: Peer;

  /** Protocol and ports. */
  readonly port: Port;

  /**
   * Description of the rule.
   * @default - no description
   */
  readonly description?: string;
}

/** One named interface of a `DualHomedInstance`. */
export interface DualHomedInterfaceOptions {
  /**
   * Name of the interface, unique in the instance (for example `web`, `app`, `db`): a letter, then
   * letters, digits, `-` or `_`, at most 63 characters. It names the constructs and is the key of
   * `networkInterface(name)`.
   */
  readonly name: string;

  /**
   * Subnet of the interface. Every interface of the instance is in the same Availability Zone;
   * the subnets may belong to different VPCs of the same account.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
   */
  readonly subnet: SubnetReference;

  /**
   * Existing security groups of the interface, in the interface's VPC.
   * @default - none: the interface gets only the group created for `ingressRules`
   */
  readonly securityGroupIds?: string[];

  /**
   * Inbound rules of a security group the pattern creates for this interface. The group is created
   * whenever rules are given or `securityGroupIds` is empty or known only at deploy time, so an
   * interface never falls back to the VPC's default group; with neither, the created group allows
   * no inbound traffic.
   * @default - no inbound rule
   */
  readonly ingressRules?: InterfaceIngressRule[];

  /**
   * Private IPv4 addresses.
   * @default Ipv4Assignment.automatic()
   */
  readonly privateIpv4?: Ipv4Assignment;

  /**
   * IPv6 addresses.
   * @default Ipv6Assignment.none()
   */
  readonly ipv6?: Ipv6Assignment;

  /**
   * VPC of the created security group.
   * @default - the subnet's VPC (known for subnets from `SubnetReference.fromSubnet`)
   */
  readonly vpcId?: string;

  /**
   * Description of the interface.
   * @default - '<name> interface of a dual-homed instance'
   */
  readonly description?: string;
}

/** What a `DualHomedInstance` keeps per interface name. */
interface NamedInterface {
  readonly nic: NetworkInterface;
  readonly group?: SecurityGroup;
  attachment?: NetworkInterfaceAttachmentA;
}

/** Props of a `DualHomedInstance`. */
export interface DualHomedInstanceProps extends PatternHostProps {
  /**
   * The interfaces, in device index order. When the pattern launches the instance, the first one
   * is its primary interface (eth0) and at least two are needed; with `existingInstance`, all are
   * secondary interfaces from `firstDeviceIndex` on and one is enough (the instance has its own eth0).
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
   */
  readonly interfaces: DualHomedInterfaceOptions[];

  /**
   * Accept two interfaces in the same subnet. AWS advises against it (asymmetric routing): use
   * secondary private IPv4 addresses on one interface instead.
   * @default false
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/best-practices-for-configuring-network-interfaces.html
   */
  readonly allowSameSubnet?: boolean;

  /**
   * Tags of the interfaces and security groups.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * An instance with named interfaces in two or more subnets (web tier, application tier, database
 * tier), each with its own security groups: the AWS "dual-homed instances with workloads/roles on
 * distinct subnets" scenario. The subnets may also be in two VPCs of the same account and the same
 * Availability Zone, to reach networks with overlapping CIDR blocks or that cannot be peered.
 *
 * The instance does not route between the networks: it receives requests on one interface and
 * opens its own connections to the back end on another. Source/destination check stays on.
 *
 * It launches its instance (the first interface is eth0) or adds every interface to
 * `existingInstance` as a secondary interface. Interfaces that are not eth0 need source-based
 * routing in the operating system so that replies leave by the interface the request came in on:
 * Amazon Linux does so with ec2-net-utils; on Ubuntu or other distributions give `osNetworkConfig`
 * and the launched instance's user data sets it up for every interface that is not eth0.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html
 */
export class DualHomedInstance extends Construct {
  /** The interface names, in device index order. */
  public readonly interfaceNames: string[];
  /** The interfaces, in device index order. */
  public readonly networkInterfaces: NetworkInterface[];
  /** The security groups the pattern created, in interface order. */
  public readonly securityGroups: SecurityGroup[];
  /** The attachments of the secondary interfaces, in device index order. */
  public readonly attachments: NetworkInterfaceAttachmentA[];
  /**
   * The launched instance.
   * @default - none with `existingInstance`
   */
  public readonly instance?: Instance;
  private readonly byName = new Map<string, NamedInterface>();

  constructor(scope: Construct, id: string, props: DualHomedInstanceProps) {
    super(scope, id);
    checkProps(this, props, DUAL_HOMED_INSTANCE_PROPS);
    props.interfaces.forEach((options, i) => checkProps(this, options, DUAL_HOMED_INTERFACE_OPTIONS, `props.interfaces[${i}]`));
    checkInterfaceNames(this, props.interfaces.map((entry) => entry.name), 'interface');
    const host = new PatternHost(this, props);
    this.checkCount(props.interfaces.length, host.launches);
    const subnets = props.interfaces.map((options) => ({ role: options.name, subnet: options.subnet }));
    if (!props.allowSameSubnet) {
      checkDistinctSubnets(this, subnets,
        'Carry the extra addresses as secondary private IPv4 addresses of one interface (Ipv4Assignment.count or .addresses), or pass allowSameSubnet: true');
    }
    checkOneZone(this, subnets);

    for (const options of props.interfaces) {
      const group = this.createSecurityGroup(options, props.tags);
      const nic = new NetworkInterface(this, `${options.name}Interface`, {
        subnet: options.subnet,
        privateIpv4: options.privateIpv4,
        ipv6: options.ipv6,
        securityGroupIds: joinIds(group ? [group.securityGroupId] : [], options.securityGroupIds),
        description: options.description ?? `${options.name} interface of a dual-homed instance`,
        tags: props.tags,
      });
      this.byName.set(options.name, { nic, group });
    }
    // A Map keeps insertion order, which is the declaration order and so the device index order.
    const entries = [...this.byName.values()];
    for (const entry of entries) entry.attachment = host.addInterface(entry.nic);
    this.interfaceNames = [...this.byName.keys()];
    this.networkInterfaces = entries.map((entry) => entry.nic);
    this.securityGroups = entries.flatMap((entry) => entry.group ? [entry.group] : []);
    this.attachments = entries.flatMap((entry) => entry.attachment ? [entry.attachment] : []);
    this.instance = host.instance;
  }

  /**
   * The interface called `name`.
   * @throws NetworkConstraintError (UnknownInterfaceName) when there is none
   */
  public networkInterface(name: string): NetworkInterface {
    return this.entry(name).nic;
  }

  /**
   * The security group the pattern created for the interface called `name`.
   * @returns the group, or undefined when the interface only has the `securityGroupIds` it was given
   */
  public securityGroup(name: string): SecurityGroup | undefined {
    return this.entry(name).group;
  }

  /**
   * Device index of the interface called `name` on the instance: 0 for the primary interface of a
   * launched instance. Operating-system routing (one route table per interface) is keyed on it.
   * @throws NetworkConstraintError (UnknownInterfaceName) when there is none
   */
  public deviceIndexOf(name: string): number {
    return this.entry(name).attachment?.deviceIndexInput ?? 0;
  }

  private entry(name: string): NamedInterface {
    const found = this.byName.get(name);
    if (found) return found;
    throw new NetworkConstraintError({
      code: ErrorCode.UnknownInterfaceName,
      scope: this,
      problem: 'no interface has this name',
      received: JSON.stringify(name),
      allowed: `one of ${[...this.byName.keys()].join(', ')}`,
    });
  }

  private createSecurityGroup(options: DualHomedInterfaceOptions, tags: { [key: string]: string } | undefined): SecurityGroup | undefined {
    const rules = options.ingressRules ?? [];
    // A list known only at deploy time may be empty then: the group keeps the interface off the VPC's default group.
    const added = options.securityGroupIds ?? [];
    if (rules.length === 0 && !isListToken(added) && added.length > 0) return undefined;
    const group = new SecurityGroup(this, `${options.name}SecurityGroup`, {
      vpcId: patternVpcId(this, options.subnet, options.vpcId),
      description: `${options.name} interface of a dual-homed instance`,
      tags,
    });
    for (const rule of rules) group.addIngressRule(rule.peer, rule.port, { description: rule.description });
    return group;
  }


  private checkCount(count: number, launches: boolean): void {
    const minimum = launches ? 2 : 1;
    if (count >= minimum) return;
    throw new NetworkConstraintError({
      code: ErrorCode.TooFewInterfaces,
      scope: this,
      problem: launches
        ? 'a dual-homed instance needs interfaces in at least two networks'
        : 'no interface to add to the existing instance',
      received: `${count} interface(s)`,
      allowed: launches ? 'at least 2 interfaces when the pattern launches the instance' : 'at least 1 interface with existingInstance',
      docUrl: DocUrl.eniScenarios,
    });
  }
}
