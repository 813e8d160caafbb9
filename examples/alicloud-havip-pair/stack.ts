import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AlicloudProvider } from '../../lib/alicloud/bindings/provider';
import { Vpc } from '../../lib/alicloud/bindings/vpc';
import { Vswitch } from '../../lib/alicloud/bindings/vswitch';
import { HaVipPair } from '../../lib/alicloud/patterns/havip-pair';

const REGION = 'cn-hangzhou';
const ZONE = 'cn-hangzhou-h';
const VPC_CIDR = '10.60.0.0/16';
const VSWITCH_CIDR = '10.60.1.0/24';
// Replace with an Alibaba Cloud Linux 3 image id of your region; no data source, so the example plans offline.
const IMAGE_ID = 'aliyun_3_x64_20G_alibase_20240819.vhd';
// The members' own user data: it runs before keepalived is installed and started, so a member takes
// the HaVip only once nginx serves (and never, if the install fails).
const WEB_SERVER = [
  '#!/bin/bash',
  'set -euo pipefail',
  'dnf install -y nginx',
  'systemctl enable --now nginx',
  '',
].join('\n');

/**
 * A web front end on an Alibaba Cloud HaVip: two ECS instances in one vSwitch, keepalived electing
 * the holder, an EIP on the HaVip for public clients.
 */
export class AlicloudHaVipPairStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AlicloudProvider(this, 'alicloud', { region: REGION });

    const vpc = new Vpc(this, 'vpc', { vpcName: 'havip-pair', cidrBlock: VPC_CIDR });
    const vswitch = new Vswitch(this, 'web', { vpcId: vpc.id, cidrBlock: VSWITCH_CIDR, zoneId: ZONE, vswitchName: 'havip-pair-web' });

    // 10.60.1.100 is the HaVip; keepalived adds it on the MASTER, whose gratuitous ARP makes the
    // vSwitch deliver it (and its EIP) there. Roll changes out the standby first.
    const pair = new HaVipPair(this, 'web-pair', {
      pairName: 'web',
      vpcId: vpc.id,
      vswitchId: vswitch.id,
      vswitchCidr: VSWITCH_CIDR,
      haVipAddress: '10.60.1.100',
      active: { privateIp: '10.60.1.10', userData: WEB_SERVER },
      standby: { privateIp: '10.60.1.11', userData: WEB_SERVER },
      instanceType: 'ecs.g7.large',
      imageId: IMAGE_ID,
      eip: true,
      clientCidrs: ['0.0.0.0/0'],
      clientTcpPorts: [80, 443],
    });

    new TerraformOutput(this, 'web-public-address', { value: pair.eipAddress! });
    new TerraformOutput(this, 'web-virtual-ip', { value: pair.virtualIp });
  }
}
