import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { dependable, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  HaActiveSide, HaFailoverNic, HaMember, Ipv4Assignment, Peer, Port, SecurityGroup, SubnetReference,
} from '../../lib';

/** Props of the example. */
export interface HaFailoverNicStackProps {
  /** Which member holds the service interface. */
  readonly active: HaActiveSide;
}

/**
 * Low-budget high availability (AWS ENI scenarios): a web service's interface, with a fixed
 * address and an Elastic IP, served by a primary and a hot standby. The failover agent moves it to
 * the standby when the primary stops, terminates or fails its status checks.
 */
export class HaFailoverNicStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: HaFailoverNicStackProps) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1' });

    const vpc = new Vpc(this, 'vpc', { cidrBlock: '10.30.0.0/16', tags: { Name: 'ha-failover-nic' } });
    // An Elastic IP can only be associated in a VPC attached to an internet gateway.
    const gateway = new InternetGateway(this, 'igw', { vpcId: vpc.id, tags: { Name: 'ha-failover-nic' } });
    const routes = new RouteTable(this, 'public', { vpcId: vpc.id, route: [{ cidrBlock: '0.0.0.0/0', gatewayId: gateway.id }] });
    const subnet = new Subnet(this, 'service', { vpcId: vpc.id, cidrBlock: '10.30.1.0/24', availabilityZone: 'us-east-1a' });
    new RouteTableAssociation(this, 'service-routes', { subnetId: subnet.id, routeTableId: routes.id });
    const web = new SecurityGroup(this, 'web-sg', { vpcId: vpc.id, description: 'HTTPS to the service address' });
    web.addIngressRule(Peer.anyIpv4(), Port.tcp(443), { description: 'HTTPS' });
    web.addIngressRule(Peer.ipv4('10.30.0.0/16'), Port.tcp(22), { description: 'SSH from inside the VPC' });
    const alarms = new SnsTopic(this, 'failover-alarms', { name: 'web-failover-alarms' });

    // Replace the AMIs with ones of your region; no data source, so the example plans offline. Each
    // member has its own definition: roll an AMI or user data change out to the member that does
    // not hold the interface first, apply, check it, then to the other: never both together.
    const primary = { ami: 'ami-0c55b159cbfafe1f0', instanceType: 't3.small' };
    const standby = { ami: 'ami-0c55b159cbfafe1f0', instanceType: 't3.small' };
    const pair = new HaFailoverNic(this, 'web', {
      pairName: 'web',
      subnet: SubnetReference.fromSubnet(subnet),
      privateIpv4: Ipv4Assignment.addresses('10.30.1.10'),
      securityGroupIds: [web.securityGroupId],
      elasticIp: true,
      primary: HaMember.launch(primary),
      standby: HaMember.launch(standby),
      active: props.active,
      failoverAgent: { alarmTopicArns: [alarms.arn] },
    });

    // AWS associates an Elastic IP only once the gateway is attached (aws_eip documentation).
    pair.elasticIp!.resource.dependsOn = [dependable(gateway)];

    new TerraformOutput(this, 'service-address', { value: pair.elasticIp!.publicIp });
    new TerraformOutput(this, 'service-mac', { value: pair.networkInterface.macAddress });
  }
}

/** Reads the active side from `HA_ACTIVE` (`primary` by default, or `standby`). */
export function activeFromEnvironment(value: string | undefined): HaActiveSide {
  const side = (value ?? 'primary').trim().toLowerCase();
  if (side === 'primary') return HaActiveSide.PRIMARY;
  if (side === 'standby') return HaActiveSide.STANDBY;
  throw new Error(`HA_ACTIVE must be "primary" or "standby", got ${JSON.stringify(value)}`);
}
