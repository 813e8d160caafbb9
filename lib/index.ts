// Registers every cloud with the checks engine and the diagram before anything else is used.
import './clouds';

export * from './core/network-errors';
export * from './aws/limits/instance-network-limits';
export * from './aws/subnet-reference';
export * from './aws/instance-reference';
export * from './aws/ipv4-assignment';
export * from './aws/ipv6-assignment';
export * from './aws/network-interface-base';
export * from './aws/network-interface';
export * from './aws/elastic-ip';
export * from './aws/security/peer';
export * from './aws/security/port';
export * from './aws/security/security-group';
export * from './aws/instance';
export * from './checks/rule-level';
export * from './checks/network-finding';
export * from './checks/network-rules';
export * from './checks/network-rule-description';
export * from './checks/network-rule';
export * from './core/network-suppression';
export * from './checks/network-suppressions';
export * from './aws/patterns/pattern-host-props';
export * from './aws/patterns/management-network';
export * from './aws/patterns/dual-homed-instance';
export * from './aws/patterns/network-appliance';
export * from './aws/patterns/multi-eip-instance';
export * from './aws/patterns/virtual-ip/vip-mode';
export * from './aws/patterns/virtual-ip-pair';
export * from './aws/os/interface-routing';
export * from './aws/os/os-network-config';
export * from './aws/os/secondary-interface-routing';
export * from './aws/failover/ha-active-side';
export * from './aws/failover/ha-member';
export * from './aws/failover/failover-agent';
export * from './aws/failover/ha-failover-nic';
export * from './diagram/network-diagram';

// Other clouds, as jsii submodules: `import { alicloud, nhncloud } from 'cdktf-nic-patterns'`.
export * as alicloud from './alicloud';
export * as nhncloud from './nhncloud';
