import { Testing } from 'cdktf';
import { expectStandinPlanCreatesExactly } from './plan-expectations';
import { AlicloudManagementNetworkStack } from '../../examples/alicloud-management-network/stack';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../terraform/jest-helpers';
import { describeStandinTerraform } from '../terraform/standin-terraform';

describe('examples/alicloud-management-network', () => {
  test('synthesizes as in the snapshot', () => {
    const stack = new AlicloudManagementNetworkStack(Testing.app(), 'alicloud-management-network');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeStandinTerraform('examples/alicloud-management-network offline', () => {
  test('validates and plans the management network through the stand-in provider', async () => {
    // WHEN the example is planned against an empty state THEN it creates exactly these resources, with no warning
    const plan = await expectStandinPlanCreatesExactly((app) => new AlicloudManagementNetworkStack(app, 'alicloud-management-network'), {
      alicloud_vpc: 1,
      alicloud_vswitch: 2,
      alicloud_instance: 1,
      alicloud_ecs_network_interface: 1,
      alicloud_ecs_network_interface_attachment: 1,
      alicloud_security_group: 2,
      // TCP 80 and 443 from the internet, SSH from the admin range
      alicloud_security_group_rule: 3,
      alicloud_eip_address: 1,
      alicloud_eip_association: 1,
      // the instance's user data, which replaces the instance when it changes
      terraform_data: 1,
    });
    const eni = plan.resourceChanges.find((change) => change.type === 'alicloud_ecs_network_interface')!;
    expect(eni.after).toMatchObject({ delete_on_release: false, primary_ip_address: '10.70.2.10' });
    const ssh = plan.resourceChanges.find((change) => change.type === 'alicloud_security_group_rule' && change.after.port_range === '22/22')!;
    expect(ssh.after.cidr_ip).toBe('203.0.113.0/24');
    const instance = plan.resourceChanges.find((change) => change.type === 'alicloud_instance')!;
    expect(instance.after.http_tokens).toBe('required');
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
