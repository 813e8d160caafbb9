import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpnGateway } from '@cdktf/provider-aws/lib/vpn-gateway';
import { VpnGatewayRoutePropagation } from '@cdktf/provider-aws/lib/vpn-gateway-route-propagation';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Ipv4Assignment, SubnetReference } from '../../lib';
import { ManagementNetwork } from '../../lib/aws/patterns/management-network';

/** The office's on-premises range, reached through the virtual private gateway. */
const ON_PREMISES_RANGE = '192.168.0.0/16';
/** The administrators' public range (a documentation range: put yours). */
const ADMIN_RANGE = '203.0.113.0/24';

/**
 * The AWS "management network" scenario: a web server whose eth0 takes HTTP/HTTPS from the
 * internet in a public subnet, and whose eth1 takes SSH only from the admins, a bastion subnet
 * and the office (over a VPN) in a separate management subnet of the same Availability Zone. The
 * public traffic arrives on a secondary address of eth0 with its own Elastic IP, which failover
 * can move to a standby instance.
 */
export class ManagementNetworkStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1', defaultTags: [{ tags: { example: 'management-network' } }] });

    const vpc = new Vpc(this, 'vpc', { cidrBlock: '10.30.0.0/16', tags: { Name: 'management-network' } });
    const zone = 'us-east-1a';
    const publicSubnet = new Subnet(this, 'public', { vpcId: vpc.id, cidrBlock: '10.30.1.0/24', availabilityZone: zone });
    const managementSubnet = new Subnet(this, 'management', { vpcId: vpc.id, cidrBlock: '10.30.2.0/24', availabilityZone: zone });
    const bastionSubnetCidr = '10.30.3.0/24';
    new Subnet(this, 'bastion', { vpcId: vpc.id, cidrBlock: bastionSubnetCidr, availabilityZone: zone });

    // Public subnet: default route to the internet gateway.
    const internetGateway = new InternetGateway(this, 'igw', { vpcId: vpc.id });
    const publicRoutes = new RouteTable(this, 'public-routes', {
      vpcId: vpc.id,
      route: [{ cidrBlock: '0.0.0.0/0', gatewayId: internetGateway.id }],
    });
    new RouteTableAssociation(this, 'public-routes-association', { subnetId: publicSubnet.id, routeTableId: publicRoutes.id });

    // Management subnet: no internet route; the office's routes arrive through the VPN gateway.
    const vpnGateway = new VpnGateway(this, 'vgw', { vpcId: vpc.id });
    const managementRoutes = new RouteTable(this, 'management-routes', { vpcId: vpc.id });
    new VpnGatewayRoutePropagation(this, 'management-routes-vpn', { vpnGatewayId: vpnGateway.id, routeTableId: managementRoutes.id });
    new RouteTableAssociation(this, 'management-routes-association', { subnetId: managementSubnet.id, routeTableId: managementRoutes.id });

    const web = new ManagementNetwork(this, 'web', {
      publicSubnet: SubnetReference.fromSubnet(publicSubnet),
      managementSubnet: SubnetReference.fromSubnet(managementSubnet),
      managementCidrs: [ADMIN_RANGE, bastionSubnetCidr, ON_PREMISES_RANGE],
      // 10.30.1.20 takes the public traffic and can move, with its Elastic IP, to a standby.
      publicInterfaceIpv4: Ipv4Assignment.addresses('10.30.1.10', '10.30.1.20'),
      failoverElasticIp: true,
      instanceType: 't3.small',
      // Replace with an Amazon Linux 2023 AMI of your region (ec2-net-utils routes eth1 replies
      // through eth1); no data source so the example plans offline.
      ami: 'ami-0c55b159cbfafe1f0',
      instanceTags: { Name: 'management-network-web' },
    });

    new TerraformOutput(this, 'public-ip', { value: web.failoverElasticIp!.publicIp });
    new TerraformOutput(this, 'management-ip', { value: web.managementInterface.privateIp });
  }
}
