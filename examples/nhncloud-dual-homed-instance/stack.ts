import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { nhncloud } from '../../lib';
import { NhncloudProvider } from '../../lib/nhncloud/bindings/provider';
import { nhnRoutedNetwork } from '../shared/nhncloud-routed-network';

/**
 * An application server with a port in the web tier and a port in the database tier of one VPC:
 * the web port accepts HTTPS from anywhere, the database port talks to the database subnet only.
 */
export class NhncloudDualHomedInstanceStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new NhncloudProvider(this, 'nhncloud', { region: 'KR1' });
    const { web, db } = nhnRoutedNetwork(this, 'dual-homed', '192.168.0.0/16', { web: '192.168.10.0/24', db: '192.168.20.0/24' });

    const host = new nhncloud.DualHomedInstance(this, 'app', {
      // Replace with a flavor and an image of your region; no data source so the example plans offline.
      flavorId: '00000000-0000-0000-0000-000000000002',
      imageId: '00000000-0000-0000-0000-000000000001',
      instanceName: 'app-server',
      ports: [
        {
          name: 'web',
          subnet: web,
          fixedIps: nhncloud.FixedIpAssignment.addresses('192.168.10.10'),
          ingressRules: [{ peer: nhncloud.Peer.anyIpv4(), traffic: nhncloud.Traffic.tcp(443), description: 'HTTPS from the clients' }],
        },
        {
          name: 'db',
          subnet: db,
          fixedIps: nhncloud.FixedIpAssignment.addresses('192.168.20.10'),
          ingressRules: [{ peer: nhncloud.Peer.ipv4('192.168.20.0/24'), traffic: nhncloud.Traffic.allIcmp(), description: 'ping from the database tier' }],
        },
      ],
      tags: ['app=shop'],
    });

    new TerraformOutput(this, 'web-address', { value: host.port('web').firstFixedIp });
    new TerraformOutput(this, 'db-address', { value: host.port('db').firstFixedIp });
  }
}
