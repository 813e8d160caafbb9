import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud } from '../../lib';
import { Instance } from '../../lib/alicloud/bindings/instance';
import { AlicloudProvider } from '../../lib/alicloud/bindings/provider';
import { Vpc } from '../../lib/alicloud/bindings/vpc';
import { Vswitch } from '../../lib/alicloud/bindings/vswitch';

const ZONE = 'cn-hangzhou-h';
const INSTANCE_TYPE = 'ecs.g6.large';

/**
 * Every Alibaba Cloud building block in one stack: a web host with an EIP of its own, a secondary
 * ENI with two fixed addresses that keeps them (and its EIP) if the host is replaced, and security
 * groups that keep SSH inside the VPC.
 */
export class AlicloudBuildingBlocksStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AlicloudProvider(this, 'alicloud', { region: 'cn-hangzhou' });

    const vpc = new Vpc(this, 'vpc', { vpcName: 'building-blocks', cidrBlock: '10.20.0.0/16' });
    const vswitch = new Vswitch(this, 'vswitch', { vpcId: vpc.id, cidrBlock: '10.20.1.0/24', zoneId: ZONE });

    const web = new alicloud.SecurityGroup(this, 'web-sg', { vpcId: vpc.id, description: 'HTTPS from anywhere' });
    web.addIngressRule(alicloud.Peer.anyIpv4(), alicloud.Port.tcp(443), { description: 'HTTPS' });
    const service = new alicloud.SecurityGroup(this, 'service-sg', { vpcId: vpc.id, description: 'Service port and SSH from the VPC' });
    service.addIngressRule(alicloud.Peer.ipv4('10.20.0.0/16'), alicloud.Port.tcp(8443), { description: 'service' });
    service.addIngressRule(alicloud.Peer.ipv4('10.20.0.0/16'), alicloud.Port.tcp(22), { description: 'SSH from the VPC' });

    const host = new Instance(this, 'web-host', {
      instanceType: INSTANCE_TYPE,
      // Replace with an image of your region; no data source so the example plans offline.
      imageId: 'aliyun_3_x64_20G_alibase_20240819.vhd',
      vswitchId: vswitch.id,
      securityGroups: [web.securityGroupId],
      instanceName: 'web-host',
    });
    const hostReference = alicloud.EcsInstanceReference.fromInstanceId(host.id, { instanceType: INSTANCE_TYPE, zoneId: ZONE });
    const hostEip = new alicloud.EipAddress(this, 'host-eip', {
      addressName: 'web-host',
      associateWith: alicloud.EipAssociationTarget.ecsInstance(hostReference),
    });

    const eth1 = new alicloud.EcsNetworkInterface(this, 'eth1', {
      vswitch: alicloud.VswitchReference.fromVswitchId(vswitch.id, { zoneId: ZONE, cidrBlock: '10.20.1.0/24' }),
      securityGroupIds: [service.securityGroupId],
      privateIpv4: alicloud.EniIpv4Assignment.addresses('10.20.1.10', '10.20.1.11'),
      description: 'service ENI; keeps its addresses if the host is replaced',
    });
    eth1.attachTo(hostReference);
    const serviceEip = new alicloud.EipAddress(this, 'service-eip', {
      addressName: 'service',
      associateWith: alicloud.EipAssociationTarget.networkInterface(eth1, '10.20.1.11'),
    });

    new TerraformOutput(this, 'host-public-ip', { value: hostEip.ipAddress });
    new TerraformOutput(this, 'service-public-ip', { value: serviceEip.ipAddress });
    new TerraformOutput(this, 'service-mac', { value: eth1.macAddress });
  }
}
