// Alibaba Cloud (ENIs, EIP association modes, NAT gateway EIPs, HaVip). The ALIxxx rules run through the
// package's NetworkRules on any alicloud_* resource; the options users set for them are exported here.
export * from './rules/rule-options';
export * from './patterns/havip-pair';
export * from './patterns/nat-gateway-eips';
export * from './patterns/ecs-host-props';
export * from './patterns/management-network';
export * from './patterns/dual-homed-instance';
export * from './patterns/ecs-os-network-config';
export * from './patterns/multi-eip-instance';
export * from './vswitch-reference';
export * from './ecs-instance-reference';
export * from './eni-ipv4-assignment';
export * from './ecs-network-interface';
export * from './eip-association-mode';
export * from './eip-association-target';
export * from './eip-address';
export * from './security/peer';
export * from './security/port';
export * from './security/security-group';
