import { Testing } from 'cdktf';
import { expectPlanCreatesExactly } from './plan-expectations';
import { DualHomedInstanceStack } from '../../examples/dual-homed-instance/stack';
import { describeTerraform, TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';

describe('examples/dual-homed-instance', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new DualHomedInstanceStack(Testing.app(), 'dual-homed-instance');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('routes the db and partner interfaces in their own tables through the Ubuntu user data', () => {
    // GIVEN the example with osNetworkConfig: OsNetworkConfig.ubuntuNetplan()
    const stack = new DualHomedInstanceStack(Testing.app(), 'dual-homed-instance');
    // WHEN it is synthesized
    const [instance] = Object.values<any>(JSON.parse(Testing.synth(stack)).resource.aws_instance);
    // THEN netplan configures eth1 (db, 10.0.3.0/24) and eth2 (partner, 100.64.0.0/26), never eth0
    const devices = [...instance.user_data.matchAll(/cdktf-device(\d+):/g)].map((match: RegExpMatchArray) => match[1]);
    expect(devices).toEqual(['1', '2']);
    expect(instance.user_data).toMatch(/- to: 10\.0\.3\.0\/24\n(?:.*\n){2}\s+table: 101\n/);
    expect(instance.user_data).toMatch(/- to: 100\.64\.0\.0\/26\n(?:.*\n){2}\s+table: 102\n/);
    expect(instance.user_data.trimEnd().endsWith('netplan apply')).toBe(true);
  });
});

describeTerraform('examples/dual-homed-instance offline', () => {
  test('validates and plans the dual-homed application server', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly these resources
    await expectPlanCreatesExactly((app) => new DualHomedInstanceStack(app, 'dual-homed-instance'), {
      aws_vpc: 2,
      aws_vpc_ipv4_cidr_block_association: 1,
      aws_subnet: 4,
      aws_security_group: 3,
      aws_vpc_security_group_ingress_rule: 2,
      aws_vpc_security_group_egress_rule: 3,
      aws_network_interface: 3,
      aws_instance: 1,
      aws_network_interface_attachment: 2,
    });
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
