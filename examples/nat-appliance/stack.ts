import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Ipv4Assignment, SubnetReference } from '../../lib';
import { NetworkAppliance } from '../../lib/aws/patterns/network-appliance';

/**
 * Turns the instance into a NAT router: forward IPv4 and masquerade what leaves by the interface
 * of the default route (eth0, the public interface). A sketch for Amazon Linux 2023.
 */
const NAT_USER_DATA = `#!/bin/bash
set -euo pipefail
echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-nat.conf
sysctl --system
dnf install -y iptables-services
public_if=$(ip -o route get 1.1.1.1 | awk '{for (i = 1; i < NF; i++) if ($i == "dev") print $(i + 1)}')
iptables -t nat -A POSTROUTING -o "$public_if" -j MASQUERADE
service iptables save
systemctl enable --now iptables
`;

/**
 * The AWS "network and security appliances" scenario as a NAT instance: eth0 in the public subnet
 * with an Elastic IP, eth1 in the private subnet, source/destination check off on both, and the
 * private route table sending 0.0.0.0/0 to eth1. The two application subnets reach the internet
 * through it without public addresses of their own.
 */
export class NatApplianceStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1', defaultTags: [{ tags: { example: 'nat-appliance' } }] });

    const vpc = new Vpc(this, 'vpc', { cidrBlock: '10.40.0.0/16', tags: { Name: 'nat-appliance' } });
    const zone = 'us-east-1a';
    const publicSubnet = new Subnet(this, 'public', { vpcId: vpc.id, cidrBlock: '10.40.1.0/24', availabilityZone: zone });
    const privateSubnet = new Subnet(this, 'private', { vpcId: vpc.id, cidrBlock: '10.40.2.0/24', availabilityZone: zone });
    const appSubnet = new Subnet(this, 'app', { vpcId: vpc.id, cidrBlock: '10.40.3.0/24', availabilityZone: zone });

    // Public subnet: default route to the internet gateway.
    const internetGateway = new InternetGateway(this, 'igw', { vpcId: vpc.id });
    const publicRoutes = new RouteTable(this, 'public-routes', {
      vpcId: vpc.id,
      route: [{ cidrBlock: '0.0.0.0/0', gatewayId: internetGateway.id }],
    });
    new RouteTableAssociation(this, 'public-routes-association', { subnetId: publicSubnet.id, routeTableId: publicRoutes.id });

    // Private and application subnets: no inline routes, the appliance adds the default route
    // (inline routes and aws_route resources on one table would fight each other).
    const privateRoutes = new RouteTable(this, 'private-routes', { vpcId: vpc.id });
    new RouteTableAssociation(this, 'private-routes-association', { subnetId: privateSubnet.id, routeTableId: privateRoutes.id });
    new RouteTableAssociation(this, 'app-routes-association', { subnetId: appSubnet.id, routeTableId: privateRoutes.id });

    const nat = new NetworkAppliance(this, 'nat', {
      publicSubnet: SubnetReference.fromSubnet(publicSubnet),
      privateSubnet: SubnetReference.fromSubnet(privateSubnet),
      publicInterfaceIpv4: Ipv4Assignment.addresses('10.40.1.10'),
      privateInterfaceIpv4: Ipv4Assignment.addresses('10.40.2.10'),
      routeTableIds: [privateRoutes.id],
      forwardedSourceCidrs: ['10.40.2.0/24', '10.40.3.0/24'],
      instanceType: 't3.small',
      // Replace with an Amazon Linux 2023 AMI of your region; no data source so the example plans offline.
      ami: 'ami-0c55b159cbfafe1f0',
      userData: NAT_USER_DATA,
      instanceTags: { Name: 'nat-appliance' },
    });

    new TerraformOutput(this, 'public-ip', { value: nat.elasticIp!.publicIp });
    new TerraformOutput(this, 'next-hop-interface', { value: nat.privateInterface.networkInterfaceId });
  }
}
