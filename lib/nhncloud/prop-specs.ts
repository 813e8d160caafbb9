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
