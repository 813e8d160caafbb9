import { AliIndex } from './ali-index';
import { ALI_NOUNS } from './ali-nouns';
import { AliRule } from './ali-rule';
import { Ali001EnisPerInstance } from './ali001-enis-per-instance';
import { Ali002PrivateIpv4PerEni } from './ali002-private-ipv4-per-eni';
import { Ali003UnknownInstanceType } from './ali003-unknown-instance-type';
import { Ali010SameVpcAndZone } from './ali010-same-vpc-and-zone';
import { Ali011SecurityGroupVpc } from './ali011-security-group-vpc';
import { Ali012SecurityGroupsPerEni } from './ali012-security-groups-per-eni';
import { Ali020EniAttachedOnce } from './ali020-eni-attached-once';
import { Ali030AssociationInstanceType } from './ali030-association-instance-type';
import { Ali031NatModePrivateIp } from './ali031-nat-mode-private-ip';
import { Ali032OneEipPerInstance } from './ali032-one-eip-per-instance';
import { Ali033BindedModeSecondaryEni } from './ali033-binded-mode-secondary-eni';
import { Ali034MultiBindedAllowList } from './ali034-multi-binded-allow-list';
import { Ali035BindedCarrierGradeNatRange } from './ali035-binded-carrier-grade-nat-range';
import { Ali040EipsPerNatGateway } from './ali040-eips-per-nat-gateway';
import { Ali050OneEipPerHaVip } from './ali050-one-eip-per-havip';
import { Ali051HaVipSameVswitch } from './ali051-havip-same-vswitch';
import { Ali052HaVipAttachments } from './ali052-havip-attachments';
import { Ali053HaVipsPerInstance } from './ali053-havips-per-instance';
import { Ali060FailoverEniLifecycle } from './ali060-failover-eni-lifecycle';
import { Ali070AdminPortOpenToInternet } from './ali070-admin-port-open-to-internet';
import { CloudChecks } from '../../checks/cloud-checks';

/** The Alibaba Cloud rules, one line per rule file, sorted by id. */
export const ALI_RULES: readonly AliRule[] = [
  new Ali001EnisPerInstance(),
  new Ali002PrivateIpv4PerEni(),
  new Ali003UnknownInstanceType(),
  new Ali010SameVpcAndZone(),
  new Ali011SecurityGroupVpc(),
  new Ali012SecurityGroupsPerEni(),
  new Ali020EniAttachedOnce(),
  new Ali030AssociationInstanceType(),
  new Ali031NatModePrivateIp(),
  new Ali032OneEipPerInstance(),
  new Ali033BindedModeSecondaryEni(),
  new Ali034MultiBindedAllowList(),
  new Ali035BindedCarrierGradeNatRange(),
  new Ali040EipsPerNatGateway(),
  new Ali050OneEipPerHaVip(),
  new Ali051HaVipSameVswitch(),
  new Ali052HaVipAttachments(),
  new Ali053HaVipsPerInstance(),
  new Ali060FailoverEniLifecycle(),
  new Ali070AdminPortOpenToInternet(),
];

/** What Alibaba Cloud plugs into the checks engine (`lib/clouds.ts` registers it). */
export const ALI_CHECKS: CloudChecks<AliIndex> = {
  name: 'Alibaba Cloud',
  resourcePrefix: 'alicloud_',
  ruleIdPrefix: 'ALI',
  nouns: ALI_NOUNS,
  buildIndex: (base) => new AliIndex(base),
  rules: ALI_RULES,
};
