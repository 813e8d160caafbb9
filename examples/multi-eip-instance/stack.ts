import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Peer, Port, SubnetReference } from '../../lib';
import { MultiEipInstance, MultiEipMode } from '../../lib/aws/patterns/multi-eip-instance';

/** Replace with an AMI of your region; no data source so the example plans offline. */
const AMI = 'ami-0c55b159cbfafe1f0';

/**
 * Several public addresses on one instance, both ways (one Elastic IP per private address):
 * - `sites`: three HTTPS sites that need no isolation, three private addresses of one secondary
 *   interface with one Elastic IP each;
 * - `services`: a web service and a mail service isolated from each other, one secondary
 *   interface each with its own security group and Elastic IP.
 * Each instance's primary interface is in the private subnet, without public address.
 */
export class MultiEipInstanceStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1', defaultTags: [{ tags: { example: 'multi-eip-instance' } }] });

    const vpc = new Vpc(this, 'vpc', { cidrBlock: '10.50.0.0/16', tags: { Name: 'multi-eip-instance' } });
    const zone = 'us-east-1a';
    const publicSubnet = new Subnet(this, 'public', { vpcId: vpc.id, cidrBlock: '10.50.1.0/24', availabilityZone: zone });
    const privateSubnet = new Subnet(this, 'private', { vpcId: vpc.id, cidrBlock: '10.50.2.0/24', availabilityZone: zone });

    const internetGateway = new InternetGateway(this, 'igw', { vpcId: vpc.id });
    const publicRoutes = new RouteTable(this, 'public-routes', {
      vpcId: vpc.id,
      route: [{ cidrBlock: '0.0.0.0/0', gatewayId: internetGateway.id }],
    });
    new RouteTableAssociation(this, 'public-routes-association', { subnetId: publicSubnet.id, routeTableId: publicRoutes.id });

    const sites = new MultiEipInstance(this, 'sites', {
      subnet: SubnetReference.fromSubnet(publicSubnet),
      primarySubnet: SubnetReference.fromSubnet(privateSubnet),
      mode: MultiEipMode.SECONDARY_ADDRESSES,
      // Elastic IP i maps to address i: the first is the interface's primary address.
      privateIpAddresses: ['10.50.1.10', '10.50.1.11', '10.50.1.12'],
      publicIngressPorts: [Port.tcp(443)],
      instanceType: 't3.small',
      ami: AMI,
      instanceTags: { Name: 'multi-eip-sites' },
    });

    const services = new MultiEipInstance(this, 'services', {
      subnet: SubnetReference.fromSubnet(publicSubnet),
      primarySubnet: SubnetReference.fromSubnet(privateSubnet),
      mode: MultiEipMode.INTERFACE_PER_ADDRESS,
      privateIpAddresses: ['10.50.1.20', '10.50.1.21'],
      // t3.medium takes 3 interfaces: the primary one and one per address.
      instanceType: 't3.medium',
      ami: AMI,
      instanceTags: { Name: 'multi-eip-services' },
    });
    // Each service has its own group: HTTPS on the first address, SMTP on the second.
    services.securityGroups[0].addIngressRule(Peer.anyIpv4(), Port.tcp(443), { description: 'Web service' });
    services.securityGroups[1].addIngressRule(Peer.anyIpv4(), Port.tcp(25), { description: 'Mail service' });

    new TerraformOutput(this, 'site-ips', { value: sites.elasticIps.map((eip) => eip.publicIp) });
    new TerraformOutput(this, 'service-ips', { value: services.elasticIps.map((eip) => eip.publicIp) });
  }
}
