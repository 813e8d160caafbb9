import { Testing } from 'cdktf';
import { expectPlanCreatesExactly } from './plan-expectations';
import { MultiEipInstanceStack } from '../../examples/multi-eip-instance/stack';
import { describeTerraform, TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';

describe('examples/multi-eip-instance', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new MultiEipInstanceStack(Testing.app(), 'multi-eip-instance');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeTerraform('examples/multi-eip-instance offline', () => {
  test('validates and plans both instances with their Elastic IPs', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly these resources: per instance a primary interface
    // and group, then 1 interface + 1 group (sites) or 2 + 2 (services), one Elastic IP per address
    await expectPlanCreatesExactly((app) => new MultiEipInstanceStack(app, 'multi-eip-instance'), {
      aws_vpc: 1,
      aws_subnet: 2,
      aws_internet_gateway: 1,
      aws_route_table: 1,
      aws_route_table_association: 1,
      aws_security_group: 5,
      aws_vpc_security_group_ingress_rule: 3,
      aws_vpc_security_group_egress_rule: 5,
      aws_network_interface: 5,
      aws_instance: 2,
      aws_network_interface_attachment: 3,
      aws_eip: 5,
      aws_eip_association: 5,
    });
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
