import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AlicloudProvider } from '../../lib/alicloud/bindings/provider';
import { Vpc } from '../../lib/alicloud/bindings/vpc';
import { Vswitch } from '../../lib/alicloud/bindings/vswitch';
import { MultiEipInstance } from '../../lib/alicloud/patterns/multi-eip-instance';
import { Port } from '../../lib/alicloud/security/port';
import { VswitchReference } from '../../lib/alicloud/vswitch-reference';

const REGION = 'cn-hangzhou';
const ZONE = 'cn-hangzhou-h';
const VPC_CIDR = '10.70.0.0/16';
const HOST_CIDR = '10.70.1.0/24';
const PUBLIC_CIDR = '10.70.2.0/24';
// Replace with an Alibaba Cloud Linux 3 image id of your region; no data source, so the example plans offline.
const IMAGE_ID = 'aliyun_3_x64_20G_alibase_20240819.vhd';
// Three sites, one public address each: each EIP maps to one private IP of the ENI, on which nginx listens.
const SITE_ADDRESSES = ['10.70.2.10', '10.70.2.11', '10.70.2.12'];
const WEB_SERVER = [
  '#!/bin/bash',
  'set -euo pipefail',
  'dnf install -y nginx',
  'systemctl enable --now nginx',
  '',
].join('\n');

/**
 * Three public addresses on one ECS instance: a secondary ENI with three fixed private IPs, one EIP
 * per private IP in NAT mode, and the guest's policy routing so that each site answers from its own address.
 */
export class AlicloudMultiEipInstanceStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AlicloudProvider(this, 'alicloud', { region: REGION });

    const vpc = new Vpc(this, 'vpc', { vpcName: 'multi-eip', cidrBlock: VPC_CIDR });
    const vswitch = (name: string, cidrBlock: string) => VswitchReference.fromVswitchId(
      new Vswitch(this, name, { vpcId: vpc.id, cidrBlock, zoneId: ZONE, vswitchName: `multi-eip-${name}` }).id, { zoneId: ZONE, cidrBlock });

    const web = new MultiEipInstance(this, 'sites', {
      vpcId: vpc.id,
      vswitch: vswitch('public', PUBLIC_CIDR),
      instanceVswitch: vswitch('host', HOST_CIDR),
      privateIpAddresses: SITE_ADDRESSES,
      publicIngressPorts: [Port.tcp(80), Port.tcp(443)],
      instanceType: 'ecs.g7.large',
      imageId: IMAGE_ID,
      userData: WEB_SERVER,
      instanceName: 'multi-eip-sites',
    });

    web.publicAddresses.forEach((address, i) => new TerraformOutput(this, `site-${i + 1}-public-address`, { value: address }));
  }
}
