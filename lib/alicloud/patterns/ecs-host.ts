import { DataResource, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { EcsHostProps } from './ecs-host-props';
import { checkIpv4InVswitch } from './pattern-checks';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkDistinctSubnetIds } from '../../core/interface-subnets';
import { checkLaunchOrExisting } from '../../core/launch-or-existing';
import { isUnresolved, literal } from '../../core/tokens';
import { Instance } from '../bindings/instance';
import { AliDocUrl } from '../doc-url';
import { EcsInstanceReference } from '../ecs-instance-reference';
import { EcsNetworkInterface } from '../ecs-network-interface';
import { EniIpv4Assignment } from '../eni-ipv4-assignment';
import { aliInstanceNetworkLimits } from '../limits/instance-network-limits';
import { VswitchReference } from '../vswitch-reference';

// Internal: the ECS instance side shared by the Alibaba Cloud patterns that put several ENIs on
// one instance (not re-exported from lib/alicloud/index.ts).

const LAUNCH_PROPS = ['instanceType', 'imageId', 'systemDiskCategory', 'keyName', 'userData', 'instanceName', 'instanceTags'] as const;

/** The primary ENI of a launched instance, which comes with the instance. */
export interface EcsPrimaryEni {
  readonly vswitch: VswitchReference;
  readonly securityGroupIds: string[];
  readonly privateIpv4?: EniIpv4Assignment;
  /** VPC of the vSwitch, for the ENI placement checks of `attach`. */
  readonly vpcId: string;
}

/** A vSwitch and the role it plays in a pattern, named in errors. */
export interface RoleVswitch {
  readonly role: string;
  readonly vswitch: VswitchReference;
}

/**
 * The ECS instance a pattern's ENIs go on: launched by the pattern (with its primary ENI in a
 * vSwitch of the pattern) or an existing one. Create it, check `launches`, then `launch` when it
 * does and `attach` each standalone ENI.
 */
export class EcsHost {
  /** Whether the pattern launches the instance (rather than attaching to an existing one). */
  public readonly launches: boolean;
  /** The launched instance, once `launch` ran. */
  public instance?: Instance;
  private readonly scope: Construct;
  private readonly props: EcsHostProps;
  private target?: EcsInstanceReference;
  /** ENIs of the launched instance, its primary one included. */
  private eniCount = 1;

  constructor(scope: Construct, props: EcsHostProps) {
    this.scope = scope;
    this.props = props;
    this.launches = checkLaunchOrExisting(scope, props, { launchProps: LAUNCH_PROPS, requiredProps: ['instanceType', 'imageId'], parts: 'ENIs', docUrl: AliDocUrl.attachNetworkInterface });
    this.target = props.existingInstance;
  }

  /** The instance the ENIs are attached to. */
  public get reference(): EcsInstanceReference {
    return this.target!;
  }

  /**
   * Launches the instance, IMDSv2 only, with its primary ENI in `primary.vswitch`.
   * @param userData the user data, when the pattern adds to the given one (its ENIs' routing)
   * @throws NetworkConstraintError `AddressOutsideSubnet`, `TooManyPrivateIpv4Addresses`
   */
  public launch(primary: EcsPrimaryEni, userData: string | undefined = this.props.userData): Instance {
    const props = this.props;
    const addresses = primary.privateIpv4 ?? EniIpv4Assignment.automatic();
    this.checkPrimaryAddresses(primary.vswitch, addresses);
    const [privateIp, ...secondary] = addresses.fixedAddresses ?? [];
    const count = addresses.secondaryCount;
    const holder = userData === undefined ? undefined : new DataResource(this.scope, 'InstanceUserData', { input: { user_data: userData } });
    this.instance = new Instance(this.scope, 'Instance', {
      instanceName: props.instanceName,
      instanceType: props.instanceType!,
      imageId: props.imageId!,
      vswitchId: primary.vswitch.vswitchId,
      privateIp,
      secondaryPrivateIps: secondary.length > 0 ? secondary : undefined,
      secondaryPrivateIpAddressCount: privateIp === undefined && (isUnresolved(count) || count > 0) ? count : undefined,
      securityGroups: primary.securityGroupIds,
      systemDiskCategory: props.systemDiskCategory ?? 'cloud_essd',
      keyName: props.keyName,
      userData,
      // IMDSv2 only: a process tricked into fetching a URL cannot read the instance's metadata.
      httpTokens: 'required',
      tags: props.instanceTags,
      // The user data runs at first boot only; updated in place, the instance would reboot without
      // running it. A plain address: cdktf writes a resource given here as "${...}", which
      // Terraform refuses in replace_triggered_by.
      lifecycle: holder && { replaceTriggeredBy: [`${holder.terraformResourceType}.${holder.friendlyUniqueId}`] },
    });
    this.target = EcsInstanceReference.fromInstanceId(this.instance.id, {
      instanceType: props.instanceType,
      zoneId: primary.vswitch.zoneId,
      vpcId: primary.vswitch.vpcId ?? primary.vpcId,
      vswitchId: primary.vswitch.vswitchId,
    });
    return this.instance;
  }

  /** Attaches a standalone ENI to the instance; `EcsNetworkInterface.attachTo` checks zone, VPC and limits. */
  public attach(eni: EcsNetworkInterface): TerraformResource {
    if (this.instance) this.countLaunchedEni(eni);
    return eni.attachTo(this.reference);
  }

  /**
   * The launched instance's id is a token, which `EcsInstanceReference` does not count ENIs on
   * (two references to it could not be matched); here all of its ENIs are known.
   */
  private countLaunchedEni(eni: EcsNetworkInterface): void {
    this.eniCount += 1;
    const type = literal(this.props.instanceType);
    const limit = type === undefined ? undefined : aliInstanceNetworkLimits(type)?.eniQuantity;
    if (limit === undefined || this.eniCount <= limit) return;
    throw new NetworkConstraintError({
      code: ErrorCode.TooManyInterfaces,
      scope: eni,
      problem: `the instance would have more ENIs than ${type} takes`,
      received: `${this.eniCount} ENIs (the primary one included)`,
      allowed: `at most ${limit} on ${type}`,
      fix: 'Choose an instance type with more ENIs, or carry extra addresses as secondary private IPs of an existing ENI',
      docUrl: AliDocUrl.instanceFamilies,
    });
  }

  /** The primary ENI's fixed addresses lie in its vSwitch and its addresses fit the instance type. */
  private checkPrimaryAddresses(vswitch: VswitchReference, addresses: EniIpv4Assignment): void {
    (addresses.fixedAddresses ?? []).forEach((address, i) => checkIpv4InVswitch(this.scope,
      i === 0 ? 'the primary ENI\'s private IP' : `the primary ENI's secondary private IP #${i}`, address, vswitch.cidrBlock,
      AliDocUrl.createNetworkInterface));
    const type = literal(this.props.instanceType);
    const limit = type === undefined ? undefined : aliInstanceNetworkLimits(type)?.privateIpv4PerEni;
    const total = addresses.totalAddresses;
    if (limit === undefined || total === undefined || total <= limit) return;
    throw new NetworkConstraintError({
      code: ErrorCode.TooManyPrivateIpv4Addresses,
      scope: this.scope,
      problem: `${type} takes fewer private IPv4 addresses per ENI than the primary ENI has`,
      received: `${total} private IPv4 addresses (the primary included)`,
      allowed: `at most ${limit} per ENI on ${type}`,
      fix: 'Choose a larger instance type, or spread the addresses over several ENIs',
      docUrl: AliDocUrl.instanceFamilies,
    });
  }
}

/**
 * Throws when two ENIs of one instance are in the same vSwitch: the instance then has two routes
 * to it and replies may leave by the other ENI.
 * @param fix how to get the same result without a second ENI in the vSwitch
 */
export function checkDistinctVswitches(scope: Construct, vswitches: RoleVswitch[], fix: string): void {
  checkDistinctSubnetIds(scope, vswitches.map(({ role, vswitch }) => ({ role, subnetId: vswitch.vswitchId })),
    { interfaceNoun: 'ENI', subnetNoun: 'vSwitch' }, fix, AliDocUrl.eniRouting);
}

/**
 * Throws when the known zones or VPCs of the vSwitches differ from each other or from `vpcId`:
 * every ENI of an instance is in the instance's VPC and zone. Values known only at deploy time are skipped.
 */
export function checkOnePlacement(scope: Construct, vswitches: RoleVswitch[], vpcId: string): void {
  const zoned = vswitches.filter((entry) => entry.vswitch.zoneId !== undefined);
  const other = zoned.find((entry) => entry.vswitch.zoneId !== zoned[0].vswitch.zoneId);
  if (other) {
    const first = zoned[0];
    throw new NetworkConstraintError({
      code: ErrorCode.SubnetZoneMismatch,
      scope,
      problem: `the ${first.role} and ${other.role} ENIs of one instance are in different zones`,
      received: `${first.role} in ${first.vswitch.zoneId}, ${other.role} in ${other.vswitch.zoneId}`,
      allowed: `vSwitches of ${first.vswitch.zoneId} only`,
      fix: 'Pick vSwitches of the instance\'s zone for every ENI',
      docUrl: AliDocUrl.attachNetworkInterface,
    });
  }
  const vpc = literal(vpcId);
  const foreign = vswitches.find((entry) => vpc !== undefined && entry.vswitch.vpcId !== undefined && entry.vswitch.vpcId !== vpc);
  if (!foreign) return;
  throw new NetworkConstraintError({
    code: ErrorCode.VpcMismatch,
    scope,
    problem: `the ${foreign.role} vSwitch is not in the pattern's VPC, and every ENI of an instance is in the instance's VPC`,
    received: `${foreign.role} vSwitch in ${foreign.vswitch.vpcId}, vpcId ${vpc}`,
    allowed: `vSwitches of ${vpc}`,
    docUrl: AliDocUrl.attachNetworkInterface,
  });
}

