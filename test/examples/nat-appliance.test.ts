import { Testing } from 'cdktf';
import { NatApplianceStack } from '../../examples/nat-appliance/stack';
import { describeTerraform, TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { synthAndPlan } from '../terraform/offline-terraform';

describe('examples/nat-appliance', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new NatApplianceStack(Testing.app(), 'nat-appliance');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeTerraform('examples/nat-appliance offline', () => {
  test('validates and plans the NAT appliance', async () => {
    // WHEN the example is planned against an empty state
    const [plan] = await synthAndPlan((app) => new NatApplianceStack(app, 'nat-appliance'));
    // THEN every resource is created and nothing else happens
    expect(plan.byType).toEqual({
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
    expect(plan.add).toBe(23);
    expect(plan.change + plan.destroy).toBe(0);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
