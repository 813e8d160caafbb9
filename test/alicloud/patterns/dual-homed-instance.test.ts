import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AlicloudProvider } from '../../../lib/alicloud/bindings/provider';
import { Vpc } from '../../../lib/alicloud/bindings/vpc';
import { Vswitch } from '../../../lib/alicloud/bindings/vswitch';
import { EcsInstanceReference } from '../../../lib/alicloud/ecs-instance-reference';
import { EniIpv4Assignment } from '../../../lib/alicloud/eni-ipv4-assignment';
import { DualHomedInstance, DualHomedInstanceProps, DualHomedInterfaceOptions } from '../../../lib/alicloud/patterns/dual-homed-instance';
import { EcsOsNetworkConfig } from '../../../lib/alicloud/patterns/ecs-os-network-config';
import { Peer } from '../../../lib/alicloud/security/peer';
import { Port } from '../../../lib/alicloud/security/port';
import { VswitchReference } from '../../../lib/alicloud/vswitch-reference';
import { RuleLevel } from '../../../lib/checks/rule-level';
import { ErrorCode } from '../../../lib/core/error-codes';
import { expectConstraintError, resourcesOf } from '../../aws/fixtures';
import { expectStandinPlanCreatesExactly } from '../../examples/plan-expectations';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../../terraform/jest-helpers';
import { describeStandinTerraform } from '../../terraform/standin-terraform';
import { aliStack, checkAli } from '../rules/ali-test-helpers';

const ZONE = 'cn-hangzhou-h';
const IMAGE_ID = 'aliyun_3_x64_20G_alibase_20240819.vhd';
const EXISTING = 'i-bp1existing00000001';

/** A VPC with a web (10.0.1.0/24), an app (10.0.2.0/24) and a db (10.0.3.0/24) vSwitch of one zone. */
function setup(stack: TerraformStack = aliStack()) {
  const vpc = new Vpc(stack, 'vpc', { vpcName: 'main', cidrBlock: '10.0.0.0/16' });
  const vswitch = (name: string, cidrBlock: string, zoneId = ZONE) => {
    const resource = new Vswitch(stack, name, { vpcId: vpc.id, cidrBlock, zoneId });
    return VswitchReference.fromVswitchId(resource.id, { zoneId, cidrBlock });
  };
  const web: DualHomedInterfaceOptions = {
    name: 'web',
    vswitch: vswitch('web', '10.0.1.0/24'),
    ingressRules: [{ peer: Peer.anyIpv4(), port: Port.tcp(443), description: 'HTTPS from the internet' }],
  };
  const app: DualHomedInterfaceOptions = {
    name: 'app',
    vswitch: vswitch('app', '10.0.2.0/24'),
    ingressRules: [{ peer: Peer.ipv4('10.0.2.0/24'), port: Port.tcp(8080) }],
  };
  const base: DualHomedInstanceProps = { vpcId: vpc.id, interfaces: [web, app], instanceType: 'ecs.g6.large', imageId: IMAGE_ID };
  const build = (props: Partial<DualHomedInstanceProps> = {}) => new DualHomedInstance(stack, 'host', { ...base, ...props });
  return { stack, vswitch, web, app, build };
}

const ref = (resource: { terraformResourceType: string; friendlyUniqueId: string }, attribute = 'id') =>
  `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attribute}}`;

describe('DualHomedInstance (Alibaba Cloud)', () => {
  test('launches the instance in the first vSwitch and attaches a standalone ENI in the second, each with its own group', () => {
    // GIVEN a web and an app ENI
    const { stack, build } = setup();
    // WHEN
    const host = build();
    // THEN the primary ENI is the instance's, in the web vSwitch, with the web group; IMDSv2 only
    const webGroup = host.securityGroup('web')!;
    const appGroup = host.securityGroup('app')!;
    expect(Object.values(resourcesOf(stack, 'alicloud_instance'))).toEqual([expect.objectContaining({
      vswitch_id: '${alicloud_vswitch.web.id}', security_groups: [ref(webGroup.resource)], http_tokens: 'required',
    })]);
    // AND the app ENI is its own resource in the app vSwitch, with the app group, kept when the instance is released
    expect(host.networkInterface('web')).toBeUndefined();
    const appEni = host.networkInterface('app')!;
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface'))).toEqual([expect.objectContaining({
      vswitch_id: '${alicloud_vswitch.app.id}',
      security_group_ids: [ref(appGroup.resource)],
      delete_on_release: false,
      description: 'app ENI of a dual-homed instance',
    })]);
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface_attachment'))).toEqual([{
      instance_id: ref(host.instanceResource!), network_interface_id: ref(appEni.resource),
    }]);
    // AND each group has its own rules
    const rules = Object.values(resourcesOf(stack, 'alicloud_security_group_rule'));
    expect(rules.map((r) => [r.security_group_id, r.cidr_ip, r.port_range]).sort()).toEqual([
      [ref(appGroup.resource), '10.0.2.0/24', '8080/8080'],
      [ref(webGroup.resource), '0.0.0.0/0', '443/443'],
    ]);
    expect(host.interfaceNames).toEqual(['web', 'app']);
    expect(host.networkInterfaces).toEqual([appEni]);
    expect(host.attachments).toHaveLength(1);
  });

  test('takes three tiers, fixed addresses and existing groups', () => {
    // GIVEN a db ENI with an existing group only, and fixed addresses
    const { stack, vswitch, web, app, build } = setup();
    const db: DualHomedInterfaceOptions = {
      name: 'db', vswitch: vswitch('db', '10.0.3.0/24'), securityGroupIds: ['sg-db'], privateIpv4: EniIpv4Assignment.addresses('10.0.3.10'),
    };
    // WHEN
    const host = build({ interfaces: [{ ...web, privateIpv4: EniIpv4Assignment.addresses('10.0.1.10') }, app, db], instanceType: 'ecs.g7.large' });
    // THEN no group is created for db, which has its own
    expect(host.securityGroup('db')).toBeUndefined();
    expect(host.securityGroups).toHaveLength(2);
    const enis = resourcesOf(stack, 'alicloud_ecs_network_interface');
    expect(enis[host.networkInterface('db')!.resource.friendlyUniqueId]).toMatchObject({ security_group_ids: ['sg-db'], primary_ip_address: '10.0.3.10' });
    expect(Object.values(resourcesOf(stack, 'alicloud_instance'))[0].private_ip).toBe('10.0.1.10');
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface_attachment'))).toHaveLength(2);
  });

  test('routes each standalone ENI through its own table and vSwitch gateway when osNetworkConfig is given', () => {
    // GIVEN three tiers, the db ENI with fixed addresses
    const { stack, vswitch, web, app, build } = setup();
    const db = { name: 'db', vswitch: vswitch('db', '10.0.3.0/25'), privateIpv4: EniIpv4Assignment.addresses('10.0.3.10', '10.0.3.11') };
    // WHEN
    const host = build({ interfaces: [web, app, db], instanceType: 'ecs.g7.large', osNetworkConfig: EcsOsNetworkConfig.iproute2Script() });
    // THEN the app ENI gets table 101 through 10.0.2.253, the db ENI table 102 through 10.0.3.125 with both its addresses
    const userData: string = Object.values(resourcesOf(stack, 'alicloud_instance'))[0].user_data;
    const mac = (name: string) => `\${alicloud_ecs_network_interface.${host.networkInterface(name)!.resource.friendlyUniqueId}.mac}`;
    expect(userData.startsWith('#!/bin/sh\n')).toBe(true);
    expect(userData).toContain(`configure_interface ${mac('app')} 101 1001 10.0.2.253 10.0.2.0/24 24 `);
    expect(userData).toContain(`configure_interface ${mac('db')} 102 1002 10.0.3.125 10.0.3.0/25 25 10.0.3.10 10.0.3.10 10.0.3.11`);
  });

  test('with an existing instance attaches every ENI to it', () => {
    const { stack, app, build } = setup();
    const host = build({
      instanceType: undefined,
      imageId: undefined,
      interfaces: [app],
      existingInstance: EcsInstanceReference.fromInstanceId(EXISTING, { instanceType: 'ecs.g6.large', zoneId: ZONE }),
    });
    expect(host.instanceResource).toBeUndefined();
    expect(resourcesOf(stack, 'alicloud_instance')).toEqual({});
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface_attachment'))).toEqual([expect.objectContaining({ instance_id: EXISTING })]);
    expect(host.instanceId).toBe(EXISTING);
  });

  test('takes vSwitches, zones, the VPC and group lists known only at deploy time without guessing', () => {
    // GIVEN deploy-time values
    const stack = new TerraformStack(Testing.app(), 'test');
    const variable = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    const groups = new TerraformVariable(stack, 'app_groups', { type: 'list(string)' }).listValue;
    const vswitch = (name: string) => VswitchReference.fromVswitchId(variable(`${name}_id`), { zoneId: variable(`${name}_zone`), vpcId: variable(`${name}_vpc`) });
    // WHEN
    const host = new DualHomedInstance(stack, 'host', {
      vpcId: variable('vpc'),
      interfaces: [
        { name: 'web', vswitch: vswitch('web'), ingressRules: [{ peer: Peer.ipv4(variable('clients')), port: Port.tcp(443) }] },
        { name: 'app', vswitch: vswitch('app'), securityGroupIds: groups },
      ],
      instanceType: variable('type'),
      imageId: variable('image'),
    });
    // THEN a list known only at deploy time is joined to the pattern's own group by Terraform
    const eni = Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface'))[0];
    expect(eni.security_group_ids).toBe(`\${concat([alicloud_security_group.${host.securityGroup('app')!.resource.friendlyUniqueId}.id], var.app_groups)}`);
    expect(eni.vswitch_id).toBe('${var.app_id}');
  });

  test('synthesizes as in the snapshot', () => {
    const { stack, build } = setup(new TerraformStack(Testing.app(), 'test'));
    build({ tags: { Scenario: 'dual-homed' }, userData: '#!/bin/bash\necho app\n' });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('leaves no ALIxxx finding above INFO', () => {
    const { stack, build } = setup();
    build();
    expect(checkAli(stack).annotations.filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
  });

  test('fails when an unknown ENI name is asked for', () => {
    const { build } = setup();
    expectConstraintError(() => build().networkInterface('db'), ErrorCode.UnknownInterfaceName, ['one of web, app']);
  });

  test('fails when two ENIs are in the same vSwitch', () => {
    const { web, build } = setup();
    expectConstraintError(() => build({ interfaces: [web, { name: 'app', vswitch: web.vswitch }] }), ErrorCode.InterfacesInSameSubnet, ['web and app']);
  });

  test('accepts two ENIs in the same vSwitch when told to', () => {
    const { stack, web, build } = setup();
    build({ interfaces: [web, { name: 'app', vswitch: web.vswitch }], allowSameVswitch: true });
    expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface'))[0].vswitch_id).toBe('${alicloud_vswitch.web.id}');
  });

  test('fails when the vSwitches are in different zones', () => {
    const { vswitch, web, build } = setup();
    expectConstraintError(() => build({ interfaces: [web, { name: 'app', vswitch: vswitch('other', '10.0.4.0/24', 'cn-hangzhou-i') }] }),
      ErrorCode.SubnetZoneMismatch, ['web in cn-hangzhou-h, app in cn-hangzhou-i']);
  });

  test('fails when a vSwitch is in another VPC', () => {
    const { web, build } = setup();
    expectConstraintError(() => build({
      vpcId: 'vpc-main', interfaces: [web, { name: 'app', vswitch: VswitchReference.fromVswitchId('vsw-0b', { vpcId: 'vpc-other' }) }],
    }), ErrorCode.VpcMismatch, ['app vSwitch in vpc-other']);
  });

  test('fails when a launched instance would have one ENI only', () => {
    const { web, build } = setup();
    expectConstraintError(() => build({ interfaces: [web] }), ErrorCode.TooFewInterfaces, ['1 ENI(s)']);
  });

  test('fails when no ENI is given for an existing instance', () => {
    const { build } = setup();
    const existingInstance = EcsInstanceReference.fromInstanceId(EXISTING);
    expectConstraintError(() => build({ instanceType: undefined, imageId: undefined, interfaces: [], existingInstance }), ErrorCode.TooFewInterfaces, ['0 ENI(s)']);
  });

  test.each([['web tier'], ['1web'], ['']])('fails when an ENI name is not plain (%j)', (name) => {
    const { web, app, build } = setup();
    expectConstraintError(() => build({ interfaces: [{ ...web, name }, app] }), ErrorCode.InvalidInterfaceName);
  });

  test('fails when two ENIs have the same name', () => {
    const { web, app, build } = setup();
    expectConstraintError(() => build({ interfaces: [web, { ...app, name: 'web' }] }), ErrorCode.DuplicateInterfaceName, ['"web"']);
  });

  test('fails when the instance type takes fewer ENIs', () => {
    // GIVEN ecs.g6.large, which takes 2 ENIs (the primary included)
    const { vswitch, web, app, build } = setup();
    const db = { name: 'db', vswitch: vswitch('db', '10.0.3.0/24') };
    // WHEN / THEN a third ENI is refused
    expectConstraintError(() => build({ interfaces: [web, app, db] }), ErrorCode.TooManyInterfaces, ['at most 2 on ecs.g6.large']);
  });

  test('fails when an ingress rule opens SSH to the internet', () => {
    const { web, app, build } = setup();
    expectConstraintError(() => build({ interfaces: [{ ...web, ingressRules: [{ peer: Peer.anyIpv4(), port: Port.tcp(22) }] }, app] }),
      ErrorCode.AdminPortOpenToInternet, ['SSH (TCP 22)']);
  });

  test('fails when a fixed address is outside its vSwitch', () => {
    const { web, app, build } = setup();
    expectConstraintError(() => build({ interfaces: [web, { ...app, privateIpv4: EniIpv4Assignment.addresses('10.0.1.20') }] }),
      ErrorCode.AddressOutsideSubnet, ['10.0.1.20 (vSwitch 10.0.2.0/24)']);
  });

  test('fails when the existing instance is in another zone', () => {
    const { app, build } = setup();
    expectConstraintError(() => build({
      instanceType: undefined,
      imageId: undefined,
      interfaces: [app],
      existingInstance: EcsInstanceReference.fromInstanceId(EXISTING, { zoneId: 'cn-hangzhou-i' }),
    }), ErrorCode.AvailabilityZoneMismatch);
  });

  test('fails when osNetworkConfig is given with an existing instance', () => {
    const { app, build } = setup();
    expectConstraintError(() => build({
      instanceType: undefined,
      imageId: undefined,
      interfaces: [app],
      existingInstance: EcsInstanceReference.fromInstanceId(EXISTING),
      osNetworkConfig: EcsOsNetworkConfig.iproute2Script(),
    }), ErrorCode.OsConfigNeedsLaunchedInstance);
  });

  test('fails when an ENI option is missing (JavaScript callers)', () => {
    const { web, build } = setup();
    expectConstraintError(() => build({ interfaces: [web, { name: 'app' } as DualHomedInterfaceOptions] }),
      ErrorCode.MissingRequiredProp, ['props.interfaces[1].vswitch']);
  });
});

describeStandinTerraform('DualHomedInstance (Alibaba Cloud) offline', () => {
  test('validates and plans through the stand-in provider', async () => {
    // GIVEN the pattern in a stack with the provider
    const build = (app: App) => {
      const stack = new TerraformStack(app, 'dual-homed');
      new AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
      setup(stack).build({ osNetworkConfig: EcsOsNetworkConfig.iproute2Script() });
    };
    // WHEN it is planned against an empty state THEN it creates exactly these resources, with no warning
    const plan = await expectStandinPlanCreatesExactly(build, {
      alicloud_vpc: 1,
      alicloud_vswitch: 2,
      alicloud_instance: 1,
      alicloud_ecs_network_interface: 1,
      alicloud_ecs_network_interface_attachment: 1,
      alicloud_security_group: 2,
      alicloud_security_group_rule: 2,
      // the user data (the app ENI's routing), which replaces the instance when it changes
      terraform_data: 1,
    });
    const eni = plan.resourceChanges.find((change) => change.type === 'alicloud_ecs_network_interface')!;
    expect(eni.after.delete_on_release).toBe(false);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
