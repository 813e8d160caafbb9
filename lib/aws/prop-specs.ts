import { PropType } from '../core/prop-checks';

/**
 * The types of the AWS constructs' props, checked at the JavaScript boundary (`checkProps`): what
 * TypeScript would have refused, for plain JavaScript and the other jsii languages.
 */
type Spec = Readonly<Record<string, PropType>>;

export const NETWORK_INTERFACE_PROPS: Spec = {
  subnet: 'SubnetReference',
  privateIpv4: 'Ipv4Assignment?',
  ipv6: 'Ipv6Assignment?',
  securityGroupIds: 'string[]?',
  sourceDestCheck: 'boolean?',
  description: 'text?',
  tags: 'tags?',
};

export const ELASTIC_IP_PROPS: Spec = {
  networkInterface: 'INetworkInterface?',
  privateIp: 'string?',
  allowReassociation: 'boolean?',
  publicIpv4Pool: 'string?',
  tags: 'tags?',
};

export const SECURITY_GROUP_PROPS: Spec = {
  vpcId: 'string',
  description: 'text?',
  securityGroupName: 'text?',
  allowAllOutbound: 'boolean?',
  allowAllIpv6Outbound: 'boolean?',
  tags: 'tags?',
};

export const INSTANCE_PROPS: Spec = {
  instanceType: 'string',
  ami: 'string',
  primaryInterface: 'NetworkInterface',
  keyName: 'text?',
  userData: 'string?',
  iamInstanceProfile: 'string?',
  metadataHopLimit: 'number?',
  tags: 'tags?',
};

const PATTERN_HOST_PROPS: Spec = {
  instanceType: 'string?',
  ami: 'string?',
  keyName: 'text?',
  userData: 'string?',
  osNetworkConfig: 'OsNetworkConfig?',
  iamInstanceProfile: 'string?',
  instanceTags: 'tags?',
  existingInstance: 'InstanceReference?',
  firstDeviceIndex: 'number?',
};

export const MANAGEMENT_NETWORK_PROPS: Spec = {
  ...PATTERN_HOST_PROPS,
  publicSubnet: 'SubnetReference',
  managementSubnet: 'SubnetReference',
  managementCidrs: 'string[]',
  managementIpv6Cidrs: 'string[]?',
  loadBalancerSecurityGroupId: 'string?',
  webPorts: 'number[]?',
  allowWebFromIpv6: 'boolean?',
  publicInterfaceIpv4: 'Ipv4Assignment?',
  managementInterfaceIpv4: 'Ipv4Assignment?',
  failoverElasticIp: 'boolean?',
  primaryElasticIp: 'boolean?',
  publicSecurityGroupIds: 'string[]?',
  managementSecurityGroupIds: 'string[]?',
  vpcId: 'string?',
  tags: 'tags?',
};

export const DUAL_HOMED_INSTANCE_PROPS: Spec = {
  ...PATTERN_HOST_PROPS,
  interfaces: 'DualHomedInterfaceOptions[]',
  allowSameSubnet: 'boolean?',
  tags: 'tags?',
};

export const DUAL_HOMED_INTERFACE_OPTIONS: Spec = {
  name: 'string',
  subnet: 'SubnetReference',
  securityGroupIds: 'string[]?',
  ingressRules: 'InterfaceIngressRule[]?',
  privateIpv4: 'Ipv4Assignment?',
  ipv6: 'Ipv6Assignment?',
  vpcId: 'string?',
  description: 'text?',
};

export const NETWORK_APPLIANCE_PROPS: Spec = {
  ...PATTERN_HOST_PROPS,
  publicSubnet: 'SubnetReference',
  privateSubnet: 'SubnetReference',
  vpcId: 'string?',
  publicInterfaceIpv4: 'Ipv4Assignment?',
  privateInterfaceIpv4: 'Ipv4Assignment?',
  forwarding: '=BOTH|PRIVATE_INTERFACE|PUBLIC_INTERFACE|NONE?',
  routeTableIds: 'string[]?',
  routeDestinations: 'string[]?',
  forwardedSourceCidrs: 'string[]?',
  publicIngressPorts: 'Port[]?',
  elasticIp: 'boolean?',
  tags: 'tags?',
};

export const MULTI_EIP_INSTANCE_PROPS: Spec = {
  ...PATTERN_HOST_PROPS,
  subnet: 'SubnetReference',
  mode: '=SECONDARY_ADDRESSES|INTERFACE_PER_ADDRESS?',
  publicAddressCount: 'number?',
  privateIpAddresses: 'string[]?',
  publicIngressPorts: 'Port[]?',
  primarySubnet: 'SubnetReference?',
  vpcId: 'string?',
  tags: 'tags?',
};

export const HA_FAILOVER_NIC_PROPS: Spec = {
  pairName: 'string?',
  subnet: 'SubnetReference',
  privateIpv4: 'Ipv4Assignment?',
  securityGroupIds: 'string[]?',
  elasticIp: 'boolean?',
  primary: 'HaMember',
  standby: 'HaMember',
  active: '=primary|standby?',
  deviceIndex: 'number?',
  preventDestroy: 'boolean?',
  failoverAgent: 'FailoverAgentOptions?',
  tags: 'tags?',
};

export const FAILOVER_AGENT_OPTIONS: Spec = {
  attachTimeoutSeconds: 'number?',
  cooldownSeconds: 'number?',
  alarmTopicArns: 'string[]?',
  logRetentionDays: 'number?',
  failOnStatusCheck: 'boolean?',
  partition: 'string?',
};

export const VIRTUAL_IP_PAIR_PROPS: Spec = {
  pairName: 'string?',
  mode: '=SECONDARY_IP|OVERLAY_ROUTE',
  virtualIp: 'string',
  active: 'VirtualIpNode',
  standby: 'VirtualIpNode',
  instanceType: 'string',
  ami: 'string',
  keyName: 'text?',
  vpcId: 'string?',
  vpcCidrBlocks: 'string[]?',
  routeTableIds: 'string[]?',
  elasticIp: 'boolean?',
  clientCidrs: 'string[]?',
  clientPorts: 'Port[]?',
  securityGroupIds: 'string[]?',
  virtualRouterId: 'number?',
  advertisementIntervalSeconds: 'number?',
  vrrpPassword: 'string?',
  partition: 'string?',
  tags: 'tags?',
};

export const VIRTUAL_IP_NODE: Spec = {
  subnet: 'SubnetReference',
  privateIp: 'string',
  priority: 'number?',
};
