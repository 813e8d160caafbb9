import { instanceOf, PropType } from '../../../core/prop-checks';
import { ComputeInstanceReference } from '../../compute-instance-reference';
import { FixedIpAssignment } from '../../fixed-ip-assignment';
import { PortSecurity } from '../../port-security';
import { VpcSubnetReference } from '../../vpc-subnet-reference';

// The types of the NHN Cloud patterns' props, checked at the JavaScript boundary (`checkProps`).

type Spec = Readonly<Record<string, PropType>>;

/** `ComputeHostProps`: launch props or an existing instance (their mix is refused by the host). */
export const COMPUTE_HOST_PROPS: Spec = {
  flavorId: 'string?',
  imageId: 'string?',
  keyPairName: 'string?',
  availabilityZone: 'string?',
  userData: 'string?',
  instanceName: 'text?',
  existingInstance: instanceOf(ComputeInstanceReference, { optional: true }),
};

export const VIRTUAL_IP_PAIR_PROPS: Spec = {
  subnet: instanceOf(VpcSubnetReference),
  clientCidrs: 'string[]',
  clientTcpPorts: 'number[]?',
  clientUdpPorts: 'number[]?',
  virtualIpAddress: 'string?',
  pairName: 'string?',
  securityGroupIds: 'string[]?',
  floatingIpPool: 'string?',
  virtualRouterId: 'number?',
  advertisementIntervalSeconds: 'number?',
  vrrpPassword: 'string?',
  tags: 'text[]?',
};

export const VIRTUAL_IP_PAIR_MEMBER_PROPS: Spec = {
  ...COMPUTE_HOST_PROPS,
  privateIp: 'string?',
  priority: 'number?',
};

export const HA_FAILOVER_PORT_PROPS: Spec = {
  subnet: instanceOf(VpcSubnetReference),
  portSecurity: instanceOf(PortSecurity),
  active: '=primary|standby',
  fixedIps: instanceOf(FixedIpAssignment, { optional: true }),
  floatingIpPool: 'string?',
  preventDestroy: 'boolean?',
  name: 'text?',
  description: 'text?',
  tags: 'text[]?',
};

export const HA_FAILOVER_PORT_MEMBER_PROPS: Spec = {
  ...COMPUTE_HOST_PROPS,
  primaryPortSubnet: instanceOf(VpcSubnetReference, { optional: true }),
  primaryPortSecurity: instanceOf(PortSecurity, { optional: true }),
};
