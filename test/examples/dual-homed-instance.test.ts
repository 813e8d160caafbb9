import { Testing } from 'cdktf';
import { DualHomedInstanceStack } from '../../examples/dual-homed-instance/stack';
import { describeTerraform, TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { synthAndPlan } from '../terraform/offline-terraform';

describe('examples/dual-homed-instance', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new DualHomedInstanceStack(Testing.app(), 'dual-homed-instance');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeTerraform('examples/dual-homed-instance offline', () => {
  test('validates and plans the dual-homed application server', async () => {
    // WHEN the example is planned against an empty state
    const [plan] = await synthAndPlan((app) => new DualHomedInstanceStack(app, 'dual-homed-instance'));
    // THEN every resource is created and nothing else happens
    expect(plan.byType).toEqual({
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
    expect(plan.add).toBe(21);
    expect(plan.change + plan.destroy).toBe(0);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
