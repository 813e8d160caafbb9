import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcIpv4CidrBlockAssociation } from '@cdktf/provider-aws/lib/vpc-ipv4-cidr-block-association';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Ipv4Assignment, OsNetworkConfig, Peer, Port, SubnetReference } from '../../lib';
import { DualHomedInstance } from '../../lib/aws/patterns/dual-homed-instance';

/**
 * The AWS "dual-homed instance with workloads/roles on distinct subnets" scenario: an application
 * server that takes requests from the web tier on one interface and opens its own connections to
 * the database tier on another, plus a third interface in a partner VPC of the same account and
 * Availability Zone whose CIDR block overlaps ours (the cross-VPC case: no peering possible), reached
 * through a non-overlapping secondary CIDR block of that VPC.
 */
export class DualHomedInstanceStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1', defaultTags: [{ tags: { example: 'dual-homed-instance' } }] });
    const zone = 'us-east-1a';

    const vpc = new Vpc(this, 'vpc', { cidrBlock: '10.0.0.0/16', tags: { Name: 'dual-homed-main' } });
    const webTierCidr = '10.0.1.0/24';
    new Subnet(this, 'web', { vpcId: vpc.id, cidrBlock: webTierCidr, availabilityZone: zone });
    const appSubnet = new Subnet(this, 'app', { vpcId: vpc.id, cidrBlock: '10.0.2.0/24', availabilityZone: zone });
    const dbSubnet = new Subnet(this, 'db', { vpcId: vpc.id, cidrBlock: '10.0.3.0/24', availabilityZone: zone });

    // The partner VPC overlaps 10.0.0.0/16, so it cannot be peered; its secondary block does not.
    const partnerVpc = new Vpc(this, 'partner-vpc', { cidrBlock: '10.0.0.0/16', tags: { Name: 'dual-homed-partner' } });
    const partnerBlock = new VpcIpv4CidrBlockAssociation(this, 'partner-secondary-cidr', { vpcId: partnerVpc.id, cidrBlock: '100.64.0.0/24' });
    const partnerSubnet = new Subnet(this, 'partner', {
      vpcId: partnerVpc.id, cidrBlock: '100.64.0.0/26', availabilityZone: zone, dependsOn: [partnerBlock],
    });

    const app = new DualHomedInstance(this, 'app-server', {
      interfaces: [
        {
          name: 'app',
          subnet: SubnetReference.fromSubnet(appSubnet),
          privateIpv4: Ipv4Assignment.addresses('10.0.2.10'),
          ingressRules: [{ peer: Peer.ipv4(webTierCidr), port: Port.tcp(8080), description: 'Requests from the web tier' }],
        },
        // No inbound rule: the server opens the connections to the database itself.
        { name: 'db', subnet: SubnetReference.fromSubnet(dbSubnet) },
        {
          name: 'partner',
          subnet: SubnetReference.fromSubnet(partnerSubnet),
          ingressRules: [{ peer: Peer.ipv4('100.64.0.0/24'), port: Port.tcp(8443), description: 'Partner API calls' }],
        },
      ],
      instanceType: 'm5.large',
      // Replace with an Ubuntu 22.04 or 24.04 AMI of your region (no data source, so the example
      // plans offline). On Amazon Linux 2023 use OsNetworkConfig.amazonLinux2023() instead:
      // ec2-net-utils already gives each interface its own route table.
      ami: 'ami-0c55b159cbfafe1f0',
      // eth1 (db) and eth2 (partner) get their own route tables (101, 102) and source rules, so
      // replies leave by the interface the request came in on.
      osNetworkConfig: OsNetworkConfig.ubuntuNetplan(),
      instanceTags: { Name: 'dual-homed-app-server' },
    });

    for (const name of app.interfaceNames) {
      new TerraformOutput(this, `${name}-ip`, { value: app.networkInterface(name).privateIp });
    }
  }
}
