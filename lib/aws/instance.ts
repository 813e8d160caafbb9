import { Instance as InstanceResource } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { Construct } from 'constructs';
import { checkAddressLimits, checkCount } from './address-checks';
import { InstanceReference } from './instance-reference';
import { NetworkInterface } from './network-interface';
import { AttachmentOptions, INetworkInterface } from './network-interface-base';
import { INSTANCE_PROPS } from './prop-specs';
import { checkUserDataSize } from './user-data-checks';
import { checkInstanceOf, checkProps } from '../core/prop-checks';

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
   * User data script run at first boot, at most 16 KB (counted before base64 encoding).
   * @default - no user data
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html
   */
  readonly userData?: string;

  /**
   * IAM instance profile name.
   * @default - no instance profile
   */
  readonly iamInstanceProfile?: string;

  /**
   * Hop limit of the instance metadata service's responses; raise it to 2 when containers on the
   * instance need the metadata service (1 to 64).
   * @default 1
   * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceMetadataOptionsRequest.html
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

  constructor(scope: Construct, id: string, props: InstanceProps) {
    super(scope, id);
    checkProps(this, props, INSTANCE_PROPS);
    checkInstanceOf(this, props.primaryInterface, NetworkInterface, 'props.primaryInterface');
    this.instanceType = props.instanceType;
    this.primaryInterface = props.primaryInterface;
    checkAddressLimits(props.primaryInterface, props.instanceType, {
      ipv4: props.primaryInterface.privateIpv4.totalAddresses,
      ipv6: props.primaryInterface.ipv6.totalAddresses,
    });
    checkCount(this, 'metadataHopLimit', props.metadataHopLimit ?? 1, 1, 64);
    checkUserDataSize(this, props.userData);
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
    this.reference = InstanceReference._fromWrappedInstance(this.resource, {
      instanceType: props.instanceType,
      availabilityZone: props.primaryInterface.subnet.availabilityZone,
    }, this.node.path);
  }

  /**
   * Attaches a secondary interface (`aws_network_interface_attachment`), refusing a device index
   * already taken and more interfaces than the instance type takes: the same as
   * `networkInterface.attachTo(instance.reference, options)`, which counts them too.
   */
  public attachNetworkInterface(networkInterface: INetworkInterface, options: AttachmentOptions): NetworkInterfaceAttachmentA {
    return networkInterface.attachTo(this.reference, options);
  }
}
