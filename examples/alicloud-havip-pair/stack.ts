import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { HaVipPair } from '../../lib/alicloud/patterns/havip-pair';
import { ALICLOUD_IMAGE_ID, AlicloudExampleNetwork, NGINX_USER_DATA } from '../shared/alicloud-network';

const VPC_CIDR = '10.60.0.0/16';
const VSWITCH_CIDR = '10.60.1.0/24';

/**
 * A web front end on an Alibaba Cloud HaVip: two ECS instances in one vSwitch, keepalived electing
 * the holder, an EIP on the HaVip for public clients.
 */
export class AlicloudHaVipPairStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const network = new AlicloudExampleNetwork(this, 'havip-pair', VPC_CIDR);
    const vswitch = network.vswitch('web', VSWITCH_CIDR, 'havip-pair-web');

    // 10.60.1.100 is the HaVip; keepalived adds it on the MASTER, whose gratuitous ARP makes the
    // vSwitch deliver it (and its EIP) there. Roll changes out the standby first.
    const pair = new HaVipPair(this, 'web-pair', {
      pairName: 'web',
      vpcId: network.vpc.id,
      vswitchId: vswitch.id,
      vswitchCidr: VSWITCH_CIDR,
      haVipAddress: '10.60.1.100',
      // The members' own user data runs before keepalived is installed and started, so a member takes
      // the HaVip only once nginx serves (and never, if the install fails).
      active: { privateIp: '10.60.1.10', userData: NGINX_USER_DATA },
      standby: { privateIp: '10.60.1.11', userData: NGINX_USER_DATA },
      instanceType: 'ecs.g7.large',
      imageId: ALICLOUD_IMAGE_ID,
      eip: true,
      clientCidrs: ['0.0.0.0/0'],
      clientTcpPorts: [80, 443],
    });

    new TerraformOutput(this, 'web-public-address', { value: pair.eipAddress! });
    new TerraformOutput(this, 'web-virtual-ip', { value: pair.virtualIp });
  }
}
