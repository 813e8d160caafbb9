import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { EipAddress } from '../../lib/alicloud/eip-address';
import { EipAssociationTarget } from '../../lib/alicloud/eip-association-target';
import { DualHomedInstance } from '../../lib/alicloud/patterns/dual-homed-instance';
import { Peer } from '../../lib/alicloud/security/peer';
import { Port } from '../../lib/alicloud/security/port';
import { ALICLOUD_IMAGE_ID, AlicloudExampleNetwork } from '../shared/alicloud-network';

const VPC_CIDR = '10.80.0.0/16';
const WEB_CIDR = '10.80.1.0/24';
const APP_CIDR = '10.80.2.0/24';

/**
 * A reverse proxy on Alibaba Cloud with one foot in each tier: HTTPS from the internet on its
 * primary ENI in the web vSwitch, and a standalone ENI in the back-end vSwitch that the back-end
 * servers answer on.
 */
export class AlicloudDualHomedInstanceStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const network = new AlicloudExampleNetwork(this, 'dual-homed', VPC_CIDR);
    const vswitch = (name: string, cidrBlock: string) => network.vswitchReference(name, cidrBlock, `proxy-${name}`);

    const proxy = new DualHomedInstance(this, 'proxy', {
      vpcId: network.vpc.id,
      interfaces: [
        {
          name: 'web',
          vswitch: vswitch('web', WEB_CIDR),
          ingressRules: [
            { peer: Peer.anyIpv4(), port: Port.tcp(80), description: 'HTTP from the internet (redirected to HTTPS)' },
            { peer: Peer.anyIpv4(), port: Port.tcp(443), description: 'HTTPS from the internet' },
          ],
        },
        {
          name: 'app',
          vswitch: vswitch('app', APP_CIDR),
          // Only the back-end servers' replies and health checks come in on this side.
          ingressRules: [{ peer: Peer.ipv4(APP_CIDR), port: Port.allIcmp(), description: 'ICMP from the back-end tier' }],
        },
      ],
      instanceType: 'ecs.g7.large',
      imageId: ALICLOUD_IMAGE_ID,
      instanceName: 'proxy',
      tags: { Scenario: 'dual-homed-instance' },
    });

    // The public address goes on the instance itself (NAT mode, to the web ENI's primary address).
    const eip = new EipAddress(this, 'proxy-eip', {
      associateWith: EipAssociationTarget.ecsInstance(proxy.instance),
      bandwidth: '5',
      internetChargeType: 'PayByTraffic',
      addressName: 'proxy',
    });

    new TerraformOutput(this, 'proxy-public-address', { value: eip.ipAddress });
    new TerraformOutput(this, 'proxy-app-address', { value: proxy.networkInterface('app')!.primaryIpAddress });
  }
}
