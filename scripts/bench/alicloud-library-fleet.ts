/**
 * The Alibaba Cloud fleet written with this library's `alicloud` constructs, checked by
 * NetworkRules (the ALIxxx rules run on it). The instance stays a raw `alicloud_instance` (the
 * library has no construct for it), referred to with `EcsInstanceReference`.
 */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  ALI_EIP_ENIS, ALI_INGRESS_RULES, ALI_INSTANCE_TYPE, ALI_SECURITY_GROUP_DESCRIPTION, ALI_VSWITCH_CIDRS, ALI_ZONE,
  AlicloudBindings, buildAlicloudInstance, buildAlicloudNetwork, SECONDARY_ENIS,
} from './alicloud-fleet-spec';
import { installChecks, Library } from './library-fleet';

export function buildAlicloudLibraryFleet(lib: Library, bindings: AlicloudBindings, app: App, hosts: number): TerraformStack {
  const { alicloud } = lib;
  const stack = new TerraformStack(app, 'fleet');
  installChecks(lib, app, stack);
  const network = buildAlicloudNetwork(bindings, stack, hosts);
  const vswitches = network.vswitches.map((vswitch, k) =>
    alicloud.VswitchReference.fromVswitchId(vswitch.id, { zoneId: ALI_ZONE, cidrBlock: ALI_VSWITCH_CIDRS[k] }));
  for (let i = 0; i < hosts; i++) {
    const host = new Construct(stack, `Host${i}`);
    const group = new alicloud.SecurityGroup(host, 'Group', { vpcId: network.vpc.id, description: ALI_SECURITY_GROUP_DESCRIPTION });
    for (const rule of ALI_INGRESS_RULES) {
      group.addIngressRule(alicloud.Peer.ipv4(rule.cidr), alicloud.Port.tcp(rule.port), { description: rule.description });
    }
    const instance = buildAlicloudInstance(bindings, host, network, group.securityGroupId);
    const reference = alicloud.EcsInstanceReference.fromInstanceId(instance.id, {
      instanceType: ALI_INSTANCE_TYPE, zoneId: ALI_ZONE, vswitchId: network.vswitches[0].id,
    });
    const enis = Array.from({ length: SECONDARY_ENIS }, (_, k) => {
      const eni = new alicloud.EcsNetworkInterface(host, `Eni${k}`, { vswitch: vswitches[k + 1], securityGroupIds: [group.securityGroupId] });
      eni.attachTo(reference);
      return eni;
    });
    for (const k of ALI_EIP_ENIS) {
      new alicloud.EipAddress(host, `Eip${k}`, { associateWith: alicloud.EipAssociationTarget.networkInterface(enis[k]) });
    }
  }
  return stack;
}
