import { KeepalivedNodeSettings } from '../../../../lib/aws/patterns/virtual-ip/keepalived-config';
import { VirtualIpMode } from '../../../../lib/aws/patterns/virtual-ip/vip-mode';

/** The active node of a SECONDARY_IP pair "web" in 10.0.1.0/24. */
export const ACTIVE: KeepalivedNodeSettings = {
  pairName: 'web',
  nodeName: 'active',
  initiallyMaster: true,
  mode: VirtualIpMode.SECONDARY_IP,
  virtualIp: '10.0.1.50',
  virtualIpPrefixLength: 24,
  ownAddress: '10.0.1.10',
  peerAddress: '10.0.1.11',
  networkInterfaceId: 'eni-0aaaaaaaaaaaaaaaa',
  priority: 150,
  virtualRouterId: 51,
  advertisementIntervalSeconds: 1,
  ownershipCheckIntervalSeconds: 10,
  routeTableIds: [],
};

/** Its standby. */
export const STANDBY: KeepalivedNodeSettings = {
  ...ACTIVE,
  nodeName: 'standby',
  initiallyMaster: false,
  ownAddress: '10.0.1.11',
  peerAddress: '10.0.1.10',
  networkInterfaceId: 'eni-0bbbbbbbbbbbbbbbb',
  priority: 100,
};

/** The active node of the pair with an Elastic IP mapped to the virtual IP. */
export const ACTIVE_WITH_EIP: KeepalivedNodeSettings = {
  ...ACTIVE,
  elasticIp: { allocationId: 'eipalloc-0123456789abcdef0', publicIp: '203.0.113.7' },
};

/** Its standby. */
export const STANDBY_WITH_EIP: KeepalivedNodeSettings = { ...STANDBY, elasticIp: ACTIVE_WITH_EIP.elasticIp };

/** The active node of an OVERLAY_ROUTE pair with two route tables. */
export const OVERLAY: KeepalivedNodeSettings = {
  ...ACTIVE,
  pairName: 'resolver',
  mode: VirtualIpMode.OVERLAY_ROUTE,
  virtualIp: '192.168.53.53',
  virtualIpPrefixLength: 32,
  peerAddress: '10.0.3.53',
  routeTableIds: ['rtb-0123456789abcdef0', 'rtb-0fedcba9876543210'],
};

/** Its standby, in another subnet. */
export const OVERLAY_STANDBY: KeepalivedNodeSettings = {
  ...OVERLAY,
  nodeName: 'standby',
  initiallyMaster: false,
  ownAddress: '10.0.3.53',
  peerAddress: '10.0.1.10',
  networkInterfaceId: 'eni-0bbbbbbbbbbbbbbbb',
  priority: 100,
};
