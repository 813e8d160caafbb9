import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { checkComputeHostProps, ComputeHost } from './compute-host';
import { ComputeHostProps } from './compute-host-props';
import { checkPortSubnets, createGroup, defaultName } from './pattern-ports';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkInterfaceNames, joinIds } from '../../core/interface-subnets';
import { checkProps } from '../../core/prop-checks';
import { isListToken } from '../../os/list-template';
import { ComputeInstanceReference } from '../compute-instance-reference';
import { NhnDocUrl } from '../doc-url';
import { FixedIpAssignment } from '../fixed-ip-assignment';
import { Port } from '../port';
import { PortSecurity } from '../port-security';
import { DUAL_HOMED_INSTANCE_PROPS, DUAL_HOMED_PORT_OPTIONS } from '../prop-specs';
import { Peer } from '../security/peer';
import { SecurityGroup } from '../security/security-group';
import { Traffic } from '../security/traffic';
import { VpcSubnetReference } from '../vpc-subnet-reference';

/** One inbound rule of a security group an NHN Cloud pattern creates for a port. */
export interface PortIngressRule {
  /** Where the traffic comes from: an IPv4 CIDR block or a security group. */
  readonly peer: Peer;

  /** Protocol and ports. */
  readonly traffic: Traffic;

  /**
   * Description of the rule.
   * @default - no description
   */
  readonly description?: string;
}

/** One named port of an NHN Cloud `DualHomedInstance`. */
export interface DualHomedPortOptions {
  /**
   * Name of the port, unique in the instance (for example `web`, `app`, `db`): a letter, then
   * letters, digits, `-` or `_`, at most 63 characters. It names the constructs and is the key of
   * `port(name)`.
   */
  readonly name: string;

  /** Subnet of the port; the subnets of an instance's ports differ and share one VPC. */
  readonly subnet: VpcSubnetReference;

  /**
   * Existing security groups of the port.
   * @default - none: the port gets only the group created for `ingressRules`
   */
  readonly securityGroupIds?: string[];

  /**
   * Inbound rules of a security group the pattern creates for this port. The group is created
   * whenever rules are given or `securityGroupIds` is empty or known only at deploy time, since a
   * port with port security on joins at least one group; with neither, it allows no inbound traffic.
   * @default - no inbound rule
   * @see https://registry.terraform.io/providers/nhn-cloud/nhncloud/1.0.7/docs/resources/networking_secgroup_rule_v2
   */
  readonly ingressRules?: PortIngressRule[];

  /**
   * Fixed IPv4 addresses of the port.
   * @default FixedIpAssignment.automatic()
   */
  readonly fixedIps?: FixedIpAssignment;

  /**
   * Description of the port and of its security group.
   * @default - '<name> port of a dual-homed instance'
   */
  readonly description?: string;
}

/** Props of an NHN Cloud `DualHomedInstance`. */
export interface DualHomedInstanceProps extends ComputeHostProps {
  /**
   * The ports. When the pattern launches the instance, the first one is its primary port (eth0) and
   * at least two are needed; with `existingInstance`, one is enough (the instance has its own NICs).
   * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
   */
  readonly ports: DualHomedPortOptions[];

  /**
   * Tags of the ports, the security groups and the launched instance.
   * @default - no tags
   */
  readonly tags?: string[];
}

/** What a `DualHomedInstance` keeps per port name. */
interface NamedPort {
  readonly port: Port;
  readonly group?: SecurityGroup;
  readonly attachment?: TerraformResource;
}

/**
 * An NHN Cloud instance with named ports in two or more subnets of one VPC (web tier, back-end
 * tier, database tier), each with its own security groups. The instance does not route between
 * the subnets: it receives requests on one port and opens its own connections on another, so
 * anti-spoofing stays on.
 *
 * Every port is a standalone `nhncloud_networking_port_v2`, which outlives the instance and keeps
 * its address when the instance is replaced (a port the instance creates inline is deleted with it,
 * constraints.md B12), and carries its own security groups (an instance's `security_groups` never
 * reach an existing port, B16). The pattern launches the instance with every port as
 * `network.port`, the first one as eth0, or attaches every port to `existingInstance`. Replies must
 * leave by the port the request came in on: NHN Cloud images from 2018-12-27 on set up that policy
 * routing themselves.
 *
 * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
 * @see https://docs.nhncloud.com/en/Network/Floating%20IP/en/console-guide/
 */
export class DualHomedInstance extends Construct {
  /** The port names, in declaration order. */
  public readonly portNames: string[];
  /** The ports, in declaration order. */
  public readonly ports: Port[];
  /** The security groups the pattern created, in declaration order. */
  public readonly securityGroups: SecurityGroup[];
  /** The attachments of the ports to `existingInstance`, in declaration order; none for a launched instance. */
  public readonly attachments: TerraformResource[];
  /** Id of the instance. */
  public readonly instanceId: string;
  /** The instance, for further ports. */
  public readonly instance: ComputeInstanceReference;
  /**
   * The launched `nhncloud_compute_instance_v2`, for escape hatches.
   * @default - none with `existingInstance`
   */
  public readonly instanceResource?: TerraformResource;
  private readonly byName = new Map<string, NamedPort>();

  constructor(scope: Construct, id: string, props: DualHomedInstanceProps) {
    super(scope, id);
    checkProps(this, props, DUAL_HOMED_INSTANCE_PROPS);
    props.ports.forEach((options, i) => checkProps(this, options, DUAL_HOMED_PORT_OPTIONS, `props.ports[${i}]`));
    checkInterfaceNames(this, props.ports.map((entry) => entry.name), 'port');
    this.checkCount(props.ports.length, checkComputeHostProps(this, props));
    checkPortSubnets(this, props.ports.map((options) => ({ role: options.name, subnet: options.subnet })),
      'Carry the extra addresses as further fixed IPs of one port (FixedIpAssignment.count or .addresses)');

    const baseName = props.instanceName ?? defaultName(this);
    const created = props.ports.map((options) => {
      const description = options.description ?? `${options.name} port of a dual-homed instance`;
      const group = this.needsGroup(options)
        ? createGroup(this, `${options.name}SecurityGroup`, `${baseName}-${options.name}`, description, options.ingressRules ?? [], props.tags)
        : undefined;
      const port = new Port(this, `${options.name}Port`, {
        subnet: options.subnet,
        portSecurity: PortSecurity.withSecurityGroups(joinIds(group ? [group.securityGroupId] : [], options.securityGroupIds)),
        fixedIps: options.fixedIps,
        name: `${baseName}-${options.name}`,
        description,
        tags: props.tags,
      });
      return { name: options.name, port, group };
    });
    const host = ComputeHost.create(this, 'Instance', props, { ports: created.map(({ port }) => port), tags: props.tags });
    created.forEach(({ name, port, group }, i) => this.byName.set(name, { port, group, attachment: host.attachments[i] }));
    this.portNames = created.map(({ name }) => name);
    this.ports = created.map(({ port }) => port);
    this.securityGroups = created.flatMap(({ group }) => group ? [group] : []);
    this.attachments = host.attachments;
    this.instance = host.instance;
    this.instanceId = host.instance.instanceId;
    this.instanceResource = host.resource;
  }

  /**
   * The port called `name`.
   * @throws NetworkConstraintError `UnknownInterfaceName` when no port has this name
   */
  public port(name: string): Port {
    return this.entry(name).port;
  }

  /**
   * The security group the pattern created for the port called `name`.
   * @returns the group, or undefined when the port only has the `securityGroupIds` it was given
   * @throws NetworkConstraintError `UnknownInterfaceName` when no port has this name
   */
  public securityGroup(name: string): SecurityGroup | undefined {
    return this.entry(name).group;
  }

  private entry(name: string): NamedPort {
    const found = this.byName.get(name);
    if (found) return found;
    throw new NetworkConstraintError({
      code: ErrorCode.UnknownInterfaceName,
      scope: this,
      problem: 'no port has this name',
      received: JSON.stringify(name),
      allowed: `one of ${this.portNames.join(', ')}`,
    });
  }

  /** A list known only at deploy time may be empty then: the group keeps the port valid. */
  private needsGroup(options: DualHomedPortOptions): boolean {
    const added = options.securityGroupIds ?? [];
    return (options.ingressRules ?? []).length > 0 || isListToken(added) || added.length === 0;
  }


  private checkCount(count: number, launches: boolean): void {
    const minimum = launches ? 2 : 1;
    if (count >= minimum) return;
    throw new NetworkConstraintError({
      code: ErrorCode.TooFewInterfaces,
      scope: this,
      problem: launches ? 'a dual-homed instance needs ports in at least two subnets' : 'no port to attach to the existing instance',
      received: `${count} port(s)`,
      allowed: launches ? 'at least 2 ports when the pattern launches the instance' : 'at least 1 port with existingInstance',
      docUrl: NhnDocUrl.networkInterface,
    });
  }
}
