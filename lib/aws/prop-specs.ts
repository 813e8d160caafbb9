import { InstanceReference } from './instance-reference';
import { Ipv4Assignment } from './ipv4-assignment';
import { Ipv6Assignment } from './ipv6-assignment';
import { Port } from './security/port';
import { SubnetReference } from './subnet-reference';
import { instanceOf, PropType } from '../core/prop-checks';

const SUBNET = instanceOf(SubnetReference);
const OPTIONAL_SUBNET = instanceOf(SubnetReference, { optional: true });
const OPTIONAL_IPV4 = instanceOf(Ipv4Assignment, { optional: true });
const OPTIONAL_IPV6 = instanceOf(Ipv6Assignment, { optional: true });
const OPTIONAL_PORTS = instanceOf(Port, { optional: true, list: true });

/**
 * The types of the AWS constructs' props, checked at the JavaScript boundary (`checkProps`): what
 * TypeScript would have refused, for plain JavaScript and the other jsii languages.
 */
type Spec = Readonly<Record<string, PropType>>;

export const NETWORK_INTERFACE_PROPS: Spec = {
  subnet: SUBNET,
  privateIpv4: OPTIONAL_IPV4,
  ipv6: OPTIONAL_IPV6,
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

export const SECURITY_GROUP_RULE_OPTIONS: Spec = {
  description: 'text?',
  allowAdministrationFromInternet: 'boolean?',
  id: 'string?',
};

export const INSTANCE_PROPS: Spec = {
  instanceType: 'string',
  ami: 'string',
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
  existingInstance: instanceOf(InstanceReference, { optional: true }),
  firstDeviceIndex: 'number?',
};

export const MANAGEMENT_NETWORK_PROPS: Spec = {
  ...PATTERN_HOST_PROPS,
  publicSubnet: SUBNET,
  managementSubnet: SUBNET,
  managementCidrs: 'string[]',
  managementIpv6Cidrs: 'string[]?',
  loadBalancerSecurityGroupId: 'string?',
  webPorts: 'number[]?',
  allowWebFromIpv6: 'boolean?',
  publicInterfaceIpv4: OPTIONAL_IPV4,
  managementInterfaceIpv4: OPTIONAL_IPV4,
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
  subnet: SUBNET,
  securityGroupIds: 'string[]?',
  ingressRules: 'InterfaceIngressRule[]?',
  privateIpv4: OPTIONAL_IPV4,
  ipv6: OPTIONAL_IPV6,
  vpcId: 'string?',
  description: 'text?',
};

export const NETWORK_APPLIANCE_PROPS: Spec = {
  ...PATTERN_HOST_PROPS,
  publicSubnet: SUBNET,
  privateSubnet: SUBNET,
  vpcId: 'string?',
  publicInterfaceIpv4: OPTIONAL_IPV4,
  privateInterfaceIpv4: OPTIONAL_IPV4,
  forwarding: '=BOTH|PRIVATE_INTERFACE|PUBLIC_INTERFACE|NONE?',
  routeTableIds: 'string[]?',
  routeDestinations: 'string[]?',
  forwardedSourceCidrs: 'string[]?',
  publicIngressPorts: OPTIONAL_PORTS,
  elasticIp: 'boolean?',
  tags: 'tags?',
};

export const MULTI_EIP_INSTANCE_PROPS: Spec = {
  ...PATTERN_HOST_PROPS,
  subnet: SUBNET,
  mode: '=SECONDARY_ADDRESSES|INTERFACE_PER_ADDRESS?',
  publicAddressCount: 'number?',
  privateIpAddresses: 'string[]?',
  publicIngressPorts: OPTIONAL_PORTS,
  primarySubnet: OPTIONAL_SUBNET,
  vpcId: 'string?',
  tags: 'tags?',
};

export const HA_FAILOVER_NIC_PROPS: Spec = {
  pairName: 'string?',
  subnet: SUBNET,
  privateIpv4: OPTIONAL_IPV4,
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
  readyTimeoutSeconds: 'number?',
  cooldownSeconds: 'number?',
  maxEventAgeSeconds: 'number?',
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
  clientPorts: OPTIONAL_PORTS,
  securityGroupIds: 'string[]?',
  virtualRouterId: 'number?',
  advertisementIntervalSeconds: 'number?',
  ownershipCheckIntervalSeconds: 'number?',
  vrrpPassword: 'string?',
  partition: 'string?',
  tags: 'tags?',
};

export const VIRTUAL_IP_NODE: Spec = {
  subnet: SUBNET,
  privateIp: 'string',
  priority: 'number?',
  ami: 'string?',
  userData: 'string?',
};
