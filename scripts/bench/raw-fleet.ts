/**
 * The same fleet as `library-fleet.ts`, written as raw `@cdktf/provider-aws` resources with the
 * same attribute values and no checks: what a user would write without this library.
 */
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { EipAssociation } from '@cdktf/provider-aws/lib/eip-association';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { NetworkInterfaceAttachmentA } from '@cdktf/provider-aws/lib/network-interface-attachment';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AMI, buildNetwork, EGRESS_RULE, ELASTIC_IP_INTERFACES, INGRESS_RULES, INSTANCE_TYPE, SECURITY_GROUP_DESCRIPTION,
} from './fleet-spec';

export function buildRawFleet(app: App, hosts: number): TerraformStack {
  const stack = new TerraformStack(app, 'fleet');
  const { vpc, subnets } = buildNetwork(stack, hosts);
  for (let i = 0; i < hosts; i++) {
    const host = new Construct(stack, `Host${i}`);
    const interfaces = subnets.map((subnet, k) => {
      const group = new SecurityGroup(host, `Group${k}`, { vpcId: vpc.id, description: SECURITY_GROUP_DESCRIPTION });
      INGRESS_RULES.forEach((rule, r) => new VpcSecurityGroupIngressRule(host, `Group${k}Ingress${r}`, {
        securityGroupId: group.id, ipProtocol: 'tcp', fromPort: rule.port, toPort: rule.port, cidrIpv4: rule.cidr, description: rule.description,
      }));
      new VpcSecurityGroupEgressRule(host, `Group${k}Egress`, {
        securityGroupId: group.id, ipProtocol: EGRESS_RULE.protocol, cidrIpv4: EGRESS_RULE.cidr, description: EGRESS_RULE.description,
      });
      return new NetworkInterface(host, `Interface${k}`, { subnetId: subnet.id, securityGroups: [group.id], sourceDestCheck: true });
    });
    const instance = new Instance(host, 'Instance', {
      ami: AMI,
      instanceType: INSTANCE_TYPE,
      networkInterface: [{ deviceIndex: 0, networkInterfaceId: interfaces[0].id }],
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 },
    });
    interfaces.slice(1).forEach((secondary, k) => new NetworkInterfaceAttachmentA(host, `Attachment${k + 1}`, {
      instanceId: instance.id, networkInterfaceId: secondary.id, deviceIndex: k + 1,
    }));
    for (const k of ELASTIC_IP_INTERFACES) {
      const eip = new Eip(host, `ElasticIp${k}`, { domain: 'vpc' });
      new EipAssociation(host, `ElasticIp${k}Association`, {
        allocationId: eip.allocationId, networkInterfaceId: interfaces[k].id, allowReassociation: false,
      });
    }
  }
  return stack;
}
