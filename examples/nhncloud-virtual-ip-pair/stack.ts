import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { nhncloud } from '../../lib';
import { NetworkingRoutingtableAttachGatewayV2 } from '../../lib/nhncloud/bindings/networking-routingtable-attach-gateway-v2';
import { NetworkingRoutingtableV2 } from '../../lib/nhncloud/bindings/networking-routingtable-v2';
import { NetworkingVpcV2 } from '../../lib/nhncloud/bindings/networking-vpc-v2';
import { NetworkingVpcsubnetV2 } from '../../lib/nhncloud/bindings/networking-vpcsubnet-v2';
import { NhncloudProvider } from '../../lib/nhncloud/bindings/provider';

const SUBNET_CIDR = '192.168.0.0/24';
/** The floating IP pool of the KR1 region's internet; the console's `Create Floating IP` dialog lists yours. */
const POOL = 'Public Network';
/** Replace with a flavor and an Ubuntu, Rocky or CentOS image of your region; no data source so the example plans offline. */
const LAUNCH = { flavorId: '00000000-0000-0000-0000-00000000f1a0', imageId: '00000000-0000-0000-0000-000000000001' };

/**
 * Two web hosts sharing a virtual IP (192.168.0.100) with keepalived: each host's primary port lists
 * it as an allowed address, unicast VRRP between 192.168.0.10 and .11 elects the holder, and a
 * floating IP on the virtual IP follows it. HTTPS is open to the internet, VRRP only between the two.
 */
export class NhncloudVirtualIpPairStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new NhncloudProvider(this, 'nhncloud', { region: 'KR1' });

    // Terraform has no internet gateway resource for NHN Cloud: create it in the console and pass its id.
    const internetGatewayId = new TerraformVariable(this, 'internet_gateway_id', {
      type: 'string',
      description: 'Id of the VPC\'s internet gateway (Network > Internet Gateway in the console)',
      default: '00000000-0000-0000-0000-000000000000',
    }).stringValue;

    const vpc = new NetworkingVpcV2(this, 'vpc', { name: 'virtual-ip-pair', cidrv4: '192.168.0.0/16' });
    // The floating IP needs the subnet in a routing table with an internet gateway (constraints.md B14).
    const routes = new NetworkingRoutingtableV2(this, 'routes', { name: 'virtual-ip-pair', vpcId: vpc.id });
    new NetworkingRoutingtableAttachGatewayV2(this, 'internet', { routingtableId: routes.id, gatewayId: internetGatewayId });
    const subnet = new NetworkingVpcsubnetV2(this, 'web', { name: 'web', vpcId: vpc.id, cidr: SUBNET_CIDR, routingtableId: routes.id });

    const pair = new nhncloud.VirtualIpPair(this, 'pair', {
      pairName: 'web',
      subnet: nhncloud.VpcSubnetReference.fromSubnetId(subnet.id, { vpcId: vpc.id, cidr: SUBNET_CIDR }),
      virtualIpAddress: '192.168.0.100',
      active: { ...LAUNCH, privateIp: '192.168.0.10' },
      standby: { ...LAUNCH, privateIp: '192.168.0.11' },
      clientCidrs: ['0.0.0.0/0'],
      clientTcpPorts: [443],
      floatingIpPool: POOL,
    });

    new TerraformOutput(this, 'vip-public-ip', { value: pair.floatingIp!.address });
    new TerraformOutput(this, 'vip-private-ip', { value: pair.virtualIpAddress });
  }
}
