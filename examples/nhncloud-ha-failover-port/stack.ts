import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { HaActiveSide, nhncloud } from '../../lib';
import { NhncloudProvider } from '../../lib/nhncloud/bindings/provider';
import { nhnRoutedNetwork } from '../shared/nhncloud-routed-network';

const SERVICE_CIDR = '192.168.0.0/24';
const HOST_CIDR = '192.168.1.0/24';
/** The floating IP pool of the KR1 region's internet; the console's `Create Floating IP` dialog lists yours. */
const POOL = 'Public Network';
/** Replace with a flavor and an image of your region; no data source so the example plans offline. */
const LAUNCH = { flavorId: '00000000-0000-0000-0000-00000000f1a0', imageId: '00000000-0000-0000-0000-000000000001' };

/** Props of the example stack. */
export interface NhncloudHaFailoverPortStackProps {
  /** Which host holds the failover port; switch it and apply to fail over. */
  readonly active: HaActiveSide;
}

/**
 * A service port (192.168.0.50, with a floating IP) that Terraform moves between a primary and a
 * standby host: switching `active` and applying detaches it from one host and attaches it to the
 * other; the port, its address, MAC and floating IP stay. Each host has a primary port of its own
 * in a host subnet.
 */
export class NhncloudHaFailoverPortStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: NhncloudHaFailoverPortStackProps) {
    super(scope, id);
    new NhncloudProvider(this, 'nhncloud', { region: 'KR1' });

    // The floating IP needs the subnet in a routing table with an internet gateway (constraints.md B14).
    const { hosts, service } = nhnRoutedNetwork(this, 'ha-failover-port', '192.168.0.0/16', { hosts: HOST_CIDR, service: SERVICE_CIDR });

    const web = new nhncloud.SecurityGroup(this, 'web-sg', { securityGroupName: 'web', description: 'HTTPS from anywhere' });
    web.addIngressRule(nhncloud.Peer.anyIpv4(), nhncloud.Traffic.tcp(443), { description: 'HTTPS' });
    const host = new nhncloud.SecurityGroup(this, 'host-sg', { securityGroupName: 'hosts', description: 'SSH from the VPC' });
    host.addIngressRule(nhncloud.Peer.ipv4('192.168.0.0/16'), nhncloud.Traffic.tcp(22), { description: 'SSH from the VPC' });
    const member = (instanceName: string) => ({
      ...LAUNCH, instanceName, primaryPortSubnet: hosts, primaryPortSecurity: nhncloud.PortSecurity.withSecurityGroups([host.securityGroupId]),
    });

    const failover = new nhncloud.HaFailoverPort(this, 'failover', {
      subnet: service,
      portSecurity: nhncloud.PortSecurity.withSecurityGroups([web.securityGroupId]),
      fixedIps: nhncloud.FixedIpAssignment.addresses('192.168.0.50'),
      primary: member('web-primary'),
      standby: member('web-standby'),
      active: props.active,
      floatingIpPool: POOL,
      preventDestroy: true,
      name: 'web-service',
      description: 'service port moved between the web hosts',
    });

    new TerraformOutput(this, 'service-public-ip', { value: failover.floatingIp!.address });
    new TerraformOutput(this, 'service-mac', { value: failover.port.macAddress });
  }
}
