/**
 * The fleet written with this library's constructs, checked by NetworkRules. The library module is
 * passed in, so the benchmark can load the compiled `build/` output or the TypeScript sources.
 * BENCH_CHECKS=aspect checks the stack with `Aspects.of(stack)` instead of `NetworkRules.applyTo(app)`.
 */
import { App, Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AMI, buildNetwork, ELASTIC_IP_INTERFACES, INGRESS_RULES, INSTANCE_TYPE, SECURITY_GROUP_DESCRIPTION } from './fleet-spec';

export type Library = typeof import('../../lib/index');

/** Installs NetworkRules the way BENCH_CHECKS says; shared by the library fleets of every cloud. */
export function installChecks(lib: Library, app: App, stack: TerraformStack): void {
  if (process.env.BENCH_CHECKS === 'aspect') Aspects.of(stack).add(new lib.NetworkRules());
  else lib.NetworkRules.applyTo(app);
}

export function buildLibraryFleet(lib: Library, app: App, hosts: number): TerraformStack {
  const stack = new TerraformStack(app, 'fleet');
  installChecks(lib, app, stack);
  const { vpc, subnets } = buildNetwork(stack, hosts);
  const subnetReferences = subnets.map((subnet) => lib.SubnetReference.fromSubnet(subnet));
  for (let i = 0; i < hosts; i++) {
    const host = new Construct(stack, `Host${i}`);
    const interfaces = subnetReferences.map((subnet, k) => {
      // allowAllOutbound (the default) adds the all-traffic egress rule the raw fleet writes out.
      const group = new lib.SecurityGroup(host, `Group${k}`, { vpcId: vpc.id, description: SECURITY_GROUP_DESCRIPTION });
      for (const rule of INGRESS_RULES) {
        group.addIngressRule(lib.Peer.ipv4(rule.cidr), lib.Port.tcp(rule.port), { description: rule.description });
      }
      return new lib.NetworkInterface(host, `Interface${k}`, { subnet, securityGroupIds: [group.securityGroupId] });
    });
    const instance = new lib.Instance(host, 'Instance', { instanceType: INSTANCE_TYPE, ami: AMI, primaryInterface: interfaces[0] });
    interfaces.slice(1).forEach((secondary, k) => instance.attachNetworkInterface(secondary, { deviceIndex: k + 1 }));
    for (const k of ELASTIC_IP_INTERFACES) new lib.ElasticIp(host, `ElasticIp${k}`, { networkInterface: interfaces[k] });
  }
  return stack;
}
