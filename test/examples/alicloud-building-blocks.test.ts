import { Testing } from 'cdktf';
import { AlicloudBuildingBlocksStack } from '../../examples/alicloud-building-blocks/stack';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform, synthAndPlanWithStandin } from '../terraform/standin-terraform';

describe('examples/alicloud-building-blocks', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new AlicloudBuildingBlocksStack(Testing.app(), 'alicloud-building-blocks');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeStandinTerraform('examples/alicloud-building-blocks through the stand-in provider', () => {
  test('validates and plans every building block', async () => {
    // WHEN the example is planned against an empty state
    const [plan] = await synthAndPlanWithStandin((app) => new AlicloudBuildingBlocksStack(app, 'alicloud-building-blocks'));
    // THEN it creates exactly these resources, with no warning
    const created = plan.resourceChanges.map((change) => `${change.address} ${change.actions.join('+')}`);
    expect(created).toEqual([
      expect.stringMatching(/^alicloud_ecs_network_interface\.eth1_\w+ create$/),
      expect.stringMatching(/^alicloud_ecs_network_interface_attachment\.eth1_Attachment_\w+ create$/),
      expect.stringMatching(/^alicloud_eip_address\.host-eip_\w+ create$/),
      expect.stringMatching(/^alicloud_eip_address\.service-eip_\w+ create$/),
      expect.stringMatching(/^alicloud_eip_association\.host-eip_Association_\w+ create$/),
      expect.stringMatching(/^alicloud_eip_association\.service-eip_Association_\w+ create$/),
      'alicloud_instance.web-host create',
      expect.stringMatching(/^alicloud_security_group\.service-sg_\w+ create$/),
      expect.stringMatching(/^alicloud_security_group\.web-sg_\w+ create$/),
      expect.stringMatching(/^alicloud_security_group_rule\.service-sg_Ingress-tcp_22-\w+ create$/),
      expect.stringMatching(/^alicloud_security_group_rule\.service-sg_Ingress-tcp_8443-\w+ create$/),
      expect.stringMatching(/^alicloud_security_group_rule\.web-sg_Ingress-tcp_443-\w+ create$/),
      'alicloud_vpc.vpc create',
      'alicloud_vswitch.vswitch create',
    ]);
    expect(plan.warnings).toEqual([]);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
