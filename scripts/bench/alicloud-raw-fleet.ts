/**
 * The same fleet as `alicloud-library-fleet.ts`, written as raw `alicloud_*` resources (the
 * generated bindings) with the same attribute values and no checks.
 */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  ALI_EIP_ENIS, ALI_INGRESS_RULES, ALI_SECURITY_GROUP_DESCRIPTION, AlicloudBindings, buildAlicloudInstance, buildAlicloudNetwork, SECONDARY_ENIS,
} from './alicloud-fleet-spec';

export function buildAlicloudRawFleet(bindings: AlicloudBindings, app: App, hosts: number): TerraformStack {
  const stack = new TerraformStack(app, 'fleet');
  const network = buildAlicloudNetwork(bindings, stack, hosts);
  for (let i = 0; i < hosts; i++) {
    const host = new Construct(stack, `Host${i}`);
    const group = new bindings.securityGroup.SecurityGroup(host, 'Group', { vpcId: network.vpc.id, description: ALI_SECURITY_GROUP_DESCRIPTION });
    ALI_INGRESS_RULES.forEach((rule, r) => new bindings.securityGroupRule.SecurityGroupRule(host, `GroupIngress${r}`, {
      securityGroupId: group.id,
      type: 'ingress',
      ipProtocol: 'tcp',
      portRange: `${rule.port}/${rule.port}`,
      nicType: 'intranet',
      policy: 'accept',
      priority: 1,
      description: rule.description,
      cidrIp: rule.cidr,
    }));
    const instance = buildAlicloudInstance(bindings, host, network, group.id);
    const enis = Array.from({ length: SECONDARY_ENIS }, (_, k) => {
      const eni = new bindings.ecsNetworkInterface.EcsNetworkInterface(host, `Eni${k}`, {
        vswitchId: network.vswitches[k + 1].id, securityGroupIds: [group.id], sourceDestCheck: true, deleteOnRelease: false,
      });
      new bindings.ecsNetworkInterfaceAttachment.EcsNetworkInterfaceAttachment(host, `Eni${k}Attachment`, {
        instanceId: instance.id, networkInterfaceId: eni.id,
      });
      return eni;
    });
    for (const k of ALI_EIP_ENIS) {
      const eip = new bindings.eipAddress.EipAddress(host, `Eip${k}`, {});
      new bindings.eipAssociation.EipAssociation(host, `Eip${k}Association`, {
        allocationId: eip.id, instanceId: enis[k].id, instanceType: 'NetworkInterface', mode: 'NAT',
      });
    }
  }
  return stack;
}
