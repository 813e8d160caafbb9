// Alibaba Cloud (ENIs, EIP association modes, NAT gateway EIPs, HaVip). The ALIxxx rules run through the
// package's NetworkRules on any alicloud_* resource; the options users set for them are exported here.
export * from './rules/rule-options';
