import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { MultiEipInstance } from '../../lib/alicloud/patterns/multi-eip-instance';
import { Port } from '../../lib/alicloud/security/port';
import { ALICLOUD_IMAGE_ID, AlicloudExampleNetwork, NGINX_USER_DATA } from '../shared/alicloud-network';

const VPC_CIDR = '10.70.0.0/16';
const HOST_CIDR = '10.70.1.0/24';
const PUBLIC_CIDR = '10.70.2.0/24';
// Three sites, one public address each: each EIP maps to one private IP of the ENI, on which nginx listens.
const SITE_ADDRESSES = ['10.70.2.10', '10.70.2.11', '10.70.2.12'];

/**
 * Three public addresses on one ECS instance: a secondary ENI with three fixed private IPs, one EIP
 * per private IP in NAT mode, and the guest's policy routing so that each site answers from its own address.
 */
export class AlicloudMultiEipInstanceStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const network = new AlicloudExampleNetwork(this, 'multi-eip', VPC_CIDR);
    const vswitch = (name: string, cidrBlock: string) => network.vswitchReference(name, cidrBlock, `multi-eip-${name}`);

    const web = new MultiEipInstance(this, 'sites', {
      vpcId: network.vpc.id,
      vswitch: vswitch('public', PUBLIC_CIDR),
      instanceVswitch: vswitch('host', HOST_CIDR),
      privateIpAddresses: SITE_ADDRESSES,
      publicIngressPorts: [Port.tcp(80), Port.tcp(443)],
      instanceType: 'ecs.g7.large',
      imageId: ALICLOUD_IMAGE_ID,
      userData: NGINX_USER_DATA,
      instanceName: 'multi-eip-sites',
    });

    web.publicAddresses.forEach((address, i) => new TerraformOutput(this, `site-${i + 1}-public-address`, { value: address }));
  }
}
