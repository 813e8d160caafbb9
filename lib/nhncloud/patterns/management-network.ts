import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { checkComputeHostProps, ComputeHost } from './compute-host';
import { ComputeHostProps } from './compute-host-props';
import { checkPortSubnets, createGroup, defaultName } from './pattern-ports';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { joinIds } from '../../core/interface-subnets';
import { checkManagementCidrs, DEFAULT_WEB_PORTS, MANAGEMENT_SSH_PORT } from '../../core/management-access';
import { checkProps } from '../../core/prop-checks';
import { ComputeInstanceReference } from '../compute-instance-reference';
import { NhnDocUrl } from '../doc-url';
import { FixedIpAssignment } from '../fixed-ip-assignment';
import { FloatingIp } from '../floating-ip';
import { Port } from '../port';
import { PortRole } from '../port-role';
import { PortSecurity } from '../port-security';
import { MANAGEMENT_NETWORK_PROPS } from '../prop-specs';
import { NhnMarkerTag } from '../rules/marker-tags';
import { Peer } from '../security/peer';
import { SecurityGroup } from '../security/security-group';
import { Traffic } from '../security/traffic';
import { VpcSubnetReference } from '../vpc-subnet-reference';

/** Props of an NHN Cloud `ManagementNetwork`. */
export interface ManagementNetworkProps extends ComputeHostProps {
  /**
   * Subnet of the public port, the instance's primary port (eth0). With `floatingIpPool` it must be
   * in a routing table with an internet gateway (constraints.md B14).
   * @see https://docs.nhncloud.com/en/Network/Floating%20IP/en/console-guide/
   */
  readonly publicSubnet: VpcSubnetReference;

  /** Subnet of the management port: another subnet of the public subnet's VPC. */
  readonly managementSubnet: VpcSubnetReference;

  /**
   * IPv4 ranges allowed to reach the management port over SSH: admin ranges, a private subnet or
   * an on-premises range. `0.0.0.0/0` and `::/0` are refused.
   */
  readonly managementCidrs: string[];

  /**
   * TCP ports the public port accepts from `webCidrs`.
   * @default [80, 443]
   */
  readonly webPorts?: number[];

  /**
   * IPv4 ranges allowed to reach the web ports.
   * @default ['0.0.0.0/0']
   */
  readonly webCidrs?: string[];

  /**
   * Fixed IPv4 addresses of the public port.
   * @default FixedIpAssignment.automatic()
   */
  readonly publicFixedIps?: FixedIpAssignment;

  /**
   * Fixed IPv4 addresses of the management port.
   * @default FixedIpAssignment.automatic()
   */
  readonly managementFixedIps?: FixedIpAssignment;

  /**
   * IP pool of a floating IP associated with the public port (`Public Network` in KR1); the
   * console's `Create Floating IP` dialog lists the pools.
   * @default - no floating IP
   * @see https://docs.nhncloud.com/en/Network/Floating%20IP/en/console-guide/
   */
  readonly floatingIpPool?: string;

  /**
   * Security groups of the public port besides the one the pattern creates.
   * @default - none
   */
  readonly publicSecurityGroupIds?: string[];

  /**
   * Security groups of the management port besides the one the pattern creates.
   * @default - none
   */
  readonly managementSecurityGroupIds?: string[];

  /**
   * Tags of the ports, the security groups, the floating IP and the launched instance (before the
   * management marker tag).
   * @default - no tags
   */
  readonly tags?: string[];
}

/** Props that only make sense when the pattern launches the instance and so owns its primary port. */
const PUBLIC_PORT_PROPS = ['webPorts', 'webCidrs', 'publicFixedIps', 'floatingIpPool', 'publicSecurityGroupIds'] as const;

/**
 * A management network on NHN Cloud: the instance's primary port, in a public subnet, carries the
 * public traffic (web ports, an optional floating IP); a management port in another subnet of the
 * same VPC carries the management traffic, with a security group that allows SSH only from the
 * given ranges.
 *
 * Both are standalone `nhncloud_networking_port_v2` resources given to the instance as
 * `network.port`: a port the instance creates inline is deleted with it (constraints.md B12), while
 * these keep their addresses, and the admins' access, when the instance is replaced. Each carries
 * its own security groups, since an instance's `security_groups` never reach an existing port (B16).
 * The management port and the launched instance are tagged `NhnMarkerTag.management` (NHN050
 * reads the instance's tag).
 *
 * With `existingInstance` the pattern creates only the management port and attaches it with
 * `nhncloud_compute_interface_attach_v2`: the public NIC is that instance's own, so the pattern
 * refuses the public port's props.
 *
 * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
 */
export class ManagementNetwork extends Construct {
  /** Id of the instance. */
  public readonly instanceId: string;
  /** The instance, for further ports. */
  public readonly instance: ComputeInstanceReference;
  /**
   * The launched `nhncloud_compute_instance_v2`, for escape hatches.
   * @default - none with `existingInstance`
   */
  public readonly instanceResource?: TerraformResource;
  /** The management port. */
  public readonly managementPort: Port;
  /**
   * The attachment of the management port to `existingInstance`.
   * @default - none for a launched instance, which takes the port as network.port
   */
  public readonly managementAttachment?: TerraformResource;
  /** Security group of the management port (SSH from the management ranges). */
  public readonly managementSecurityGroup: SecurityGroup;
  /**
   * The public port, the launched instance's eth0.
   * @default - none with `existingInstance`
   */
  public readonly publicPort?: Port;
  /**
   * Security group of the public port (the web ports).
   * @default - none with `existingInstance`
   */
  public readonly publicSecurityGroup?: SecurityGroup;
  /**
   * The floating IP of the public port.
   * @default - none with `existingInstance` or without `floatingIpPool`
   */
  public readonly floatingIp?: FloatingIp;

  constructor(scope: Construct, id: string, props: ManagementNetworkProps) {
    super(scope, id);
    checkProps(this, props, MANAGEMENT_NETWORK_PROPS);
    checkPortSubnets(this, [{ role: 'public', subnet: props.publicSubnet }, { role: 'management', subnet: props.managementSubnet }],
      'Put the management port in another subnet, with more restrictive access control');
    checkManagementCidrs(this, props.managementCidrs, NhnDocUrl.securityGroupRuleResource);
    const launches = checkComputeHostProps(this, props);
    if (!launches) this.refusePublicProps(props);

    const baseName = props.instanceName ?? defaultName(this);
    this.managementSecurityGroup = createGroup(this, 'ManagementSecurityGroup', `${baseName}-management`, 'Management traffic of a management network',
      props.managementCidrs.map((cidr) => ({ peer: Peer.ipv4(cidr), traffic: Traffic.tcp(MANAGEMENT_SSH_PORT), description: 'SSH from a management range' })),
      props.tags);
    this.managementPort = new Port(this, 'ManagementPort', {
      subnet: props.managementSubnet,
      portSecurity: PortSecurity.withSecurityGroups(joinIds([this.managementSecurityGroup.securityGroupId], props.managementSecurityGroupIds)),
      fixedIps: props.managementFixedIps,
      role: PortRole.MANAGEMENT,
      name: `${baseName}-management`,
      description: 'Management traffic of a management network',
      tags: props.tags,
    });
    if (launches) {
      const webPeers = (props.webCidrs ?? ['0.0.0.0/0']).map((cidr) => Peer.ipv4(cidr));
      this.publicSecurityGroup = createGroup(this, 'PublicSecurityGroup', `${baseName}-public`, 'Public traffic of a management network',
        (props.webPorts ?? DEFAULT_WEB_PORTS).flatMap((port) => webPeers.map((peer) => ({ peer, traffic: Traffic.tcp(port), description: `TCP ${port} from the web clients` }))),
        props.tags);
      this.publicPort = new Port(this, 'PublicPort', {
        subnet: props.publicSubnet,
        portSecurity: PortSecurity.withSecurityGroups(joinIds([this.publicSecurityGroup.securityGroupId], props.publicSecurityGroupIds)),
        fixedIps: props.publicFixedIps,
        name: `${baseName}-public`,
        description: 'Public traffic of a management network',
        tags: props.tags,
      });
    }
    const host = ComputeHost.create(this, 'Instance', props, {
      ports: this.publicPort ? [this.publicPort, this.managementPort] : [this.managementPort],
      tags: props.tags,
      markerTags: [NhnMarkerTag.management],
    });
    this.instance = host.instance;
    this.instanceId = host.instance.instanceId;
    this.instanceResource = host.resource;
    this.managementAttachment = host.attachments[0];
    if (this.publicPort && props.floatingIpPool !== undefined) {
      this.floatingIp = new FloatingIp(this, 'FloatingIp', { pool: props.floatingIpPool, description: 'Public address of a management network', tags: props.tags });
      this.floatingIp.associateWith(this.publicPort);
    }
  }

  private refusePublicProps(props: ManagementNetworkProps): void {
    const given = PUBLIC_PORT_PROPS.filter((name) => props[name] !== undefined);
    if (given.length === 0) return;
    throw new NetworkConstraintError({
      code: ErrorCode.ConflictingInstanceProps,
      scope: this,
      problem: 'the public NIC is the existing instance\'s own, so the pattern does not configure it',
      received: `existingInstance and ${given.join(', ')}`,
      allowed: 'with existingInstance, only the management props',
      fix: 'Configure the existing instance\'s public NIC where it is defined, or launch the instance with this pattern',
      docUrl: NhnDocUrl.interfaceAttachResource,
    });
  }
}
