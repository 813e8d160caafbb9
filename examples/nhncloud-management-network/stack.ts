import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { nhncloud } from '../../lib';
import { NhncloudProvider } from '../../lib/nhncloud/bindings/provider';
import { nhnRoutedNetwork } from '../shared/nhncloud-routed-network';

/** The floating IP pool of the KR1 region's internet; the console's `Create Floating IP` dialog lists yours. */
const POOL = 'Public Network';

/**
 * A web server whose administration goes through a network of its own: HTTP and HTTPS reach its
 * public port (with a floating IP), SSH reaches only its management port, from the admins' range.
 */
export class NhncloudManagementNetworkStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new NhncloudProvider(this, 'nhncloud', { region: 'KR1' });
    const { public: publicSubnet, management } = nhnRoutedNetwork(this, 'management-network', '192.168.0.0/16', {
      public: '192.168.1.0/24', management: '192.168.2.0/24',
    });

    const server = new nhncloud.ManagementNetwork(this, 'web', {
      // Replace with a flavor and an image of your region; no data source so the example plans offline.
      flavorId: '00000000-0000-0000-0000-000000000002',
      imageId: '00000000-0000-0000-0000-000000000001',
      keyPairName: 'admin',
      instanceName: 'web-server',
      publicSubnet,
      managementSubnet: management,
      managementFixedIps: nhncloud.FixedIpAssignment.addresses('192.168.2.10'),
      managementCidrs: ['203.0.113.0/24'],
      floatingIpPool: POOL,
    });

    new TerraformOutput(this, 'public-ip', { value: server.floatingIp!.address });
    new TerraformOutput(this, 'management-address', { value: server.managementPort.firstFixedIp });
  }
}
