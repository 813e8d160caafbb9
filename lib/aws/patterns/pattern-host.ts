import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { PatternHostProps } from './pattern-host-props';
import { ErrorCode } from '../../core/error-codes';
import { NetworkConstraintError } from '../../core/errors';
import { checkLaunchOrExisting } from '../../core/launch-or-existing';
import { isUnresolved, literal } from '../../core/tokens';
import { checkCount } from '../address-checks';
import { DocUrl } from '../doc-url';
import { Instance } from '../instance';
import { InstanceNetworkLimits, InstanceTypeNetworkLimits } from '../limits/instance-network-limits';
import { NetworkInterface } from '../network-interface';
import { InterfaceRouting } from '../os/interface-routing';
import { SecondaryInterfaceRouting } from '../os/secondary-interface-routing';
import { SubnetReference } from '../subnet-reference';

// Internal: the instance side shared by the patterns (not re-exported from lib/index.ts).

const LAUNCH_PROPS = ['instanceType', 'ami', 'keyName', 'userData', 'iamInstanceProfile', 'instanceTags'] as const;

/**
 * The instance a pattern's interfaces go on. When the pattern launches it, the first interface
 * added becomes its primary interface; every other interface is attached at the next device index.
 */
export class PatternHost {
  /** The instance launched by the pattern, once its primary interface is added. */
  public instance?: Instance;
  /** The instance type when known at synth time. */
  public readonly instanceType?: string;
  /** The instance type's limits when the type is known to the table. */
  public readonly limits?: InstanceTypeNetworkLimits;
  /** Whether the pattern launches the instance (rather than adding to an existing one). */
  public readonly launches: boolean;
  private readonly scope: Construct;
  private readonly props: PatternHostProps;
  private nextDeviceIndex: number;
  private interfaceCount = 1;
  private readonly routedInterfaces: InterfaceRouting[] = [];
  // The launched instance exists before its secondary interfaces do: its user data is read
  // lazily, at synth time, from this value, which every attached interface re-renders.
  private userData?: string;

  constructor(scope: Construct, props: PatternHostProps) {
    this.scope = scope;
    this.props = props;
    this.launches = checkLaunchOrExisting(scope, props, { launchProps: LAUNCH_PROPS, requiredProps: ['instanceType', 'ami'], parts: 'interfaces', docUrl: DocUrl.eniScenarios });
    if (!this.launches) refuseOsNetworkConfig(scope, props);
    this.userData = props.userData;
    this.instanceType = literal(props.existingInstance?.instanceType ?? props.instanceType);
    this.limits = this.instanceType === undefined ? undefined : InstanceNetworkLimits.of(this.instanceType);
    this.nextDeviceIndex = props.firstDeviceIndex ?? 1;
    checkCount(scope, 'firstDeviceIndex', this.nextDeviceIndex, 1);
  }

  /**
   * Puts an interface on the instance: as the primary interface of the instance being launched
   * (the first call when launching), else as a secondary interface at the next device index.
   */
  public addInterface(networkInterface: NetworkInterface): NetworkInterfaceAttachmentA | undefined {
    if (this.launches && !this.instance) {
      this.instance = new Instance(this.scope, 'Instance', {
        instanceType: this.props.instanceType!,
        ami: this.props.ami!,
        primaryInterface: networkInterface,
        keyName: this.props.keyName,
        userData: this.props.osNetworkConfig ? Lazy.stringValue({ produce: () => this.userData }) : this.props.userData,
        iamInstanceProfile: this.props.iamInstanceProfile,
        tags: this.props.instanceTags,
      });
      return undefined;
    }
    const deviceIndex = this.nextDeviceIndex;
    this.nextDeviceIndex = isUnresolved(deviceIndex) ? deviceIndex : deviceIndex + 1;
    if (this.instance) {
      const attachment = this.instance.attachNetworkInterface(networkInterface, { deviceIndex });
      this.routeSecondaryInterface(networkInterface, deviceIndex);
      return attachment;
    }
    this.checkInterfaceCount(networkInterface);
    return networkInterface.attachTo(this.props.existingInstance!, { deviceIndex });
  }

  /**
   * Renders the user data again with the policy routing of every secondary interface so far, so
   * that literal values that cannot work fail here, at construction, rather than at synth.
   */
  private routeSecondaryInterface(networkInterface: NetworkInterface, deviceIndex: number): void {
    const target = this.props.osNetworkConfig;
    if (!target) return;
    if (networkInterface.subnet.ipv4CidrBlock === undefined) {
      throw new NetworkConstraintError({
        code: ErrorCode.SubnetCidrUnknown,
        scope: this.scope,
        problem: `osNetworkConfig needs the IPv4 CIDR block of the subnet of the interface at device index ${deviceIndex}, `
          + 'since its route table and default gateway derive from it',
        received: `subnet ${networkInterface.subnet.subnetId} whose IPv4 CIDR block is unknown or only known at deploy time`,
        allowed: 'a subnet whose IPv4 CIDR block is a literal',
        fix: 'Reference the subnet with SubnetReference.fromSubnetId(id, { ipv4CidrBlock: \'10.0.2.0/24\' }) or fromSubnet of a subnet '
          + 'with a literal cidrBlock; or drop osNetworkConfig and set instance.resource.userData to SecondaryInterfaceRouting'
          + '.appendToUserData(...) with SecondaryInterfaceRouting.forInterface(networkInterface, deviceIndex, subnet.cidrBlock)',
        docUrl: DocUrl.eniBestPractices,
      });
    }
    this.routedInterfaces.push(SecondaryInterfaceRouting.forInterface(networkInterface, deviceIndex));
    this.userData = SecondaryInterfaceRouting.appendToUserData(this.scope, target, this.routedInterfaces, this.props.userData);
  }

  /** An existing instance has at least its primary interface besides the ones added here. */
  private checkInterfaceCount(networkInterface: NetworkInterface): void {
    this.interfaceCount += 1;
    if (!this.limits || this.interfaceCount <= this.limits.maxNetworkInterfaces) return;
    throw new NetworkConstraintError({
      code: ErrorCode.TooManyInterfaces,
      scope: networkInterface,
      problem: `the existing instance would have more interfaces than ${this.instanceType} takes`,
      received: `${this.interfaceCount} interfaces (its primary one included)`,
      allowed: `at most ${this.limits.maxNetworkInterfaces} on ${this.instanceType}`,
      fix: 'Choose a larger instance type, or carry extra addresses as secondary IPs of an existing interface',
      docUrl: DocUrl.ipPerEni,
    });
  }
}


/** Refuses `osNetworkConfig` without a launched instance: the pattern writes no user data then. */
function refuseOsNetworkConfig(scope: Construct, props: PatternHostProps): void {
  if (props.osNetworkConfig === undefined) return;
  throw new NetworkConstraintError({
    code: ErrorCode.OsConfigNeedsLaunchedInstance,
    scope,
    problem: 'osNetworkConfig writes the user data of the instance the pattern launches, and the existing instance was launched elsewhere '
      + '(its user data has run already)',
    received: `existingInstance and osNetworkConfig ${props.osNetworkConfig.name}`,
    allowed: 'osNetworkConfig with instanceType and ami, or existingInstance without osNetworkConfig',
    fix: 'Drop osNetworkConfig and run the output of SecondaryInterfaceRouting.render(scope, target, interfaces) on that instance, '
      + 'with SecondaryInterfaceRouting.forInterface(networkInterface, deviceIndex) for each interface the pattern attaches',
    docUrl: DocUrl.eniBestPractices,
  });
}

/**
 * The VPC of a pattern's security groups: `vpcId` when given, else the subnet's VPC.
 * @throws NetworkConstraintError when neither is known
 */
export function patternVpcId(scope: Construct, subnet: SubnetReference, vpcId: string | undefined): string {
  const resolved = vpcId ?? subnet.vpcId;
  if (resolved !== undefined) return resolved;
  throw new NetworkConstraintError({
    code: ErrorCode.MissingVpcId,
    scope,
    problem: 'the VPC of the pattern\'s security groups is unknown',
    received: `no vpcId, and subnet ${subnet.subnetId} was referenced without its VPC`,
    allowed: 'a vpcId prop, or a subnet from SubnetReference.fromSubnet or fromSubnetId(id, { vpcId })',
  });
}
