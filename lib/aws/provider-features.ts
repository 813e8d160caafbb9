import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';

/**
 * What the installed `@cdktf/provider-aws` line can write, read from its generated classes: the
 * peer range admits 20.x (hashicorp/aws 5.x) and 21.x (6.x), and a class has an accessor for every
 * argument its resource takes.
 */
export const AwsProviderFeatures = {
  /** `aws_network_interface_attachment.network_card_index`: hashicorp/aws 6.x on. */
  attachmentNetworkCardIndex: (): boolean => 'networkCardIndex' in NetworkInterfaceAttachmentA.prototype,
} as const;
