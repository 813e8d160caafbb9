import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  ElasticIp, Instance, Ipv4Assignment, Ipv6Assignment, NetworkInterface, Peer, Port, SecurityGroup, SubnetReference,
} from '../../lib';

/**
 * Every building block in one stack: a web host whose primary interface is ours, a second
 * interface with two fixed addresses in another subnet, and an Elastic IP on its secondary address.
 */
export class BuildingBlocksStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1' });

    const vpc = new Vpc(this, 'vpc', { cidrBlock: '10.10.0.0/16', assignGeneratedIpv6CidrBlock: false });
    const publicSubnet = new Subnet(this, 'public', { vpcId: vpc.id, cidrBlock: '10.10.1.0/24', availabilityZone: 'us-east-1a' });
    const serviceSubnet = new Subnet(this, 'service', { vpcId: vpc.id, cidrBlock: '10.10.2.0/24', availabilityZone: 'us-east-1a' });

    const web = new SecurityGroup(this, 'web-sg', { vpcId: vpc.id, description: 'HTTPS from anywhere' });
    web.addIngressRule(Peer.anyIpv4(), Port.tcp(443), { description: 'HTTPS' });
    const service = new SecurityGroup(this, 'service-sg', { vpcId: vpc.id, description: 'Service port from the VPC' });
    service.addIngressRule(Peer.ipv4('10.10.0.0/16'), Port.tcp(8443), { description: 'service' });
    service.addIngressRule(Peer.securityGroup(web), Port.tcp(22), { description: 'SSH from the web tier' });

    const eth0 = new NetworkInterface(this, 'eth0', {
      subnet: SubnetReference.fromSubnet(publicSubnet),
      securityGroupIds: [web.securityGroupId],
      description: 'web host primary interface',
    });
    const host = new Instance(this, 'web-host', {
      // Replace with an AMI of your region; no data source so the example plans offline.
      ami: 'ami-0c55b159cbfafe1f0',
      instanceType: 'm5.large',
      primaryInterface: eth0,
    });

    const eth1 = new NetworkInterface(this, 'eth1', {
      subnet: SubnetReference.fromSubnet(serviceSubnet),
      privateIpv4: Ipv4Assignment.addresses('10.10.2.10', '10.10.2.11'),
      ipv6: Ipv6Assignment.none(),
      securityGroupIds: [service.securityGroupId],
      description: 'service interface; keeps its addresses if the host is replaced',
    });
    host.attachNetworkInterface(eth1, { deviceIndex: 1 });
    const eip = new ElasticIp(this, 'service-eip', { networkInterface: eth1, privateIp: '10.10.2.11' });

    new TerraformOutput(this, 'service-public-ip', { value: eip.publicIp });
    new TerraformOutput(this, 'service-mac', { value: eth1.macAddress });
  }
}
