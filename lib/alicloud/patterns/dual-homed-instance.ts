import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { checkDistinctVswitches, checkOnePlacement, EcsHost } from './ecs-host';
import { EcsHostProps } from './ecs-host-props';
import { checkRoutedHost, routedUserData, standaloneEniRouting } from './ecs-host-routing';
import { EcsOsNetworkConfig } from './ecs-os-network-config';
import { DUAL_HOMED_INSTANCE_PROPS, DUAL_HOMED_INTERFACE_OPTIONS } from './prop-specs';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkInterfaceNames, joinIds } from '../../core/interface-subnets';
import { checkProps } from '../../core/prop-checks';
import { isListToken } from '../../os/list-template';
import { AliDocUrl } from '../doc-url';
import { EcsInstanceReference } from '../ecs-instance-reference';
import { EcsNetworkInterface } from '../ecs-network-interface';
import { EniIpv4Assignment } from '../eni-ipv4-assignment';
import { Peer } from '../security/peer';
import { Port } from '../security/port';
import { SecurityGroup } from '../security/security-group';
import { VswitchReference } from '../vswitch-reference';

/** One inbound rule of the security group a `DualHomedInstance` creates for an ENI. */
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

/** One named ENI of a `DualHomedInstance`. */
export interface DualHomedInterfaceOptions {
  /**
   * Name of the ENI, unique in the instance (for example `web`, `app`, `db`): a letter, then
   * letters, digits, `-` or `_`, at most 63 characters. It names the constructs and is the key of
   * `networkInterface(name)`.
   */
  readonly name: string;

  /**
   * vSwitch of the ENI. Every ENI of an instance is in the instance's VPC and zone; the vSwitches differ.
   * @see https://www.alibabacloud.com/help/en/doc-detail/58515.htm
   */
  readonly vswitch: VswitchReference;

  /**
   * Existing security groups of the ENI, in the pattern's VPC.
   * @default - none: the ENI gets only the group created for `ingressRules`
   */
  readonly securityGroupIds?: string[];

  /**
   * Inbound rules of a security group the pattern creates for this ENI. The group is created
   * whenever rules are given or `securityGroupIds` is empty or known only at deploy time, since an
   * ENI (and an instance) joins at least one group; with neither, the group allows no inbound traffic.
   * @default - no inbound rule
   * @see https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules
   */
  readonly ingressRules?: InterfaceIngressRule[];

  /**
   * Private IPv4 addresses of the ENI.
   * @default EniIpv4Assignment.automatic()
   */
  readonly privateIpv4?: EniIpv4Assignment;

  /**
   * Description of the ENI (of its security group for the instance's primary ENI).
   * @default - '<name> ENI of a dual-homed instance'
   */
  readonly description?: string;
}

/** What a `DualHomedInstance` keeps per ENI name. */
interface NamedInterface {
  /** The standalone ENI; none for the primary ENI of a launched instance, which comes with it. */
  readonly eni?: EcsNetworkInterface;
  readonly group?: SecurityGroup;
  readonly attachment?: TerraformResource;
}

/** Props of an Alibaba Cloud `DualHomedInstance`. */
export interface DualHomedInstanceProps extends EcsHostProps {
  /** VPC of every vSwitch and of the security groups the pattern creates. */
  readonly vpcId: string;

  /**
   * The ENIs. When the pattern launches the instance, the first one is its primary ENI and at
   * least two are needed; with `existingInstance`, all are standalone ENIs attached to it and one
   * is enough (the instance has its own primary ENI).
   * @see https://www.alibabacloud.com/help/en/ecs/user-guide/eni-overview
   */
  readonly interfaces: DualHomedInterfaceOptions[];

  /**
   * Accept two ENIs in the same vSwitch. Two routes to one vSwitch invite asymmetric routing:
   * carry more addresses as secondary private IPs of one ENI instead.
   * @default false
   * @see https://www.alibabacloud.com/help/en/ecs/user-guide/configure-nic-routing
   */
  readonly allowSameVswitch?: boolean;

  /**
   * Operating system of the launched instance, to append to its user data the policy-based routes
   * of every standalone ENI: the n-th gets its own route table (100 + n) with its vSwitch and a
   * default route through the vSwitch's gateway (its third address from the end), and a source rule
   * per private IP, so that replies leave by the ENI the request came in on rather than by the
   * primary one. `EcsOsNetworkConfig.iproute2Script()` (any Linux image) or
   * `EcsOsNetworkConfig.ubuntuNetplan()`. `userData`, when given, must be a shell script (`#!`); the
   * vSwitches of the standalone ENIs need a literal `cidrBlock`. Not with `existingInstance`, whose
   * user data has run already.
   * @default - none (the user data is left as given)
   * @see https://www.alibabacloud.com/help/en/ecs/user-guide/configure-nic-routing
   */
  readonly osNetworkConfig?: EcsOsNetworkConfig;

  /**
   * Tags of the ENIs and security groups.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * An ECS instance with named ENIs in two or more vSwitches of one VPC and zone (web tier, back-end
 * tier, database tier), each with its own security groups. The instance does not route between the
 * vSwitches: it receives requests on one ENI and opens its own connections to the back end on
 * another; source/destination check stays on.
 *
 * It launches its instance (IMDSv2 only; the first ENI is its primary ENI) or attaches every ENI
 * to `existingInstance`. Each further ENI is an `alicloud_ecs_network_interface` of its own,
 * attached with an `alicloud_ecs_network_interface_attachment` and not released with the instance.
 * The operating system needs policy-based routes for each standalone ENI so that replies leave by
 * the ENI the request came in on: give `osNetworkConfig` and the launched instance's user data adds them.
 *
 * @see https://www.alibabacloud.com/help/en/ecs/user-guide/eni-overview
 * @see https://www.alibabacloud.com/help/en/ecs/user-guide/configure-nic-routing
 */
export class DualHomedInstance extends Construct {
  /** The ENI names, in declaration order. */
  public readonly interfaceNames: string[];
  /** The standalone ENIs the pattern created, in declaration order (the primary ENI of a launched instance is not one). */
  public readonly networkInterfaces: EcsNetworkInterface[];
  /** The security groups the pattern created, in declaration order. */
  public readonly securityGroups: SecurityGroup[];
  /** The attachments of the standalone ENIs, in declaration order. */
  public readonly attachments: TerraformResource[];
  /** Id of the instance. */
  public readonly instanceId: string;
  /** The instance as an ENI and EIP target. */
  public readonly instance: EcsInstanceReference;
  /**
   * The launched `alicloud_instance`, for escape hatches.
   * @default - none with `existingInstance`
   */
  public readonly instanceResource?: TerraformResource;
  private readonly byName = new Map<string, NamedInterface>();

  constructor(scope: Construct, id: string, props: DualHomedInstanceProps) {
    super(scope, id);
    checkProps(this, props, DUAL_HOMED_INSTANCE_PROPS);
    props.interfaces.forEach((options, i) => checkProps(this, options, DUAL_HOMED_INTERFACE_OPTIONS, `props.interfaces[${i}]`));
    checkInterfaceNames(this, props.interfaces.map((entry) => entry.name), 'ENI');
    const host = new EcsHost(this, props);
    this.checkCount(props.interfaces.length, host.launches);
    checkRoutedHost(this, props.osNetworkConfig, host.launches);
    const vswitches = props.interfaces.map((options) => ({ role: options.name, vswitch: options.vswitch }));
    if (!props.allowSameVswitch) {
      checkDistinctVswitches(this, vswitches,
        'Carry the extra addresses as secondary private IPs of one ENI (EniIpv4Assignment.count or .addresses), or pass allowSameVswitch: true');
    }
    checkOnePlacement(this, vswitches, props.vpcId);

    const [first, ...others] = props.interfaces;
    // The standalone ENIs exist before the instance, whose user data routes them.
    const secondaries = (host.launches ? others : props.interfaces).map((options) => {
      const group = this.createSecurityGroup(options, props);
      const eni = new EcsNetworkInterface(this, `${options.name}Interface`, {
        vswitch: options.vswitch,
        privateIpv4: options.privateIpv4,
        securityGroupIds: joinIds(group ? [group.securityGroupId] : [], options.securityGroupIds),
        deleteOnRelease: false,
        description: options.description ?? `${options.name} ENI of a dual-homed instance`,
        tags: props.tags,
      });
      return { name: options.name, eni, group };
    });
    if (host.launches) {
      const group = this.createSecurityGroup(first, props);
      const routings = props.osNetworkConfig ? secondaries.map(({ eni }, i) => standaloneEniRouting(this, eni, i + 1)) : [];
      this.instanceResource = host.launch({
        vswitch: first.vswitch,
        vpcId: props.vpcId,
        privateIpv4: first.privateIpv4,
        securityGroupIds: joinIds(group ? [group.securityGroupId] : [], first.securityGroupIds),
      }, routedUserData(this, props.osNetworkConfig, routings, props.userData));
      this.byName.set(first.name, { group });
    }
    for (const { name, eni, group } of secondaries) this.byName.set(name, { eni, group, attachment: host.attach(eni) });
    const entries = [...this.byName.values()];
    this.interfaceNames = [...this.byName.keys()];
    this.networkInterfaces = entries.flatMap((entry) => entry.eni ? [entry.eni] : []);
    this.securityGroups = entries.flatMap((entry) => entry.group ? [entry.group] : []);
    this.attachments = entries.flatMap((entry) => entry.attachment ? [entry.attachment] : []);
    this.instance = host.reference;
    this.instanceId = host.reference.instanceId;
  }

  /**
   * The standalone ENI called `name`.
   * @returns the ENI, or undefined for the primary ENI of the launched instance, which comes with the instance
   * @throws NetworkConstraintError (UnknownInterfaceName) when no ENI has this name
   */
  public networkInterface(name: string): EcsNetworkInterface | undefined {
    return this.entry(name).eni;
  }

  /**
   * The security group the pattern created for the ENI called `name`.
   * @returns the group, or undefined when the ENI only has the `securityGroupIds` it was given
   * @throws NetworkConstraintError (UnknownInterfaceName) when no ENI has this name
   */
  public securityGroup(name: string): SecurityGroup | undefined {
    return this.entry(name).group;
  }

  private entry(name: string): NamedInterface {
    const found = this.byName.get(name);
    if (found) return found;
    throw new NetworkConstraintError({
      code: ErrorCode.UnknownInterfaceName,
      scope: this,
      problem: 'no ENI has this name',
      received: JSON.stringify(name),
      allowed: `one of ${[...this.byName.keys()].join(', ')}`,
    });
  }

  private createSecurityGroup(options: DualHomedInterfaceOptions, props: DualHomedInstanceProps): SecurityGroup | undefined {
    const rules = options.ingressRules ?? [];
    // A list known only at deploy time may be empty then: the group keeps the ENI valid.
    const added = options.securityGroupIds ?? [];
    if (rules.length === 0 && !isListToken(added) && added.length > 0) return undefined;
    const group = new SecurityGroup(this, `${options.name}SecurityGroup`, {
      vpcId: props.vpcId,
      description: options.description ?? `${options.name} ENI of a dual-homed instance`,
      tags: props.tags,
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
      problem: launches ? 'a dual-homed instance needs ENIs in at least two vSwitches' : 'no ENI to attach to the existing instance',
      received: `${count} ENI(s)`,
      allowed: launches ? 'at least 2 ENIs when the pattern launches the instance' : 'at least 1 ENI with existingInstance',
      docUrl: AliDocUrl.eniOverview,
    });
  }
}
