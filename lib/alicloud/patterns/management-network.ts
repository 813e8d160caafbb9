import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { checkDistinctVswitches, checkOnePlacement, EcsHost } from './ecs-host';
import { EcsHostProps } from './ecs-host-props';
import { checkRoutedHost, routedUserData, standaloneEniRouting } from './ecs-host-routing';
import { EcsOsNetworkConfig } from './ecs-os-network-config';
import { checkRange } from './pattern-checks';
import { MANAGEMENT_NETWORK_PROPS } from './prop-specs';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { joinIds } from '../../core/interface-subnets';
import { checkProps } from '../../core/prop-checks';
import { AliDocUrl } from '../doc-url';
import { EcsInstanceReference } from '../ecs-instance-reference';
import { EcsNetworkInterface } from '../ecs-network-interface';
import { EipAddress } from '../eip-address';
import { EipAssociationTarget } from '../eip-association-target';
import { EniIpv4Assignment } from '../eni-ipv4-assignment';
import { Peer } from '../security/peer';
import { Port } from '../security/port';
import { SecurityGroup } from '../security/security-group';
import { VswitchReference } from '../vswitch-reference';

const SSH_PORT = 22;
const DEFAULT_WEB_PORTS = [80, 443];
const DEFAULT_EIP_BANDWIDTH_MBPS = 5;

/** Props of an Alibaba Cloud `ManagementNetwork`. */
export interface ManagementNetworkProps extends EcsHostProps {
  /** VPC of both vSwitches and of the security groups the pattern creates. */
  readonly vpcId: string;

  /**
   * vSwitch of the instance's primary ENI, which carries the public traffic. With
   * `existingInstance`, the vSwitch of that instance's primary ENI: it is then only used to check
   * that the management vSwitch is another vSwitch of the same zone.
   * @see https://www.alibabacloud.com/help/en/ecs/user-guide/eni-overview
   */
  readonly publicVswitch: VswitchReference;

  /**
   * vSwitch of the management ENI: another vSwitch of the public vSwitch's VPC and zone, with more
   * restrictive access control.
   * @see https://www.alibabacloud.com/help/en/doc-detail/58515.htm
   */
  readonly managementVswitch: VswitchReference;

  /**
   * IPv4 ranges allowed to reach the management ENI over SSH: an admin range, a private vSwitch, an
   * on-premises range behind a VPN gateway. `0.0.0.0/0` is refused. This list and
   * `managementIpv6Cidrs` together name at least one range.
   * @see https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules
   */
  readonly managementCidrs: string[];

  /**
   * IPv6 ranges allowed to reach the management ENI over SSH (`::/0` is refused).
   * @default - none
   */
  readonly managementIpv6Cidrs?: string[];

  /**
   * TCP ports of the public traffic.
   * @default [80, 443]
   */
  readonly webPorts?: number[];

  /**
   * IPv4 ranges the web ports accept traffic from.
   * @default ['0.0.0.0/0']
   */
  readonly webCidrs?: string[];

  /**
   * Also open the web ports to the IPv6 internet (`::/0`).
   * @default false
   */
  readonly allowWebFromIpv6?: boolean;

  /**
   * Private IPv4 addresses of the instance's primary ENI.
   * @default EniIpv4Assignment.automatic()
   */
  readonly publicInterfaceIpv4?: EniIpv4Assignment;

  /**
   * Private IPv4 addresses of the management ENI.
   * @default EniIpv4Assignment.automatic()
   */
  readonly managementInterfaceIpv4?: EniIpv4Assignment;

  /**
   * Associate an EIP with the instance (NAT mode, mapped to its primary private IP) for the public
   * traffic. The instance gets no other public IP: an instance with an EIP may have none.
   * @default true
   * @see https://www.alibabacloud.com/help/en/eip/associate-an-eip-with-a-cloud-instance
   */
  readonly eip?: boolean;

  /**
   * Peak bandwidth of the EIP in Mbit/s (1-200 for pay-by-traffic).
   * @default 5
   */
  readonly eipBandwidthMbps?: number;

  /**
   * Operating system of the launched instance, to append to its user data the policy-based routes
   * of the management ENI: its own route table (101) with its vSwitch and a default route through
   * the vSwitch's gateway (its third address from the end), and a source rule per private IP, so
   * that replies to the admins leave by the management ENI rather than by the primary one.
   * `EcsOsNetworkConfig.iproute2Script()` (any Linux image) or `EcsOsNetworkConfig.ubuntuNetplan()`.
   * `userData`, when given, must be a shell script (`#!`); the management vSwitch needs a literal
   * `cidrBlock`. Not with `existingInstance`, whose user data has run already.
   * @default - none (the user data is left as given)
   * @see https://www.alibabacloud.com/help/en/ecs/user-guide/configure-nic-routing
   */
  readonly osNetworkConfig?: EcsOsNetworkConfig;

  /**
   * Security groups of the instance besides the public one the pattern creates.
   * @default - none
   */
  readonly publicSecurityGroupIds?: string[];

  /**
   * Security groups of the management ENI besides the one the pattern creates.
   * @default - none
   */
  readonly managementSecurityGroupIds?: string[];

  /**
   * Tags of the ENI, the security groups and the EIP.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/** Props that only make sense when the pattern launches the instance and so owns its primary ENI. */
const PUBLIC_INTERFACE_PROPS = [
  'publicInterfaceIpv4', 'publicSecurityGroupIds', 'webPorts', 'webCidrs', 'allowWebFromIpv6', 'eip', 'eipBandwidthMbps',
] as const;

/**
 * A management network on Alibaba Cloud: the ECS instance's primary ENI, in a public vSwitch,
 * carries the public traffic (web ports, an EIP in NAT mode); a standalone secondary ENI, in another
 * vSwitch of the same VPC and zone, carries the management traffic, with a security group that
 * allows SSH only from the given ranges.
 *
 * The management ENI is an `alicloud_ecs_network_interface` of its own, attached with an
 * `alicloud_ecs_network_interface_attachment` and not released with the instance: it keeps its
 * address, and the admins' access, when the instance is replaced.
 *
 * It launches its instance (IMDSv2 only), or attaches only the management ENI to
 * `existingInstance`: the public ENI is then that instance's own, so the pattern creates neither
 * the public security group nor the EIP and refuses their props.
 *
 * The operating system must answer management traffic through the management ENI, or replies
 * leave by the primary ENI: give `osNetworkConfig` and the launched instance's user data adds the
 * policy-based routes.
 *
 * @see https://www.alibabacloud.com/help/en/ecs/user-guide/eni-overview
 * @see https://www.alibabacloud.com/help/en/ecs/user-guide/configure-nic-routing
 */
export class ManagementNetwork extends Construct {
  /** Id of the instance the management ENI is attached to. */
  public readonly instanceId: string;
  /** The instance as an ENI and EIP target, for further attachments. */
  public readonly instance: EcsInstanceReference;
  /**
   * The launched `alicloud_instance`, for escape hatches.
   * @default - none with `existingInstance`
   */
  public readonly instanceResource?: TerraformResource;
  /** The management ENI. */
  public readonly managementInterface: EcsNetworkInterface;
  /** The attachment of the management ENI. */
  public readonly managementAttachment: TerraformResource;
  /** Security group of the management ENI (SSH from the management ranges). */
  public readonly managementSecurityGroup: SecurityGroup;
  /**
   * Security group of the instance's primary ENI (the web ports).
   * @default - none with `existingInstance`
   */
  public readonly publicSecurityGroup?: SecurityGroup;
  /**
   * The EIP of the instance.
   * @default - none with `existingInstance` or `eip: false`
   */
  public readonly eip?: EipAddress;

  constructor(scope: Construct, id: string, props: ManagementNetworkProps) {
    super(scope, id);
    checkProps(this, props, MANAGEMENT_NETWORK_PROPS);
    const vswitches = [
      { role: 'public', vswitch: props.publicVswitch },
      { role: 'management', vswitch: props.managementVswitch },
    ];
    checkDistinctVswitches(this, vswitches, 'Put the management ENI in another vSwitch, with more restrictive access control');
    checkOnePlacement(this, vswitches, props.vpcId);
    this.checkManagementAccess(props);
    const host = new EcsHost(this, props);
    checkRoutedHost(this, props.osNetworkConfig, host.launches);
    if (host.launches) {
      if (props.eipBandwidthMbps !== undefined) checkRange(this, 'eipBandwidthMbps', props.eipBandwidthMbps, 1, 200);
    } else {
      this.refusePublicProps(props);
    }

    this.managementSecurityGroup = this.createManagementSecurityGroup(props);
    this.managementInterface = new EcsNetworkInterface(this, 'ManagementInterface', {
      vswitch: props.managementVswitch,
      privateIpv4: props.managementInterfaceIpv4,
      securityGroupIds: joinIds([this.managementSecurityGroup.securityGroupId], props.managementSecurityGroupIds),
      // Kept when the instance is released: the admins' way in outlives any one instance.
      deleteOnRelease: false,
      description: 'Management traffic of a management network',
      tags: props.tags,
    });
    if (host.launches) {
      this.publicSecurityGroup = this.createPublicSecurityGroup(props);
      const routings = props.osNetworkConfig ? [standaloneEniRouting(this, this.managementInterface, 1)] : [];
      this.instanceResource = host.launch({
        vswitch: props.publicVswitch,
        vpcId: props.vpcId,
        privateIpv4: props.publicInterfaceIpv4,
        securityGroupIds: joinIds([this.publicSecurityGroup.securityGroupId], props.publicSecurityGroupIds),
      }, routedUserData(this, props.osNetworkConfig, routings, props.userData));
    }
    this.instance = host.reference;
    this.instanceId = host.reference.instanceId;
    this.managementAttachment = host.attach(this.managementInterface);

    if (host.launches && (props.eip ?? true)) {
      this.eip = new EipAddress(this, 'Eip', {
        associateWith: EipAssociationTarget.ecsInstance(host.reference),
        bandwidth: String(props.eipBandwidthMbps ?? DEFAULT_EIP_BANDWIDTH_MBPS),
        internetChargeType: 'PayByTraffic',
        description: 'Public address of a management network\'s instance',
        tags: props.tags,
      });
    }
  }

  private createPublicSecurityGroup(props: ManagementNetworkProps): SecurityGroup {
    const group = new SecurityGroup(this, 'PublicSecurityGroup', {
      vpcId: props.vpcId,
      description: 'Public traffic of a management network',
      tags: props.tags,
    });
    const peers = [...(props.webCidrs ?? ['0.0.0.0/0']).map((cidr) => Peer.ipv4(cidr)), ...props.allowWebFromIpv6 ? [Peer.anyIpv6()] : []];
    for (const port of props.webPorts ?? DEFAULT_WEB_PORTS) {
      for (const peer of peers) group.addIngressRule(peer, Port.tcp(port), { description: `TCP ${port} from the web clients` });
    }
    return group;
  }

  private createManagementSecurityGroup(props: ManagementNetworkProps): SecurityGroup {
    const group = new SecurityGroup(this, 'ManagementSecurityGroup', {
      vpcId: props.vpcId,
      description: 'Management traffic of a management network',
      tags: props.tags,
    });
    const peers = [...props.managementCidrs.map((cidr) => Peer.ipv4(cidr)), ...(props.managementIpv6Cidrs ?? []).map((cidr) => Peer.ipv6(cidr))];
    // The group's own check refuses SSH from 0.0.0.0/0 or ::/0 (AdminPortOpenToInternet).
    for (const peer of peers) group.addIngressRule(peer, Port.tcp(SSH_PORT), { description: 'SSH from a management range' });
    return group;
  }

  private checkManagementAccess(props: ManagementNetworkProps): void {
    if (props.managementCidrs.length + (props.managementIpv6Cidrs?.length ?? 0) > 0) return;
    throw new NetworkConstraintError({
      code: ErrorCode.NoManagementAccess,
      scope: this,
      problem: 'no range may reach the management ENI',
      received: 'empty managementCidrs and managementIpv6Cidrs',
      allowed: 'at least one range: an admin range, a private vSwitch or an on-premises range',
      docUrl: AliDocUrl.securityGroupRules,
    });
  }

  private refusePublicProps(props: ManagementNetworkProps): void {
    const given = PUBLIC_INTERFACE_PROPS.filter((name) => props[name] !== undefined);
    if (given.length === 0) return;
    throw new NetworkConstraintError({
      code: ErrorCode.ConflictingInstanceProps,
      scope: this,
      problem: 'the public ENI is the existing instance\'s own primary ENI, so the pattern does not configure it',
      received: `existingInstance and ${given.join(', ')}`,
      allowed: 'with existingInstance, only the management props',
      fix: 'Configure the existing instance\'s primary ENI where it is defined, or launch the instance with this pattern',
      docUrl: AliDocUrl.eniOverview,
    });
  }
}
