import { Construct } from 'constructs';
import { AlicloudProvider } from '../../lib/alicloud/bindings/provider';
import { Vpc } from '../../lib/alicloud/bindings/vpc';
import { Vswitch } from '../../lib/alicloud/bindings/vswitch';
import { VswitchReference } from '../../lib/alicloud/vswitch-reference';

/** The region and zone every Alibaba Cloud example deploys to. */
export const ALICLOUD_REGION = 'cn-hangzhou';
export const ALICLOUD_ZONE = 'cn-hangzhou-h';
/** Replace with an Alibaba Cloud Linux 3 image id of your region; no data source, so the examples plan offline. */
export const ALICLOUD_IMAGE_ID = 'aliyun_3_x64_20G_alibase_20240819.vhd';
/** The examples' web server: nginx, installed at first boot. */
export const NGINX_USER_DATA = [
  '#!/bin/bash',
  'set -euo pipefail',
  'dnf install -y nginx',
  'systemctl enable --now nginx',
  '',
].join('\n');

/** The provider and the VPC of an example, where it adds vSwitches in the example's zone. */
export class AlicloudExampleNetwork {
  public readonly vpc: Vpc;

  constructor(private readonly scope: Construct, vpcName: string, cidrBlock: string) {
    new AlicloudProvider(scope, 'alicloud', { region: ALICLOUD_REGION });
    this.vpc = new Vpc(scope, 'vpc', { vpcName, cidrBlock });
  }

  /** A vSwitch of the VPC in the example's zone. */
  public vswitch(id: string, cidrBlock: string, vswitchName: string): Vswitch {
    return new Vswitch(this.scope, id, { vpcId: this.vpc.id, cidrBlock, zoneId: ALICLOUD_ZONE, vswitchName });
  }

  /** A vSwitch of the VPC, as the patterns take it. */
  public vswitchReference(id: string, cidrBlock: string, vswitchName: string): VswitchReference {
    return VswitchReference.fromVswitchId(this.vswitch(id, cidrBlock, vswitchName).id, { zoneId: ALICLOUD_ZONE, cidrBlock });
  }
}
