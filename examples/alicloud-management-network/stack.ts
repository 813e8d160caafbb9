import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { EniIpv4Assignment } from '../../lib/alicloud/eni-ipv4-assignment';
import { EcsOsNetworkConfig } from '../../lib/alicloud/patterns/ecs-os-network-config';
import { ManagementNetwork } from '../../lib/alicloud/patterns/management-network';
import { ALICLOUD_IMAGE_ID, AlicloudExampleNetwork, NGINX_USER_DATA } from '../shared/alicloud-network';

const VPC_CIDR = '10.70.0.0/16';
const PUBLIC_CIDR = '10.70.1.0/24';
const MANAGEMENT_CIDR = '10.70.2.0/24';
// Replace with your admins' range (a documentation range here: nobody can reach SSH with it).
const ADMIN_RANGE = '203.0.113.0/24';

/**
 * A web server on Alibaba Cloud with a management network: the public traffic on the instance's
 * primary ENI (with an EIP), SSH only on a standalone ENI in a management vSwitch, from the admin range.
 */
export class AlicloudManagementNetworkStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const network = new AlicloudExampleNetwork(this, 'management-network', VPC_CIDR);

    const web = new ManagementNetwork(this, 'web', {
      vpcId: network.vpc.id,
      publicVswitch: network.vswitchReference('public', PUBLIC_CIDR, 'web-public'),
      managementVswitch: network.vswitchReference('management', MANAGEMENT_CIDR, 'web-management'),
      // The admins reach the management ENI at a fixed address, whatever instance it is attached to.
      managementInterfaceIpv4: EniIpv4Assignment.addresses('10.70.2.10'),
      managementCidrs: [ADMIN_RANGE],
      instanceType: 'ecs.g7.large',
      imageId: ALICLOUD_IMAGE_ID,
      instanceName: 'web',
      userData: NGINX_USER_DATA,
      // Replies to the admins leave by the management ENI: its own route table through its vSwitch's gateway.
      osNetworkConfig: EcsOsNetworkConfig.iproute2Script(),
      tags: { Scenario: 'management-network' },
    });

    new TerraformOutput(this, 'web-public-address', { value: web.eip!.ipAddress });
    new TerraformOutput(this, 'web-management-address', { value: web.managementInterface.primaryIpAddress });
  }
}
