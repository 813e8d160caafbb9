import { NhnIndex } from './nhn-index';
import { NHN_NOUNS } from './nhn-nouns';
import { NhnRule } from './nhn-rule';
import { Nhn001VirtualIpNotAttached } from './nhn001-virtual-ip-not-attached';
import { Nhn002VirtualIpSameSubnet } from './nhn002-virtual-ip-same-subnet';
import { Nhn003VirtualIpCarrierAllowed } from './nhn003-virtual-ip-carrier-allowed';
import { Nhn010PortSecurityOffExclusive } from './nhn010-port-security-off-exclusive';
import { Nhn011PortSecurityOffAcknowledged } from './nhn011-port-security-off-acknowledged';
import { Nhn012NoSecurityGroupsExclusive } from './nhn012-no-security-groups-exclusive';
import { Nhn020FloatingIpOneToOne } from './nhn020-floating-ip-one-to-one';
import { Nhn021FloatingIpInternetGateway } from './nhn021-floating-ip-internet-gateway';
import { Nhn030InstanceGroupsOnExistingPort } from './nhn030-instance-groups-on-existing-port';
import { Nhn040VirtualIpIngressByGroup } from './nhn040-virtual-ip-ingress-by-group';
import { Nhn050StandaloneFailoverPort } from './nhn050-standalone-failover-port';
import { Nhn070AdminPortOpenToInternet } from './nhn070-admin-port-open-to-internet';
import { CloudChecks } from '../../checks/cloud-checks';

/** The NHN Cloud rules, one line per rule file, sorted by id. */
export const NHN_RULES: readonly NhnRule[] = [
  new Nhn001VirtualIpNotAttached(),
  new Nhn002VirtualIpSameSubnet(),
  new Nhn003VirtualIpCarrierAllowed(),
  new Nhn010PortSecurityOffExclusive(),
  new Nhn011PortSecurityOffAcknowledged(),
  new Nhn012NoSecurityGroupsExclusive(),
  new Nhn020FloatingIpOneToOne(),
  new Nhn021FloatingIpInternetGateway(),
  new Nhn030InstanceGroupsOnExistingPort(),
  new Nhn040VirtualIpIngressByGroup(),
  new Nhn050StandaloneFailoverPort(),
  new Nhn070AdminPortOpenToInternet(),
];

/** What NHN Cloud plugs into the checks engine (`lib/clouds.ts` registers it). */
export const NHN_CHECKS: CloudChecks<NhnIndex> = {
  name: 'NHN Cloud',
  resourcePrefix: 'nhncloud_',
  ruleIdPrefix: 'NHN',
  nouns: NHN_NOUNS,
  buildIndex: (base) => new NhnIndex(base),
  rules: NHN_RULES,
};
