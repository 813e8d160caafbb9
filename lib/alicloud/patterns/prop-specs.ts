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
  memberAttachment: 'HaVipMemberAttachment?',
  instanceVswitchId: 'string?',
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

const ECS_HOST_PROPS: Spec = {
  instanceType: 'string?',
  imageId: 'string?',
  systemDiskCategory: 'text?',
  keyName: 'text?',
  userData: 'string?',
  instanceName: 'text?',
  instanceTags: 'tags?',
  existingInstance: 'EcsInstanceReference?',
};

export const MANAGEMENT_NETWORK_PROPS: Spec = {
  ...ECS_HOST_PROPS,
  vpcId: 'string',
  publicVswitch: 'VswitchReference',
  managementVswitch: 'VswitchReference',
  managementCidrs: 'string[]',
  managementIpv6Cidrs: 'string[]?',
  webPorts: 'number[]?',
  webCidrs: 'string[]?',
  allowWebFromIpv6: 'boolean?',
  publicInterfaceIpv4: 'EniIpv4Assignment?',
  managementInterfaceIpv4: 'EniIpv4Assignment?',
  eip: 'boolean?',
  eipBandwidthMbps: 'number?',
  publicSecurityGroupIds: 'string[]?',
  managementSecurityGroupIds: 'string[]?',
  osNetworkConfig: 'EcsOsNetworkConfig?',
  tags: 'tags?',
};

export const DUAL_HOMED_INSTANCE_PROPS: Spec = {
  ...ECS_HOST_PROPS,
  vpcId: 'string',
  interfaces: 'DualHomedInterfaceOptions[]',
  allowSameVswitch: 'boolean?',
  osNetworkConfig: 'EcsOsNetworkConfig?',
  tags: 'tags?',
};

export const DUAL_HOMED_INTERFACE_OPTIONS: Spec = {
  name: 'string',
  vswitch: 'VswitchReference',
  securityGroupIds: 'string[]?',
  ingressRules: 'InterfaceIngressRule[]?',
  privateIpv4: 'EniIpv4Assignment?',
  description: 'text?',
};

export const MULTI_EIP_INSTANCE_PROPS: Spec = {
  ...ECS_HOST_PROPS,
  vswitch: 'VswitchReference',
  mode: 'EipAssociationMode?',
  privateIpAddresses: 'string[]?',
  publicAddressCount: 'number?',
  publicIngressPorts: 'Port[]?',
  securityGroupIds: 'string[]?',
  instanceVswitch: 'VswitchReference?',
  vpcId: 'string?',
  osNetworkConfig: 'EcsOsNetworkConfig?',
  eipBandwidthMbps: 'number?',
  tags: 'tags?',
};
