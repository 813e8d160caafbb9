import { spawnSync } from 'child_process';
import { App, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { AlicloudProvider } from '../../../lib/alicloud/bindings/provider';
import { Vpc } from '../../../lib/alicloud/bindings/vpc';
import { Vswitch } from '../../../lib/alicloud/bindings/vswitch';
import { HaVipMemberAttachment, HaVipPair, HaVipPairProps } from '../../../lib/alicloud/patterns/havip-pair';
import { RuleLevel } from '../../../lib/checks/rule-level';
import { ErrorCode } from '../../../lib/core/error-codes';
import { expectConstraintError, resourcesOf } from '../../aws/fixtures';
import { TERRAFORM_TEST_TIMEOUT_MS } from '../../terraform/jest-helpers';
import { describeStandinTerraform, synthAndPlanWithStandin } from '../../terraform/standin-terraform';
import { checkAli } from '../rules/ali-test-helpers';

const WEB = '#!/bin/bash\necho web\n';

function setup(overrides: Partial<HaVipPairProps> = {}) {
  const stack = new TerraformStack(Testing.app(), 'test');
  const props: HaVipPairProps = {
    pairName: 'web',
    vpcId: 'vpc-0123',
    vswitchId: 'vsw-0123',
    vswitchCidr: '10.0.1.0/24',
    haVipAddress: '10.0.1.100',
    active: { privateIp: '10.0.1.10' },
    standby: { privateIp: '10.0.1.11' },
    instanceType: 'ecs.g7.large',
    imageId: 'aliyun_3_x64_20G_alibase_20240819.vhd',
    ...overrides,
  };
  return { stack, build: () => new HaVipPair(stack, 'pair', props) };
}

const BY_ENI: Partial<HaVipPairProps> = { memberAttachment: HaVipMemberAttachment.NETWORK_INTERFACE, instanceVswitchId: 'vsw-hosts' };

/** A pair in a stack with a real VPC and vSwitches (HaVip 10.0.1.0/24, instances 10.0.2.0/24), so that the ALI rules follow every reference. */
function networkPair(memberAttachment: HaVipMemberAttachment, app: App = Testing.app()) {
  const stack = new TerraformStack(app, 'havip');
  new AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const vpc = new Vpc(stack, 'vpc', { vpcName: 'havip', cidrBlock: '10.0.0.0/16' });
  const vswitch = (id: string, cidrBlock: string) => new Vswitch(stack, id, { vpcId: vpc.id, cidrBlock, zoneId: 'cn-hangzhou-h', vswitchName: id });
  const byEni = memberAttachment === HaVipMemberAttachment.NETWORK_INTERFACE;
  new HaVipPair(stack, 'pair', {
    pairName: 'web',
    vpcId: vpc.id,
    vswitchId: vswitch('havip', '10.0.1.0/24').id,
    vswitchCidr: '10.0.1.0/24',
    haVipAddress: '10.0.1.100',
    active: { privateIp: '10.0.1.10' },
    standby: { privateIp: '10.0.1.11' },
    instanceType: 'ecs.g7.large',
    imageId: 'aliyun_3_x64_20G_alibase_20240819.vhd',
    memberAttachment,
    instanceVswitchId: byEni ? vswitch('hosts', '10.0.2.0/24').id : undefined,
    eip: true,
    clientCidrs: ['0.0.0.0/0'],
    clientTcpPorts: [443],
  });
  return stack;
}

function userDataOf(stack: TerraformStack, member: 'Active' | 'Standby'): string {
  const instance = Object.entries(resourcesOf(stack, 'alicloud_instance')).find(([name]) => name.includes(`${member}Instance`))!;
  return (instance[1] as { user_data: string }).user_data;
}

describe('HaVipPair', () => {
  test('creates a HaVip, two attached instances and VRRP rules between their /32s only', () => {
    // GIVEN a pair with an EIP and clients on TCP 443
    const { stack, build } = setup({ eip: true, clientCidrs: ['10.0.0.0/8'], clientTcpPorts: [443] });
    // WHEN it is built
    const pair = build();
    // THEN the HaVip is in the vSwitch, both instances are attached as ECS instances
    expect(pair.virtualIp).toBe('10.0.1.100');
    expect(Object.values(resourcesOf(stack, 'alicloud_havip'))).toEqual([expect.objectContaining({
      ha_vip_name: 'web', vswitch_id: 'vsw-0123', ip_address: '10.0.1.100',
    })]);
    const attachments = Object.values(resourcesOf(stack, 'alicloud_havip_attachment'));
    expect(attachments).toHaveLength(2);
    for (const attachment of attachments) expect(attachment).toMatchObject({ instance_type: 'EcsInstance', ha_vip_id: expect.stringContaining('alicloud_havip.') });
    // AND the instances have their fixed addresses, IMDSv2 only, and are replaced with their user data
    const instances = Object.values(resourcesOf(stack, 'alicloud_instance'));
    expect(instances.map((i) => i.private_ip).sort()).toEqual(['10.0.1.10', '10.0.1.11']);
    for (const instance of instances) {
      expect(instance).toMatchObject({ vswitch_id: 'vsw-0123', http_tokens: 'required', instance_type: 'ecs.g7.large' });
      expect(instance.lifecycle.replace_triggered_by).toEqual([expect.stringMatching(/^terraform_data\.pair_\w+UserData_/)]);
    }
    // AND VRRP is allowed (as `all`, the closest a rule gets to IP protocol 112) from each member's /32 only
    const rules = Object.values(resourcesOf(stack, 'alicloud_security_group_rule'));
    expect(rules.filter((r) => r.ip_protocol === 'all').map((r) => r.cidr_ip).sort()).toEqual(['10.0.1.10/32', '10.0.1.11/32']);
    expect(rules.filter((r) => r.ip_protocol !== 'all')).toEqual([expect.objectContaining({ ip_protocol: 'tcp', port_range: '443/443', cidr_ip: '10.0.0.0/8' })]);
    // AND one EIP is associated with the HaVip
    expect(Object.values(resourcesOf(stack, 'alicloud_eip_association'))).toEqual([expect.objectContaining({ instance_type: 'HaVip' })]);
    expect(pair.eipAddress).toBeDefined();
  });

  test('writes keepalived with unicast peers and the HaVip, and no notify script', () => {
    // GIVEN a pair whose active member has its own user data
    const { stack, build } = setup({ active: { privateIp: '10.0.1.10', userData: WEB } });
    // WHEN it is built
    build();
    // THEN each member's keepalived adds the HaVip itself and names the other as its unicast peer
    const active = userDataOf(stack, 'Active');
    const standby = userDataOf(stack, 'Standby');
    expect(active).toContain('unicast_src_ip 10.0.1.10');
    expect(active).toMatch(/unicast_peer \{\n\s+10\.0\.1\.11/);
    expect(active).toMatch(/virtual_ipaddress \{\n\s+10\.0\.1\.100\/24/);
    expect(active).toContain('priority 150');
    expect(standby).toContain('priority 100');
    expect(standby).toContain('state BACKUP');
    // AND no notify script or cloud CLI: the vSwitch follows the gratuitous ARP
    for (const userData of [active, standby]) {
      expect(userData).not.toContain('vrrp_notify_fifo');
      expect(userData).not.toContain('aliyun');
      expect(userData).not.toMatch(/[$%]\{(?!alicloud)/);
    }
    // AND the member's own script runs before keepalived is installed
    expect(active.indexOf('echo web')).toBeLessThan(active.indexOf('install -y keepalived'));
    expect(standby).not.toContain('echo web');
  });

  test('synthesizes as in the snapshot', () => {
    const { stack, build } = setup({ eip: true, clientCidrs: ['0.0.0.0/0'], clientTcpPorts: [80], clientUdpPorts: [53], vrrpPassword: 'secret1' });
    build();
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('takes tokens for the vSwitch, its CIDR and the HaVip address without guessing', () => {
    // GIVEN deploy-time values for the vSwitch, its CIDR and no HaVip address
    const stack = new TerraformStack(Testing.app(), 'test');
    const token = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    // WHEN the pair is built
    const pair = new HaVipPair(stack, 'pair', {
      vpcId: token('vpc'),
      vswitchId: token('vsw'),
      vswitchCidr: token('cidr'),
      active: { privateIp: token('a') },
      standby: { privateIp: token('b') },
      instanceType: 'ecs.g7.large',
      imageId: token('image'),
      clientCidrs: [token('clients')],
      clientTcpPorts: [443],
    });
    // THEN nothing is refused, the HaVip address is Alibaba Cloud's pick, added as a /32
    expect(Token.isUnresolved(pair.virtualIp)).toBe(true);
    expect(pair.pairName).toMatch(/^pair-[0-9a-f]{8}$/);
    expect(userDataOf(stack, 'Active')).toMatch(/virtual_ipaddress \{\n\s+\$\{alicloud_havip\.\w+\.ip_address\}\/32/);
  });

  test('fails when the HaVip address is outside the vSwitch', () => {
    expectConstraintError(() => setup({ haVipAddress: '10.0.2.100' }).build(), ErrorCode.AddressOutsideSubnet, ['HaVip address', '10.0.1.0/24']);
  });

  test('fails when a member address is outside the vSwitch', () => {
    expectConstraintError(() => setup({ standby: { privateIp: '10.0.9.11' } }).build(), ErrorCode.AddressOutsideSubnet, ['standby member']);
  });

  test('fails when a member address is no IPv4 address', () => {
    expectConstraintError(() => setup({ active: { privateIp: '10.0.1' } }).build(), ErrorCode.InvalidIpv4Address, ['active member']);
  });

  test('fails when the HaVip address is a member\'s address', () => {
    expectConstraintError(() => setup({ haVipAddress: '10.0.1.10' }).build(), ErrorCode.DuplicateAddress, ['10.0.1.10 twice']);
  });

  test('fails when both members have the same address', () => {
    expectConstraintError(() => setup({ standby: { privateIp: '10.0.1.10' } }).build(), ErrorCode.DuplicateAddress);
  });

  test('fails when the vSwitch CIDR is no CIDR', () => {
    expectConstraintError(() => setup({ vswitchCidr: '10.0.1.0' }).build(), ErrorCode.InvalidCidr, ['vswitchCidr']);
  });

  test('fails when the standby has the higher priority', () => {
    expectConstraintError(() => setup({ active: { privateIp: '10.0.1.10', priority: 100 }, standby: { privateIp: '10.0.1.11', priority: 120 } }).build(),
      ErrorCode.VrrpPrioritiesNotOrdered, ['active 100, standby 120']);
  });

  test('fails when a priority is out of range', () => {
    expectConstraintError(() => setup({ active: { privateIp: '10.0.1.10', priority: 255 } }).build(), ErrorCode.InvalidCount, ['priority']);
  });

  test('fails when the virtual router id is out of range', () => {
    expectConstraintError(() => setup({ virtualRouterId: 0 }).build(), ErrorCode.InvalidCount, ['virtualRouterId']);
  });

  test('fails when the VRRP password is too long', () => {
    expectConstraintError(() => setup({ vrrpPassword: 'much-too-long' }).build(), ErrorCode.InvalidVrrpPassword);
  });

  test('fails when the pair name has other characters', () => {
    expectConstraintError(() => setup({ pairName: 'web pair' }).build(), ErrorCode.InvalidPairName);
  });

  test('fails when client CIDRs come without ports', () => {
    expectConstraintError(() => setup({ clientCidrs: ['10.0.0.0/8'] }).build(), ErrorCode.IncompleteClientIngress);
  });

  test('fails when a client port is out of range', () => {
    expectConstraintError(() => setup({ clientCidrs: ['10.0.0.0/8'], clientUdpPorts: [70000] }).build(), ErrorCode.InvalidPort);
  });

  test('fails when SSH is open to the whole internet', () => {
    expectConstraintError(() => setup({ clientCidrs: ['0.0.0.0/0'], clientTcpPorts: [443, 22] }).build(), ErrorCode.AdminPortOpenToInternet, ['TCP 22 from 0.0.0.0/0']);
  });

  test('fails when a member\'s user data is no script', () => {
    expectConstraintError(() => setup({ standby: { privateIp: '10.0.1.11', userData: '#cloud-config\n' } }).build(), ErrorCode.UserDataNotShellScript, ['standby']);
  });

  test('fails when the EIP bandwidth is out of range', () => {
    expectConstraintError(() => setup({ eip: true, eipBandwidthMbps: 0 }).build(), ErrorCode.InvalidCount, ['eipBandwidthMbps']);
  });

  test('fails when a required prop is missing (JavaScript callers)', () => {
    expectConstraintError(() => setup({ vswitchId: undefined as unknown as string }).build(), ErrorCode.MissingRequiredProp, ['props.vswitchId']);
  });
});

describe('HaVipPair attached by ENI', () => {
  test('gives each member a standalone ENI in the HaVip\'s vSwitch, attached to its instance and to the HaVip', () => {
    // GIVEN a pair attached by ENI WHEN it is built
    const { stack, build } = setup(BY_ENI);
    const pair = build();
    // THEN each member has an ENI in the HaVip's vSwitch with its fixed address, no source/destination check, the pair's group
    expect(pair.memberAttachment).toBe(HaVipMemberAttachment.NETWORK_INTERFACE);
    const enis = Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface'));
    expect(enis.map((eni) => eni.primary_ip_address).sort()).toEqual(['10.0.1.10', '10.0.1.11']);
    for (const eni of enis) {
      expect(eni).toMatchObject({
        vswitch_id: 'vsw-0123',
        source_dest_check: false,
        delete_on_release: false,
        security_group_ids: [expect.stringContaining(`alicloud_security_group.${pair.securityGroupResource.friendlyUniqueId}.`)],
      });
    }
    // AND each ENI is attached to its member's instance, and to the HaVip as a NetworkInterface
    const eniAttachments = Object.values(resourcesOf(stack, 'alicloud_ecs_network_interface_attachment'));
    expect(eniAttachments.map((a) => a.instance_id).sort()).toEqual([
      `\${alicloud_instance.${pair.activeInstanceResource.friendlyUniqueId}.id}`, `\${alicloud_instance.${pair.standbyInstanceResource.friendlyUniqueId}.id}`,
    ].sort());
    const haVipAttachments = Object.values(resourcesOf(stack, 'alicloud_havip_attachment'));
    expect(haVipAttachments.map((a) => [a.instance_type, a.instance_id]).sort()).toEqual([
      ['NetworkInterface', `\${alicloud_ecs_network_interface.${pair.activeNetworkInterface!.resource.friendlyUniqueId}.id}`],
      ['NetworkInterface', `\${alicloud_ecs_network_interface.${pair.standbyNetworkInterface!.resource.friendlyUniqueId}.id}`],
    ].sort());
    // AND the instances' primary ENIs are in instanceVswitchId with an address of Alibaba Cloud's pick and a group with no rule
    const instances = Object.values(resourcesOf(stack, 'alicloud_instance'));
    for (const instance of instances) {
      expect(instance).toMatchObject({ vswitch_id: 'vsw-hosts', http_tokens: 'required', security_groups: [expect.stringContaining('InstanceSecurityGroup')] });
      expect(instance.private_ip).toBeUndefined();
    }
    // AND the VRRP rules are on the pair's group, which only the ENIs join
    const rules = Object.values(resourcesOf(stack, 'alicloud_security_group_rule'));
    expect(rules.map((r) => [r.security_group_id, r.cidr_ip]).sort()).toEqual([
      [expect.stringContaining(pair.securityGroupResource.friendlyUniqueId), '10.0.1.10/32'],
      [expect.stringContaining(pair.securityGroupResource.friendlyUniqueId), '10.0.1.11/32'],
    ]);
    expect(pair.instanceSecurityGroupId).toBeDefined();
  });

  test('routes the ENI in the guest before keepalived looks its device up by the member\'s address', () => {
    // GIVEN a pair attached by ENI WHEN it is built
    const { stack, build } = setup(BY_ENI);
    build();
    const active = userDataOf(stack, 'Active');
    // THEN the ENI is found by its MAC address and gets the member's address, route table 101 through the vSwitch's gateway
    expect(active).toMatch(/configure_interface \$\{alicloud_ecs_network_interface\.pair_ActiveEni_\w+\.mac\} 101 1001 10\.0\.1\.253 10\.0\.1\.0\/24 24 10\.0\.1\.10 10\.0\.1\.10\n/);
    // AND what leaves from the HaVip takes that table too, at every boot
    expect(active).toContain('ip rule add from 10.0.1.100/32 table 101 priority 1001');
    expect(active).toContain('/var/lib/cloud/scripts/per-boot/havip-source-rule.sh');
    // AND keepalived's device is looked up by the member's address, after the routing, with no device name hard-coded
    expect(active.indexOf('configure_interface')).toBeLessThan(active.indexOf('DEV=$(ip -o -4 address show'));
    expect(active).toContain('awk -v ip="10.0.1.10"');
    expect(active).not.toMatch(/\beth1\b/);
    // AND the HaVip itself is left to keepalived
    expect(active).not.toContain('address replace 10.0.1.100');
  });

  test('writes a user data the shell accepts', () => {
    const { stack, build } = setup({ ...BY_ENI, active: { privateIp: '10.0.1.10', userData: WEB } });
    build();
    // GIVEN the user data, the MAC address replaced as Terraform would WHEN sh and bash parse it THEN neither finds an error
    const script = userDataOf(stack, 'Active').replace(/\$\{[^}]+\}/g, '00:16:3e:12:e7:01');
    for (const shell of ['sh', 'bash']) {
      const result = spawnSync(shell, ['-n'], { input: script, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
  });

  test('takes tokens for the vSwitch, the member addresses and the HaVip address', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const token = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    new HaVipPair(stack, 'pair', {
      vpcId: token('vpc'),
      vswitchId: token('vsw'),
      vswitchCidr: '10.0.1.0/24',
      active: { privateIp: token('a') },
      standby: { privateIp: token('b') },
      instanceType: 'ecs.g7.large',
      imageId: token('image'),
      memberAttachment: HaVipMemberAttachment.NETWORK_INTERFACE,
      instanceVswitchId: token('hosts'),
    });
    const active = userDataOf(stack, 'Active');
    expect(active).toMatch(/ip rule add from \$\{alicloud_havip\.\w+\.ip_address\}\/32 table 101/);
    expect(active).toContain('awk -v ip="${var.a}"');
  });

  test('fails when the vSwitch CIDR block is unknown', () => {
    expectConstraintError(() => setup({ ...BY_ENI, vswitchCidr: undefined }).build(), ErrorCode.SubnetCidrUnknown, ['no vswitchCidr']);
  });

  test('fails when the vSwitch CIDR block is a token', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const vswitchCidr = new TerraformVariable(stack, 'cidr', { type: 'string' }).stringValue;
    expectConstraintError(() => new HaVipPair(stack, 'pair', {
      ...BY_ENI,
      vpcId: 'vpc-0123',
      vswitchId: 'vsw-0123',
      vswitchCidr,
      active: { privateIp: '10.0.1.10' },
      standby: { privateIp: '10.0.1.11' },
      instanceType: 'ecs.g7.large',
      imageId: 'image',
    }), ErrorCode.SubnetCidrUnknown, ['deploy time']);
  });

  test('fails when instanceVswitchId comes with instances attached', () => {
    expectConstraintError(() => setup({ instanceVswitchId: 'vsw-hosts' }).build(), ErrorCode.ConflictingProps, ['HaVipMemberAttachment.INSTANCE']);
  });

  test('fails when a member address is outside the vSwitch', () => {
    expectConstraintError(() => setup({ ...BY_ENI, active: { privateIp: '10.0.9.10' } }).build(), ErrorCode.AddressOutsideSubnet, ['active member']);
  });

  test('synthesizes as in the snapshot', () => {
    expect(Testing.synth(networkPair(HaVipMemberAttachment.NETWORK_INTERFACE))).toMatchSnapshot();
  });
});

describe('HaVipPair and NetworkRules', () => {
  test.each([HaVipMemberAttachment.INSTANCE, HaVipMemberAttachment.NETWORK_INTERFACE])('finds nothing above INFO with %s attachments', (attachment) => {
    // GIVEN the pair in a VPC of the stack WHEN the rules run THEN no finding above INFO (ALI051-ALI053 included)
    const findings = checkAli(networkPair(attachment));
    expect(findings.annotations.filter((f) => f.level !== RuleLevel.INFO)).toEqual([]);
  });
});

describeStandinTerraform('HaVipPair attached by ENI offline', () => {
  test('plans the ENIs and their attachments through the stand-in provider', async () => {
    // WHEN the pair is planned against an empty state
    const [plan] = await synthAndPlanWithStandin((app) => networkPair(HaVipMemberAttachment.NETWORK_INTERFACE, app));
    // THEN Terraform accepts it, with no warning, and attaches the ENIs to the HaVip
    expect(plan.warnings).toEqual([]);
    expect(plan.resourceChanges.every((change) => change.actions.join() === 'create')).toBe(true);
    const haVipAttachments = plan.resourceChanges.filter((change) => change.type === 'alicloud_havip_attachment');
    expect(haVipAttachments.map((a) => a.after.instance_type)).toEqual(['NetworkInterface', 'NetworkInterface']);
    expect(plan.resourceChanges.filter((change) => change.type === 'alicloud_ecs_network_interface_attachment')).toHaveLength(2);
  }, TERRAFORM_TEST_TIMEOUT_MS);
});
