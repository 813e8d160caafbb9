import { spawnSync } from 'child_process';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AlicloudProvider } from '../../../lib/alicloud/bindings/provider';
import { Vpc } from '../../../lib/alicloud/bindings/vpc';
import { Vswitch } from '../../../lib/alicloud/bindings/vswitch';
import { EcsInstanceReference } from '../../../lib/alicloud/ecs-instance-reference';
import { EipAssociationMode } from '../../../lib/alicloud/eip-association-mode';
import { EcsOsNetworkConfig } from '../../../lib/alicloud/patterns/ecs-os-network-config';
import { MultiEipInstance, MultiEipInstanceProps } from '../../../lib/alicloud/patterns/multi-eip-instance';
import { Port } from '../../../lib/alicloud/security/port';
import { VswitchReference } from '../../../lib/alicloud/vswitch-reference';
import { RuleLevel } from '../../../lib/checks/rule-level';
import { ErrorCode } from '../../../lib/core/error-codes';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../../terraform/jest-helpers';
import { describeStandinTerraform, synthAndPlanWithStandin } from '../../terraform/standin-terraform';
import { aliStack, expectConstraintError, resourcesOf, VPC, ZONE } from '../building-block-fixtures';
import { checkAli } from '../rules/ali-test-helpers';

const IMAGE = 'aliyun_3_x64_20G_alibase_20240819.vhd';
const EIP_VSWITCH = VswitchReference.fromVswitchId('vsw-eip', { zoneId: ZONE, vpcId: VPC, cidrBlock: '10.0.2.0/24' });
const HOST_VSWITCH = VswitchReference.fromVswitchId('vsw-host', { zoneId: ZONE, vpcId: VPC, cidrBlock: '10.0.1.0/24' });
const ADDRESSES = ['10.0.2.10', '10.0.2.11', '10.0.2.12'];

function setup(overrides: Partial<MultiEipInstanceProps> = {}, stack: TerraformStack = aliStack()) {
  const props: MultiEipInstanceProps = {
    vswitch: EIP_VSWITCH,
    instanceVswitch: HOST_VSWITCH,
    privateIpAddresses: ADDRESSES,
    instanceType: 'ecs.g7.large',
    imageId: IMAGE,
    ...overrides,
  };
  return { stack, build: () => new MultiEipInstance(stack, 'multi', props) };
}

const existing = { instanceType: undefined, imageId: undefined, existingInstance: EcsInstanceReference.fromInstanceId('i-bp1host', { instanceType: 'ecs.g7.large', zoneId: ZONE, vpcId: VPC }) };

/** A stack with a real VPC and vSwitches, so that the ALI rules can follow every reference. */
function networkStack(app = Testing.app()) {
  const stack = new TerraformStack(app, 'multi-eip');
  new AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const vpc = new Vpc(stack, 'vpc', { vpcName: 'multi-eip', cidrBlock: '10.0.0.0/16' });
  const vswitch = (id: string, cidrBlock: string) => VswitchReference.fromVswitchId(
    new Vswitch(stack, id, { vpcId: vpc.id, cidrBlock, zoneId: ZONE, vswitchName: id }).id, { zoneId: ZONE, cidrBlock });
  return { stack, vpcId: vpc.id, eipVswitch: vswitch('eip', '10.0.2.0/24'), hostVswitch: vswitch('host', '10.0.1.0/24') };
}

function networkPattern(mode: EipAssociationMode, stack?: ReturnType<typeof networkStack>) {
  const net = stack ?? networkStack();
  const pattern = new MultiEipInstance(net.stack, 'multi', {
    vswitch: net.eipVswitch,
    instanceVswitch: net.hostVswitch,
    vpcId: net.vpcId,
    mode,
    privateIpAddresses: mode === EipAssociationMode.NAT ? ADDRESSES : undefined,
    publicAddressCount: mode === EipAssociationMode.MULTI_BINDED ? 2 : undefined,
    publicIngressPorts: [Port.tcp(443)],
    instanceType: 'ecs.g7.large',
    imageId: IMAGE,
  });
  return { ...net, pattern };
}

function userDataOf(stack: TerraformStack): string {
  return (Object.values(resourcesOf(stack, 'alicloud_instance'))[0] as { user_data: string }).user_data;
}

describe('MultiEipInstance (Alibaba Cloud)', () => {
  describe('in NAT mode (the default)', () => {
    test('maps one EIP to each fixed private IP of one secondary ENI', () => {
      // GIVEN three private IPs WHEN the pattern is built
      const { stack, build } = setup();
      const multi = build();
      // THEN one standalone ENI has them, the first as its primary
      expect(multi.mode).toBe(EipAssociationMode.NAT);
      expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface'))).toEqual([expect.objectContaining({
        vswitch_id: 'vsw-eip', primary_ip_address: '10.0.2.10', private_ip_addresses: ['10.0.2.11', '10.0.2.12'], delete_on_release: false,
      })]);
      // AND each EIP maps, in NAT mode, to its own private IP of that ENI
      const associations = Object.values(resourcesOf(stack, 'alicloud_eip_association'));
      expect(associations.map((a) => [a.instance_type, a.mode, a.private_ip_address])).toEqual(
        ADDRESSES.map((address) => ['NetworkInterface', 'NAT', address]));
      expect(multi.eips).toHaveLength(3);
      expect(multi.publicAddresses).toHaveLength(3);
      // AND the ENI is attached to the launched instance, IMDSv2 only, whose primary ENI is in its own vSwitch
      expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface_attachment'))).toEqual([
        expect.objectContaining({ instance_id: expect.stringContaining('alicloud_instance.') }),
      ]);
      expect(Object.values(resourcesOf(stack, 'alicloud_instance'))).toEqual([expect.objectContaining({
        vswitch_id: 'vsw-host', http_tokens: 'required', instance_type: 'ecs.g7.large', image_id: IMAGE,
      })]);
      expect(multi.instanceResource).toBeDefined();
      expect(multi.primarySecurityGroup).toBeDefined();
    });

    test('writes the ENI\'s policy routing into the launched instance\'s user data (iproute2 by default)', () => {
      // GIVEN a user data of the author's WHEN the pattern is built
      const { stack, build } = setup({ userData: '#!/bin/bash\necho hello\n' });
      const multi = build();
      // THEN the routing follows it: the ENI found by its MAC, route table 101 through the vSwitch's gateway (.253)
      const userData = userDataOf(stack);
      expect(userData.startsWith('#!/bin/bash\necho hello\n\n# Policy routing')).toBe(true);
      expect(userData).toContain('configure_interface ${alicloud_ecs_network_interface.multi_Eni_');
      expect(userData).toMatch(/configure_interface \S+ 101 1001 10\.0\.2\.253 10\.0\.2\.0\/24 24 10\.0\.2\.10 10\.0\.2\.10 10\.0\.2\.11 10\.0\.2\.12\n/);
      // AND the same script is offered for an instance of one's own
      expect(multi.policyRoutingScript).toContain('configure_interface');
    });

    test('renders a policy routing script the shell accepts', () => {
      // GIVEN the pattern's script, the MAC address replaced as Terraform would
      const { build } = setup();
      const script = build().policyRoutingScript!.replace(/\$\{[^}]+\}/g, '00:16:3e:12:e7:01');
      // WHEN sh and bash parse it THEN neither finds a syntax error
      for (const shell of ['sh', 'bash']) {
        const result = spawnSync(shell, ['-n'], { input: script, encoding: 'utf8' });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
      }
    });

    test('writes a netplan file instead when asked', () => {
      const { stack, build } = setup({ osNetworkConfig: EcsOsNetworkConfig.ubuntuNetplan() });
      build();
      const userData = userDataOf(stack);
      expect(userData).toContain('/etc/netplan/60-secondary-interface-routing.yaml');
      expect(userData).toContain('via: 10.0.2.253');
    });

    test('opens publicIngressPorts on the ENI\'s own group only', () => {
      const { stack, build } = setup({ publicIngressPorts: [Port.tcp(443), Port.udp(53)], securityGroupIds: ['sg-extra'] });
      const multi = build();
      const rules = Object.values(resourcesOf(stack, 'alicloud_security_group_rule'));
      expect(rules.map((r) => [r.ip_protocol, r.port_range, r.cidr_ip]).sort()).toEqual([['tcp', '443/443', '0.0.0.0/0'], ['udp', '53/53', '0.0.0.0/0']]);
      const eni = Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface'))[0];
      expect(eni.security_group_ids).toEqual([expect.stringContaining(multi.securityGroup.resource.friendlyUniqueId), 'sg-extra']);
    });

    test('attaches the ENI to an existing instance, writing no user data', () => {
      // GIVEN an existing instance WHEN the pattern is built
      const { stack, build } = setup(existing);
      const multi = build();
      // THEN no instance is launched, the ENI goes on the existing one, and the routing script is offered
      expect(resourcesOf(stack, 'alicloud_instance')).toEqual({});
      expect(multi.instanceId).toBe('i-bp1host');
      expect(multi.instanceResource).toBeUndefined();
      expect(Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface_attachment'))).toEqual([expect.objectContaining({ instance_id: 'i-bp1host' })]);
      expect(multi.policyRoutingScript).toMatch(/^#!\/bin\/sh\n/);
    });
  });

  describe('in BINDED mode', () => {
    test('makes one EIP visible on the ENI, associated before the ENI is attached', () => {
      // GIVEN / WHEN the BINDED mode
      const { stack, build } = setup({ mode: EipAssociationMode.BINDED, privateIpAddresses: undefined });
      const multi = build();
      // THEN one EIP, mode BINDED, no private IP; the attachment waits for it
      const associations = resourcesOf(stack, 'alicloud_eip_association');
      expect(Object.values(associations)).toEqual([expect.objectContaining({ instance_type: 'NetworkInterface', mode: 'BINDED' })]);
      expect(Object.values(associations)[0].private_ip_address).toBeUndefined();
      const [attachment] = Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface_attachment'));
      expect(attachment.depends_on).toEqual([expect.stringMatching(/^alicloud_eip_association\.multi_Eip1_Association_/)]);
      // AND no policy routing: the guest gets the EIP by DHCP
      expect(multi.policyRoutingScript).toBeUndefined();
      expect(userDataOf(stack)).toBeUndefined();
    });

    test('fails when more than one EIP is asked for', () => {
      expectConstraintError(() => setup({ mode: EipAssociationMode.BINDED, privateIpAddresses: undefined, publicAddressCount: 2 }).build(),
        ErrorCode.TooManyEips, ['exactly one EIP', 'publicAddressCount 2']);
    });
  });

  describe('in MULTI_BINDED mode', () => {
    test('makes publicAddressCount EIPs visible on the ENI', () => {
      const { stack, build } = setup({ mode: EipAssociationMode.MULTI_BINDED, privateIpAddresses: undefined, publicAddressCount: 3 });
      build();
      expect(Object.values(resourcesOf(stack, 'alicloud_eip_association')).map((a) => a.mode)).toEqual(['MULTI_BINDED', 'MULTI_BINDED', 'MULTI_BINDED']);
    });

    test('fails when publicAddressCount is above 50', () => {
      expectConstraintError(() => setup({ mode: EipAssociationMode.MULTI_BINDED, privateIpAddresses: undefined, publicAddressCount: 51 }).build(),
        ErrorCode.InvalidCount, ['publicAddressCount', 'from 1 to 50']);
    });
  });

  describe('with tokens', () => {
    test('takes token addresses, vSwitch ids and image without guessing', () => {
      // GIVEN deploy-time values for an address, the vSwitch id and the image
      const stack = aliStack();
      const token = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
      const vswitch = VswitchReference.fromVswitchId(token('vsw'), { cidrBlock: '10.0.2.0/24', zoneId: token('zone') });
      // WHEN the pattern is built
      const multi = new MultiEipInstance(stack, 'multi', {
        vswitch, vpcId: token('vpc'), privateIpAddresses: ['10.0.2.10', token('second')], instanceType: 'ecs.g7.large', imageId: token('image'),
      });
      // THEN the token address gets its EIP and its source rule as a reference
      expect(multi.eips).toHaveLength(2);
      expect(userDataOf(stack)).toContain('10.0.2.10 ${var.second}');
      expect(Object.values(resourcesOf(stack, 'alicloud_eip_association')).map((a) => a.private_ip_address)).toEqual(['10.0.2.10', '${var.second}']);
    });

    test('accepts a token publicAddressCount next to a literal list', () => {
      const stack = aliStack();
      const count = new TerraformVariable(stack, 'count', { type: 'number' }).numberValue;
      expect(setup({ publicAddressCount: count }, stack).build().eips).toHaveLength(3);
    });
  });

  describe('fails when', () => {
    test('fails when NAT mode has no private IPs', () => {
      expectConstraintError(() => setup({ privateIpAddresses: undefined, publicAddressCount: 2 }).build(), ErrorCode.MissingRequiredProp, ['no privateIpAddresses']);
    });

    test('fails when the list of private IPs is a token', () => {
      const stack = aliStack();
      const list = new TerraformVariable(stack, 'addresses', { type: 'list(string)' }).listValue;
      expectConstraintError(() => setup({ privateIpAddresses: list }, stack).build(), ErrorCode.InvalidCount, ['deploy time']);
    });

    test('fails when the list of private IPs is empty', () => {
      expectConstraintError(() => setup({ privateIpAddresses: [] }).build(), ErrorCode.InvalidCount, ['an empty list']);
    });

    test('fails when publicAddressCount and the private IPs disagree', () => {
      expectConstraintError(() => setup({ publicAddressCount: 2 }).build(), ErrorCode.AddressCountMismatch, ['publicAddressCount 2, 3 privateIpAddresses']);
    });

    test('fails when private IPs are given in a visible mode', () => {
      expectConstraintError(() => setup({ mode: EipAssociationMode.MULTI_BINDED }).build(), ErrorCode.ConflictingProps, ['privateIpAddresses with mode MULTI_BINDED']);
    });

    test('fails when a private IP is outside the vSwitch', () => {
      expectConstraintError(() => setup({ privateIpAddresses: ['10.0.2.10', '10.0.9.11'] }).build(), ErrorCode.AddressOutsideSubnet, ['10.0.9.11']);
    });

    test('fails when a private IP is listed twice', () => {
      expectConstraintError(() => setup({ privateIpAddresses: ['10.0.2.10', '10.0.2.10'] }).build(), ErrorCode.DuplicateAddress, ['10.0.2.10']);
    });

    test('fails when a private IP is no IPv4 address', () => {
      expectConstraintError(() => setup({ privateIpAddresses: ['10.0.2'] }).build(), ErrorCode.InvalidIpv4Address);
    });

    test('fails when the instance type takes fewer private IPs per ENI', () => {
      // GIVEN an ecs.g7.large, which takes 6 private IPv4 addresses per ENI
      const privateIpAddresses = Array.from({ length: 7 }, (_, i) => `10.0.2.${10 + i}`);
      expectConstraintError(() => setup({ privateIpAddresses }).build(), ErrorCode.TooManyPrivateIpv4Addresses, ['ecs.g7.large']);
    });

    test('fails when both an existing instance and launch props are given', () => {
      expectConstraintError(() => setup({ existingInstance: existing.existingInstance }).build(), ErrorCode.ConflictingInstanceProps, ['instanceType, imageId']);
    });

    test('fails when there is no instance at all', () => {
      expectConstraintError(() => setup({ imageId: undefined }).build(), ErrorCode.MissingInstanceProps, ['no imageId']);
    });

    test('fails when osNetworkConfig is given for an existing instance', () => {
      expectConstraintError(() => setup({ ...existing, osNetworkConfig: EcsOsNetworkConfig.iproute2Script() }).build(),
        ErrorCode.OsConfigNeedsLaunchedInstance, ['existingInstance and osNetworkConfig iproute2-script']);
    });

    test('fails when osNetworkConfig is given in a visible mode', () => {
      const osNetworkConfig = EcsOsNetworkConfig.ubuntuNetplan();
      expectConstraintError(() => setup({ mode: EipAssociationMode.BINDED, privateIpAddresses: undefined, osNetworkConfig }).build(),
        ErrorCode.ConflictingProps, ['osNetworkConfig ubuntu-netplan with mode BINDED']);
    });

    test('fails when the vSwitch CIDR block, which the routing needs, is unknown', () => {
      const vswitch = VswitchReference.fromVswitchId('vsw-eip', { zoneId: ZONE, vpcId: VPC });
      expectConstraintError(() => setup({ vswitch }).build(), ErrorCode.SubnetCidrUnknown, ['cidrBlock']);
    });

    test('fails when the user data is no shell script', () => {
      expectConstraintError(() => setup({ userData: '#cloud-config\n' }).build(), ErrorCode.UserDataNotShellScript, ['#cloud-config']);
    });

    test('fails when the VPC is unknown', () => {
      const vswitch = VswitchReference.fromVswitchId('vsw-eip', { cidrBlock: '10.0.2.0/24' });
      expectConstraintError(() => setup({ vswitch, instanceVswitch: undefined }).build(), ErrorCode.MissingVpcId);
    });

    test('fails when the two vSwitches are in different zones', () => {
      const instanceVswitch = VswitchReference.fromVswitchId('vsw-other', { zoneId: 'cn-hangzhou-i', vpcId: VPC, cidrBlock: '10.0.3.0/24' });
      expectConstraintError(() => setup({ instanceVswitch }).build(), ErrorCode.SubnetZoneMismatch, ['cn-hangzhou-i']);
    });

    test('fails when SSH would be open to the internet', () => {
      expectConstraintError(() => setup({ publicIngressPorts: [Port.tcp(22)] }).build(), ErrorCode.AdminPortOpenToInternet, ['SSH']);
    });

    test('fails when the EIP bandwidth is out of range', () => {
      expectConstraintError(() => setup({ eipBandwidthMbps: 201 }).build(), ErrorCode.InvalidCount, ['eipBandwidthMbps']);
    });

    test('fails when a required prop is missing (JavaScript callers)', () => {
      expectConstraintError(() => setup({ vswitch: undefined as unknown as VswitchReference }).build(), ErrorCode.MissingRequiredProp, ['props.vswitch']);
    });
  });

  describe('NetworkRules', () => {
    test('finds nothing above INFO in NAT and BINDED mode', () => {
      for (const mode of [EipAssociationMode.NAT, EipAssociationMode.BINDED]) {
        // GIVEN the pattern in a VPC of the stack WHEN the rules run
        const { stack } = networkPattern(mode);
        const findings = checkAli(stack);
        // THEN no finding above INFO
        expect(findings.annotations.filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
      }
    });

    test('records why ALI035 does not apply in BINDED mode', () => {
      const { stack } = networkPattern(EipAssociationMode.BINDED);
      expect(checkAli(stack).suppressed('ALI035')).toEqual([expect.objectContaining({ suppressed: true })]);
    });

    test('warns with ALI034 on each EIP in MULTI_BINDED mode, and nothing else above INFO', () => {
      // GIVEN two EIPs in MULTI_BINDED mode WHEN the rules run
      const { stack } = networkPattern(EipAssociationMode.MULTI_BINDED);
      const findings = checkAli(stack);
      // THEN the documented ALI034 warning, once per association, and nothing else
      expect(findings.annotations.filter((f) => f.level !== RuleLevel.INFO).map((f) => [f.ruleId, f.level])).toEqual([
        ['ALI034', RuleLevel.WARNING], ['ALI034', RuleLevel.WARNING],
      ]);
    });
  });

  test('synthesizes as in the snapshot', () => {
    const { stack } = networkPattern(EipAssociationMode.NAT);
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describeStandinTerraform('MultiEipInstance (Alibaba Cloud) offline', () => {
  test.each([EipAssociationMode.NAT, EipAssociationMode.BINDED])('plans the pattern through the stand-in provider (%s)', async (mode) => {
    // WHEN the pattern is planned against an empty state
    const [plan] = await synthAndPlanWithStandin((app) => networkPattern(mode, networkStack(app)));
    // THEN Terraform accepts it, with no warning
    const count = mode === EipAssociationMode.NAT ? 3 : 1;
    const types = plan.resourceChanges.map((change) => change.type);
    expect(types.filter((type) => type === 'alicloud_eip_association')).toHaveLength(count);
    expect(types.filter((type) => type === 'alicloud_ecs_network_interface_attachment')).toHaveLength(1);
    expect(plan.resourceChanges.every((change) => change.actions.join() === 'create')).toBe(true);
    expect(plan.warnings).toEqual([]);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
