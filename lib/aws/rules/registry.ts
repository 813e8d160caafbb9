import { AwsIndex } from './aws-index';
import { AWS_NOUNS } from './aws-nouns';
import { AwsRule } from './aws-rule';
import { Nic001InterfacesPerInstance } from './nic001-interfaces-per-instance';
import { Nic002PrivateIpv4PerInterface } from './nic002-private-ipv4-per-interface';
import { Nic003Ipv6PerInterface } from './nic003-ipv6-per-interface';
import { Nic004UnknownInstanceType } from './nic004-unknown-instance-type';
import { Nic010SameAvailabilityZone } from './nic010-same-availability-zone';
import { Nic011SecurityGroupVpc } from './nic011-security-group-vpc';
import { Nic012SecurityGroupsPerInterface } from './nic012-security-groups-per-interface';
import { Nic013InterfacesSameSubnet } from './nic013-interfaces-same-subnet';
import { Nic020PrimaryInterfaceAttachment } from './nic020-primary-interface-attachment';
import { Nic021DeviceIndexUnique } from './nic021-device-index-unique';
import { Nic022InterfaceAttachedOnce } from './nic022-interface-attached-once';
import { Nic023NetworkCardExists } from './nic023-network-card-exists';
import { Nic030OneEipPerPrivateIp } from './nic030-one-eip-per-private-ip';
import { Nic031EipPrivateIpOnInterface } from './nic031-eip-private-ip-on-interface';
import { Nic032EipByInstanceId } from './nic032-eip-by-instance-id';
import { Nic033PublicIpSeveralInterfaces } from './nic033-public-ip-several-interfaces';
import { Nic034PrivateIpInSubnet } from './nic034-private-ip-in-subnet';
import { Nic035DuplicatePrivateIp } from './nic035-duplicate-private-ip';
import { Nic040RouteTargetSourceDestCheck } from './nic040-route-target-source-dest-check';
import { Nic041InstanceSourceDestCheck } from './nic041-instance-source-dest-check';
import { Nic050VirtualIpSubnet } from './nic050-virtual-ip-subnet';
import { Nic051VirtualIpIngressByGroup } from './nic051-virtual-ip-ingress-by-group';
import { Nic060FailoverInterfaceLifecycle } from './nic060-failover-interface-lifecycle';
import { Nic061PrimaryPrivateIpNotFixed } from './nic061-primary-private-ip-not-fixed';
import { Nic070AdminPortOpenToInternet } from './nic070-admin-port-open-to-internet';
import { CloudChecks } from '../../checks/cloud-checks';

/** The AWS rules, one line per rule file, sorted by id. */
export const AWS_RULES: readonly AwsRule[] = [
  new Nic001InterfacesPerInstance(),
  new Nic002PrivateIpv4PerInterface(),
  new Nic003Ipv6PerInterface(),
  new Nic004UnknownInstanceType(),
  new Nic010SameAvailabilityZone(),
  new Nic011SecurityGroupVpc(),
  new Nic012SecurityGroupsPerInterface(),
  new Nic013InterfacesSameSubnet(),
  new Nic020PrimaryInterfaceAttachment(),
  new Nic021DeviceIndexUnique(),
  new Nic022InterfaceAttachedOnce(),
  new Nic023NetworkCardExists(),
  new Nic030OneEipPerPrivateIp(),
  new Nic031EipPrivateIpOnInterface(),
  new Nic032EipByInstanceId(),
  new Nic033PublicIpSeveralInterfaces(),
  new Nic034PrivateIpInSubnet(),
  new Nic035DuplicatePrivateIp(),
  new Nic040RouteTargetSourceDestCheck(),
  new Nic041InstanceSourceDestCheck(),
  new Nic050VirtualIpSubnet(),
  new Nic051VirtualIpIngressByGroup(),
  new Nic060FailoverInterfaceLifecycle(),
  new Nic061PrimaryPrivateIpNotFixed(),
  new Nic070AdminPortOpenToInternet(),
];

/** What AWS plugs into the checks engine (`lib/clouds.ts` registers it). */
export const AWS_CHECKS: CloudChecks<AwsIndex> = {
  name: 'AWS',
  resourcePrefix: 'aws_',
  ruleIdPrefix: 'NIC',
  nouns: AWS_NOUNS,
  buildIndex: (base) => new AwsIndex(base),
  rules: AWS_RULES,
};
