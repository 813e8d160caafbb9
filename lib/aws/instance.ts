import { Instance as InstanceResource } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { Construct } from 'constructs';
import { checkAddressLimits } from './address-checks';
import { DocUrl } from './doc-url';
import { InstanceReference } from './instance-reference';
import { NetworkInterface } from './network-interface';
import { AttachmentOptions, INetworkInterface } from './network-interface-base';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { isUnresolved } from '../core/tokens';
import { InstanceNetworkLimits } from './limits/instance-network-limits';

/** Props of an `Instance`. */
export interface InstanceProps {
  /**
   * Instance type; it bounds the interfaces and addresses the instance can take.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
   */
  readonly instanceType: string;

  /** AMI id (`ami-...`). */
  readonly ami: string;

  /**
   * The primary interface (device index 0), created by this app so that its addresses, groups and
   * source/destination check are declared like any other interface's. It cannot be detached.
   */
  readonly primaryInterface: NetworkInterface;

  /**
   * EC2 key pair name for SSH.
   * @default - no key pair (use SSM Session Manager or EC2 Instance Connect)
   */
  readonly keyName?: string;

  /**
   * User data script run at first boot.
   * @default - no user data
   */
  readonly userData?: string;

  /**
   * IAM instance profile name.
   * @default - no instance profile
   */
  readonly iamInstanceProfile?: string;

  /**
   * Hop limit of the instance metadata service's responses; raise it to 2 when containers on the
   * instance need the metadata service.
   * @default 1
   */
  readonly metadataHopLimit?: number;

  /**
   * Tags of the instance.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * An EC2 instance (`aws_instance`) whose primary interface is a `NetworkInterface` of this app,
 * with IMDSv2 required, that counts the interfaces attached to it against its instance type.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html
 */
export class Instance extends Construct {
  /** The instance id. */
  public readonly instanceId: string;
  /** The instance type. */
  public readonly instanceType: string;
  /** The primary interface (device index 0). */
  public readonly primaryInterface: NetworkInterface;
  /** A reference to this instance, for `INetworkInterface.attachTo`. */
  public readonly reference: InstanceReference;
  /** The underlying `aws_instance` resource. */
  public readonly resource: InstanceResource;
  private readonly deviceIndexes = new Set<number>([0]);

  constructor(scope: Construct, id: string, props: InstanceProps) {
    super(scope, id);
    this.instanceType = props.instanceType;
    this.primaryInterface = props.primaryInterface;
    checkAddressLimits(props.primaryInterface, props.instanceType, {
      ipv4: props.primaryInterface.privateIpv4.totalAddresses,
      ipv6: props.primaryInterface.ipv6.totalAddresses,
    });
    this.resource = new InstanceResource(this, 'Resource', {
      ami: props.ami,
      instanceType: props.instanceType,
      keyName: props.keyName,
      userData: props.userData,
      iamInstanceProfile: props.iamInstanceProfile,
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: props.primaryInterface.networkInterfaceId }],
      // IMDSv2 only: session tokens defeat SSRF-style credential theft through the metadata service.
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: props.metadataHopLimit ?? 1,
      },
      tags: props.tags,
    });
    this.instanceId = this.resource.id;
    this.reference = InstanceReference.fromInstanceId(this.instanceId, {
      instanceType: props.instanceType,
      availabilityZone: props.primaryInterface.subnet.availabilityZone,
    });
  }

  /**
   * Attaches a secondary interface (`aws_network_interface_attachment`), refusing a device index
   * already taken and more interfaces than the instance type takes.
   */
  public attachNetworkInterface(networkInterface: INetworkInterface, options: AttachmentOptions): NetworkInterfaceAttachmentA {
    this.claimDeviceIndex(networkInterface, options.deviceIndex);
    return networkInterface.attachTo(this.reference, options);
  }

  private claimDeviceIndex(networkInterface: INetworkInterface, deviceIndex: number): void {
    if (isUnresolved(deviceIndex)) return;
    if (deviceIndex !== 0 && this.deviceIndexes.has(deviceIndex)) {
      throw new NetworkConstraintError({
        code: ErrorCode.DeviceIndexInUse,
        scope: networkInterface,
        problem: `device index ${deviceIndex} of ${this.node.path} already has an interface`,
        received: `deviceIndex ${deviceIndex}`,
        allowed: `a device index not in ${[...this.deviceIndexes].sort().join(', ')}`,
        docUrl: DocUrl.attachEni,
      });
    }
    const limits = InstanceNetworkLimits.of(this.instanceType);
    if (limits && deviceIndex !== 0 && this.deviceIndexes.size + 1 > limits.maxNetworkInterfaces) {
      throw new NetworkConstraintError({
        code: ErrorCode.TooManyInterfaces,
        scope: networkInterface,
        problem: `${this.node.path} would have more interfaces than ${this.instanceType} takes`,
        received: `${this.deviceIndexes.size + 1} interfaces`,
        allowed: `at most ${limits.maxNetworkInterfaces} on ${this.instanceType}`,
        fix: 'Choose a larger instance type, or carry extra addresses as secondary IPs of an existing interface',
        docUrl: DocUrl.ipPerEni,
      });
    }
    if (deviceIndex !== 0) this.deviceIndexes.add(deviceIndex);
  }
}
