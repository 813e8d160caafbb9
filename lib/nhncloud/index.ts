// NHN Cloud (OpenStack ports): standalone ports with port security or an acknowledged guest firewall,
// virtual-IP ports carried through allowed address pairs, floating IPs and security groups. They set
// the marker tags (rules/marker-tags.ts) that the NHNxxx rules read on any nhncloud_* port.
export * from './vpc-subnet-reference';
export * from './compute-instance-reference';
export * from './fixed-ip-assignment';
export * from './port-security';
export * from './port-role';
export * from './port';
export * from './virtual-ip-port';
export * from './floating-ip';
export * from './security/peer';
export * from './security/traffic';
export * from './security/security-group';
export * from './patterns/virtual-ip-pair';
export * from './patterns/ha-failover-port';
export * from './patterns/compute-host-props';
export * from './patterns/dual-homed-instance';
export * from './patterns/management-network';
