import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { NatEipBindMode, NatGatewayEips, NatGatewayEipsProps } from '../../../lib/alicloud/patterns/nat-gateway-eips';
import { ErrorCode } from '../../../lib/core/error-codes';
import { expectConstraintError, resourcesOf } from '../../aws/fixtures';

function setup(overrides: Partial<NatGatewayEipsProps> = {}) {
  const stack = new TerraformStack(Testing.app(), 'test');
  const props: NatGatewayEipsProps = { vpcId: 'vpc-0123', vswitchId: 'vsw-nat', ...overrides };
  return { stack, build: () => new NatGatewayEips(stack, 'egress', props) };
}

describe('NatGatewayEips', () => {
  test('creates an enhanced Internet NAT gateway, its EIPs, their associations and SNAT entries over all EIPs', () => {
    // GIVEN two EIPs and two SNAT sources
    const { stack, build } = setup({ eipCount: 2, snatSources: [{ sourceVswitchId: 'vsw-app' }, { sourceCidr: '10.0.2.0/24', name: 'batch' }] });
    // WHEN it is built
    const nat = build();
    // THEN the gateway is enhanced, in its vSwitch, in NAT bind mode
    expect(Object.values(resourcesOf(stack, 'alicloud_nat_gateway'))).toEqual([expect.objectContaining({
      nat_type: 'Enhanced', vswitch_id: 'vsw-nat', vpc_id: 'vpc-0123', eip_bind_mode: 'NAT', network_type: 'internet',
    })]);
    // AND each EIP is associated with it as a NAT gateway
    expect(Object.values(resourcesOf(stack, 'alicloud_eip_address'))).toHaveLength(2);
    const associations = Object.values(resourcesOf(stack, 'alicloud_eip_association'));
    expect(associations).toHaveLength(2);
    for (const association of associations) expect(association).toMatchObject({ instance_type: 'Nat', instance_id: expect.stringContaining('alicloud_nat_gateway.') });
    // AND each SNAT entry names one source and uses both EIPs, once they are associated
    const entries = Object.values(resourcesOf(stack, 'alicloud_snat_entry'));
    expect(entries.map((e) => [e.source_vswitch_id, e.source_cidr])).toEqual([['vsw-app', undefined], [undefined, '10.0.2.0/24']]);
    for (const entry of entries) {
      expect(entry.snat_ip.split(',')).toHaveLength(2);
      expect(entry.depends_on).toHaveLength(2);
    }
    expect(nat.eipAddresses).toHaveLength(2);
  });

  test('synthesizes as in the snapshot', () => {
    const { stack, build } = setup({ eipCount: 2, eipBindMode: NatEipBindMode.MULTI_BINDED, snatSources: [{ sourceVswitchId: 'vsw-app' }] });
    build();
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('takes 20 EIPs, the most a gateway takes', () => {
    const { stack, build } = setup({ eipCount: 20 });
    build();
    expect(Object.values(resourcesOf(stack, 'alicloud_eip_association'))).toHaveLength(20);
  });

  test('takes tokens for the vSwitch and the sources without guessing', () => {
    // GIVEN deploy-time ids and CIDR
    const stack = new TerraformStack(Testing.app(), 'test');
    const token = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    // WHEN the gateway is built THEN nothing is refused
    new NatGatewayEips(stack, 'egress', {
      vpcId: token('vpc'), vswitchId: token('vsw'), snatSources: [{ sourceCidr: token('cidr') }, { sourceVswitchId: token('app') }],
    });
    expect(Object.values(resourcesOf(stack, 'alicloud_snat_entry'))).toHaveLength(2);
  });

  test('fails when more than 20 EIPs are asked for', () => {
    expectConstraintError(() => setup({ eipCount: 21 }).build(), ErrorCode.TooManyNatGatewayEips, ['21', '1 to 20']);
  });

  test('fails when no EIP is asked for', () => {
    expectConstraintError(() => setup({ eipCount: 0 }).build(), ErrorCode.InvalidCount, ['eipCount']);
  });

  test('fails when a SNAT source names both a vSwitch and a CIDR', () => {
    expectConstraintError(() => setup({ snatSources: [{ sourceVswitchId: 'vsw-app', sourceCidr: '10.0.1.0/24' }] }).build(),
      ErrorCode.InvalidSnatSource, ['both sourceVswitchId and sourceCidr']);
  });

  test('fails when a SNAT source names neither', () => {
    expectConstraintError(() => setup({ snatSources: [{ name: 'app' }] }).build(), ErrorCode.InvalidSnatSource, ['neither']);
  });

  test('fails when a SNAT CIDR is no CIDR', () => {
    expectConstraintError(() => setup({ snatSources: [{ sourceCidr: '10.0.1.0/33' }] }).build(), ErrorCode.InvalidCidr);
  });

  test('fails when a SNAT source comes twice', () => {
    expectConstraintError(() => setup({ snatSources: [{ sourceVswitchId: 'vsw-app' }, { sourceVswitchId: 'vsw-app' }] }).build(), ErrorCode.DuplicateRule);
  });

  test('fails when the bind mode is unknown (JavaScript callers)', () => {
    expectConstraintError(() => setup({ eipBindMode: 'BINDED' as NatEipBindMode }).build(), ErrorCode.InvalidPropType, ['eipBindMode']);
  });
});
