import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Peer, Port, SecurityGroup, SubnetReference } from '../../lib';
import { VirtualIpMode } from '../../lib/aws/patterns/virtual-ip/vip-mode';
import { VirtualIpPair } from '../../lib/aws/patterns/virtual-ip-pair';

const REGION = 'us-east-1';
const VPC_CIDR = '10.50.0.0/16';
// Replace with an Amazon Linux 2023 AMI of your region; no data source, so the example plans offline.
const AMI = 'ami-0c55b159cbfafe1f0';
// The web nodes' own user data: it runs before keepalived is installed and started, so a node takes
// the virtual IP only once nginx serves (and never, if the install fails).
const WEB_SERVER = [
  '#!/bin/bash',
  'set -euo pipefail',
  'dnf install -y nginx',
  'systemctl enable --now nginx',
  '',
].join('\n');

/**
 * Two virtual IP pairs run by keepalived: a web front end whose virtual IP is a secondary address
 * of the shared subnet with an Elastic IP, and a pair of DNS resolvers in two Availability Zones
 * reached at an overlay address outside the VPC through /32 routes.
 */
export class VirtualIpPairStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: REGION });

    const vpc = new Vpc(this, 'vpc', { cidrBlock: VPC_CIDR, enableDnsSupport: true, enableDnsHostnames: true, tags: { Name: 'virtual-ip-pair' } });
    const igw = new InternetGateway(this, 'igw', { vpcId: vpc.id });
    const publicRoutes = new RouteTable(this, 'public-rt', { vpcId: vpc.id, tags: { Name: 'virtual-ip-pair-public' } });
    new Route(this, 'public-default', { routeTableId: publicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
    const privateRoutes = new RouteTable(this, 'private-rt', { vpcId: vpc.id, tags: { Name: 'virtual-ip-pair-private' } });

    const subnet = (name: string, cidrBlock: string, availabilityZone: string, routeTable: RouteTable) => {
      const created = new Subnet(this, name, { vpcId: vpc.id, cidrBlock, availabilityZone, tags: { Name: `virtual-ip-pair-${name}` } });
      new RouteTableAssociation(this, `${name}-rt`, { subnetId: created.id, routeTableId: routeTable.id });
      return created;
    };
    const webSubnet = subnet('web', '10.50.1.0/24', `${REGION}a`, publicRoutes);
    const appA = subnet('app-a', '10.50.11.0/24', `${REGION}a`, privateRoutes);
    const appB = subnet('app-b', '10.50.12.0/24', `${REGION}b`, privateRoutes);

    // The nodes' interfaces have no public address: they reach the EC2 API through an interface
    // endpoint and the Amazon Linux 2023 repositories (on S3) through a gateway endpoint.
    const endpoints = new SecurityGroup(this, 'endpoint-sg', { vpcId: vpc.id, description: 'HTTPS to the EC2 API endpoint' });
    endpoints.addIngressRule(Peer.ipv4(VPC_CIDR), Port.tcp(443), { description: 'HTTPS from the VPC' });
    new VpcEndpoint(this, 'ec2-endpoint', {
      vpcId: vpc.id,
      serviceName: `com.amazonaws.${REGION}.ec2`,
      vpcEndpointType: 'Interface',
      privateDnsEnabled: true,
      subnetIds: [appA.id, appB.id],
      securityGroupIds: [endpoints.securityGroupId],
    });
    new VpcEndpoint(this, 's3-endpoint', {
      vpcId: vpc.id,
      serviceName: `com.amazonaws.${REGION}.s3`,
      vpcEndpointType: 'Gateway',
      routeTableIds: [publicRoutes.id, privateRoutes.id],
    });

    // Secondary-IP mode: 10.50.1.100 is a secondary address of the active node's interface, and the
    // Elastic IP is mapped to it; keepalived moves both to the standby when the active node fails.
    // Each node has its own user data (and could have its own `ami`): a change to one replaces that
    // node only. Roll changes out the standby first, then the active node once the standby is BACKUP.
    const frontEnd = new VirtualIpPair(this, 'web-pair', {
      pairName: 'web',
      mode: VirtualIpMode.SECONDARY_IP,
      virtualIp: '10.50.1.100',
      active: { subnet: SubnetReference.fromSubnet(webSubnet), privateIp: '10.50.1.10', userData: WEB_SERVER },
      standby: { subnet: SubnetReference.fromSubnet(webSubnet), privateIp: '10.50.1.11', userData: WEB_SERVER },
      instanceType: 't3.small',
      ami: AMI,
      elasticIp: true,
      clientCidrs: ['0.0.0.0/0'],
      clientPorts: [Port.tcp(80), Port.tcp(443)],
      virtualRouterId: 51,
    });

    // Overlay mode: 192.168.53.53 lies outside the VPC; both route tables send it to the active
    // resolver, in either Availability Zone.
    const resolvers = new VirtualIpPair(this, 'resolver-pair', {
      pairName: 'resolver',
      mode: VirtualIpMode.OVERLAY_ROUTE,
      virtualIp: '192.168.53.53',
      active: { subnet: SubnetReference.fromSubnet(appA), privateIp: '10.50.11.53' },
      standby: { subnet: SubnetReference.fromSubnet(appB), privateIp: '10.50.12.53' },
      instanceType: 't3.small',
      ami: AMI,
      vpcCidrBlocks: [VPC_CIDR],
      routeTableIds: [publicRoutes.id, privateRoutes.id],
      clientCidrs: [VPC_CIDR],
      clientPorts: [Port.udp(53), Port.tcp(53)],
      virtualRouterId: 53,
    });

    new TerraformOutput(this, 'web-public-address', { value: frontEnd.elasticIp!.publicIp });
    new TerraformOutput(this, 'web-virtual-ip', { value: frontEnd.virtualIp });
    new TerraformOutput(this, 'resolver-virtual-ip', { value: resolvers.virtualIp });
  }
}
