import { ComputeInstanceReference } from './compute-instance-reference';
import { FixedIpAssignment } from './fixed-ip-assignment';
import { PortRole } from './port-role';
import { PortSecurity } from './port-security';
import { VpcSubnetReference } from './vpc-subnet-reference';
import { instanceOf, PropType } from '../core/prop-checks';

/**
 * The types of the NHN Cloud constructs' props, checked at the JavaScript boundary
 * (`checkProps`): what TypeScript would have refused, for plain JavaScript and the other jsii languages.
 */
type Spec = Readonly<Record<string, PropType>>;

/** Name, description and tags, which every NHN Cloud resource of the library takes. */
const LABELS: Spec = {
  description: 'text?',
  tags: 'text[]?',
};

export const PORT_PROPS: Spec = {
  subnet: instanceOf(VpcSubnetReference),
  portSecurity: instanceOf(PortSecurity),
  fixedIps: instanceOf(FixedIpAssignment, { optional: true }),
  allowedAddresses: 'string[]?',
  role: instanceOf(PortRole, { optional: true }),
  name: 'text?',
  ...LABELS,
};

export const PORT_ATTACHMENT_OPTIONS: Spec = {
  id: 'string?',
};

export const VIRTUAL_IP_PORT_PROPS: Spec = {
  subnet: instanceOf(VpcSubnetReference),
  address: 'string?',
  floatingIpPool: 'string?',
  name: 'text?',
  ...LABELS,
};

export const FLOATING_IP_PROPS: Spec = {
  pool: 'string',
  ...LABELS,
};

export const FLOATING_IP_ASSOCIATION_OPTIONS: Spec = {
  fixedIp: 'string?',
};

export const SECURITY_GROUP_PROPS: Spec = {
  securityGroupName: 'text',
  ...LABELS,
};

export const SECURITY_GROUP_RULE_OPTIONS: Spec = {
  description: 'text?',
  allowAdministrationFromInternet: 'boolean?',
  id: 'string?',
};

/** What a pattern's props hold of `ComputeHostProps` (spread into the pattern's own spec). */
export const COMPUTE_HOST_PROPS: Spec = {
  flavorId: 'string?',
  imageId: 'string?',
  keyPairName: 'text?',
  availabilityZone: 'string?',
  userData: 'string?',
  instanceName: 'text?',
  existingInstance: instanceOf(ComputeInstanceReference, { optional: true }),
};

export const DUAL_HOMED_INSTANCE_PROPS: Spec = {
  ...COMPUTE_HOST_PROPS,
  ports: 'DualHomedPortOptions[]',
  tags: 'text[]?',
};

export const DUAL_HOMED_PORT_OPTIONS: Spec = {
  name: 'string',
  subnet: instanceOf(VpcSubnetReference),
  securityGroupIds: 'string[]?',
  ingressRules: 'PortIngressRule[]?',
  fixedIps: instanceOf(FixedIpAssignment, { optional: true }),
  description: 'text?',
};

export const MANAGEMENT_NETWORK_PROPS: Spec = {
  ...COMPUTE_HOST_PROPS,
  publicSubnet: instanceOf(VpcSubnetReference),
  managementSubnet: instanceOf(VpcSubnetReference),
  managementCidrs: 'string[]',
  webPorts: 'number[]?',
  webCidrs: 'string[]?',
  publicFixedIps: instanceOf(FixedIpAssignment, { optional: true }),
  managementFixedIps: instanceOf(FixedIpAssignment, { optional: true }),
  floatingIpPool: 'string?',
  publicSecurityGroupIds: 'string[]?',
  managementSecurityGroupIds: 'string[]?',
  tags: 'text[]?',
};
