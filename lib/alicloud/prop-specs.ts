import { EipAssociationMode } from './eip-association-mode';
import { EipAssociationTarget } from './eip-association-target';
import { EniIpv4Assignment } from './eni-ipv4-assignment';
import { VswitchReference } from './vswitch-reference';
import { instanceOf, PropType } from '../core/prop-checks';

/**
 * The types of the Alibaba Cloud constructs' props, checked at the JavaScript boundary
 * (`checkProps`): what TypeScript would have refused, for plain JavaScript and the other jsii languages.
 */
type Spec = Readonly<Record<string, PropType>>;

export const ECS_NETWORK_INTERFACE_PROPS: Spec = {
  vswitch: instanceOf(VswitchReference),
  securityGroupIds: 'string[]',
  privateIpv4: instanceOf(EniIpv4Assignment, { optional: true }),
  ipv6AddressCount: 'number?',
  ipv6Addresses: 'string[]?',
  sourceDestCheck: 'boolean?',
  deleteOnRelease: 'boolean?',
  networkInterfaceName: 'text?',
  description: 'text?',
  tags: 'tags?',
};

export const ENI_ATTACHMENT_OPTIONS: Spec = {
  id: 'string?',
};

export const EIP_ASSOCIATION_OPTIONS: Spec = {
  mode: instanceOf(EipAssociationMode, { optional: true }),
};

export const EIP_ADDRESS_PROPS: Spec = {
  ...EIP_ASSOCIATION_OPTIONS,
  associateWith: instanceOf(EipAssociationTarget, { optional: true }),
  bandwidth: 'string?',
  internetChargeType: '=PayByTraffic|PayByBandwidth?',
  addressName: 'text?',
  description: 'text?',
  tags: 'tags?',
};

export const SECURITY_GROUP_PROPS: Spec = {
  vpcId: 'string',
  securityGroupName: 'text?',
  description: 'text?',
  tags: 'tags?',
};

export const SECURITY_GROUP_RULE_OPTIONS: Spec = {
  description: 'text?',
  allowAdministrationFromInternet: 'boolean?',
  priority: 'number?',
  id: 'string?',
};
