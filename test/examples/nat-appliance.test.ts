import { Testing } from 'cdktf';
import { expectPlanCreatesExactly } from './plan-expectations';
import { NatApplianceStack } from '../../examples/nat-appliance/stack';
import { describeTerraform, TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';

describe('examples/nat-appliance', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new NatApplianceStack(Testing.app(), 'nat-appliance');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeTerraform('examples/nat-appliance offline', () => {
  test('validates and plans the NAT appliance', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly these resources
    await expectPlanCreatesExactly((app) => new NatApplianceStack(app, 'nat-appliance'), {
      aws_vpc: 1,
      aws_subnet: 3,
      aws_internet_gateway: 1,
      aws_route_table: 2,
      aws_route_table_association: 3,
      aws_route: 1,
      aws_security_group: 2,
      aws_vpc_security_group_ingress_rule: 2,
      aws_vpc_security_group_egress_rule: 2,
      aws_network_interface: 2,
      aws_instance: 1,
      aws_network_interface_attachment: 1,
      aws_eip: 1,
      aws_eip_association: 1,
    });
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
