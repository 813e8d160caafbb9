import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AlicloudProvider } from '../../../lib/alicloud/bindings/provider';
import { Vpc } from '../../../lib/alicloud/bindings/vpc';
import { Vswitch } from '../../../lib/alicloud/bindings/vswitch';
import { EcsInstanceReference } from '../../../lib/alicloud/ecs-instance-reference';
import { EniIpv4Assignment } from '../../../lib/alicloud/eni-ipv4-assignment';
import { EcsOsNetworkConfig } from '../../../lib/alicloud/patterns/ecs-os-network-config';
import { ManagementNetwork, ManagementNetworkProps } from '../../../lib/alicloud/patterns/management-network';
import { VswitchReference } from '../../../lib/alicloud/vswitch-reference';
import { RuleLevel } from '../../../lib/checks/rule-level';
import { ErrorCode } from '../../../lib/core/error-codes';
import { expectConstraintError, resourcesOf } from '../../aws/fixtures';
import { expectStandinPlanCreatesExactly } from '../../examples/plan-expectations';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../../terraform/jest-helpers';
import { describeStandinTerraform } from '../../terraform/standin-terraform';
import { aliStack, checkAli } from '../rules/ali-test-helpers';

const ZONE = 'cn-hangzhou-h';
const ADMIN_RANGE = '203.0.113.0/24';
const IMAGE_ID = 'aliyun_3_x64_20G_alibase_20240819.vhd';
const EXISTING = 'i-bp1existing00000001';

/** A VPC with a public (10.0.1.0/24) and a management (10.0.2.0/24) vSwitch of one zone, and the pattern on them. */
function setup(stack: TerraformStack = aliStack()) {
  const vpc = new Vpc(stack, 'vpc', { vpcName: 'main', cidrBlock: '10.0.0.0/16' });
  const vswitch = (name: string, cidrBlock: string, zoneId = ZONE) => {
    const resource = new Vswitch(stack, name, { vpcId: vpc.id, cidrBlock, zoneId });
    return VswitchReference.fromVswitchId(resource.id, { zoneId, cidrBlock });
  };
  const publicVswitch = vswitch('public', '10.0.1.0/24');
  const managementVswitch = vswitch('mgmt', '10.0.2.0/24');
  const base: ManagementNetworkProps = {
    vpcId: vpc.id,
    publicVswitch,
    managementVswitch,
    managementCidrs: [ADMIN_RANGE],
    instanceType: 'ecs.g6.large',
    imageId: IMAGE_ID,
  };
  const network = (props: Partial<ManagementNetworkProps> = {}) => new ManagementNetwork(stack, 'web', { ...base, ...props });
  /** The pattern on an instance created elsewhere, whose primary ENI is in the public vSwitch. */
  const onExisting = (existingInstance: EcsInstanceReference, props: Partial<ManagementNetworkProps> = {}) =>
    network({ instanceType: undefined, imageId: undefined, existingInstance, ...props });
  return { stack, vpc, vswitch, publicVswitch, managementVswitch, network, onExisting };
}

const ref = (resource: { terraformResourceType: string; friendlyUniqueId: string }, attribute = 'id') =>
  `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attribute}}`;

/** The ingress rules of a group, as `peer attribute value protocol/port range` strings, sorted. */
function ingressOf(stack: TerraformStack, group: { resource: { terraformResourceType: string; friendlyUniqueId: string } }): string[] {
  return Object.values(resourcesOf(stack, 'alicloud_security_group_rule'))
    .filter((rule) => rule.security_group_id === ref(group.resource))
    .map((rule) => {
      const peer = ['cidr_ip', 'ipv6_cidr_ip', 'source_security_group_id'].find((key) => key in rule)!;
      return `${peer} ${rule[peer]} ${rule.type} ${rule.ip_protocol}/${rule.port_range}`;
    })
    .sort();
}

describe('ManagementNetwork (Alibaba Cloud)', () => {
  test('launches an instance in the public vSwitch and attaches a standalone management ENI from the other vSwitch', () => {
    // GIVEN / WHEN a management network with default props
    const { stack, network } = setup();
    const web = network();
    // THEN the instance has its primary ENI in the public vSwitch, IMDSv2 only, on an ESSD
    const instances = Object.values(resourcesOf(stack, 'alicloud_instance'));
    expect(instances).toEqual([expect.objectContaining({
      vswitch_id: '${alicloud_vswitch.public.id}',
      instance_type: 'ecs.g6.large',
      image_id: IMAGE_ID,
      http_tokens: 'required',
      system_disk_category: 'cloud_essd',
      security_groups: [ref(web.publicSecurityGroup!.resource)],
    })]);
    expect(instances[0]).not.toHaveProperty('internet_max_bandwidth_out');
    // AND the management ENI is its own resource, in the management vSwitch, kept when the instance is released
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface'))).toEqual([expect.objectContaining({
      vswitch_id: '${alicloud_vswitch.mgmt.id}',
      security_group_ids: [ref(web.managementSecurityGroup.resource)],
      delete_on_release: false,
      source_dest_check: true,
    })]);
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface_attachment'))).toEqual([{
      instance_id: ref(web.instanceResource!),
      network_interface_id: ref(web.managementInterface.resource),
    }]);
  });

  test('opens TCP 80 and 443 to the internet on the instance and SSH from the management range only on the ENI', () => {
    const { stack, network } = setup();
    const web = network();
    expect(ingressOf(stack, web.publicSecurityGroup!)).toEqual([
      'cidr_ip 0.0.0.0/0 ingress tcp/443/443',
      'cidr_ip 0.0.0.0/0 ingress tcp/80/80',
    ]);
    expect(ingressOf(stack, web.managementSecurityGroup)).toEqual([`cidr_ip ${ADMIN_RANGE} ingress tcp/22/22`]);
  });

  test('allows SSH from every given range, IPv4 and IPv6, and the web ports from the given clients and the IPv6 internet', () => {
    // GIVEN several management ranges and web clients
    const { stack, network } = setup();
    // WHEN
    const web = network({
      managementCidrs: [ADMIN_RANGE, '10.0.3.0/24'],
      managementIpv6Cidrs: ['2408:4005:3a1::/56'],
      webPorts: [8443],
      webCidrs: ['198.51.100.0/24'],
      allowWebFromIpv6: true,
    });
    // THEN
    expect(ingressOf(stack, web.managementSecurityGroup)).toEqual([
      'cidr_ip 10.0.3.0/24 ingress tcp/22/22',
      `cidr_ip ${ADMIN_RANGE} ingress tcp/22/22`,
      'ipv6_cidr_ip 2408:4005:3a1::/56 ingress tcp/22/22',
    ]);
    expect(ingressOf(stack, web.publicSecurityGroup!)).toEqual([
      'cidr_ip 198.51.100.0/24 ingress tcp/8443/8443',
      'ipv6_cidr_ip ::/0 ingress tcp/8443/8443',
    ]);
  });

  test('associates an EIP with the instance in NAT mode, unless told not to', () => {
    // GIVEN / WHEN the default
    const { stack, network } = setup();
    const web = network({ eipBandwidthMbps: 10 });
    // THEN one EIP is associated with the instance itself
    expect(Object.values(resourcesOf(stack, 'alicloud_eip_address'))).toEqual([
      expect.objectContaining({ bandwidth: '10', internet_charge_type: 'PayByTraffic' }),
    ]);
    expect(Object.values(resourcesOf(stack, 'alicloud_eip_association'))).toEqual([expect.objectContaining({
      allocation_id: ref(web.eip!.resource), instance_id: ref(web.instanceResource!), instance_type: 'EcsInstance',
    })]);
    // AND with eip: false there is none
    const other = setup();
    expect(other.network({ eip: false }).eip).toBeUndefined();
    expect(resourcesOf(other.stack, 'alicloud_eip_address')).toEqual({});
  });

  test('gives the ENIs fixed addresses and adds the given security groups after its own', () => {
    // GIVEN fixed addresses and extra groups
    const { stack, network } = setup();
    // WHEN
    const web = network({
      publicInterfaceIpv4: EniIpv4Assignment.addresses('10.0.1.10', '10.0.1.20'),
      managementInterfaceIpv4: EniIpv4Assignment.addresses('10.0.2.10'),
      publicSecurityGroupIds: ['sg-extra-public'],
      managementSecurityGroupIds: ['sg-extra-mgmt'],
    });
    // THEN
    const instance = Object.values(resourcesOf(stack, 'alicloud_instance'))[0];
    expect(instance).toMatchObject({ private_ip: '10.0.1.10', secondary_private_ips: ['10.0.1.20'] });
    expect(instance.security_groups).toEqual([ref(web.publicSecurityGroup!.resource), 'sg-extra-public']);
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface'))[0]).toMatchObject({
      primary_ip_address: '10.0.2.10',
      security_group_ids: [ref(web.managementSecurityGroup.resource), 'sg-extra-mgmt'],
    });
  });

  test('replaces the instance when its user data changes', () => {
    const { stack, network } = setup();
    network({ userData: '#!/bin/bash\ndnf install -y nginx\n' });
    const instance = Object.values(resourcesOf(stack, 'alicloud_instance'))[0];
    expect(instance.user_data).toContain('nginx');
    expect(instance.lifecycle.replace_triggered_by).toEqual([expect.stringMatching(/^terraform_data\.web_InstanceUserData_\w+$/)]);
  });

  test('routes the management ENI\'s traffic back out through it when osNetworkConfig is given', () => {
    // GIVEN a shell-script user data and the iproute2 target
    const { stack, network } = setup();
    // WHEN
    const web = network({ userData: '#!/bin/bash\necho web\n', osNetworkConfig: EcsOsNetworkConfig.iproute2Script() });
    // THEN the user data runs the given script, then routes the ENI (found by its MAC address) through
    // table 101 and the management vSwitch's gateway, its third address from the end
    const userData: string = Object.values(resourcesOf(stack, 'alicloud_instance'))[0].user_data;
    const eni = web.managementInterface.resource.friendlyUniqueId;
    expect(userData.startsWith('#!/bin/bash\necho web\n')).toBe(true);
    expect(userData).toContain(`configure_interface \${alicloud_ecs_network_interface.${eni}.mac} 101 1001 10.0.2.253 10.0.2.0/24 24 `);
    expect(userData).toContain('/var/lib/cloud/scripts/per-boot/secondary-interface-routing.sh');
  });

  test('with an existing instance attaches only the management ENI and its group', () => {
    // GIVEN an instance created elsewhere
    const { stack, onExisting } = setup();
    // WHEN
    const web = onExisting(EcsInstanceReference.fromInstanceId(EXISTING, { instanceType: 'ecs.g6.large', zoneId: ZONE }));
    // THEN
    expect(web.instanceResource).toBeUndefined();
    expect(web.publicSecurityGroup).toBeUndefined();
    expect(web.eip).toBeUndefined();
    expect(resourcesOf(stack, 'alicloud_instance')).toEqual({});
    expect(Object.keys(resourcesOf(stack, 'alicloud_security_group'))).toEqual([web.managementSecurityGroup.resource.friendlyUniqueId]);
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface_attachment'))).toEqual([
      expect.objectContaining({ instance_id: EXISTING }),
    ]);
    expect(web.instanceId).toBe(EXISTING);
  });

  test('takes vSwitches, zones, CIDR blocks, the VPC and the ranges known only at deploy time without guessing', () => {
    // GIVEN deploy-time values
    const stack = new TerraformStack(Testing.app(), 'test');
    const variable = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    const vswitch = (name: string) => VswitchReference.fromVswitchId(variable(`${name}_id`), {
      zoneId: variable(`${name}_zone`), cidrBlock: variable(`${name}_cidr`), vpcId: variable(`${name}_vpc`),
    });
    // WHEN
    const web = new ManagementNetwork(stack, 'web', {
      vpcId: variable('vpc'),
      publicVswitch: vswitch('public'),
      managementVswitch: vswitch('mgmt'),
      managementCidrs: [variable('admin_cidr')],
      webPorts: [443],
      publicInterfaceIpv4: EniIpv4Assignment.addresses(variable('public_ip')),
      instanceType: variable('instance_type'),
      imageId: variable('image'),
    });
    // THEN nothing is refused and the values are passed through
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface'))[0].vswitch_id).toBe('${var.mgmt_id}');
    expect(ingressOf(stack, web.managementSecurityGroup)).toEqual(['cidr_ip ${var.admin_cidr} ingress tcp/22/22']);
    expect(Object.values(resourcesOf(stack, 'alicloud_instance'))[0]).toMatchObject({ private_ip: '${var.public_ip}', instance_type: '${var.instance_type}' });
  });

  test('synthesizes as in the snapshot', () => {
    const { stack, network } = setup(new TerraformStack(Testing.app(), 'test'));
    network({
      publicInterfaceIpv4: EniIpv4Assignment.addresses('10.0.1.10'),
      managementCidrs: [ADMIN_RANGE, '10.0.3.0/24'],
      keyName: 'admins',
      instanceName: 'web',
      tags: { Scenario: 'management-network' },
    });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('leaves no ALIxxx finding above INFO', () => {
    // GIVEN the pattern with every resource it makes
    const { stack, network } = setup();
    network({ managementIpv6Cidrs: ['2408:4005:3a1::/56'], userData: '#!/bin/bash\necho web\n' });
    // WHEN NetworkRules reads the stack THEN nothing above INFO is found
    expect(checkAli(stack).annotations.filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
  });

  test('fails when both ENIs are in the same vSwitch', () => {
    const { network } = setup();
    const vswitch = () => VswitchReference.fromVswitchId('vsw-0a', { zoneId: ZONE });
    expectConstraintError(() => network({ publicVswitch: vswitch(), managementVswitch: vswitch() }),
      ErrorCode.InterfacesInSameSubnet, ['public and management', 'vsw-0a']);
  });

  test('fails when both ENIs are in the same vSwitch referenced twice (token ids)', () => {
    const { network, publicVswitch } = setup();
    const again = VswitchReference.fromVswitchId(publicVswitch.vswitchId, { zoneId: ZONE });
    expectConstraintError(() => network({ managementVswitch: again }), ErrorCode.InterfacesInSameSubnet, ['alicloud_vswitch.public.id']);
  });

  test('fails when the vSwitches are in different zones', () => {
    const { network, vswitch } = setup();
    expectConstraintError(() => network({ managementVswitch: vswitch('other', '10.0.3.0/24', 'cn-hangzhou-i') }),
      ErrorCode.SubnetZoneMismatch, ['public in cn-hangzhou-h', 'management in cn-hangzhou-i']);
  });

  test('fails when a vSwitch is in another VPC', () => {
    const { network } = setup();
    expectConstraintError(() => network({
      vpcId: 'vpc-main',
      managementVswitch: VswitchReference.fromVswitchId('vsw-0b', { zoneId: ZONE, vpcId: 'vpc-other' }),
    }), ErrorCode.VpcMismatch, ['management vSwitch in vpc-other']);
  });

  test('fails when no range may reach the management ENI', () => {
    const { network } = setup();
    expectConstraintError(() => network({ managementCidrs: [] }), ErrorCode.NoManagementAccess);
  });

  test.each([
    [['0.0.0.0/0'], undefined],
    [[ADMIN_RANGE], ['::/0']],
  ])('fails when SSH would be open to the internet (%s, %s)', (managementCidrs, managementIpv6Cidrs) => {
    const { network } = setup();
    expectConstraintError(() => network({ managementCidrs, managementIpv6Cidrs }), ErrorCode.AdminPortOpenToInternet, ['SSH (TCP 22)']);
  });

  test('fails when a web port is out of range', () => {
    const { network } = setup();
    expectConstraintError(() => network({ webPorts: [443, 70000] }), ErrorCode.InvalidPort, ['tcp 70000-70000']);
  });

  test('fails when a management range is not a CIDR block', () => {
    const { network } = setup();
    expectConstraintError(() => network({ managementCidrs: ['10.0.3.7'] }), ErrorCode.InvalidCidr);
  });

  test('fails when the primary ENI\'s address is outside the public vSwitch', () => {
    const { network } = setup();
    expectConstraintError(() => network({ publicInterfaceIpv4: EniIpv4Assignment.addresses('10.0.2.10') }),
      ErrorCode.AddressOutsideSubnet, ['10.0.2.10 (vSwitch 10.0.1.0/24)']);
  });

  test.each([
    ['primary', { publicInterfaceIpv4: EniIpv4Assignment.count(6) }, 'primary ENI has'],
    ['management', { managementInterfaceIpv4: EniIpv4Assignment.count(6) }, 'than the ENI has'],
  ])('fails when the %s ENI has more addresses than the instance type takes', (_, props, fragment) => {
    const { network } = setup();
    expectConstraintError(() => network(props), ErrorCode.TooManyPrivateIpv4Addresses, [fragment, 'at most 6 per ENI on ecs.g6.large']);
  });

  test('fails when the EIP bandwidth is out of range', () => {
    const { network } = setup();
    expectConstraintError(() => network({ eipBandwidthMbps: 0 }), ErrorCode.InvalidCount, ['eipBandwidthMbps']);
  });

  test('fails when public-ENI props are given with an existing instance', () => {
    const { onExisting } = setup();
    expectConstraintError(() => onExisting(EcsInstanceReference.fromInstanceId(EXISTING), { eip: true, webPorts: [8080] }),
      ErrorCode.ConflictingInstanceProps, ['webPorts, eip']);
  });

  test('fails when both an existing instance and launch props are given', () => {
    const { network } = setup();
    expectConstraintError(() => network({ existingInstance: EcsInstanceReference.fromInstanceId(EXISTING) }),
      ErrorCode.ConflictingInstanceProps, ['existingInstance and instanceType, imageId']);
  });

  test('fails when neither an instance to launch nor an existing instance is given', () => {
    const { network } = setup();
    expectConstraintError(() => network({ imageId: undefined }), ErrorCode.MissingInstanceProps, ['no imageId']);
  });

  test('fails when the existing instance is in another zone', () => {
    const { onExisting } = setup();
    expectConstraintError(() => onExisting(EcsInstanceReference.fromInstanceId(EXISTING, { zoneId: 'cn-hangzhou-i' })),
      ErrorCode.AvailabilityZoneMismatch, ['in cn-hangzhou-i']);
  });

  test('fails when osNetworkConfig is given with an existing instance', () => {
    const { onExisting } = setup();
    expectConstraintError(() => onExisting(EcsInstanceReference.fromInstanceId(EXISTING), { osNetworkConfig: EcsOsNetworkConfig.ubuntuNetplan() }),
      ErrorCode.OsConfigNeedsLaunchedInstance, ['osNetworkConfig ubuntu-netplan']);
  });

  test('fails when osNetworkConfig is given and the management vSwitch\'s CIDR block is unknown', () => {
    const { network, managementVswitch } = setup();
    const withoutCidr = VswitchReference.fromVswitchId(managementVswitch.vswitchId, { zoneId: ZONE });
    expectConstraintError(() => network({ managementVswitch: withoutCidr, osNetworkConfig: EcsOsNetworkConfig.iproute2Script() }),
      ErrorCode.SubnetCidrUnknown, ['without a literal cidrBlock']);
  });

  test('fails when osNetworkConfig is given and the user data is no shell script', () => {
    const { network } = setup();
    expectConstraintError(() => network({ userData: '#cloud-config\n', osNetworkConfig: EcsOsNetworkConfig.iproute2Script() }),
      ErrorCode.UserDataNotShellScript, ['"#cloud-config"']);
  });

  test('fails when a required prop is missing (JavaScript callers)', () => {
    const { network } = setup();
    expectConstraintError(() => network({ managementVswitch: undefined as unknown as VswitchReference }),
      ErrorCode.MissingRequiredProp, ['props.managementVswitch']);
  });
});

describeStandinTerraform('ManagementNetwork (Alibaba Cloud) offline', () => {
  test('validates and plans through the stand-in provider', async () => {
    // GIVEN the pattern in a stack with the provider
    const build = (app: App) => {
      const stack = new TerraformStack(app, 'management-network');
      new AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
      setup(stack).network({ userData: '#!/bin/bash\necho web\n', osNetworkConfig: EcsOsNetworkConfig.ubuntuNetplan() });
    };
    // WHEN it is planned against an empty state THEN it creates exactly these resources, with no warning
    const plan = await expectStandinPlanCreatesExactly(build, {
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
      terraform_data: 1,
    });
    const instance = plan.resourceChanges.find((change) => change.type === 'alicloud_instance')!;
    expect(instance.after.http_tokens).toBe('required');
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
