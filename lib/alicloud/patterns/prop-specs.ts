// What checkProps verifies of the Alibaba Cloud patterns' props at the JavaScript boundary.

type Spec = Readonly<Record<string, string>>;

export const HAVIP_PAIR_PROPS: Spec = {
  pairName: 'string?',
  vpcId: 'string',
  vswitchId: 'string',
  vswitchCidr: 'string?',
  haVipAddress: 'string?',
  active: 'HaVipPairMember',
  standby: 'HaVipPairMember',
  instanceType: 'string',
  imageId: 'string',
  systemDiskCategory: 'text?',
  keyName: 'text?',
  securityGroupIds: 'string[]?',
  clientCidrs: 'string[]?',
  clientTcpPorts: 'number[]?',
  clientUdpPorts: 'number[]?',
  eip: 'boolean?',
  eipBandwidthMbps: 'number?',
  virtualRouterId: 'number?',
  advertisementIntervalSeconds: 'number?',
  vrrpPassword: 'string?',
  tags: 'tags?',
};

export const HAVIP_PAIR_MEMBER_PROPS: Spec = {
  privateIp: 'string',
  priority: 'number?',
  imageId: 'string?',
  userData: 'string?',
};

export const NAT_GATEWAY_EIPS_PROPS: Spec = {
  natGatewayName: 'string?',
  vpcId: 'string',
  vswitchId: 'string',
  eipCount: 'number?',
  eipBindMode: '=NAT|MULTI_BINDED?',
  eipBandwidthMbps: 'number?',
  snatSources: 'NatGatewaySnatSource[]?',
  tags: 'tags?',
};

export const SNAT_SOURCE_PROPS: Spec = {
  sourceVswitchId: 'string?',
  sourceCidr: 'string?',
  name: 'text?',
};
