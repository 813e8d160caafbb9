// NHN Cloud (ports, virtual-IP ports, port security, floating IPs): constructs and NHNxxx rules
// arrive here; the submodule exists so that its place in every jsii language is fixed from now on.
export {};
