import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { nhncloud } from '../../lib';
import { ComputeInstanceV2 } from '../../lib/nhncloud/bindings/compute-instance-v2';
import { NetworkingRoutingtableAttachGatewayV2 } from '../../lib/nhncloud/bindings/networking-routingtable-attach-gateway-v2';
import { NetworkingRoutingtableV2 } from '../../lib/nhncloud/bindings/networking-routingtable-v2';
import { NetworkingVpcV2 } from '../../lib/nhncloud/bindings/networking-vpc-v2';
import { NetworkingVpcsubnetV2 } from '../../lib/nhncloud/bindings/networking-vpcsubnet-v2';
import { NhncloudProvider } from '../../lib/nhncloud/bindings/provider';

const SERVICE_CIDR = '192.168.0.0/24';
const MANAGEMENT_CIDR = '192.168.1.0/24';
/** The floating IP pool of the KR1 region's internet; the console's `Create Floating IP` dialog lists yours. */
const POOL = 'Public Network';

/**
 * Every NHN Cloud building block in one stack: a web host whose service port is a standalone port
 * (it outlives the host and keeps its address), a virtual IP the host may hold, reachable through
 * a floating IP, a management port attached after launch, and security groups that keep SSH
 * inside the VPC and the admin range.
 */
export class NhncloudBuildingBlocksStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new NhncloudProvider(this, 'nhncloud', { region: 'KR1' });

    // Terraform has no internet gateway resource for NHN Cloud: create it in the console and pass its id.
    const internetGatewayId = new TerraformVariable(this, 'internet_gateway_id', {
      type: 'string',
      description: 'Id of the VPC\'s internet gateway (Network > Internet Gateway in the console)',
      default: '00000000-0000-0000-0000-000000000000',
    }).stringValue;

    const vpc = new NetworkingVpcV2(this, 'vpc', { name: 'building-blocks', cidrv4: '192.168.0.0/16' });
    // Floating IPs need the subnet in a routing table with an internet gateway (constraints.md B14).
    const routes = new NetworkingRoutingtableV2(this, 'routes', { name: 'building-blocks', vpcId: vpc.id });
    new NetworkingRoutingtableAttachGatewayV2(this, 'internet', { routingtableId: routes.id, gatewayId: internetGatewayId });
    const subnet = (name: string, cidr: string) => nhncloud.VpcSubnetReference.fromSubnetId(
      new NetworkingVpcsubnetV2(this, name, { name, vpcId: vpc.id, cidr, routingtableId: routes.id }).id, { vpcId: vpc.id, cidr });
    const service = subnet('service', SERVICE_CIDR);
    const management = subnet('management', MANAGEMENT_CIDR);

    const web = new nhncloud.SecurityGroup(this, 'web-sg', { securityGroupName: 'web', description: 'HTTPS from anywhere, SSH from the VPC' });
    web.addIngressRule(nhncloud.Peer.anyIpv4(), nhncloud.Traffic.tcp(443), { description: 'HTTPS' });
    web.addIngressRule(nhncloud.Peer.ipv4('192.168.0.0/16'), nhncloud.Traffic.tcp(22), { description: 'SSH from the VPC' });
    const admin = new nhncloud.SecurityGroup(this, 'admin-sg', { securityGroupName: 'admin', description: 'SSH from the admin range' });
    admin.addIngressRule(nhncloud.Peer.ipv4('203.0.113.0/24'), nhncloud.Traffic.tcp(22), { description: 'SSH from the admin range' });

    const eth0 = new nhncloud.Port(this, 'eth0', {
      subnet: service,
      portSecurity: nhncloud.PortSecurity.withSecurityGroups([web.securityGroupId]),
      fixedIps: nhncloud.FixedIpAssignment.addresses('192.168.0.10'),
      name: 'web-eth0',
      description: 'service port; keeps its address if the host is replaced',
    });
    const host = new ComputeInstanceV2(this, 'web-host', {
      name: 'web-host',
      // Replace with a flavor and an image of your region; no data source so the example plans offline.
      flavorName: 'm2.c2m4',
      imageId: '00000000-0000-0000-0000-000000000001',
      // The host's security groups come from its port: an instance's own never reach an existing port (B16).
      network: [{ port: eth0.portId }],
    });
    const hostReference = nhncloud.ComputeInstanceReference.fromInstanceId(host.id);

    const vip = new nhncloud.VirtualIpPort(this, 'vip', {
      subnet: service,
      address: '192.168.0.100',
      floatingIpPool: POOL,
      name: 'web-vip',
      description: 'the address clients use; the guest holds it (keepalived)',
    });
    vip.allow(eth0);

    const eth1 = new nhncloud.Port(this, 'eth1', {
      subnet: management,
      portSecurity: nhncloud.PortSecurity.withSecurityGroups([admin.securityGroupId]),
      role: nhncloud.PortRole.MANAGEMENT,
      name: 'web-eth1',
    });
    eth1.attachTo(hostReference);

    new TerraformOutput(this, 'vip-public-ip', { value: vip.floatingIp!.address });
    new TerraformOutput(this, 'service-mac', { value: eth0.macAddress });
  }
}
