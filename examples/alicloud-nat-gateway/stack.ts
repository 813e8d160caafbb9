import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AlicloudProvider } from '../../lib/alicloud/bindings/provider';
import { Vpc } from '../../lib/alicloud/bindings/vpc';
import { Vswitch } from '../../lib/alicloud/bindings/vswitch';
import { NatGatewayEips } from '../../lib/alicloud/patterns/nat-gateway-eips';

const REGION = 'cn-hangzhou';
const ZONE = 'cn-hangzhou-h';

/**
 * Outbound internet for private vSwitches: an enhanced Internet NAT gateway with three EIPs, one
 * SNAT entry for the application vSwitch and one for the batch range.
 */
export class AlicloudNatGatewayStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AlicloudProvider(this, 'alicloud', { region: REGION });

    const vpc = new Vpc(this, 'vpc', { vpcName: 'nat-gateway', cidrBlock: '10.70.0.0/16' });
    const vswitch = (name: string, cidrBlock: string) => new Vswitch(this, name, { vpcId: vpc.id, cidrBlock, zoneId: ZONE, vswitchName: `nat-gateway-${name}` });
    const natVswitch = vswitch('nat', '10.70.0.0/24');
    const app = vswitch('app', '10.70.1.0/24');
    vswitch('batch', '10.70.2.0/24');

    // Both SNAT entries go out through all three EIPs; the gateway takes at most 20.
    const nat = new NatGatewayEips(this, 'egress', {
      natGatewayName: 'egress',
      vpcId: vpc.id,
      vswitchId: natVswitch.id,
      eipCount: 3,
      snatSources: [
        { sourceVswitchId: app.id, name: 'app' },
        { sourceCidr: '10.70.2.0/24', name: 'batch' },
      ],
    });

    new TerraformOutput(this, 'egress-addresses', { value: nat.eipAddresses });
  }
}
