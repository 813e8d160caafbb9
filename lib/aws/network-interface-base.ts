import { EipAssociation } from '@cdktf/provider-aws/lib/eip-association';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { Construct, IConstruct } from 'constructs';
import { checkAddressLimits, checkCount, InterfaceAddressCounts } from './address-checks';
import { checkAttachmentDeviceIndex } from './device-index-checks';
import { DocUrl } from './doc-url';
import type { IElasticIp } from './elastic-ip';
import { InstanceReference } from './instance-reference';
import { AwsProviderFeatures } from './provider-features';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';
import { isUnresolved } from '../core/tokens';
import { InstanceNetworkLimits } from './limits/instance-network-limits';

/** Where on an instance an interface is attached. */
export interface AttachmentOptions {
  /**
   * Device index on the instance. 0 is the primary interface, which is created with the instance
   * and can never be attached or detached, so attachments start at 1; each index takes one
   * interface, and no instance type takes more interfaces than the largest one of
   * `InstanceNetworkLimits.maxima()`.
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/network-interface-attachments.html
   */
  readonly deviceIndex: number;

  /**
   * Network card of the instance the interface is attached to. `aws_network_interface_attachment`
   * takes `network_card_index` from hashicorp/aws 6.x (`@cdktf/provider-aws` 21.x) on: with that
   * line any card of the instance type is accepted. The 5.x resource (20.x) always attaches to the
   * default card, so only that card is accepted there; attach to another card at launch with the
   * instance's `network_interface` blocks.
   * @default - the instance type's default network card
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html#network-cards
   */
  readonly networkCardIndex?: number;

  /**
   * Construct id of the attachment resource, needed only to attach the same interface twice in
   * one app (for example to a different instance in another configuration branch). It must not be
   * the id of another child of the interface (`Resource`, or an earlier attachment's).
   * @default 'Attachment'
   */
  readonly id?: string;
}

/** Options of an Elastic IP association with an interface. */
export interface ElasticIpAssociationOptions {
  /**
   * Private IPv4 address of the interface the Elastic IP maps to. An Elastic IP maps to exactly one
   * private address, and a private address takes at most one Elastic IP.
   * @default - the interface's primary private IPv4 address
   * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
   */
  readonly privateIp?: string;

  /**
   * Whether the association may take the Elastic IP away from another resource it is already
   * associated with. Off by default so an apply never silently steals a live address.
   * @default false
   */
  readonly allowReassociation?: boolean;
}

/** An elastic network interface, created by this app or imported by id. */
export interface INetworkInterface extends IConstruct {
  /** The interface id (`eni-...`), a token for interfaces created by this app. */
  readonly networkInterfaceId: string;

  /**
   * Attaches the interface to an instance as a secondary interface (`aws_network_interface_attachment`),
   * counting it against the instance type with every other interface attached to that instance.
   */
  attachTo(instance: InstanceReference, options: AttachmentOptions): NetworkInterfaceAttachmentA;

  /** Associates an Elastic IP with one of the interface's private addresses (`aws_eip_association`). */
  associateElasticIp(elasticIp: IElasticIp, options?: ElasticIpAssociationOptions): EipAssociation;
}

/**
 * What created and imported interfaces share: attachment and Elastic IP association, each with
 * the checks that can be made from what the interface knows about its own addresses.
 */
export abstract class NetworkInterfaceBase extends Construct implements INetworkInterface {
  public abstract readonly networkInterfaceId: string;
  private readonly elasticIpAddresses = new Set<string>();

  public attachTo(instance: InstanceReference, options: AttachmentOptions): NetworkInterfaceAttachmentA {
    checkAttachmentDeviceIndex(this, options.deviceIndex);
    this.checkNetworkCard(instance.instanceType, options.networkCardIndex);
    this.checkSameZone(instance);
    checkAddressLimits(this, instance.instanceType, this._addressCounts());
    const id = options.id ?? 'Attachment';
    this.checkAttachmentId(id);
    instance._claimAttachment(this, options.deviceIndex, options.networkCardIndex);
    const attachment = new NetworkInterfaceAttachmentA(this, id, {
      instanceId: instance.instanceId,
      networkInterfaceId: this.networkInterfaceId,
      deviceIndex: options.deviceIndex,
    });
    // Written only where the installed class takes it (checkNetworkCard refused any other card than the default where it does not).
    if (options.networkCardIndex !== undefined && AwsProviderFeatures.attachmentNetworkCardIndex()) {
      attachment.addOverride('network_card_index', options.networkCardIndex);
    }
    return attachment;
  }

  public associateElasticIp(elasticIp: IElasticIp, options: ElasticIpAssociationOptions = {}): EipAssociation {
    return elasticIp.associateWith(this, options);
  }

  /**
   * Checks that `privateIp` is an address of this interface that has no Elastic IP yet, and
   * records it. Returns the address to write, `undefined` for the primary.
   * @internal
   */
  public _claimElasticIpAddress(privateIp: string | undefined): string | undefined {
    const known = this._knownPrivateIpv4Addresses();
    const target = privateIp ?? known?.[0];
    if (target === undefined || isUnresolved(target)) return privateIp;
    if (privateIp !== undefined && (known === undefined || !known.includes(privateIp))) {
      throw new NetworkConstraintError({
        code: ErrorCode.ElasticIpAddressNotOnInterface,
        scope: this,
        problem: 'the Elastic IP is mapped to a private address the interface does not have',
        received: privateIp,
        allowed: known === undefined
          ? 'no fixed address: the interface lets AWS pick its addresses'
          : `one of ${known.join(', ')}`,
        fix: known === undefined
          ? 'Give the interface fixed addresses with Ipv4Assignment.addresses(...), or omit privateIp to use the primary address'
          : 'Add the address to the interface or pick one of its addresses',
        docUrl: DocUrl.elasticIp,
      });
    }
    if (this.elasticIpAddresses.has(target)) {
      throw new NetworkConstraintError({
        code: ErrorCode.ElasticIpAddressAlreadyTaken,
        scope: this,
        problem: 'a private address can take only one Elastic IP and this one already has one',
        received: target,
        allowed: 'one Elastic IP per private IPv4 address',
        fix: 'Add a secondary private address to the interface and map the second Elastic IP to it',
        docUrl: DocUrl.elasticIp,
      });
    }
    this.elasticIpAddresses.add(target);
    return target;
  }

  /**
   * The interface's fixed private IPv4 addresses, primary first, or `undefined` when AWS picks them
   * or they are unknown.
   * @internal
   */
  protected abstract _knownPrivateIpv4Addresses(): string[] | undefined;

  /**
   * Address counts, for the per-instance-type limits checked at attachment.
   * @internal
   */
  protected abstract _addressCounts(): InterfaceAddressCounts;

  /**
   * The interface's Availability Zone when known, compared with the instance's at attachment.
   * @internal
   */
  protected abstract _knownAvailabilityZone(): string | undefined;

  private checkNetworkCard(instanceType: string | undefined, networkCardIndex: number | undefined): void {
    if (networkCardIndex === undefined || isUnresolved(networkCardIndex)) return;
    checkCount(this, 'networkCardIndex', networkCardIndex, 0, InstanceNetworkLimits.maxima().networkCards - 1);
    const limits = instanceType === undefined ? undefined : InstanceNetworkLimits.of(instanceType);
    if (limits && !limits.networkCards.some((card) => card.index === networkCardIndex)) {
      throw new NetworkConstraintError({
        code: ErrorCode.UnknownNetworkCard,
        scope: this,
        problem: `${instanceType} has no such network card`,
        received: `networkCardIndex ${networkCardIndex}`,
        allowed: `one of ${limits.networkCards.map((card) => card.index).join(', ')}`,
        docUrl: DocUrl.networkCards,
      });
    }
    const defaultCard = limits?.defaultNetworkCardIndex ?? 0;
    if (networkCardIndex !== defaultCard && !AwsProviderFeatures.attachmentNetworkCardIndex()) {
      throw new NetworkConstraintError({
        code: ErrorCode.UnsupportedNetworkCardIndex,
        scope: this,
        problem: 'aws_network_interface_attachment of hashicorp/aws 5.x (@cdktf/provider-aws 20.x) can only attach to the default network card',
        received: `networkCardIndex ${networkCardIndex}`,
        allowed: `the default card (${defaultCard})`,
        fix: 'Use @cdktf/provider-aws 21 (hashicorp/aws 6.x), whose attachment takes network_card_index, or attach to other network '
          + 'cards at launch through the instance\'s network_interface blocks (network_card_index)',
        docUrl: DocUrl.networkCards,
      });
    }
  }

  /** Refuses an attachment id that a child of the interface already has (its resource, or an earlier attachment). */
  private checkAttachmentId(id: string): void {
    const child = this.node.tryFindChild(id);
    if (!child) return;
    throw new NetworkConstraintError({
      code: ErrorCode.ConstructIdInUse,
      scope: this,
      problem: `the attachment's construct id is already taken by ${child.node.path}`,
      received: `id ${JSON.stringify(id)}`,
      allowed: `an id that no child of ${this.node.path} has: not ${this.node.children.map((c) => JSON.stringify(c.node.id)).join(', ')}`,
      fix: 'Give the attachment another id',
    });
  }

  private checkSameZone(instance: InstanceReference): void {
    const zone = this._knownAvailabilityZone();
    if (zone === undefined || instance.availabilityZone === undefined || zone === instance.availabilityZone) return;
    throw new NetworkConstraintError({
      code: ErrorCode.AvailabilityZoneMismatch,
      scope: this,
      problem: 'an interface can only be attached to an instance in its own Availability Zone',
      received: `interface in ${zone}, instance in ${instance.availabilityZone}`,
      allowed: `an instance in ${zone}`,
      fix: 'Create the interface in a subnet of the instance\'s Availability Zone',
      docUrl: DocUrl.eni,
    });
  }
}
