import { TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { HaVipPair, HaVipPairProps } from '../../../lib/alicloud/patterns/havip-pair';
import { ErrorCode } from '../../../lib/core/error-codes';
import { expectConstraintError, resourcesOf } from '../../aws/fixtures';

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
