/**
 * Stable codes of `NetworkConstraintError`. A code never changes meaning once released; new
 * constraints take new codes. README.md lists them with the constraint each one enforces.
 */
export const ErrorCode = {
  InvalidIpv4Address: 'InvalidIpv4Address',
  InvalidIpv6Address: 'InvalidIpv6Address',
  InvalidCidr: 'InvalidCidr',
  AddressOutsideSubnet: 'AddressOutsideSubnet',
  ReservedAddress: 'ReservedAddress',
  DuplicateAddress: 'DuplicateAddress',
  InvalidCount: 'InvalidCount',
  PrimaryDeviceIndex: 'PrimaryDeviceIndex',
  InvalidDeviceIndex: 'InvalidDeviceIndex',
  UnknownNetworkCard: 'UnknownNetworkCard',
  UnsupportedNetworkCardIndex: 'UnsupportedNetworkCardIndex',
  TooManyPrivateIpv4Addresses: 'TooManyPrivateIpv4Addresses',
  TooManyIpv6Addresses: 'TooManyIpv6Addresses',
  Ipv6NotSupported: 'Ipv6NotSupported',
  AvailabilityZoneMismatch: 'AvailabilityZoneMismatch',
  ElasticIpAddressNotOnInterface: 'ElasticIpAddressNotOnInterface',
  ElasticIpAlreadyAssociated: 'ElasticIpAlreadyAssociated',
  ElasticIpAddressAlreadyTaken: 'ElasticIpAddressAlreadyTaken',
  AdminPortOpenToInternet: 'AdminPortOpenToInternet',
  InvalidPort: 'InvalidPort',
  DuplicateRule: 'DuplicateRule',
  DeviceIndexInUse: 'DeviceIndexInUse',
  TooManyInterfaces: 'TooManyInterfaces',
  TooManySecurityGroups: 'TooManySecurityGroups',
  MissingInstanceProps: 'MissingInstanceProps',
  ConflictingInstanceProps: 'ConflictingInstanceProps',
  MissingVpcId: 'MissingVpcId',
  InterfacesInSameSubnet: 'InterfacesInSameSubnet',
  RouteToCheckedInterface: 'RouteToCheckedInterface',
  TooManyPublicAddresses: 'TooManyPublicAddresses',
  AddressCountMismatch: 'AddressCountMismatch',
} as const;

/** AWS documentation pages the construction-time checks cite. */
export const DocUrl = {
  eni: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html',
  ipPerEni: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html',
  subnetSizing: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  attachEni: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/network-interface-attachments.html',
  networkCards: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html#network-cards',
  elasticIp: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html',
  securityGroupRules: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  sourceDestCheck: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html#change_source_dest_check',
  eniScenarios: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/scenarios-enis.html',
  natInstance: 'https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html',
  routeTables: 'https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html',
  alibabaEipAssociation: 'https://www.alibabacloud.com/help/en/eip/user-guide/associate-an-eip-with-a-cloud-resource',
  securityGroupQuotas: 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups',
} as const;
