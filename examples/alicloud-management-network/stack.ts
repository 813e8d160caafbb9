import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AlicloudProvider } from '../../lib/alicloud/bindings/provider';
import { Vpc } from '../../lib/alicloud/bindings/vpc';
import { Vswitch } from '../../lib/alicloud/bindings/vswitch';
import { EniIpv4Assignment } from '../../lib/alicloud/eni-ipv4-assignment';
import { EcsOsNetworkConfig } from '../../lib/alicloud/patterns/ecs-os-network-config';
import { ManagementNetwork } from '../../lib/alicloud/patterns/management-network';
import { VswitchReference } from '../../lib/alicloud/vswitch-reference';

const REGION = 'cn-hangzhou';
const ZONE = 'cn-hangzhou-h';
const VPC_CIDR = '10.70.0.0/16';
const PUBLIC_CIDR = '10.70.1.0/24';
const MANAGEMENT_CIDR = '10.70.2.0/24';
// Replace with your admins' range (a documentation range here: nobody can reach SSH with it).
const ADMIN_RANGE = '203.0.113.0/24';
// Replace with an Alibaba Cloud Linux 3 image id of your region; no data source, so the example plans offline.
const IMAGE_ID = 'aliyun_3_x64_20G_alibase_20240819.vhd';
const WEB_SERVER = [
  '#!/bin/bash',
  'set -euo pipefail',
  'dnf install -y nginx',
  'systemctl enable --now nginx',
  '',
].join('\n');

/**
 * A web server on Alibaba Cloud with a management network: the public traffic on the instance's
 * primary ENI (with an EIP), SSH only on a standalone ENI in a management vSwitch, from the admin range.
 */
export class AlicloudManagementNetworkStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AlicloudProvider(this, 'alicloud', { region: REGION });

    const vpc = new Vpc(this, 'vpc', { vpcName: 'management-network', cidrBlock: VPC_CIDR });
    const publicVswitch = new Vswitch(this, 'public', { vpcId: vpc.id, cidrBlock: PUBLIC_CIDR, zoneId: ZONE, vswitchName: 'web-public' });
    const managementVswitch = new Vswitch(this, 'management', {
      vpcId: vpc.id, cidrBlock: MANAGEMENT_CIDR, zoneId: ZONE, vswitchName: 'web-management',
    });

    const web = new ManagementNetwork(this, 'web', {
      vpcId: vpc.id,
      publicVswitch: VswitchReference.fromVswitchId(publicVswitch.id, { zoneId: ZONE, cidrBlock: PUBLIC_CIDR }),
      managementVswitch: VswitchReference.fromVswitchId(managementVswitch.id, { zoneId: ZONE, cidrBlock: MANAGEMENT_CIDR }),
      // The admins reach the management ENI at a fixed address, whatever instance it is attached to.
      managementInterfaceIpv4: EniIpv4Assignment.addresses('10.70.2.10'),
      managementCidrs: [ADMIN_RANGE],
      instanceType: 'ecs.g7.large',
      imageId: IMAGE_ID,
      instanceName: 'web',
      userData: WEB_SERVER,
      // Replies to the admins leave by the management ENI: its own route table through its vSwitch's gateway.
      osNetworkConfig: EcsOsNetworkConfig.iproute2Script(),
      tags: { Scenario: 'management-network' },
    });

    new TerraformOutput(this, 'web-public-address', { value: web.eip!.ipAddress });
    new TerraformOutput(this, 'web-management-address', { value: web.managementInterface.primaryIpAddress });
  }
}
