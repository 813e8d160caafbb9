// Alibaba Cloud (ENIs, EIP association modes, NAT gateway EIPs, HaVip): constructs and ALIxxx rules
// arrive here; the submodule exists so that its place in every jsii language is fixed from now on.
export {};
