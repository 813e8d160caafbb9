import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { nhncloud } from '../../lib';
import { NhncloudProvider } from '../../lib/nhncloud/bindings/provider';
import { nhnRoutedNetwork } from '../shared/nhncloud-routed-network';

const SUBNET_CIDR = '192.168.0.0/24';
/** The floating IP pool of the KR1 region's internet; the console's `Create Floating IP` dialog lists yours. */
const POOL = 'Public Network';
/** Replace with a flavor and an Ubuntu, Rocky or CentOS image of your region; no data source so the example plans offline. */
const LAUNCH = { flavorId: '00000000-0000-0000-0000-00000000f1a0', imageId: '00000000-0000-0000-0000-000000000001' };

/**
 * Two web hosts sharing a virtual IP (192.168.0.100) with keepalived: each host's primary port lists
 * it as an allowed address, unicast VRRP between 192.168.0.10 and .11 elects the holder, and a
 * floating IP on the virtual IP follows it. HTTPS is open to the internet, VRRP only between the two.
 */
export class NhncloudVirtualIpPairStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new NhncloudProvider(this, 'nhncloud', { region: 'KR1' });

    // The floating IP needs the subnet in a routing table with an internet gateway (constraints.md B14).
    const { web } = nhnRoutedNetwork(this, 'virtual-ip-pair', '192.168.0.0/16', { web: SUBNET_CIDR });

    const pair = new nhncloud.VirtualIpPair(this, 'pair', {
      pairName: 'web',
      subnet: web,
      virtualIpAddress: '192.168.0.100',
      active: { ...LAUNCH, privateIp: '192.168.0.10' },
      standby: { ...LAUNCH, privateIp: '192.168.0.11' },
      clientCidrs: ['0.0.0.0/0'],
      clientTcpPorts: [443],
      floatingIpPool: POOL,
    });

    new TerraformOutput(this, 'vip-public-ip', { value: pair.floatingIp!.address });
    new TerraformOutput(this, 'vip-private-ip', { value: pair.virtualIpAddress });
  }
}
