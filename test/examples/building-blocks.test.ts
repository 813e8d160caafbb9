import { Testing } from 'cdktf';
import { expectPlanCreatesExactly } from './plan-expectations';
import { BuildingBlocksStack } from '../../examples/building-blocks/stack';
import { describeTerraform, TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';

describe('examples/building-blocks', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new BuildingBlocksStack(Testing.app(), 'building-blocks');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeTerraform('examples/building-blocks offline', () => {
  test('validates and plans every building block', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly these resources
    await expectPlanCreatesExactly((app) => new BuildingBlocksStack(app, 'building-blocks'), {
      aws_vpc: 1,
      aws_subnet: 2,
      aws_security_group: 2,
      aws_vpc_security_group_ingress_rule: 3,
      aws_vpc_security_group_egress_rule: 2,
      aws_network_interface: 2,
      aws_instance: 1,
      aws_network_interface_attachment: 1,
      aws_eip: 1,
      aws_eip_association: 1,
    });
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
