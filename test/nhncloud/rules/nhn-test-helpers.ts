import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { NetworkRulesProps } from '../../../lib/checks/network-rules';
import { NetworkSuppressions } from '../../../lib/checks/network-suppressions';
import { NhnMarkerTag } from '../../../lib/nhncloud/rules/marker-tags';
import { RawResource } from '../../alicloud/rules/ali-test-helpers';
import { checkStack, Findings, testApp } from '../../checks/rule-test-helpers';

export { deployTime, problemOf, RawResource } from '../../alicloud/rules/ali-test-helpers';

/** A stack in a fresh test app (no provider block: the rules read resources only). */
export function nhnStack(): TerraformStack {
  return new TerraformStack(testApp(), 'stack');
}

/** The network most tests need: a VPC with two subnets in a routing table that has an internet gateway, and a security group `sg`. */
export interface NhnNetwork {
  readonly vpc: RawResource;
  readonly subnets: RawResource[];
  readonly table: RawResource;
  readonly group: RawResource;
}

/** A VPC 10.0.0.0/16 with subnets `subnet-a` (10.0.0.0/24) and `subnet-b` (10.0.1.0/24), routed to an internet gateway. */
export function nhnNetwork(scope: Construct): NhnNetwork {
  const vpc = new RawResource(scope, 'vpc', 'nhncloud_networking_vpc_v2', { name: 'main', cidrv4: '10.0.0.0/16' });
  const table = new RawResource(scope, 'rt', 'nhncloud_networking_routingtable_v2', { name: 'public', vpc_id: vpc.id });
  new RawResource(scope, 'igw', 'nhncloud_networking_routingtable_attach_gateway_v2', { routingtable_id: table.id, gateway_id: 'igw-0123' });
  const subnets = ['a', 'b'].map((zone, i) => new RawResource(scope, `subnet-${zone}`, 'nhncloud_networking_vpcsubnet_v2', {
    name: zone, vpc_id: vpc.id, cidr: `10.0.${i}.0/24`, routingtable_id: table.id,
  }));
  const group = new RawResource(scope, 'sg', 'nhncloud_networking_secgroup_v2', { name: 'app' });
  return { vpc, subnets, table, group };
}

/** An `nhncloud_networking_port_v2` in `subnet` (with `ip` when given). */
export function port(scope: Construct, id: string, subnet: RawResource, body: Record<string, unknown> = {}, ip?: string): RawResource {
  return new RawResource(scope, id, 'nhncloud_networking_port_v2', {
    network_id: 'net-0123',
    fixed_ip: [{ subnet_id: subnet.id, ...(ip ? { ip_address: ip } : {}) }],
    ...body,
  });
}

/** A virtual-IP port (tag `NhnMarkerTag.virtualIp`, no security groups) at `ip` in `subnet`. */
export function virtualIp(scope: Construct, id: string, subnet: RawResource, ip: string, body: Record<string, unknown> = {}): RawResource {
  return port(scope, id, subnet, { tags: [NhnMarkerTag.virtualIp], ...body }, ip);
}

/** A port that carries `vip` (its address in `allowed_address_pairs`, tag `NhnMarkerTag.carriesVirtualIp`). */
export function carrier(scope: Construct, id: string, subnet: RawResource, vip: RawResource, body: Record<string, unknown> = {}): RawResource {
  return port(scope, id, subnet, {
    tags: [NhnMarkerTag.carriesVirtualIp],
    allowed_address_pairs: [{ ip_address: vip.ref('all_fixed_ips[0]') }],
    ...body,
  });
}

/** An `nhncloud_compute_instance_v2`. */
export function instance(scope: Construct, id: string, body: Record<string, unknown>): RawResource {
  return new RawResource(scope, id, 'nhncloud_compute_instance_v2', { name: id, flavor_name: 'm2.c2m4', image_name: 'Ubuntu Server 22.04', ...body });
}

/** An `nhncloud_networking_floatingip_v2` and its `nhncloud_networking_floatingip_associate_v2` with `portId`. */
export function associateFloatingIp(scope: Construct, id: string, portId: string, body: Record<string, unknown> = {}): RawResource {
  const fip = new RawResource(scope, `${id}-fip`, 'nhncloud_networking_floatingip_v2', { pool: 'Public Network' });
  return new RawResource(scope, id, 'nhncloud_networking_floatingip_associate_v2', { floating_ip: fip.ref('address'), port_id: portId, ...body });
}

/** An ingress `nhncloud_networking_secgroup_rule_v2` of `group`. */
export function ingress(scope: Construct, id: string, group: RawResource, body: Record<string, unknown>): RawResource {
  return new RawResource(scope, id, 'nhncloud_networking_secgroup_rule_v2', { direction: 'ingress', ethertype: 'IPv4', security_group_id: group.id, ...body });
}

/**
 * Runs NetworkRules over a stack as `Testing.synth` does and returns the NHN Cloud findings: the
 * unsuppressed ones as annotations, every one (suppressed included) in the report. Fails when a
 * rule crashed, so that a rule bug never passes for a pass.
 */
export function checkNhn(stack: TerraformStack, props?: NetworkRulesProps): Findings {
  const { report } = checkStack(stack, props);
  const crashed = report.find((f) => f.message.includes('internal error'));
  if (crashed) throw new Error(`a rule crashed: ${crashed.message}`);
  return new Findings(report.filter((f) => !f.suppressed && f.ruleId.startsWith('NHN')).map(({ ruleId, level, path, message }) => ({ ruleId, level, path, message })), report);
}

/** Asserts that a rule enforcing a hard limit refuses to be suppressed (NHN Cloud would reject the configuration anyway). */
export function expectSuppressionRefused(ruleId: string): void {
  expect(() => NetworkSuppressions.addSuppressions(nhnStack(), [{ id: ruleId, reason: 'we know better than the API' }]))
    .toThrow(new RegExp(`\\[HardLimitNotSuppressible\\].*${ruleId}.*enforces a hard NHN Cloud limit`));
}

/** Suppresses a rule on a scope with a reason and returns the suppressed findings of that rule. */
export function suppressedFindings(stack: TerraformStack, scope: Construct, ruleId: string): Findings {
  NetworkSuppressions.addSuppressions(scope, [{ id: ruleId, reason: 'reviewed: intended' }]);
  return checkNhn(stack);
}
